// R231: conditions that refer to themselves, through condition names
// (HOT) or `Condition` (CloudFormation). Heat stops with "Circular
// definition for condition", but only when it evaluates one of them: it
// resolves conditions lazily, so a cycle nothing uses passes (checked with
// the Heat oracle). AWS CloudFormation rejects any, cfn-lint none; as for
// every form one engine accepts under AWSTemplateFormatVersion, only the
// cycles something reaches are reported. Each is reported once, at its
// first declared condition, with a note at every reference along it, as
// R240 does for resources.
#include <fmt/format.h>

#include <algorithm>
#include <vector>

#include "analysis/conditions/check_conditions.h"
#include "analysis/graph/report_cycles.h"

namespace isobar {

namespace {

// The conditions an engine evaluates: those a resource, an output or an
// `if` names, and every condition their definitions reach.
auto ReachedConditions(const Resolution& resolution,
                       const DependencyGraph& graph) -> std::vector<bool> {
  std::vector<bool> reached(graph.resource_count(), false);
  std::vector<uint32_t> work;
  for (const Reference& ref : resolution.references.references) {
    if (ref.kind != ReferenceKind::Condition ||
        ref.state != ReferenceState::Resolved ||
        ref.context == ValueContext::ConditionDefinition ||
        ref.target->index >= reached.size() || reached[ref.target->index]) {
      continue;
    }
    reached[ref.target->index] = true;
    work.push_back(ref.target->index);
  }
  while (!work.empty()) {
    uint32_t c = work.back();
    work.pop_back();
    for (uint32_t next : graph.DependenciesOf(c)) {
      if (!reached[next]) {
        reached[next] = true;
        work.push_back(next);
      }
    }
  }
  return reached;
}

}  // namespace

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
  std::vector<bool> reached = ReachedConditions(resolution, graph);
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
      "refers to",
      [&](std::span<const uint32_t> component) {
        return std::any_of(component.begin(), component.end(),
                           [&](uint32_t c) { return reached[c]; });
      }};
  ReportCycles(
      doc, graph, resolution.references,
      [&](uint32_t c) -> const NamedNode& { return tmpl.conditions[c]; },
      wording, emitter);
}

}  // namespace isobar
