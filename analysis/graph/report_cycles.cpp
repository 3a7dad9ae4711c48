#include "analysis/graph/report_cycles.h"

#include <vector>

namespace isobar {

void ReportCycles(const Document& doc, const DependencyGraph& graph,
                  const ReferenceIndex& refs,
                  const std::function<const NamedNode&(uint32_t)>& node,
                  const CycleWording& wording, DiagnosticEmitter& emitter) {
  for (const std::vector<uint32_t>& component : graph.CyclicComponents()) {
    if (wording.report_if && !wording.report_if(component)) continue;
    // Components are sorted: the first is the first declared node.
    std::vector<uint32_t> cycle = graph.CycleThrough(component[0], component);
    std::string path;
    for (uint32_t n : cycle) {
      path += node(n).name;
      path += " -> ";
    }
    path += node(cycle[0]).name;
    const NamedNode& first = node(cycle[0]);
    std::string message = cycle.size() == 1 ? wording.self(first.name, path)
                                            : wording.many(path);
    auto builder =
        emitter.Build(wording.kind, doc.LocationOf(first.name_range), "{}",
                      message);
    for (size_t i = 0; i < cycle.size(); ++i) {
      uint32_t from = cycle[i];
      uint32_t to = cycle[(i + 1) % cycle.size()];
      const Reference& ref = refs.references[graph.FindEdge(from, to)->reference];
      if (from == to) {
        builder.Note(doc.LocationOf(ref.range), "`{}` {} itself here",
                     node(from).name, wording.verb);
      } else {
        builder.Note(doc.LocationOf(ref.range), "`{}` {} `{}` here",
                     node(from).name, wording.verb, node(to).name);
      }
    }
    builder.Emit();
  }
}

}  // namespace isobar
