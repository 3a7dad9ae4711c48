#include "analysis/graph/dependency_graph.h"

#include <algorithm>
#include <deque>
#include <limits>
#include <utility>

namespace isobar {

namespace {

// Whether a reference in `context` makes its owner depend on its target.
auto MakesEdge(ValueContext context) -> bool {
  return context == ValueContext::ResourceDependsOn ||
         context == ValueContext::ResourceProperties ||
         context == ValueContext::ResourceMetadata;
}

}  // namespace

DependencyGraph::DependencyGraph(uint32_t resource_count)
    : count_(resource_count), out_(resource_count),
      in_(resource_count),
      out_edges_(resource_count) {}

void DependencyGraph::AddEdge(uint32_t from, uint32_t to, uint32_t reference) {
  if (FindEdge(from, to) != nullptr) return;
  out_edges_[from].push_back(static_cast<uint32_t>(edges_.size()));
  edges_.push_back({from, to, reference});
  out_[from].push_back(to);
  in_[to].push_back(from);
}

auto DependencyGraph::FindEdge(uint32_t from, uint32_t to) const
    -> const DependencyEdge* {
  // Linear in the out-degree of `from`, not in the number of edges.
  for (uint32_t edge : out_edges_[from]) {
    if (edges_[edge].to == to) return &edges_[edge];
  }
  return nullptr;
}

auto DependencyGraph::TopologicalOrder() const
    -> std::optional<std::vector<uint32_t>> {
  // Kahn's algorithm; a resource is ready once all it needs is placed.
  std::vector<size_t> waiting(count_);
  std::vector<uint32_t> order;
  order.reserve(count_);
  for (uint32_t r = 0; r < count_; ++r) {
    waiting[r] = out_[r].size();
    if (waiting[r] == 0) order.push_back(r);
  }
  for (size_t next = 0; next < order.size(); ++next) {
    for (uint32_t dependent : in_[order[next]]) {
      if (--waiting[dependent] == 0) order.push_back(dependent);
    }
  }
  if (order.size() != count_) return std::nullopt;
  return order;
}

auto DependencyGraph::CyclicComponents() const
    -> std::vector<std::vector<uint32_t>> {
  constexpr uint32_t kUnvisited = std::numeric_limits<uint32_t>::max();
  std::vector<uint32_t> index(count_, kUnvisited);
  std::vector<uint32_t> low(count_, 0);
  std::vector<bool> on_stack(count_, false);
  std::vector<uint32_t> stack;
  // The explicit call stack: a resource and how many of its edges are done.
  std::vector<std::pair<uint32_t, size_t>> frames;
  std::vector<std::vector<uint32_t>> components;
  uint32_t next_index = 0;
  for (uint32_t root = 0; root < count_; ++root) {
    if (index[root] != kUnvisited) continue;
    frames.push_back({root, 0});
    index[root] = low[root] = next_index++;
    stack.push_back(root);
    on_stack[root] = true;
    while (!frames.empty()) {
      auto& [node, edge] = frames.back();
      if (edge < out_[node].size()) {
        uint32_t to = out_[node][edge++];
        if (index[to] == kUnvisited) {
          index[to] = low[to] = next_index++;
          stack.push_back(to);
          on_stack[to] = true;
          frames.push_back({to, 0});
        } else if (on_stack[to]) {
          low[node] = std::min(low[node], index[to]);
        }
        continue;
      }
      uint32_t done = node;
      frames.pop_back();
      if (!frames.empty()) {
        uint32_t parent = frames.back().first;
        low[parent] = std::min(low[parent], low[done]);
      }
      if (low[done] != index[done]) continue;
      std::vector<uint32_t> component;
      uint32_t member;
      do {
        member = stack.back();
        stack.pop_back();
        on_stack[member] = false;
        component.push_back(member);
      } while (member != done);
      if (component.size() > 1 || FindEdge(done, done) != nullptr) {
        std::sort(component.begin(), component.end());
        components.push_back(std::move(component));
      }
    }
  }
  std::sort(components.begin(), components.end());
  return components;
}

auto DependencyGraph::CycleThrough(uint32_t start,
                                   std::span<const uint32_t> component) const
    -> std::vector<uint32_t> {
  if (FindEdge(start, start) != nullptr) return {start};
  // Breadth-first from `start` inside the component, back to `start`.
  constexpr uint32_t kNone = std::numeric_limits<uint32_t>::max();
  std::vector<uint32_t> parent(count_, kNone);
  std::vector<bool> inside(count_, false);
  for (uint32_t r : component) inside[r] = true;
  std::deque<uint32_t> queue{start};
  parent[start] = start;
  uint32_t last = kNone;
  while (!queue.empty() && last == kNone) {
    uint32_t node = queue.front();
    queue.pop_front();
    for (uint32_t to : out_[node]) {
      if (to == start) {
        last = node;
        break;
      }
      if (!inside[to] || parent[to] != kNone) continue;
      parent[to] = node;
      queue.push_back(to);
    }
  }
  std::vector<uint32_t> cycle;
  for (uint32_t r = last; r != start && r != kNone; r = parent[r]) {
    cycle.push_back(r);
  }
  cycle.push_back(start);
  std::reverse(cycle.begin(), cycle.end());
  return cycle;
}

auto BuildDependencyGraph(const Template& tmpl, const ReferenceIndex& refs)
    -> DependencyGraph {
  if (tmpl.format != TemplateFormat::Hot &&
      tmpl.format != TemplateFormat::Cfn) {
    return {};
  }
  auto count = static_cast<uint32_t>(tmpl.resources.size());
  // The references that make edges, in the order they are written.
  std::vector<uint32_t> making;
  for (size_t i = 0; i < refs.references.size(); ++i) {
    const Reference& ref = refs.references[i];
    if (ref.state != ReferenceState::Resolved || !ref.target ||
        ref.target->kind != SymbolKind::Resource ||
        ref.target->is_pseudo() || ref.in_condition ||
        !MakesEdge(ref.context) || ref.owner >= count ||
        ref.target->index >= count) {
      continue;
    }
    // Heat gives a resource with an external_id no dependencies.
    if (tmpl.resources[ref.owner].external_id != kNoNode) continue;
    making.push_back(static_cast<uint32_t>(i));
  }
  std::stable_sort(making.begin(), making.end(), [&](uint32_t a, uint32_t b) {
    return refs.references[a].range.begin < refs.references[b].range.begin;
  });
  DependencyGraph graph(count);
  for (uint32_t i : making) {
    const Reference& ref = refs.references[i];
    graph.AddEdge(ref.owner, ref.target->index, i);
  }
  return graph;
}

}  // namespace isobar
