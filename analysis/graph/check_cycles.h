// The dependency-graph pass: builds the graph of the resolved template and
// reports each dependency cycle once (R240 dependency-cycle), at the first
// declared resource of the cycle, with a note at every edge's reference.
// Templates with a CloudFormation `Transform` get the graph but no report.
// docs/graph.md describes the design.
#pragma once

#include "analysis/graph/dependency_graph.h"
#include "analysis/references/resolve.h"
#include "diagnostics/emitter.h"

namespace isobar {

auto CheckDependencies(const Template& tmpl, const Resolution& resolution,
                       DiagnosticEmitter& emitter) -> DependencyGraph;

}  // namespace isobar
