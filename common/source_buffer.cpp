#include "common/source_buffer.h"

#include <algorithm>

namespace isobar {

SourceBuffer::SourceBuffer(std::string filename, std::string text)
    : filename_(std::move(filename)), text_(std::move(text)) {
  line_starts_.push_back(0);
  ascii_lines_.push_back(true);
  for (uint32_t i = 0; i < text_.size(); ++i) {
    if (static_cast<unsigned char>(text_[i]) >= 0x80) ascii_lines_.back() = false;
    // "\r\n" and "\n" end a line; a lone "\r" does too (as in YAML).
    if (text_[i] == '\n' ||
        (text_[i] == '\r' && (i + 1 == text_.size() || text_[i + 1] != '\n'))) {
      line_starts_.push_back(i + 1);
      ascii_lines_.push_back(true);
    }
  }
}

auto SourceBuffer::GetLineColumn(uint32_t offset) const -> LineColumn {
  offset = std::min(offset, size());
  auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  auto line = static_cast<uint32_t>(it - line_starts_.begin());
  uint32_t column = 1;
  uint32_t start = line_starts_[line - 1];
  // A UTF-8 byte-order mark is invisible in editors; it is not a column.
  if (start == 0 && text_.starts_with("\xEF\xBB\xBF")) start = std::min(3u, offset);
  // On an ASCII line bytes are columns: no scan, so many diagnostics on
  // one long line stay linear.
  if (ascii_lines_[line - 1]) return {line, column + (offset - start)};
  for (uint32_t i = start; i < offset; ++i) {
    // Count code points: skip UTF-8 continuation bytes.
    if ((static_cast<unsigned char>(text_[i]) & 0xC0) != 0x80) ++column;
  }
  return {line, column};
}

auto SourceBuffer::LineStart(uint32_t line) const -> uint32_t {
  if (line == 0) return 0;
  if (line > line_starts_.size()) return size();
  return line_starts_[line - 1];
}

auto SourceBuffer::LineText(uint32_t line) const -> std::string_view {
  if (line == 0 || line > line_starts_.size()) return {};
  uint32_t begin = line_starts_[line - 1];
  uint32_t end = line < line_starts_.size() ? line_starts_[line] : size();
  while (end > begin && (text_[end - 1] == '\n' || text_[end - 1] == '\r')) {
    --end;
  }
  return std::string_view(text_).substr(begin, end - begin);
}

}  // namespace isobar
