#include "frontend/document.h"

#include <algorithm>

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
  // Iterative, and shared nodes compare once: an alias bomb stays cheap.
  std::vector<std::pair<NodeId, NodeId>> stack{{a, b}};
  std::vector<std::pair<NodeId, NodeId>> done;
  while (!stack.empty()) {
    auto [x, y] = stack.back();
    stack.pop_back();
    if (x == y) continue;
    const Node& nx = document.node(x);
    const Node& ny = document.node(y);
    if (nx.kind != ny.kind || nx.value != ny.value ||
        nx.items.size() != ny.items.size() ||
        nx.entries.size() != ny.entries.size()) {
      return false;
    }
    if (nx.items.empty() && nx.entries.empty()) continue;
    if (std::find(done.begin(), done.end(), std::pair{x, y}) != done.end()) {
      continue;
    }
    done.emplace_back(x, y);
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
