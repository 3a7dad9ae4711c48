// R231: conditions that refer to themselves, through condition names
// (HOT) or `Condition` (CloudFormation). Heat stops with "Circular
// definition for condition"; CloudFormation rejects the template. Each
// cycle is reported once, at its first declared condition, with a note at
// every reference along it, as R240 does for resources.
#include <fmt/format.h>

#include "analysis/conditions/check_conditions.h"
#include "analysis/graph/report_cycles.h"

namespace isobar {

void CheckConditionCycles(const Template& tmpl, const Resolution& resolution,
                          DiagnosticEmitter& emitter) {
  const Document& doc = tmpl.document;
  const auto& refs = resolution.references.references;
  auto count = static_cast<uint32_t>(tmpl.conditions.size());
  // The graph class is the resources' one; here its nodes are conditions.
  DependencyGraph graph(count);
  for (size_t i = 0; i < refs.size(); ++i) {
    const Reference& ref = refs[i];
    if (ref.kind != ReferenceKind::Condition ||
        ref.state != ReferenceState::Resolved ||
        ref.context != ValueContext::ConditionDefinition ||
        ref.owner >= count || ref.target->index >= count) {
      continue;
    }
    graph.AddEdge(ref.owner, ref.target->index, static_cast<uint32_t>(i));
  }
  CycleWording wording{
      DiagnosticKind::ConditionCycle,
      [](std::string_view name, std::string_view path) {
        return fmt::format("condition `{}` refers to itself: `{}`", name, path);
      },
      [](std::string_view path) {
        return fmt::format(
            "conditions refer to each other in a cycle `{}`; none of them can "
            "be evaluated",
            path);
      },
      "refers to"};
  ReportCycles(
      doc, graph, resolution.references,
      [&](uint32_t c) -> const NamedNode& { return tmpl.conditions[c]; },
      wording, emitter);
}

}  // namespace isobar
