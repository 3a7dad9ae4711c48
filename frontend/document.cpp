#include "frontend/document.h"

#include <algorithm>
#include <cstdint>
#include <unordered_set>

namespace isobar {

auto NodeKindDescription(NodeKind kind) -> std::string_view {
  switch (kind) {
    case NodeKind::Null:
      return "null";
    case NodeKind::Scalar:
      return "a scalar";
    case NodeKind::Sequence:
      return "a list";
    case NodeKind::Mapping:
      return "a mapping";
  }
  return "a node";
}

auto Document::Find(NodeId mapping, std::string_view key) const
    -> const MapEntry* {
  if (!IsMapping(mapping)) return nullptr;
  for (const MapEntry& entry : nodes_[mapping].entries) {
    if (entry.key == key) return &entry;
  }
  return nullptr;
}

auto NodesEqual(const Document& document, NodeId a, NodeId b) -> bool {
  uint64_t unlimited = UINT64_MAX;
  return *NodesEqualWithin(document, a, b, unlimited);
}

auto NodesEqualWithin(const Document& document, NodeId a, NodeId b,
                      uint64_t& budget) -> std::optional<bool> {
  // Iterative, and shared nodes compare once: an alias bomb stays cheap.
  std::vector<std::pair<NodeId, NodeId>> stack{{a, b}};
  // Pairs of collections already compared, as (x << 32) | y. A hash set:
  // a linear search here made comparing two equal lists of n mappings
  // O(n^2) (400,000 items took 15 s; found while fuzzing, docs/fuzzing.md).
  std::unordered_set<uint64_t> done;
  while (!stack.empty()) {
    auto [x, y] = stack.back();
    stack.pop_back();
    if (x == y) continue;
    const Node& nx = document.node(x);
    const Node& ny = document.node(y);
    uint64_t cost = 1 + std::min(nx.value.size(), ny.value.size());
    if (cost > budget) {
      budget = 0;
      return std::nullopt;
    }
    budget -= cost;
    if (nx.kind != ny.kind || nx.value != ny.value ||
        nx.items.size() != ny.items.size() ||
        nx.entries.size() != ny.entries.size()) {
      return false;
    }
    if (nx.items.empty() && nx.entries.empty()) continue;
    if (!done.insert((uint64_t{x} << 32) | y).second) continue;
    for (size_t i = 0; i < nx.items.size(); ++i) {
      stack.emplace_back(nx.items[i], ny.items[i]);
    }
    for (size_t i = 0; i < nx.entries.size(); ++i) {
      if (nx.entries[i].key != ny.entries[i].key) return false;
      stack.emplace_back(nx.entries[i].value, ny.entries[i].value);
    }
  }
  return true;
}

auto ExpandedSize(const Document& document, NodeId root, uint64_t cap,
                  NodeId* first_over) -> uint64_t {
  if (first_over != nullptr) *first_over = kNoNode;
  if (root == kNoNode) return 0;
  // Post-order over the DAG, each node once; sizes saturate at `cap`.
  std::vector<uint64_t> size(document.node_count(), 0);
  std::vector<std::pair<NodeId, bool>> stack{{root, false}};
  while (!stack.empty()) {
    auto [id, children_done] = stack.back();
    stack.pop_back();
    if (size[id] != 0) continue;
    const Node& node = document.node(id);
    auto children = [&](auto&& f) {
      for (NodeId item : node.items) f(item);
      for (const MapEntry& entry : node.entries) f(entry.value);
    };
    if (!children_done) {
      stack.push_back({id, true});
      children([&](NodeId child) {
        if (size[child] == 0) stack.push_back({child, false});
      });
      continue;
    }
    uint64_t total = 1;
    children([&](NodeId child) { total = std::min(cap, total + size[child]); });
    size[id] = total;
    if (total >= cap && first_over != nullptr && *first_over == kNoNode) {
      *first_over = id;
    }
  }
  return size[root];
}

void ForEachNodeOnce(const Document& document, NodeId root,
                     const std::function<void(NodeId)>& visit) {
  if (root == kNoNode) return;
  std::vector<bool> seen(document.node_count());
  std::vector<NodeId> stack{root};
  while (!stack.empty()) {
    NodeId id = stack.back();
    stack.pop_back();
    if (seen[id]) continue;
    seen[id] = true;
    visit(id);
    const Node& node = document.node(id);
    for (auto it = node.items.rbegin(); it != node.items.rend(); ++it) {
      stack.push_back(*it);
    }
    for (auto it = node.entries.rbegin(); it != node.entries.rend(); ++it) {
      stack.push_back(it->value);
    }
  }
}

}  // namespace isobar
