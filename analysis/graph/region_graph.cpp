#include "analysis/graph/region_graph.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "analysis/regions/cross_region.h"

namespace isobar {

namespace {

// A DOT double-quoted string.
auto Quote(std::string_view text) -> std::string {
  std::string out = "\"";
  for (char c : text) {
    if (c == '"' || c == '\\') out += '\\';
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    out += c;
  }
  return out + "\"";
}

// The strongest crossing first: identity, then data, then ordering.
auto Stronger(CrossingKind a, CrossingKind b) -> CrossingKind {
  return static_cast<uint8_t>(a) < static_cast<uint8_t>(b) ? a : b;
}

auto EdgeStyle(CrossingKind kind) -> std::string_view {
  switch (kind) {
    case CrossingKind::Identity:
      return "color=red, style=bold";
    case CrossingKind::Data:
      return "color=blue, style=dashed";
    case CrossingKind::Ordering:
      return "color=grey, style=dotted";
  }
  return "";
}

class RegionGraphWriter {
 public:
  RegionGraphWriter(const RegionFacts& facts, const DependencyGraph& graph)
      : facts_(facts), graph_(graph) {
    for (const RegionCrossing& c : ClassifyCrossings(facts)) {
      auto [it, added] = crossings_.try_emplace({c.consumer, c.producer}, c);
      if (!added && Stronger(c.kind, it->second.kind) != it->second.kind) {
        it->second = c;
      }
    }
  }

  auto Write(std::string_view name) -> std::string {
    out_ = fmt::format("digraph {} {{\n", Quote(name));
    out_ += "  graph [rankdir=LR, fontname=\"Helvetica\"];\n";
    out_ += "  node [shape=box, fontname=\"Helvetica\"];\n";
    out_ += "  edge [fontname=\"Helvetica\"];\n";
    for (const std::string& region : Regions()) {
      out_ += fmt::format("  subgraph {} {{\n    label={};\n",
                          Quote("cluster_" + region), Quote(region));
      for (uint32_t i = 0; i < facts_.tmpl.resources.size(); ++i) {
        if (ShownIn(i) == region) Node(i, "    ");
      }
      out_ += "  }\n";
    }
    for (uint32_t i = 0; i < facts_.tmpl.resources.size(); ++i) {
      if (ShownIn(i).empty()) Node(i, "  ");
    }
    for (const DependencyEdge& edge : graph_.edges()) Edge(edge);
    out_ += "}\n";
    return std::move(out_);
  }

 private:
  // A nested stack is drawn where its resources are created.
  auto ShownIn(uint32_t index) const -> const std::string& {
    const Placement& nested = facts_.placement.nested[index];
    return nested.region.empty() ? facts_.RegionOf(index) : nested.region;
  }

  auto Regions() const -> std::vector<std::string> {
    std::vector<std::string> regions;
    for (uint32_t i = 0; i < facts_.tmpl.resources.size(); ++i) {
      const std::string& region = ShownIn(i);
      if (!region.empty() &&
          std::find(regions.begin(), regions.end(), region) == regions.end()) {
        regions.push_back(region);
      }
    }
    const std::string& home = facts_.placement.home_region;
    std::sort(regions.begin(), regions.end(),
              [&](const std::string& a, const std::string& b) {
                return std::make_pair(a != home, a) < std::make_pair(b != home, b);
              });
    return regions;
  }

  void Node(uint32_t index, std::string_view indent) {
    const Resource& r = facts_.tmpl.resources[index];
    bool stack = !facts_.placement.nested[index].region.empty();
    out_ += fmt::format("{}{} [label={}{}];\n", indent, Quote(r.name),
                        Quote(fmt::format("{}\n{}", r.name, facts_.TypeName(index))),
                        stack ? ", shape=folder" : "");
  }

  void Edge(const DependencyEdge& edge) {
    const auto& tmpl = facts_.tmpl;
    std::string line = fmt::format("  {} -> {}", Quote(tmpl.resources[edge.from].name),
                                   Quote(tmpl.resources[edge.to].name));
    if (auto it = crossings_.find({edge.from, edge.to}); it != crossings_.end()) {
      const RegionCrossing& c = it->second;
      line += fmt::format(" [{}{}]", EdgeStyle(c.kind),
                          c.path.empty() ? "" : ", label=" + Quote(c.path));
    } else if (ShownIn(edge.from) != ShownIn(edge.to) &&
               !ShownIn(edge.from).empty() && !ShownIn(edge.to).empty()) {
      // Into or out of a nested stack's region, or through metadata: what
      // crosses is a value, or only the order.
      const Reference& ref = facts_.resolution.references.references[edge.reference];
      bool ordering = ref.context == ValueContext::ResourceDependsOn;
      line += fmt::format(" [{}]", EdgeStyle(ordering ? CrossingKind::Ordering
                                                      : CrossingKind::Data));
    }
    out_ += line + ";\n";
  }

  const RegionFacts& facts_;
  const DependencyGraph& graph_;
  std::map<std::pair<uint32_t, uint32_t>, RegionCrossing> crossings_;
  std::string out_;
};

}  // namespace

auto RenderRegionGraph(const RegionFacts& facts, const DependencyGraph& graph,
                       std::string_view name) -> std::string {
  return RegionGraphWriter(facts, graph).Write(name);
}

}  // namespace isobar
