// The position-carrying document tree that both the YAML and the JSON
// readers produce. It is ours: no yaml-cpp or nlohmann type leaves
// frontend/.
//
// Nodes live in one arena and are named by NodeId. YAML aliases are not
// expanded: an alias is the NodeId of its anchor's node, so a tree may be a
// DAG and an alias bomb costs one id per alias. Walkers that visit every
// node must remember what they have seen (see ForEachNodeOnce).
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/source_buffer.h"
#include "diagnostics/diagnostic.h"

namespace isobar {

using NodeId = uint32_t;
inline constexpr NodeId kNoNode = ~NodeId{0};

enum class NodeKind : uint8_t { Null, Scalar, Sequence, Mapping };

// How a scalar was written. Only plain scalars are typed (`yes`, `12`);
// quoted and block scalars are always strings.
enum class ScalarStyle : uint8_t { Plain, Quoted, Block };

// "a mapping", "a list", "a string", "null": for messages.
auto NodeKindDescription(NodeKind kind) -> std::string_view;

struct MapEntry {
  std::string key;
  ByteRange key_range;
  NodeId value = kNoNode;
};

struct Node {
  NodeKind kind = NodeKind::Null;
  ScalarStyle style = ScalarStyle::Plain;
  // The source text of the node: for a scalar its token (quotes included),
  // for a collection everything from its first to its last character.
  ByteRange range;
  // Scalar: the decoded value.
  std::string value;
  // Sequence: the items.
  std::vector<NodeId> items;
  // Mapping: entries in source order, `<<` merges applied at the end.
  std::vector<MapEntry> entries;
};

class Document {
 public:
  explicit Document(const SourceBuffer& source) : source_(&source) {}

  auto source() const -> const SourceBuffer& { return *source_; }
  auto root() const -> NodeId { return root_; }
  auto node(NodeId id) const -> const Node& { return nodes_[id]; }
  auto node_count() const -> size_t { return nodes_.size(); }

  auto kind(NodeId id) const -> NodeKind { return nodes_[id].kind; }
  auto IsMapping(NodeId id) const -> bool {
    return id != kNoNode && nodes_[id].kind == NodeKind::Mapping;
  }
  auto IsSequence(NodeId id) const -> bool {
    return id != kNoNode && nodes_[id].kind == NodeKind::Sequence;
  }
  auto IsScalar(NodeId id) const -> bool {
    return id != kNoNode && nodes_[id].kind == NodeKind::Scalar;
  }
  auto IsNull(NodeId id) const -> bool {
    return id != kNoNode && nodes_[id].kind == NodeKind::Null;
  }

  // The entry for `key` in a mapping, or null. Linear: use for the small
  // fixed-key maps of a template, not to index resources by name.
  auto Find(NodeId mapping, std::string_view key) const -> const MapEntry*;

  auto LocationOf(NodeId id) const -> Location {
    return {source_, nodes_[id].range};
  }
  auto LocationOf(ByteRange range) const -> Location { return {source_, range}; }

  // Where CloudFormation short-form tags (`!Ref`, ...) were expanded into
  // their long forms. Only CloudFormation accepts them; Heat's YAML loader
  // refuses any tag.
  auto short_form_tags() const -> const std::vector<ByteRange>& {
    return short_form_tags_;
  }

 private:
  friend class DocumentBuilder;

  const SourceBuffer* source_;
  std::vector<Node> nodes_;
  NodeId root_ = kNoNode;
  std::vector<ByteRange> short_form_tags_;
};

// True when two nodes hold the same data: same kinds, scalar values,
// items and entries (keys in order). Styles and ranges are ignored.
auto NodesEqual(const Document& document, NodeId a, NodeId b) -> bool;

// As NodesEqual, but gives up once the comparison has cost `budget` (one
// per pair of nodes, plus the bytes of scalar values compared), returning
// nullopt. The cost is subtracted from `budget`, so one budget can bound
// many comparisons: duplicate keys whose values are aliases of two large
// equal lists would otherwise compare the lists once per duplicate.
auto NodesEqualWithin(const Document& document, NodeId a, NodeId b,
                      uint64_t& budget) -> std::optional<bool>;

// How many nodes the tree under `root` would have if every alias were
// expanded, stopping at `cap` (the count saturates there). `first_over`
// receives the smallest subtree that alone passes `cap`, if any: the place
// to report an alias bomb. Linear in the number of distinct nodes.
auto ExpandedSize(const Document& document, NodeId root, uint64_t cap,
                  NodeId* first_over) -> uint64_t;

// Calls `visit` once for every node reachable from `root`, however many
// aliases share it. Iterative, so deep nesting cannot overflow the stack.
void ForEachNodeOnce(const Document& document, NodeId root,
                     const std::function<void(NodeId)>& visit);

}  // namespace isobar
