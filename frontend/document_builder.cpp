#include "frontend/document_builder.h"

#include <algorithm>

#include "common/check.h"

namespace isobar {

namespace {
// Below this many entries a linear scan beats hashing.
constexpr size_t kIndexThreshold = 8;
}  // namespace

DocumentBuilder::DocumentBuilder(const SourceBuffer& source,
                                 DiagnosticEmitter& emitter,
                                 uint32_t max_depth)
    : document_(source), emitter_(&emitter), max_depth_(max_depth) {}

auto DocumentBuilder::NewNode(NodeKind kind, ByteRange range) -> NodeId {
  auto id = static_cast<NodeId>(document_.nodes_.size());
  Node& node = document_.nodes_.emplace_back();
  node.kind = kind;
  node.range = range;
  open_.push_back(false);
  return id;
}

auto DocumentBuilder::AddScalar(ByteRange range, std::string value,
                                ScalarStyle style) -> NodeId {
  NodeId id = NewNode(NodeKind::Scalar, range);
  Node& node = document_.nodes_[id];
  node.value = std::move(value);
  node.style = style;
  Attach(id);
  return id;
}

auto DocumentBuilder::AddNull(ByteRange range) -> NodeId {
  NodeId id = NewNode(NodeKind::Null, range);
  Attach(id);
  return id;
}

auto DocumentBuilder::AddAlias(NodeId target, ByteRange alias_range)
    -> NodeId {
  if (target == kNoNode || open_[target]) {
    emitter_->Emit(DiagnosticKind::YamlSyntaxError,
                   document_.LocationOf(alias_range),
                   "alias refers to a collection that contains it; recursive "
                   "structures cannot be templates");
    failed_ = true;
    AddNull(alias_range);
    return kNoNode;
  }
  if (!stack_.empty()) {
    stack_.back().last_end = std::max(stack_.back().last_end, alias_range.end);
  }
  Attach(target);
  return target;
}

auto DocumentBuilder::BeginMapping(uint32_t begin) -> NodeId {
  return BeginCollection(NodeKind::Mapping, begin);
}

auto DocumentBuilder::BeginSequence(uint32_t begin) -> NodeId {
  return BeginCollection(NodeKind::Sequence, begin);
}

auto DocumentBuilder::BeginCollection(NodeKind kind, uint32_t begin) -> NodeId {
  NodeId id = NewNode(kind, {begin, begin});
  Attach(id);
  open_[id] = true;
  stack_.push_back(Frame{.id = id, .last_end = begin});
  if (stack_.size() > max_depth_ && !depth_reported_) {
    depth_reported_ = true;
    failed_ = true;
    emitter_->Emit(DiagnosticKind::NestingTooDeep,
                   document_.LocationOf(ByteRange{begin, begin + 1}),
                   "collections nest deeper than {} levels here; flatten the "
                   "structure",
                   max_depth_);
  }
  return id;
}

void DocumentBuilder::EndCollection(std::optional<uint32_t> end) {
  ISOBAR_CHECK(!stack_.empty(), "EndCollection without a collection");
  Frame& frame = stack_.back();
  Node& node = document_.nodes_[frame.id];
  if (node.kind == NodeKind::Mapping) {
    if (frame.pending_key != kNoNode) {
      // Only a reader bug leaves a key without a value; keep it as null.
      NodeId key = frame.pending_key;
      frame.pending_key = kNoNode;
      AddEntry(frame, key, NewNode(NodeKind::Null, document_.nodes_[key].range));
    }
    ReportDuplicates(frame);
    ApplyMerges(frame);
  }
  Node& closed = document_.nodes_[frame.id];
  closed.range.end = end ? *end : std::max(frame.last_end, closed.range.begin);
  open_[frame.id] = false;
  uint32_t closed_end = closed.range.end;
  stack_.pop_back();
  if (!stack_.empty()) {
    stack_.back().last_end = std::max(stack_.back().last_end, closed_end);
  }
}

void DocumentBuilder::Attach(NodeId id) {
  if (stack_.empty()) {
    if (document_.root_ == kNoNode) document_.root_ = id;
    return;
  }
  Frame& frame = stack_.back();
  const Node& child = document_.nodes_[id];
  if (!open_[id]) frame.last_end = std::max(frame.last_end, child.range.end);
  Node& parent = document_.nodes_[frame.id];
  if (parent.kind == NodeKind::Sequence) {
    parent.items.push_back(id);
    return;
  }
  if (frame.pending_key == kNoNode) {
    frame.pending_key = id;
    return;
  }
  NodeId key = frame.pending_key;
  frame.pending_key = kNoNode;
  AddEntry(frame, key, id);
}

auto DocumentBuilder::FindEntry(Frame& frame, const std::string& key)
    -> const MapEntry* {
  auto& entries = document_.nodes_[frame.id].entries;
  if (entries.size() > kIndexThreshold) {
    if (frame.index.empty()) {
      for (uint32_t i = 0; i < entries.size(); ++i) {
        frame.index.emplace(entries[i].key, i);
      }
    }
    auto it = frame.index.find(key);
    return it == frame.index.end() ? nullptr : &entries[it->second];
  }
  for (const MapEntry& entry : entries) {
    if (entry.key == key) return &entry;
  }
  return nullptr;
}

void DocumentBuilder::AddEntry(Frame& frame, NodeId key, NodeId value) {
  const Node& key_node = document_.nodes_[key];
  if (key_node.kind != NodeKind::Scalar) {
    emitter_->Emit(DiagnosticKind::NonScalarKey,
                   document_.LocationOf(key_node.range),
                   "mapping key is {}; keys must be strings",
                   NodeKindDescription(key_node.kind));
    return;
  }
  if (key_node.value == "<<" && key_node.style == ScalarStyle::Plain) {
    frame.merges.emplace_back(value, key_node.range);
    return;
  }
  if (const MapEntry* first = FindEntry(frame, key_node.value)) {
    // Reported when the mapping closes: the new value may still be open.
    frame.duplicates.push_back({first->key_range, first->value, key, value});
    // Like PyYAML (and so Heat), the last value wins.
    auto index = static_cast<size_t>(first - document_.nodes_[frame.id].entries.data());
    MapEntry& entry = document_.nodes_[frame.id].entries[index];
    entry.value = value;
    entry.key_range = key_node.range;
    return;
  }
  auto& entries = document_.nodes_[frame.id].entries;
  entries.push_back({key_node.value, key_node.range, value});
  if (!frame.index.empty()) {
    frame.index.emplace(key_node.value, entries.size() - 1);
  }
}

void DocumentBuilder::ReportDuplicates(Frame& frame) {
  for (const Duplicate& dup : frame.duplicates) {
    const Node& key = document_.nodes_[dup.key];
    // The same value twice loses nothing, so it is only worth a warning.
    // Comparing is bounded per document (equality_budget_): past it, the
    // values count as different and the duplicate is an error, which it
    // is in any case. Found with tests/fuzz/make_hostile_inputs.py.
    bool same = NodesEqualWithin(document_, dup.first_value, dup.value,
                                 equality_budget_)
                    .value_or(false);
    Location at = document_.LocationOf(key.range);
    auto builder =
        same ? emitter_->Build(DiagnosticKind::RedundantDuplicateKey, at,
                               "duplicate key `{}` repeats the same value; "
                               "remove one of them",
                               key.value)
             : emitter_->Build(DiagnosticKind::DuplicateKey, at,
                               "duplicate key `{}`; the later value would "
                               "silently win",
                               key.value);
    builder
        .Note(document_.LocationOf(dup.first_key_range),
              "`{}` first defined here", key.value)
        .Emit();
  }
  frame.duplicates.clear();
}

void DocumentBuilder::ApplyMerges(Frame& frame) {
  // Explicit keys win over merged ones, and earlier merge sources over later
  // ones (YAML 1.1 merge semantics, as PyYAML implements them).
  auto merge_one = [&](NodeId source, ByteRange where) {
    const Node& src = document_.nodes_[source];
    if (src.kind != NodeKind::Mapping) {
      emitter_->Emit(DiagnosticKind::InvalidMergeKey, document_.LocationOf(where),
                     "`<<` merges {}; it must merge a mapping or a list of "
                     "mappings",
                     NodeKindDescription(src.kind));
      return;
    }
    // A budget for the whole document: chained merges copy quadratically
    // many entries (found with tests/fuzz/make_hostile_inputs.py). It is
    // reported once, at the merge that crosses it; the document then
    // fails, so nothing is checked against a half-merged tree.
    if (merged_entries_ > kMaxMergedEntries) return;
    merged_entries_ += src.entries.size();
    if (merged_entries_ > kMaxMergedEntries) {
      failed_ = true;
      emitter_->Emit(DiagnosticKind::InvalidMergeKey,
                     document_.LocationOf(where),
                     "`<<` merges copy more than {} entries into this "
                     "document; chained merges grow with the square of their "
                     "length, so flatten them",
                     kMaxMergedEntries);
      return;
    }
    // Copy: the source vector may move while entries are appended.
    std::vector<MapEntry> merged = src.entries;
    for (MapEntry& entry : merged) {
      if (FindEntry(frame, entry.key) != nullptr) continue;
      auto& entries = document_.nodes_[frame.id].entries;
      entries.push_back(std::move(entry));
      if (!frame.index.empty()) {
        frame.index.emplace(entries.back().key, entries.size() - 1);
      }
    }
  };
  for (auto [source, key_range] : frame.merges) {
    const Node& src = document_.nodes_[source];
    if (src.kind == NodeKind::Sequence) {
      std::vector<NodeId> items = src.items;
      for (NodeId item : items) merge_one(item, key_range);
    } else {
      merge_one(source, key_range);
    }
  }
  frame.merges.clear();
}

auto DocumentBuilder::Finish() -> std::optional<Document> {
  ISOBAR_CHECK(stack_.empty(), "Finish with open collections");
  if (failed_ || document_.root_ == kNoNode) return std::nullopt;
  return std::move(document_);
}

}  // namespace isobar
