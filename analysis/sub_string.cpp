#include "analysis/sub_string.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstdint>
#include <exception>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

// After every header that may include <cstdio>: the ANTLR runtime undefines
// the C `EOF` macro so that `Token::EOF` can exist.
#include "Sub.h"

namespace isobar {

namespace {

using isobar_grammar::Sub;

constexpr size_t kEof = antlr4::Token::EOF;

// --- Value offsets to source offsets ---

// Maps byte offsets in a scalar's decoded value to byte offsets in the
// template source, as a list of pieces that each copy the source verbatim.
// With no pieces every range maps to the whole scalar.
class SourceMap {
 public:
  // The map for scalar `node` of a document over `source`.
  static auto For(std::string_view source, const Node& node) -> SourceMap;

  auto exact() const -> bool { return !pieces_.empty(); }

  auto Map(ByteRange value_range) const -> ByteRange {
    if (pieces_.empty()) return whole_;
    return {MapOffset(value_range.begin), MapOffset(value_range.end)};
  }

 private:
  // From `value_begin` on, the value reads as the source from
  // `source_begin` on, up to the next piece.
  struct Piece {
    uint32_t value_begin;
    uint32_t source_begin;
  };

  auto MapOffset(uint32_t offset) const -> uint32_t {
    auto after = std::upper_bound(
        pieces_.begin(), pieces_.end(), offset,
        [](uint32_t at, const Piece& piece) { return at < piece.value_begin; });
    // pieces_[0].value_begin is 0, so `after` is never the first piece.
    const Piece& piece = *(after - 1);
    return piece.source_begin + (offset - piece.value_begin);
  }

  // Fills pieces_ for a block scalar, or leaves it empty.
  void MapBlock(std::string_view source, std::string_view value);

