#include "analysis/graph/check_cycles.h"

#include <string>
#include <vector>

namespace isobar {

auto CheckDependencies(const Template& tmpl, const Resolution& resolution,
                       DiagnosticEmitter& emitter) -> DependencyGraph {
  DependencyGraph graph = BuildDependencyGraph(tmpl, resolution.references);
  const Document& doc = tmpl.document;
  // SAM and AWS::LanguageExtensions rewrite the resources before
  // CloudFormation orders them (sam_w_conditions.yaml in cfn-lint's
  // fixtures has an alarm and a function naming each other).
  if (tmpl.format == TemplateFormat::Cfn &&
      doc.Find(doc.root(), "Transform") != nullptr) {
    return graph;
  }
  const auto& refs = resolution.references.references;
  for (const std::vector<uint32_t>& component : graph.CyclicComponents()) {
    // Components are sorted: the first is the first declared resource.
    std::vector<uint32_t> cycle = graph.CycleThrough(component[0], component);
    std::string path;
    for (uint32_t r : cycle) {
      path += tmpl.resources[r].name;
      path += " -> ";
    }
    path += tmpl.resources[cycle[0]].name;
    const Resource& first = tmpl.resources[cycle[0]];
    auto builder =
        cycle.size() == 1
            ? emitter.Build(DiagnosticKind::DependencyCycle,
                            doc.LocationOf(first.name_range),
                            "resource `{}` depends on itself: `{}`",
                            first.name, path)
            : emitter.Build(DiagnosticKind::DependencyCycle,
                            doc.LocationOf(first.name_range),
                            "dependency cycle `{}`; none of these resources "
                            "can be created",
                            path);
    for (size_t i = 0; i < cycle.size(); ++i) {
      uint32_t from = cycle[i];
      uint32_t to = cycle[(i + 1) % cycle.size()];
      const DependencyEdge* edge = graph.FindEdge(from, to);
      const Reference& ref = refs[edge->reference];
      if (from == to) {
        builder.Note(doc.LocationOf(ref.range), "`{}` depends on itself here",
                     tmpl.resources[from].name);
      } else {
        builder.Note(doc.LocationOf(ref.range), "`{}` depends on `{}` here",
                     tmpl.resources[from].name, tmpl.resources[to].name);
      }
    }
    builder.Emit();
  }
  return graph;
}

}  // namespace isobar
