#include "analysis/references/resolve.h"

#include "analysis/references/check_references.h"

namespace isobar {

auto ResolveTemplate(const Template& tmpl, DiagnosticEmitter& emitter)
    -> Resolution {
  Resolution resolution(tmpl);
  if (tmpl.format != TemplateFormat::Hot &&
      tmpl.format != TemplateFormat::Cfn) {
    return resolution;
  }
  resolution.functions = IndexFunctions(tmpl);
  resolution.checked = CheckFunctions(tmpl, resolution.functions, emitter);
  resolution.references = ResolveReferences(
      tmpl, resolution.functions, resolution.checked, resolution.symbols);
  CheckReferences(tmpl, resolution.symbols, resolution.references, emitter);
  return resolution;
}

}  // namespace isobar