  ByteRange whole_;
  std::vector<Piece> pieces_;
};

auto IsLineBreak(char c) -> bool { return c == '\n' || c == '\r'; }

auto SourceMap::For(std::string_view source, const Node& node) -> SourceMap {
  SourceMap map;
  map.whole_ = node.range;
  std::string_view value = node.value;
  if (node.range.end > source.size() || node.range.begin > node.range.end) {
    return map;
  }
  if (node.style == ScalarStyle::Block) {
    map.MapBlock(source, value);
    return map;
  }
  std::string_view text =
      source.substr(node.range.begin, node.range.end - node.range.begin);
  // Quoted covers `"..."`, `'...'`, JSON strings, and also `!!str x`,
  // which has no quotes in the source.
  uint32_t begin = node.range.begin;
  if (text.size() >= 2 && (text.front() == '"' || text.front() == '\'') &&
      text.back() == text.front()) {
    text = text.substr(1, text.size() - 2);
    ++begin;
  }
  // Every escape, `''` and line fold makes the value shorter than its
  // source, so equal text means nothing was rewritten.
  if (text == value) map.pieces_.push_back({0, begin});
  return map;
}

void SourceMap::MapBlock(std::string_view source, std::string_view value) {
  // The header line (`|`, `|-`, `>2`, a comment) holds no content.
  uint32_t pos = whole_.begin;
  while (pos < whole_.end && !IsLineBreak(source[pos])) ++pos;
  std::vector<Piece> pieces;
  size_t indent = std::string_view::npos;
  size_t line_begin = 0;
  // Value lines after the last one with text are chomped line breaks,
  // which need no source.
  size_t last_text = value.find_last_not_of('\n');
  while (last_text != std::string_view::npos && line_begin <= last_text) {
    size_t line_end = value.find('\n', line_begin);
    if (line_end == std::string_view::npos) line_end = value.size();
    std::string_view line = value.substr(line_begin, line_end - line_begin);
    // The next source line.
    if (pos < source.size() && source[pos] == '\r') ++pos;
    if (pos < source.size() && source[pos] == '\n') ++pos;
    if (pos >= whole_.end) return;
    uint32_t source_line = pos;
    while (pos < source.size() && !IsLineBreak(source[pos])) ++pos;
    std::string_view written = source.substr(source_line, pos - source_line);
    size_t spaces = std::min(written.find_first_not_of(' '), written.size());
    if (line.empty()) {
      // A blank line; only its line break is in the value.
      if (spaces != written.size()) return;
      pieces.push_back({static_cast<uint32_t>(line_begin), pos});
    } else {
      if (indent == std::string_view::npos) indent = spaces;
      if (written.size() != indent + line.size() ||
          written.substr(0, indent).find_first_not_of(' ') !=
              std::string_view::npos ||
          written.substr(indent) != line) {
        return;
      }
      pieces.push_back({static_cast<uint32_t>(line_begin),
                        static_cast<uint32_t>(source_line + indent)});
    }
    line_begin = line_end + 1;
  }
  // An empty value has no lines; MapOffset needs a piece at offset 0.
  if (pieces.empty()) pieces.push_back({0, whole_.begin});
  pieces_ = std::move(pieces);
}

// --- Code points for ANTLR ---

// How many bytes the UTF-8 sequence starting with `lead` takes; a stray
// continuation byte counts as one.
auto Utf8Length(unsigned char lead) -> uint32_t {
  if (lead >= 0xF0) return 4;
  if (lead >= 0xE0) return 3;
  if (lead >= 0xC0) return 2;
  return 1;
}

// `value` as code points, and where each starts in `value` (one extra
// entry for the end).
struct CodePoints {
  std::u32string text;
  std::vector<uint32_t> byte_of;
};

auto Decode(std::string_view value) -> CodePoints {
  static constexpr unsigned char kLeadMask[] = {0, 0x7F, 0x1F, 0x0F, 0x07};
  CodePoints out;
  out.text.reserve(value.size());
  out.byte_of.reserve(value.size() + 1);
  auto end = static_cast<uint32_t>(value.size());
  for (uint32_t i = 0; i < end;) {
    uint32_t length = Utf8Length(static_cast<unsigned char>(value[i]));
    if (i + length > end) length = 1;
    char32_t cp = static_cast<unsigned char>(value[i]) & kLeadMask[length];
    for (uint32_t k = 1; k < length; ++k) {
      cp = (cp << 6) | (static_cast<unsigned char>(value[i + k]) & 0x3F);
    }
    out.byte_of.push_back(i);
    out.text.push_back(cp);
    i += length;
  }
  out.byte_of.push_back(end);
  return out;
}

// Feeds ANTLR the decoded code points.
class CodePointStream : public antlr4::ANTLRInputStream {
 public:
  explicit CodePointStream(std::u32string code_points) {
    _data = std::move(code_points);
    p = 0;
    name = "Fn::Sub";
  }
};

// The grammar matches any text, so this should never hear from the lexer;
// if it does, the first complaint becomes the result's error.
class LexerErrors : public antlr4::BaseErrorListener {
 public:
  void syntaxError(antlr4::Recognizer* recognizer, antlr4::Token* /*token*/,
                   size_t /*line*/, size_t /*column*/,
                   const std::string& message,
                   std::exception_ptr /*error*/) override {
    if (failed_) return;
    failed_ = true;
    at_ = static_cast<antlr4::Lexer*>(recognizer)->tokenStartCharIndex;
    message_ = message;
  }

  auto failed() const -> bool { return failed_; }
  auto at() const -> size_t { return at_; }
  auto message() const -> const std::string& { return message_; }

 private:
  bool failed_ = false;
  size_t at_ = 0;
  std::string message_;
};

// --- The token loop ---

auto IsSpace(char c) -> bool {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
         c == '\v';
}

class SubReader {
 public:
  SubReader(std::string_view value, const SourceMap& map,
            SubParseResult& result)
      : value_(value), map_(&map), result_(&result) {}

  void Run();

 private:
  // A `${` whose `}` has not been seen yet, in value bytes.
  struct Open {
    uint32_t begin;
    ByteRange body;
    bool escaped = false;
  };

