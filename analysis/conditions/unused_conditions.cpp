// R232: a condition nothing uses, as cfn-lint's W8001. A condition is used
// when a resource's or output's condition, an `if`, or another condition's
// definition names it. A CloudFormation `Transform` may use conditions the
// template does not show (SAM, Fn::ForEach), so those are left alone.
#include <vector>

#include "analysis/conditions/check_conditions.h"

namespace isobar {

void CheckUnusedConditions(const Template& tmpl, const Resolution& resolution,
                           DiagnosticEmitter& emitter) {
  const Document& doc = tmpl.document;
  if (tmpl.format == TemplateFormat::Cfn &&
      doc.Find(doc.root(), "Transform") != nullptr) {
    return;
  }
  std::vector<bool> used(tmpl.conditions.size(), false);
  for (const Reference& ref : resolution.references.references) {
    if (ref.kind != ReferenceKind::Condition ||
        ref.state != ReferenceState::Resolved ||
        ref.target->index >= used.size()) {
      continue;
    }
    // A condition naming itself is a cycle (R231), not a use.
    if (ref.context == ValueContext::ConditionDefinition &&
        ref.owner == ref.target->index) {
      continue;
    }
    used[ref.target->index] = true;
  }
  for (size_t i = 0; i < used.size(); ++i) {
    if (used[i]) continue;
    emitter.Emit(DiagnosticKind::UnusedCondition,
                 doc.LocationOf(tmpl.conditions[i].name_range),
                 "condition `{}` is never used; no resource, output, `{}` or "
                 "other condition names it",
                 tmpl.conditions[i].name,
                 tmpl.format == TemplateFormat::Hot ? "if" : "Fn::If");
  }
}

}  // namespace isobar
