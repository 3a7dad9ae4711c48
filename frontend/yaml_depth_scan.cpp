#include "frontend/yaml_depth_scan.h"

#include <vector>

namespace isobar {

namespace {

auto IsBlank(char c) -> bool { return c == ' ' || c == '\t' || c == '\r'; }

auto IsFlowIndicator(char c) -> bool {
  return c == ',' || c == '[' || c == ']' || c == '{' || c == '}';
}

// One pass over the text. Block context is read line by line; a flow
// collection is read to its closing bracket, across lines if need be.
class DepthScanner {
 public:
  DepthScanner(std::string_view text, uint32_t limit)
      : text_(text), size_(static_cast<uint32_t>(text.size())), limit_(limit) {}

  auto Run() -> std::optional<uint32_t>;

 private:
  // A block collection: the column of its `-`, `?` or first key.
  struct Level {
    int column;
    bool sequence;
  };

  // What the previous line left open, which decides how the next lines
  // are read.
  enum class Pending : uint8_t { None, PlainScalar, BlockScalar };

  auto At(uint32_t pos) const -> char {
    return pos < size_ ? text_[pos] : '\n';
  }
  auto SpaceOrEnd(uint32_t pos) const -> bool {
    char c = At(pos);
    return IsBlank(c) || c == '\n';
  }
  auto LineEnd(uint32_t pos) const -> uint32_t {
    while (pos < size_ && text_[pos] != '\n') ++pos;
    return pos;
  }
  auto YamlColumn(uint32_t pos) const -> int {
    uint32_t line = pos;
    while (line > 0 && text_[line - 1] != '\n') --line;
    return static_cast<int>(pos - line);
  }
  auto ParentColumn() const -> int {
    return levels_.empty() ? -1 : levels_.back().column;
  }
  auto TooDeep() const -> bool { return levels_.size() + flow_depth_ > limit_; }

  // Reads the block-context rest of a line from `pos`. Returns where the
  // line ends (a flow collection or quoted scalar may carry it onto later
  // lines), or sets found_.
  auto ScanLine(uint32_t pos) -> uint32_t;
  // Reads a flow collection from its opening bracket to one past its
  // closing one (or the end of the text).
  auto ScanFlow(uint32_t pos) -> uint32_t;
  // Skips a quoted scalar from its opening quote to one past its closing
  // quote, keeping line_start_ current.
  auto SkipQuoted(uint32_t pos) -> uint32_t;
  // After a node (which started at `token`) that might be a key: `: `
  // makes it one.
  auto AfterNode(uint32_t pos, uint32_t token) -> uint32_t;

  // A `-` (sequence) or `?` (mapping) entry, or a key, at `column`.
  void Entry(int column, bool sequence, uint32_t pos);
  void Key(int column, uint32_t pos);
  void Push(int column, bool sequence, uint32_t pos);