  void Close(const Open& open, uint32_t end);
  void Fail(ByteRange value_range, std::string message) {
    if (!result_->error) {
      result_->error = SubSyntaxError{map_->Map(value_range),
                                      std::move(message)};
    }
  }

  std::string_view value_;
  const SourceMap* map_;
  SubParseResult* result_;
};

void SubReader::Close(const Open& open, uint32_t end) {
  ByteRange whole{open.begin, end};
  if (open.escaped) {
    result_->literal_escapes.push_back(map_->Map(whole));
    return;
  }
  ByteRange name = open.body;
  while (name.begin < name.end && IsSpace(value_[name.begin])) ++name.begin;
  while (name.end > name.begin && IsSpace(value_[name.end - 1])) --name.end;
  if (name.empty()) {
    Fail(whole, fmt::format("empty variable `{}`; name a parameter, "
                            "resource or attribute between the braces",
                            value_.substr(whole.begin, end - whole.begin)));
    return;
  }
  SubVariable variable{
      .name = std::string(value_.substr(name.begin, name.end - name.begin)),
      .range = map_->Map(whole),
      .name_range = map_->Map(name),
  };
  size_t dot = variable.name.find('.');
  if (dot != std::string::npos) {
    variable.has_dot = true;
    variable.resource = variable.name.substr(0, dot);
    variable.attribute = variable.name.substr(dot + 1);
  }
  result_->variables.push_back(std::move(variable));
}

void SubReader::Run() {
  CodePoints code_points = Decode(value_);
  const std::vector<uint32_t>& byte_of = code_points.byte_of;
  auto byte_at = [&](size_t index) {
    return byte_of[std::min(index, byte_of.size() - 1)];
  };
  LexerErrors errors;
  CodePointStream input(std::move(code_points.text));
  Sub lexer(&input);
  lexer.removeErrorListeners();
  lexer.addErrorListener(&errors);

  std::optional<Open> open;
  for (;;) {
    std::unique_ptr<antlr4::Token> token = lexer.nextToken();
    size_t type = token->getType();
    if (type == kEof) break;
    ByteRange bytes{byte_at(token->getStartIndex()),
                    byte_at(token->getStopIndex() + 1)};
    switch (type) {
      case Sub::OPEN:
        open = Open{.begin = bytes.begin, .body = {bytes.end, bytes.end}};
        break;
      case Sub::ESCAPED:
      case Sub::NAME:
        if (open) {
          open->body = bytes;
          open->escaped = type == Sub::ESCAPED;
        }
        break;
      case Sub::CLOSE:
        if (open) Close(*open, bytes.end);
        open.reset();
        break;
      default:
        // TEXT and a lone DOLLAR are literal text.
        break;
    }
  }
  if (errors.failed()) {
    uint32_t at = byte_at(errors.at());
    Fail({at, at}, fmt::format("the `Fn::Sub` lexer failed: {}",
                               errors.message()));
  }
  if (open) {
    Fail({open->begin, open->begin + 2},
         "unterminated `${`; close the variable with `}`, or write `${!` "
         "and `}` for a literal `${`");
  }
}

}  // namespace

auto ParseSubString(const Document& document, NodeId string_node)
    -> SubParseResult {
  SubParseResult result;
  if (!document.IsScalar(string_node)) {
    ByteRange where =
        string_node < document.node_count() ? document.node(string_node).range
                                            : ByteRange{};
    result.error = SubSyntaxError{where, "the `Fn::Sub` template must be a "
                                         "string"};
    result.exact_ranges = false;
    return result;
  }
  const Node& node = document.node(string_node);
  SourceMap map = SourceMap::For(document.source().text(), node);
  result.exact_ranges = map.exact();
  try {
    SubReader(node.value, map, result).Run();
  } catch (const std::exception& e) {
    result.error = SubSyntaxError{
        node.range, fmt::format("the `Fn::Sub` lexer failed: {}", e.what())};
  } catch (...) {
    result.error = SubSyntaxError{node.range, "the `Fn::Sub` lexer failed"};
  }
  return result;
}

}  // namespace isobar
