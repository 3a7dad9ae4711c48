// R235 and R236: a resource or output that refers to a resource its
// condition leaves out. Heat refuses the stack ("The specified reference
// ... is incorrect", checked with the Heat oracle), and CloudFormation
// fails with unresolved dependencies (cfn-lint warns, W1001). Error (R235)
// when it holds for every value a deployer could pass: the referrer is
// always created, the target never. Warning (R236) when it holds with the
// parameters' defaults. A reference inside an `if` / `Fn::If` is left
// alone: its branch may be the one the condition excludes. `depends_on`
// is left alone too: Heat drops a dependency on a resource left out. In
// an output only `get_attr` / `Fn::GetAtt` count: Heat resolves the other
// functions of an output only when it is read.
#include <fmt/format.h>

#include <string>

#include "analysis/conditions/check_conditions.h"

namespace isobar {

namespace {

auto InsideIf(const FunctionIndex& index, uint32_t call) -> bool {
  for (uint32_t c = call; c != kNoCall; c = index.call(c).parent) {
    FunctionId id = index.call(c).id;
    if (id == FunctionId::If || id == FunctionId::FnIf) return true;
  }
  return false;
}

}  // namespace

void CheckReferencesToDisabled(const Template& tmpl,
                               const Resolution& resolution,
                               const ConditionValues& values,
                               DiagnosticEmitter& emitter) {
  const Document& doc = tmpl.document;
  for (const Reference& ref : resolution.references.references) {
    bool output = ref.context == ValueContext::OutputValue ||
                  ref.context == ValueContext::OutputExport;
    bool resource = ref.context == ValueContext::ResourceProperties ||
                    ref.context == ValueContext::ResourceMetadata;
    bool attribute = ref.function == FunctionId::GetAttr ||
                     ref.function == FunctionId::FnGetAtt;
    if ((!output && !resource) || (output && !attribute) ||
        ref.state != ReferenceState::Resolved ||
        !ref.target || ref.target->kind != SymbolKind::Resource ||
        ref.target->is_pseudo() || ref.call == kNoCall ||
        InsideIf(resolution.functions, ref.call)) {
      continue;
    }
    const auto& given = output ? values.outputs_given : values.resources_given;
    const auto& defaults = output ? values.outputs : values.resources;
    uint32_t target = ref.target->index;
    if (ref.owner >= given.size() || target >= values.resources.size()) {
      continue;
    }
    const Resource& to = tmpl.resources[target];
    std::string_view what = output ? "output" : "resource";
    std::string_view from =
        output ? tmpl.outputs[ref.owner].name : tmpl.resources[ref.owner].name;
    std::string message;
    DiagnosticKind kind = DiagnosticKind::ReferenceToResourceNeverCreated;
    if (given[ref.owner].truth == Truth::True &&
        values.resources_given[target].truth == Truth::False) {
      message = fmt::format(
          "{} `{}` refers to resource `{}`, which is never created: its "
          "condition is false {}",
          what, from, to.name,
          values.resources_given[target].given
              ? "with the values given"
              : "whatever the parameter values");
    } else if (defaults[ref.owner].truth == Truth::True &&
               values.resources[target].truth == Truth::False) {
      kind = DiagnosticKind::ReferenceToResourceNotCreatedWithDefaults;
      message = fmt::format(
          "{} `{}` refers to resource `{}`, which the parameters' default "
          "values leave out; the stack fails with them",
          what, from, to.name);
    } else {
      continue;
    }
    emitter.Build(kind, doc.LocationOf(ref.range), "{}", message)
        .Note(doc.LocationOf(to.condition), "`{}` has this condition",
              to.name)
        .Emit();
  }
}

}  // namespace isobar
