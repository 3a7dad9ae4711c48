#include "frontend/document.h"

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
