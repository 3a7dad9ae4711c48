// The resource graph as Graphviz DOT (`isobar graph`): one cluster per
// region, each resource a node labelled with its name and type, an edge
// `a -> b` when `a` needs `b` (DependencyGraph). Edges between regions are
// styled by what crosses (the classification cross_region.h gives the
// R401/R402 checks): identity red and bold, data blue and dashed,
// ordering grey and dotted. An OS::Heat::Stack that creates its template
// in another region (`context.region_name`) is drawn in that region's
// cluster. Resources whose region is unknown stay outside every cluster.
//
// The text is deterministic: clusters in order of the home region first,
// then by name; nodes and edges in declaration order.
#pragma once

#include <string>

#include "analysis/graph/dependency_graph.h"
#include "analysis/regions/region_facts.h"

namespace isobar {

// `name` is the graph's name (the template's file name).
auto RenderRegionGraph(const RegionFacts& facts, const DependencyGraph& graph,
                       std::string_view name) -> std::string;

}  // namespace isobar
