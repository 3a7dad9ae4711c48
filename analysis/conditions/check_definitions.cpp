// R230: a condition definition that is neither a boolean nor a condition
// function. Heat refuses anything else ("The definition of condition ...
// is invalid"), and so do CloudFormation and cfn-lint (E8001). A call
// that another check already reports (removed, unknown, not allowed in a
// condition) is left to it: one mistake, one diagnostic.
#include "analysis/conditions/check_conditions.h"
#include "analysis/conditions/condition_shape.h"
#include "analysis/functions/argument_rules.h"

namespace isobar {

namespace {

auto ReportedElsewhere(const Resolution& resolution, NodeId node) -> bool {
  uint32_t call = resolution.functions.CallAt(node, true);
  if (call == kNoCall) return false;
  CallStatus status = resolution.functions.call(call).status;
  return status == CallStatus::Removed || status == CallStatus::Unknown ||
         status == CallStatus::InvalidInCondition;
}

}  // namespace

void CheckConditionDefinitions(const Template& tmpl,
                               const Resolution& resolution,
                               DiagnosticEmitter& emitter) {
  const Document& doc = tmpl.document;
  bool hot = tmpl.format == TemplateFormat::Hot;
  ArgumentContext describe(tmpl, resolution.functions, emitter);
  for (const NamedNode& condition : tmpl.conditions) {
    NodeId node = condition.node;
    // AWS::LanguageExtensions loops generate conditions; not one itself.
    if (condition.name.starts_with("Fn::ForEach::")) continue;
    if (DefinitionBoolean(tmpl, node) ||
        DefinitionCall(tmpl, resolution, node) != kNoCall ||
        ReportedElsewhere(resolution, node)) {
      continue;
    }
    Location where = doc.LocationOf(node);
    if (doc.node(node).range.empty()) where = doc.LocationOf(condition.name_range);
    std::string found = describe.Describe(node);
    uint32_t call = resolution.functions.CallAt(node, true);
    if (call != kNoCall && resolution.functions.call(call).status ==
                               CallStatus::NotInVersion) {
      // A function of a later version: Heat reads the mapping as data.
      found = fmt::format("`{}`, which this version reads as a plain mapping",
                          resolution.functions.call(call).name);
    }
    auto named = doc.IsScalar(node)
                     ? resolution.symbols.Find(SymbolKind::Condition,
                                               doc.node(node).value)
                     : std::nullopt;
    if (named) {
      auto builder =
          hot ? emitter.Build(DiagnosticKind::InvalidConditionDefinition,
                              where,
                              "condition `{}` is defined as {}; Heat takes a "
                              "condition name only as an operand of `not`, "
                              "`and`, `or` or `if`",
                              condition.name, found)
              : emitter.Build(DiagnosticKind::InvalidConditionDefinition,
                              where,
                              "condition `{}` is defined as {}; to reuse "
                              "condition `{}`, write `{{Condition: {}}}`",
                              condition.name, found, named->name,
                              named->name);
      builder
          .Note(doc.LocationOf(resolution.symbols.DeclarationRange(*named)),
                "`{}` is declared here", named->name)
          .Emit();
      continue;
    }
    if (hot && doc.IsScalar(node) &&
        doc.node(node).style == ScalarStyle::Quoted &&
        (doc.node(node).value == "true" || doc.node(node).value == "false")) {
      emitter.Emit(DiagnosticKind::InvalidConditionDefinition, where,
                   "condition `{}` is defined as {}; for a boolean, write "
                   "`{}` without quotes",
                   condition.name, found, doc.node(node).value);
      continue;
    }
    emitter.Emit(DiagnosticKind::InvalidConditionDefinition, where,
                 "condition `{}` is defined as {}; a condition must be {}",
                 condition.name, found,
                 hot ? "a boolean or a condition function (`equals`, `not`, "
                       "`and`, `or`, ...)"
                     : "`Fn::Equals`, `Fn::And`, `Fn::Or`, `Fn::Not`, "
                       "`Condition` or a boolean");
  }
}

}  // namespace isobar
