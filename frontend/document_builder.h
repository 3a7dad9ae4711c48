// DocumentBuilder: the one place where a document tree is assembled, fed by
// the YAML and JSON readers as a stream of events. It owns the rules that
// must be the same for both formats: duplicate keys (error at the second,
// note at the first), non-scalar keys, `<<` merges, alias sharing without
// expansion, and the nesting limit.
//
// Inside a mapping, nodes alternate key, value, key, value...
#pragma once

#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "diagnostics/emitter.h"
#include "frontend/document.h"

namespace isobar {

class DocumentBuilder {
 public:
  // Collections nested deeper than `max_depth` are reported once (R012) and
  // the document is marked failed.
  DocumentBuilder(const SourceBuffer& source, DiagnosticEmitter& emitter,
                  uint32_t max_depth);

  auto AddScalar(ByteRange range, std::string value, ScalarStyle style)
      -> NodeId;
  auto AddNull(ByteRange range) -> NodeId;
  // Adds an already built node again (a YAML alias). A node that is still
  // open (an alias inside its own anchor) is refused: returns kNoNode after
  // reporting, and adds a null in its place.
  auto AddAlias(NodeId target, ByteRange alias_range) -> NodeId;

  auto BeginMapping(uint32_t begin) -> NodeId;
  auto BeginSequence(uint32_t begin) -> NodeId;
  // Closes the innermost open collection. Without `end`, the collection ends
  // where its last child ends (block YAML); with it, at `end` (exclusive).
  void EndCollection(std::optional<uint32_t> end = std::nullopt);

  // Notes that a CloudFormation short-form tag was expanded at `tag`.
  void RecordShortFormTag(ByteRange tag) {
    document_.short_form_tags_.push_back(tag);
  }

  // How many entries `<<` merges may copy into one document in all. Each
  // merge copies its sources' entries, so a chain of mappings that each
  // merge the one before grows with the square of its length (a "merge
  // bomb": 5,000 lines made 12 million entries and 900 MB). Past this many
  // copied entries the merge is reported (R017) and the document fails.
  // Real templates copy a few thousand at most.
  static constexpr size_t kMaxMergedEntries = size_t{1} << 20;

  // How much comparing the values of duplicate keys may cost in one
  // document (see NodesEqualWithin): 20,000 duplicate keys naming two equal
  // lists of 100,000 items by alias took 9 s without a bound.
  static constexpr uint64_t kEqualityBudget = uint64_t{1} << 24;

  // Marks the result unusable (after a syntax error).
  void Fail() { failed_ = true; }
  auto failed() const -> bool { return failed_; }
  auto depth() const -> size_t { return stack_.size(); }

  // The finished document, or nullopt if anything failed or nothing was
  // added.
  auto Finish() -> std::optional<Document>;

 private:
  // A key seen twice in one mapping, reported when the mapping closes.
  struct Duplicate {
    ByteRange first_key_range;
    NodeId first_value;
    NodeId key;
    NodeId value;
  };

  struct Frame {
    NodeId id;
    // For mappings: a key waiting for its value.
    NodeId pending_key = kNoNode;
    // For mappings: `<<` sources and where their `<<` key is, merged at
    // the end.
    std::vector<std::pair<NodeId, ByteRange>> merges;
    std::vector<Duplicate> duplicates;
    // Where the last attached child ends (block collections end there).
    uint32_t last_end = 0;
    // For large mappings: key -> entry index, to find duplicates in O(1).
    std::unordered_map<std::string, uint32_t> index;
  };

  auto NewNode(NodeKind kind, ByteRange range) -> NodeId;
  auto BeginCollection(NodeKind kind, uint32_t begin) -> NodeId;
  // Attaches a finished node to the innermost open collection (or as root).
  void Attach(NodeId id);
  void AddEntry(Frame& frame, NodeId key, NodeId value);
  void ReportDuplicates(Frame& frame);
  void ApplyMerges(Frame& frame);
  auto FindEntry(Frame& frame, const std::string& key) -> const MapEntry*;

  Document document_;
  DiagnosticEmitter* emitter_;
  uint32_t max_depth_;
  std::vector<Frame> stack_;
  // Nodes whose collection is still open (for recursive-alias detection).
  std::vector<bool> open_;
  bool failed_ = false;
  bool depth_reported_ = false;
  // Entries copied by `<<` merges so far, against kMaxMergedEntries.
  size_t merged_entries_ = 0;
  // What is left of kEqualityBudget.
  uint64_t equality_budget_ = kEqualityBudget;
};

}  // namespace isobar
