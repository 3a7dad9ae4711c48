// Reports each cycle of a DependencyGraph once, at its first node, with
// the path in the message and a note at every edge's reference. Shared by
// resource cycles (R240) and condition cycles (R231), whose graphs have
// the same shape: nodes index a template list, edges carry a reference.
#pragma once

#include <functional>
#include <span>
#include <string>
#include <string_view>

#include "analysis/graph/dependency_graph.h"
#include "diagnostics/emitter.h"

namespace isobar {

struct CycleWording {
  DiagnosticKind kind;
  // The message for a node on a cycle of its own, and for a longer cycle,
  // given the first node's name and the path `a -> b -> a`.
  std::function<std::string(std::string_view name, std::string_view path)>
      self;
  std::function<std::string(std::string_view path)> many;
  // How an edge reads in notes: "depends on", "refers to".
  std::string_view verb;
  // Which cycles to report, given one's nodes; all when empty.
  std::function<bool(std::span<const uint32_t> component)> report_if;
};

void ReportCycles(const Document& doc, const DependencyGraph& graph,
                  const ReferenceIndex& refs,
                  const std::function<const NamedNode&(uint32_t)>& node,
                  const CycleWording& wording, DiagnosticEmitter& emitter);

}  // namespace isobar