  std::string_view text_;
  uint32_t size_;
  uint32_t limit_;
  std::vector<Level> levels_;
  uint32_t flow_depth_ = 0;
  uint32_t line_start_ = 0;
  Pending pending_ = Pending::None;
  int pending_parent_ = -1;
  std::optional<uint32_t> found_;
};

auto DepthScanner::Run() -> std::optional<uint32_t> {
  uint32_t pos = 0;
  while (pos < size_ && !found_) {
    line_start_ = pos;
    uint32_t content = pos;
    while (At(content) == ' ') ++content;
    auto indent = static_cast<int>(content - pos);
    uint32_t first = content;
    while (IsBlank(At(first))) ++first;
    bool blank = At(first) == '\n';
    uint32_t line_end = LineEnd(content);

    if (pending_ == Pending::BlockScalar) {
      if (blank || indent > pending_parent_) {
        pos = line_end + 1;
        continue;
      }
      pending_ = Pending::None;
    }
    if (blank) {
      pos = line_end + 1;
      continue;
    }
    if (At(first) == '#') {
      // A comment line ends a multi-line plain scalar.
      pending_ = Pending::None;
      pos = line_end + 1;
      continue;
    }
    if (pending_ == Pending::PlainScalar) {
      if (indent > pending_parent_) {
        pos = line_end + 1;
        continue;
      }
      pending_ = Pending::None;
    }
    if (indent == 0) {
      std::string_view rest = text_.substr(content);
      if (rest.starts_with("%")) {
        pos = line_end + 1;
        continue;
      }
      if ((rest.starts_with("---") || rest.starts_with("...")) &&
          SpaceOrEnd(content + 3)) {
        // A document marker: the next document starts from nothing.
        levels_.clear();
        if (rest[0] == '.') {
          pos = line_end + 1;
          continue;
        }
        content += 3;
      }
    }
    while (!levels_.empty() && levels_.back().column > indent) {
      levels_.pop_back();
    }
    pos = ScanLine(content) + 1;
  }
  return found_;
}

auto DepthScanner::ScanLine(uint32_t pos) -> uint32_t {
  while (!found_) {
    while (IsBlank(At(pos))) ++pos;
    char c = At(pos);
    if (c == '\n' || c == '#') return LineEnd(pos);
    auto column = static_cast<int>(pos - line_start_);
    if ((c == '-' || c == '?') && SpaceOrEnd(pos + 1)) {
      Entry(column, c == '-', pos);
      ++pos;
      continue;
    }
    if (c == ':' && SpaceOrEnd(pos + 1)) {
      // The value half of an explicit `? key`.
      ++pos;
      continue;
    }
    if (c == '&' || c == '!') {
      // Properties: the node itself follows.
      while (!SpaceOrEnd(pos)) ++pos;
      continue;
    }
    uint32_t token = pos;
    if (c == '*') {
      while (!SpaceOrEnd(pos) && !IsFlowIndicator(At(pos))) ++pos;
      pos = AfterNode(pos, token);
      continue;
    }
    if (c == '[' || c == '{') {
      pos = ScanFlow(pos);
      if (found_) break;
      pos = AfterNode(pos, token);
      continue;
    }
    if (c == '"' || c == '\'') {
      pos = SkipQuoted(pos);
      pos = AfterNode(pos, token);
      continue;
    }
    if (c == '|' || c == '>') {
      pending_ = Pending::BlockScalar;
      pending_parent_ = ParentColumn();
      return LineEnd(pos);
    }
    // A plain scalar: a key if `: ` follows on this line.
    while (true) {
      char d = At(pos);
      if (d == '\n') {
        pending_ = Pending::PlainScalar;
        pending_parent_ = ParentColumn();
        return pos;
      }
      if (d == ':' && SpaceOrEnd(pos + 1)) {
        Key(column, token);
        ++pos;
        break;
      }
      if (IsBlank(d) && At(pos + 1) == '#') return LineEnd(pos);
      ++pos;
    }
  }
  return LineEnd(pos);
}

auto DepthScanner::AfterNode(uint32_t pos, uint32_t token) -> uint32_t {
  uint32_t after = pos;
  while (IsBlank(At(after))) ++after;
  if (At(after) == ':' && SpaceOrEnd(after + 1)) {
    // A flow collection or quoted key may have crossed lines; its column
    // is where it started. Looking back is rare, so it stays linear.
    int column = token >= line_start_ ? static_cast<int>(token - line_start_)
                                      : YamlColumn(token);
    Key(column, token);
    return after + 1;
  }
  return pos;
}

auto DepthScanner::ScanFlow(uint32_t pos) -> uint32_t {
  // Whether a token may start here: only then do quotes open a scalar
  // (`[it's]` is the plain scalar `it's`).
  bool token_start = true;
  while (pos < size_) {
    char c = text_[pos];
    switch (c) {
      case '\n':
        ++pos;
        line_start_ = pos;
        break;
      case ' ':
      case '\t':
      case '\r':
        ++pos;
        if (At(pos) == '#') pos = LineEnd(pos);
        break;
      case '[':
      case '{':
        ++flow_depth_;
        if (TooDeep()) {
          found_ = pos;
          return pos;
        }
        token_start = true;
        ++pos;
        break;
      case ']':
      case '}':
        ++pos;
        if (flow_depth_ > 0) --flow_depth_;
        if (flow_depth_ == 0) return pos;
        token_start = false;
        break;
      case ',':
        token_start = true;
        ++pos;
        break;
      case '"':
      case '\'':
        if (token_start) {
          pos = SkipQuoted(pos);
          token_start = false;
        } else {
          ++pos;
        }
        break;
      case ':': {
        char next = At(pos + 1);
        // After a JSON-like key a value may follow the `:` directly.
        token_start = IsBlank(next) || next == '\n' || IsFlowIndicator(next) ||
                      next == '"' || next == '\'';
        ++pos;
        break;
      }
      case '?':
        if (!(token_start && SpaceOrEnd(pos + 1))) token_start = false;
        ++pos;
        break;
      case '#':
        if (pos == line_start_) {
          pos = LineEnd(pos);
        } else {
          token_start = false;
          ++pos;
        }
        break;
      case '&':
      case '!':
      case '*':
        if (token_start) {
          while (!SpaceOrEnd(pos) && !IsFlowIndicator(At(pos))) ++pos;
          token_start = c != '*';
        } else {
          ++pos;
        }
        break;
      default:
        token_start = false;
        ++pos;
        break;
    }
  }
  return pos;
}

auto DepthScanner::SkipQuoted(uint32_t pos) -> uint32_t {
  char quote = text_[pos];
  ++pos;
  while (pos < size_) {
    char c = text_[pos];
    if (c == '\n') {
      line_start_ = pos + 1;
    } else if (quote == '"' && c == '\\') {
      // The escaped character may be a line break.
      if (At(pos + 1) == '\n') line_start_ = pos + 2;
      pos += 2;
      continue;
    } else if (c == quote) {
      if (quote == '\'' && At(pos + 1) == '\'') {
        pos += 2;
        continue;
      }
      return pos + 1;
    }
    ++pos;
  }
  return size_;
}

void DepthScanner::Entry(int column, bool sequence, uint32_t pos) {
  if (!sequence) {
    // A `? ` key is a key like any other.
    Key(column, pos);
    return;
  }
  while (!levels_.empty() && levels_.back().column > column) levels_.pop_back();
  if (!levels_.empty() && levels_.back().column == column &&
      levels_.back().sequence == sequence) {
    // The next entry of the same collection.
    return;
  }
  // `key:` followed by `- item` at the key's own column nests a list in the
  // mapping, so a sequence may share its parent's column.
  Push(column, sequence, pos);
}

void DepthScanner::Key(int column, uint32_t pos) {
  while (!levels_.empty() && levels_.back().column > column) levels_.pop_back();
  if (!levels_.empty() && levels_.back().column == column &&
      levels_.back().sequence) {
    // A list that shared its mapping's column has ended.
    levels_.pop_back();
  }
  if (!levels_.empty() && levels_.back().column == column) return;
  Push(column, false, pos);
}

void DepthScanner::Push(int column, bool sequence, uint32_t pos) {
  levels_.push_back({column, sequence});
  if (TooDeep() && !found_) found_ = pos;
}

}  // namespace

auto ScanYamlDepth(std::string_view text, uint32_t limit)
    -> std::optional<uint32_t> {
  return DepthScanner(text, limit).Run();
}

}  // namespace isobar
