#include "frontend/yaml_token_scan.h"

#include <algorithm>

namespace isobar {

namespace {

auto Size(std::string_view text) -> uint32_t {
  return static_cast<uint32_t>(text.size());
}

auto IsBlank(char c) -> bool { return c == ' ' || c == '\t'; }

auto IsBreak(char c) -> bool { return c == '\n' || c == '\r'; }

auto IsFlowIndicator(char c) -> bool {
  return c == ',' || c == '[' || c == ']' || c == '{' || c == '}';
}

// True at the end of the text or before a space, tab or line break.
auto IsSpaceOrEnd(std::string_view text, uint32_t pos) -> bool {
  return pos >= text.size() || IsBlank(text[pos]) || IsBreak(text[pos]);
}

// A `:` at `pos` that separates a key from its value.
auto IsValueIndicator(std::string_view text, uint32_t pos, bool in_flow)
    -> bool {
  if (pos >= text.size() || text[pos] != ':') return false;
  return IsSpaceOrEnd(text, pos + 1) ||
         (in_flow && IsFlowIndicator(text[pos + 1]));
}

// Trims spaces, tabs and carriage returns before `end`, not below `begin`.
auto TrimEnd(std::string_view text, uint32_t begin, uint32_t end) -> uint32_t {
  while (end > begin && (IsBlank(text[end - 1]) || text[end - 1] == '\r')) {
    --end;
  }
  return end;
}

// The end of one line of a plain scalar from `pos`: before `: `, ` #`, the
// line break, and in flow context a flow indicator. Sets `at_line_end` when
// the line break (or the end of the text) stopped it.
auto PlainSegmentEnd(std::string_view text, uint32_t pos, bool in_flow,
                     bool& at_line_end) -> uint32_t {
  uint32_t begin = pos;
  at_line_end = false;
  while (true) {
    if (pos >= text.size() || IsBreak(text[pos])) {
      at_line_end = true;
      break;
    }
    char c = text[pos];
    if (IsValueIndicator(text, pos, in_flow)) break;
    if (IsBlank(c) && pos + 1 < text.size() && text[pos + 1] == '#') break;
    if (in_flow && IsFlowIndicator(c)) break;
    ++pos;
  }
  return TrimEnd(text, begin, pos);
}

// Moves past the line break at `pos` (LF, CRLF or CR).
auto SkipBreak(std::string_view text, uint32_t pos) -> uint32_t {
  if (pos < text.size() && text[pos] == '\r') ++pos;
  if (pos < text.size() && text[pos] == '\n') ++pos;
  return pos;
}

}  // namespace

auto ScanYamlNameEnd(std::string_view text, uint32_t begin) -> uint32_t {
  uint32_t pos = begin + 1;
  // Names end where yaml-cpp ends them: at a blank or a flow indicator.
  while (pos < text.size() && !IsSpaceOrEnd(text, pos) &&
         !IsFlowIndicator(text[pos])) {
    ++pos;
  }
  return std::min(pos, Size(text));
}

auto ScanYamlTagEnd(std::string_view text, uint32_t begin) -> uint32_t {
  uint32_t pos = begin + 1;
  if (pos < text.size() && text[pos] == '<') {
    // Verbatim `!<...>`.
    while (pos < text.size() && text[pos] != '>' && !IsBreak(text[pos])) ++pos;
    if (pos < text.size() && text[pos] == '>') ++pos;
    return pos;
  }
  while (pos < text.size() && !IsSpaceOrEnd(text, pos) &&
         !IsFlowIndicator(text[pos])) {
    ++pos;
  }
  return std::min(pos, Size(text));
}

auto SkipYamlSeparation(std::string_view text, uint32_t pos) -> uint32_t {
  while (pos < text.size()) {
    char c = text[pos];
    if (IsBlank(c) || IsBreak(c)) {
      ++pos;
    } else if (c == '#') {
      while (pos < text.size() && !IsBreak(text[pos])) ++pos;
    } else {
      break;
    }
  }
  return std::min(pos, Size(text));
}

auto ScanYamlNodeStart(std::string_view text, uint32_t pos, bool has_anchor,
                       bool has_tag) -> YamlNodeStart {
  pos = std::min(pos, Size(text));
  YamlNodeStart start{.anchor = {pos, pos},
                      .tag = {pos, pos},
                      .properties_end = pos,
                      .content = pos};
  // At most one anchor and one tag, in either order.
  for (int i = 0; i < 2; ++i) {
    if (pos >= text.size()) break;
    if (has_anchor && text[pos] == '&') {
      start.anchor = {pos, ScanYamlNameEnd(text, pos)};
      start.properties_end = start.anchor.end;
      has_anchor = false;
    } else if (has_tag && text[pos] == '!') {
      start.tag = {pos, ScanYamlTagEnd(text, pos)};
      start.properties_end = start.tag.end;
      has_tag = false;
    } else {
      break;
    }
    pos = SkipYamlSeparation(text, start.properties_end);
  }
  start.content = pos;
  return start;
}

auto ScanYamlQuotedEnd(std::string_view text, uint32_t begin)
    -> std::optional<uint32_t> {
  char quote = text[begin];
  uint32_t pos = begin + 1;
  while (pos < text.size()) {
    char c = text[pos];
    if (quote == '"' && c == '\\') {
      pos += 2;
      continue;
    }
    if (c == quote) {
      // `''` is an escaped quote inside a single-quoted scalar.
      if (quote == '\'' && pos + 1 < text.size() && text[pos + 1] == '\'') {
        pos += 2;
        continue;
      }
      return pos + 1;
    }
    ++pos;
  }
  return std::nullopt;
}

auto ScanYamlBlockScalarEnd(std::string_view text, uint32_t begin,
                            int parent_indent) -> uint32_t {
  // Header: the indicator, then an indentation digit and a chomping
  // indicator in either order, then an optional comment.
  uint32_t header_end = begin + 1;
  int explicit_indent = 0;
  for (int i = 0; i < 2 && header_end < text.size(); ++i) {
    char c = text[header_end];
    if (c >= '1' && c <= '9') {
      explicit_indent = c - '0';
    } else if (c != '+' && c != '-') {
      break;
    }
    ++header_end;
  }
  uint32_t pos = header_end;
  while (pos < text.size() && !IsBreak(text[pos])) ++pos;
  pos = SkipBreak(text, pos);

  int content_indent =
      explicit_indent > 0 ? std::max(parent_indent, 0) + explicit_indent : -1;
  uint32_t end = header_end;
  while (pos < text.size()) {
    uint32_t line = pos;
    while (pos < text.size() && text[pos] == ' ') ++pos;
    auto indent = static_cast<int>(pos - line);
    uint32_t line_end = pos;
    while (line_end < text.size() && !IsBreak(text[line_end])) ++line_end;
    bool blank = TrimEnd(text, pos, line_end) == pos;
    if (!blank) {
      if (content_indent < 0) {
        // Auto-detected from the first non-blank line.
        if (indent <= parent_indent) break;
        content_indent = indent;
      }
      if (indent < content_indent) break;
      if (indent == 0 &&
          (text.substr(pos, 3) == "---" || text.substr(pos, 3) == "...")) {
        break;
      }
      end = TrimEnd(text, pos, line_end);
    }
    pos = SkipBreak(text, line_end);
    if (pos == line_end) break;
  }
  return end;
}

auto ScanYamlPlainEnd(std::string_view text, uint32_t begin, size_t value_size,
                      bool in_flow) -> uint32_t {
  bool at_line_end = false;
  uint32_t end = PlainSegmentEnd(text, begin, in_flow, at_line_end);
  // A plain scalar's first line is copied into the value verbatim; each
  // further line adds one separator (a space, or one newline per blank
  // line) plus its text.
  size_t consumed = end - begin;
  uint32_t pos = end;
  while (consumed < value_size && at_line_end && pos < text.size()) {
    while (pos < text.size() && !IsBreak(text[pos])) ++pos;
    size_t breaks = 0;
    uint32_t segment = pos;
    while (segment < text.size()) {
      uint32_t next = SkipBreak(text, segment);
      if (next == segment) break;
      segment = next;
      while (segment < text.size() && IsBlank(text[segment])) ++segment;
      if (segment >= text.size() || !IsBreak(text[segment])) break;
      ++breaks;
    }
    if (segment >= text.size() || text[segment] == '#') break;
    uint32_t segment_end = PlainSegmentEnd(text, segment, in_flow, at_line_end);
    if (segment_end == segment) break;
    consumed += std::max<size_t>(breaks, 1) + (segment_end - segment);
    end = segment_end;
    pos = segment_end;
  }
  return end;
}

auto FindYamlFlowEnd(std::string_view text, uint32_t pos, char close)
    -> std::optional<uint32_t> {
  while (true) {
    pos = SkipYamlSeparation(text, pos);
    if (pos < text.size() && text[pos] == ',') {
      ++pos;
      continue;
    }
    break;
  }
  if (pos < text.size() && text[pos] == close) return pos + 1;
  return std::nullopt;
}

auto PlaceYamlEmptyNode(std::string_view text, uint32_t cursor, uint32_t limit,
                        bool in_flow) -> uint32_t {
  limit = std::min(limit, Size(text));
  uint32_t place = std::min(cursor, limit);
  uint32_t pos = place;
  while (pos < limit) {
    char c = text[pos];
    if (IsBlank(c) || IsBreak(c)) {
      ++pos;
    } else if (c == '#') {
      while (pos < limit && !IsBreak(text[pos])) ++pos;
    } else if (c == ':' || c == '-' || c == '?' || (in_flow && c == ',')) {
      place = ++pos;
    } else {
      break;
    }
  }
  return place;
}

auto ScanYamlNullWord(std::string_view text, uint32_t pos, bool in_flow,
                      bool is_key) -> std::optional<uint32_t> {
  std::string_view rest = text.substr(std::min(pos, Size(text)));
  uint32_t length = 0;
  if (rest.starts_with("~")) {
    length = 1;
  } else if (rest.starts_with("null") || rest.starts_with("Null") ||
             rest.starts_with("NULL")) {
    length = 4;
  } else {
    return std::nullopt;
  }
  uint32_t end = pos + length;
  bool ends_token = IsSpaceOrEnd(text, end) || text[end] == ':' ||
                    (in_flow && IsFlowIndicator(text[end]));
  if (!ends_token) return std::nullopt;
  if (is_key) return end;
  uint32_t after = end;
  while (after < text.size() && IsBlank(text[after])) ++after;
  if (IsValueIndicator(text, after, in_flow)) return std::nullopt;
  return end;
}

auto YamlColumnOf(std::string_view text, uint32_t pos) -> int {
  pos = std::min(pos, Size(text));
  uint32_t line = pos;
  while (line > 0 && !IsBreak(text[line - 1])) --line;
  return static_cast<int>(pos - line);
}

}  // namespace isobar
