// Byte-level scanning of YAML tokens, for the YAML reader.
//
// yaml-cpp reports where a node starts (the byte offset of its first
// property or, without properties, of its content) but never where it ends.
// These functions find the ends by looking at the source from that start.
// Each one reads only the token it measures plus the separation around it,
// so the reader stays linear in the size of the file.
//
// All offsets are byte offsets into `text`; positions past the end clamp to
// `text.size()`.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

#include "common/source_buffer.h"

namespace isobar {

// The properties (`&anchor`, `!tag`) in front of a node and where its
// content begins.
struct YamlNodeStart {
  // `&name`; empty (at the start) when the node has no anchor.
  ByteRange anchor;
  // `!Name`, `!!str`, `!<verbatim>`; empty when the node has no tag.
  ByteRange tag;
  // Just past the last property, or the start when there are none.
  uint32_t properties_end = 0;
  // The first byte of the content: a quote, `[`, `-`, a plain character...
  // Separation between properties and content (spaces, line breaks,
  // comments) is skipped.
  uint32_t content = 0;
};

// Reads the properties at `pos`. yaml-cpp tells which ones a node has;
// only those are read, so that `&k key: v` (an anchor on a mapping's first
// key, not on the mapping) is not taken for the mapping's anchor.
auto ScanYamlNodeStart(std::string_view text, uint32_t pos, bool has_anchor,
                       bool has_tag) -> YamlNodeStart;

// The end (exclusive) of the `"..."` or `'...'` scalar whose opening quote
// is at `begin`; nullopt when the file ends before the closing quote.
auto ScanYamlQuotedEnd(std::string_view text, uint32_t begin)
    -> std::optional<uint32_t>;

// The end of the `|` or `>` block scalar whose indicator is at `begin`:
// the end of its last non-blank content line, trailing spaces trimmed, or
// the end of the header when it has no content. `parent_indent` is the
// column of the enclosing block collection (-1 at the top level); content
// lines are indented deeper than it.
auto ScanYamlBlockScalarEnd(std::string_view text, uint32_t begin,
                            int parent_indent) -> uint32_t;

// The end of the plain scalar starting at `begin`, trailing spaces trimmed.
// `value_size` is the length of the value yaml-cpp decoded: a plain scalar
// longer than its first line continues on the following lines, and the
// lengths tell how many (so the indentation rules need not be redone).
// `in_flow` makes `,[]{}` end the scalar.
auto ScanYamlPlainEnd(std::string_view text, uint32_t begin, size_t value_size,
                      bool in_flow) -> uint32_t;

// The end of the anchor or alias name after the `&` or `*` at `begin`.
auto ScanYamlNameEnd(std::string_view text, uint32_t begin) -> uint32_t;

// The end of the tag whose `!` is at `begin`.
auto ScanYamlTagEnd(std::string_view text, uint32_t begin) -> uint32_t;

// Skips spaces, tabs, line breaks and comments from `pos`.
auto SkipYamlSeparation(std::string_view text, uint32_t pos) -> uint32_t;

// Finds the `close` bracket (`]` or `}`) of a flow collection whose last
// child ends at `pos`, skipping separation and `,`. Returns one past the
// bracket, or nullopt when something else comes first.
auto FindYamlFlowEnd(std::string_view text, uint32_t pos, char close)
    -> std::optional<uint32_t>;

// Where an empty node (an omitted value or item) sits: just past the last
// indicator (`:`, `-`, `?`, and `,` in flow) between `cursor`, the end of
// the previous token, and `limit`, the start of the next token.
auto PlaceYamlEmptyNode(std::string_view text, uint32_t cursor, uint32_t limit,
                        bool in_flow) -> uint32_t;

// The end of the explicit null (`~`, `null`, `Null`, `NULL`) at `pos`, or
// nullopt when there is none. A null word followed by `: ` is the next
// mapping key, not a value, and does not count unless `is_key`.
auto ScanYamlNullWord(std::string_view text, uint32_t pos, bool in_flow,
                      bool is_key) -> std::optional<uint32_t>;

// The column (in bytes) of `pos` within its line.
auto YamlColumnOf(std::string_view text, uint32_t pos) -> int;

}  // namespace isobar
