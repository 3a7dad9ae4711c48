// An owned, immutable copy of one input file plus its line table.
//
// Every location in isobar is a byte offset into a SourceBuffer; line and
// column are computed only at the edges (renderers, LSP), never stored.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace isobar {

// A half-open byte range [begin, end) into one SourceBuffer.
struct ByteRange {
  uint32_t begin = 0;
  uint32_t end = 0;

  auto empty() const -> bool { return begin == end; }
  friend auto operator==(const ByteRange&, const ByteRange&) -> bool = default;
};

// 1-based line and column. Columns count Unicode code points (like rustc),
// so a caret lines up under multi-byte characters.
struct LineColumn {
  uint32_t line = 1;
  uint32_t column = 1;
};

class SourceBuffer {
 public:
  // Takes ownership of `text`. `filename` is the name shown to users.
  SourceBuffer(std::string filename, std::string text);

  auto filename() const -> const std::string& { return filename_; }
  auto text() const -> std::string_view { return text_; }
  auto size() const -> uint32_t { return static_cast<uint32_t>(text_.size()); }

  // Line and column of a byte offset; offsets past the end clamp to the end.
  auto GetLineColumn(uint32_t offset) const -> LineColumn;
  // The byte offset where a 1-based line starts.
  auto LineStart(uint32_t line) const -> uint32_t;
  // The text of a 1-based line, without its line terminator.
  auto LineText(uint32_t line) const -> std::string_view;
  auto line_count() const -> uint32_t {
    return static_cast<uint32_t>(line_starts_.size());
  }

 private:
  std::string filename_;
  std::string text_;
  // Byte offset of the start of each line; line_starts_[0] == 0.
  std::vector<uint32_t> line_starts_;
  // Whether each line is pure ASCII (then a column is a byte count).
  std::vector<bool> ascii_lines_;
};

}  // namespace isobar
