#include "analysis/conditions/check_conditions.h"

namespace isobar {

auto CheckConditions(const Template& tmpl, const Resolution& resolution,
                     const TemplateContext& context, std::string_view region,
                     DiagnosticEmitter& emitter) -> ConditionValues {
  if ((tmpl.format != TemplateFormat::Hot &&
       tmpl.format != TemplateFormat::Cfn) ||
      !HasConditions(tmpl)) {
    return {};
  }
  CheckConditionDefinitions(tmpl, resolution, emitter);
  CheckConditionCycles(tmpl, resolution, emitter);
  CheckUnusedConditions(tmpl, resolution, emitter);
  // Two evaluations: with only the values given (true of every deployment
  // with those values), and with the defaults too (the deployment lint
  // describes). Each is linear in the number of condition nodes.
  ConditionValues values = CheckDisabledByConditions(
      tmpl, resolution, {&context, false, region}, {&context, true, region},
      emitter);
  CheckReferencesToDisabled(tmpl, resolution, values, emitter);
  return values;
}

}  // namespace isobar
