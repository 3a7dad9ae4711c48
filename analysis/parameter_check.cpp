#include "analysis/parameter_check.h"

#include "analysis/parameter_model.h"

namespace isobar {

void CheckParameters(const Template& tmpl, DiagnosticEmitter& emitter) {
  if (tmpl.format != TemplateFormat::Hot && tmpl.format != TemplateFormat::Cfn) {
    return;
  }
  ParamContext ctx(tmpl, emitter);
  for (const Parameter& p : tmpl.parameters) {
    if (auto spec = ReadParamSpec(ctx, p)) CheckDefault(ctx, *spec);
  }
  CheckParameterGroups(ctx);
}

}  // namespace isobar
