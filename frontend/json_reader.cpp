#include "common/text.h"
#include "frontend/json_reader.h"

#include <algorithm>
#include <cstdint>
#include <exception>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "frontend/document_builder.h"
#include "frontend/json_events.h"
#include "frontend/json_scan.h"

// After every header that may include <cstdio>: the ANTLR runtime undefines
// the C `EOF` macro so that `Token::EOF` can exist.
#include "JsonLexer.h"
#include "JsonParser.h"

namespace isobar {

namespace {

using isobar_grammar::JsonLexer;
using isobar_grammar::JsonParser;

constexpr size_t kEof = antlr4::Token::EOF;
constexpr std::string_view kBom = "\xEF\xBB\xBF";

// ANTLR's parser recurses two or three C++ frames per nesting level, about
// 470 bytes of stack per level of objects (measured, RelWithDebInfo). This
// cap keeps a generous `max_depth` from turning deep input into a stack
// overflow: 1024 levels need about half a megabyte.
constexpr uint32_t kMaxParserDepth = 1024;

// Thrown by the parser's error listener to stop at the first syntax error;
// later errors are mostly consequences of the first.
struct StopParsing {};

// --- Text, code points and byte offsets ---

// ANTLR numbers characters by code point; isobar locates everything by byte.
// For ASCII text (almost every template) the two differ only by the BOM.
class PositionMap {
 public:
  // Decodes `text` from `begin` on into code points for ANTLR, recording
  // where each code point starts when the text is not pure ASCII.
  auto Decode(std::string_view text, uint32_t begin) -> std::u32string;

  // The byte offset of ANTLR character `index`; an index at or past the end
  // maps to the end of the text.
  auto ByteOf(size_t index) const -> uint32_t {
    if (byte_of_.empty()) {
      return static_cast<uint32_t>(std::min<size_t>(begin_ + index, end_));
    }
    return byte_of_[std::min(index, byte_of_.size() - 1)];
  }

  // The bytes a token spans; an EOF token gives the empty range at the end.
  auto RangeOf(const antlr4::Token& token) const -> ByteRange {
    return {ByteOf(token.getStartIndex()), ByteOf(token.getStopIndex() + 1)};
  }

 private:
  uint32_t begin_ = 0;
  uint32_t end_ = 0;
  // byte_of_[i] is where code point i starts; one extra entry for the end.
  std::vector<uint32_t> byte_of_;
};

// How many bytes the UTF-8 sequence starting with `lead` takes.
auto Utf8Length(unsigned char lead) -> uint32_t {
  if (lead < 0x80) return 1;
  if (lead >= 0xF0) return 4;
  if (lead >= 0xE0) return 3;
  if (lead >= 0xC0) return 2;
  // A stray continuation byte; only invalid UTF-8 has one.
  return 1;
}

// The code point of the `length`-byte UTF-8 sequence at `at`.
auto CodePointAt(std::string_view text, uint32_t at, uint32_t length)
    -> char32_t {
  static constexpr unsigned char kLeadMask[] = {0, 0x7F, 0x1F, 0x0F, 0x07};
  char32_t cp = static_cast<unsigned char>(text[at]) & kLeadMask[length];
  for (uint32_t k = 1; k < length; ++k) {
    cp = (cp << 6) | (static_cast<unsigned char>(text[at + k]) & 0x3F);
  }
  return cp;
}

auto PositionMap::Decode(std::string_view text, uint32_t begin)
    -> std::u32string {
  begin_ = begin;
  end_ = static_cast<uint32_t>(text.size());
  std::string_view body = text.substr(begin);
  bool ascii = std::all_of(body.begin(), body.end(), [](char c) {
    return static_cast<unsigned char>(c) < 0x80;
  });
  if (ascii) return std::u32string(body.begin(), body.end());

  std::u32string code_points;
  code_points.reserve(body.size());
  byte_of_.reserve(body.size() + 1);
  for (uint32_t i = begin; i < end_;) {
    uint32_t length = Utf8Length(static_cast<unsigned char>(text[i]));
    // A sequence cut off by the end of the text is one bad character.
    if (i + length > end_) length = 1;
    byte_of_.push_back(i);
    code_points.push_back(CodePointAt(text, i, length));
    i += length;
  }
  byte_of_.push_back(end_);
  return code_points;
}

// Feeds ANTLR code points decoded by PositionMap. ANTLRInputStream's own
// loader would silently drop a BOM, shifting every position after it.
class CodePointStream : public antlr4::ANTLRInputStream {
 public:
  CodePointStream(std::u32string code_points, const std::string& source_name) {
    _data = std::move(code_points);
    p = 0;
    name = source_name;
  }
};

// Where the first bracket nested deeper than `limit` opens, outside strings.
// Where this scan and the lexer disagree about a string, the string is bad
// and the lexer reports it before the parser gets that deep.
auto FindTooDeep(std::string_view text, uint32_t begin, uint32_t limit)
    -> std::optional<uint32_t> {
  uint32_t depth = 0;
  bool in_string = false;
  for (size_t i = begin; i < text.size(); ++i) {
    char c = text[i];
    if (in_string) {
      if (c == '\\') {
        ++i;
      } else if (c == '"') {
        in_string = false;
      }
      continue;
    }
    switch (c) {
      case '"':
        in_string = true;
        break;
      case '[':
      case '{':
        if (++depth > limit) return static_cast<uint32_t>(i);
        break;
      case ']':
      case '}':
        if (depth > 0) --depth;
        break;
      default:
        break;
    }
  }
  return std::nullopt;
}



// --- Syntax error messages ---

// One syntax error, ready to emit.
struct SyntaxError {
  ByteRange range;
  std::string message;
  // A related place, such as the bracket that is never closed.
  std::optional<ByteRange> note_range;
  std::string note;
  // A suggested edit: replace `fix_range` with `fix_text`.
  std::string fix;
  ByteRange fix_range;
  std::string fix_text;
};

// An open `{` or `[`, for "a `}` is missing".
struct OpenBracket {
  uint32_t offset;
  char opener;
};

// At most `limit` bytes of `text` without cutting a UTF-8 sequence, marking
// the cut with an ellipsis.
auto Shorten(std::string_view text, size_t limit = 24) -> std::string {
  if (text.size() <= limit) return std::string(text);
  size_t cut = limit;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) {
    --cut;
  }
  return std::string(text.substr(0, cut)) + "…";
}

// Characters that run together into one bad word or number, such as
// `True`, `NaN`, `1.` or `+5`.
auto IsWordChar(char c) -> bool {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
         (c >= '0' && c <= '9') || c == '_' || c == '$' || c == '.' ||
         c == '+' || c == '-';
}

auto DescribeBadNumber(std::string_view number) -> std::string {
  std::string_view hint;
  bool has_exponent = number.find_first_of("eE") != std::string_view::npos;
  char last = number.back();
  if (number.front() == '+') {
    hint = "; JSON numbers cannot start with `+`";
  } else if (number == "-") {
    hint = "; a digit must follow `-`";
  } else if (number.starts_with(".") || number.starts_with("-.")) {
    hint = "; write a digit before the `.`";
  } else if (last == '.' || number.find(".e") != std::string_view::npos ||
             number.find(".E") != std::string_view::npos) {
    hint = "; write a digit after the `.`";
  } else if (has_exponent && (last == 'e' || last == 'E' || last == '+' ||
                              last == '-')) {
    hint = "; the exponent needs digits";
  } else {
    std::string_view digits = number.substr(number.front() == '-' ? 1 : 0);
    if (digits.size() > 1 && digits[0] == '0' && digits[1] >= '0' &&
        digits[1] <= '9') {
      hint = "; JSON numbers cannot have leading zeros";
    } else {
      hint = "; if it is a string, put it in double quotes";
    }
  }
  return fmt::format("invalid number `{}`{}", Shorten(number), hint);
}

// A word that is not a JSON token: `True`, `None`, an unquoted key.
auto DescribeBadWord(std::string_view word) -> std::string {
  std::string_view bare = word.substr(word[0] == '-' || word[0] == '+');
  if (bare == "NaN" || bare == "Infinity") {
    return fmt::format(
        "`{}` is not a JSON number; JSON has no NaN or infinities", word);
  }
  char first = word.front();
  if ((first >= '0' && first <= '9') || first == '-' || first == '+' ||
      first == '.') {
    return DescribeBadNumber(word);
  }
  std::string lower(word);
  for (char& c : lower) c = (c >= 'A' && c <= 'Z') ? char(c - 'A' + 'a') : c;
  if (lower == "true" || lower == "false" || lower == "null") {
    return fmt::format("`{}` is not a JSON value; write `{}`", word, lower);
  }
  if (word == "None") return "`None` is not a JSON value; write `null`";
  return fmt::format(
      "unexpected `{}`; JSON strings and keys must be in double quotes",
      Shorten(word));
}

// What is wrong inside the string starting at `at`.
auto DescribeBadString(std::string_view text, uint32_t at) -> SyntaxError {
  auto end = static_cast<uint32_t>(text.size());
  for (uint32_t i = at + 1; i < end; ++i) {
    auto c = static_cast<unsigned char>(text[i]);
    if (c == '\n' || c == '\r') {
      return {.range = {at, i},
              .message = "unterminated string; the closing `\"` is missing "
                         "before the end of the line"};
    }
    if (c < 0x20) {
      std::string message =
          c == '\t'
              ? std::string("unescaped tab in a string; write it as `\\t`")
              : fmt::format("unescaped control character U+{:04X} in a "
                            "string; write it as `\\u{:04X}`",
                            c, c);
      return {.range = {i, i + 1}, .message = std::move(message)};
    }
    if (c == '"') break;
    if (c != '\\' || i + 1 >= end) continue;
    auto escape = static_cast<unsigned char>(text[i + 1]);
    if (std::string_view("\"\\/bfnrt").find(static_cast<char>(escape)) !=
        std::string_view::npos) {
      ++i;
      continue;
    }
    if (escape == 'u') {
      uint32_t digits = 0;
      while (digits < 4 && i + 2 + digits < end &&
             HexDigitValue(text[i + 2 + digits]) >= 0) {
        ++digits;
      }
      if (digits == 4) {
        i += 5;
        continue;
      }
      return {.range = {i, i + 2 + digits},
              .message = fmt::format(
                  "invalid escape `{}`; `\\u` needs four hex digits",
                  text.substr(i, 2 + digits))};
    }
    // A control character after `\` is reported as itself on the next turn.
    if (escape < 0x20) continue;
    uint32_t length = std::min(Utf8Length(escape), end - (i + 1));
    return {.range = {i, i + 1 + length},
            .message = fmt::format(
                "invalid escape `{}` in a string; JSON allows `\\\"`, `\\\\`, "
                "`\\/`, `\\b`, `\\f`, `\\n`, `\\r`, `\\t` and `\\uXXXX`",
                text.substr(i, 1 + length))};
  }
  return {.range = {at, end},
          .message = "unterminated string; the closing `\"` is missing"};
}

// Explains text at `at` that the lexer cannot turn into a token. `begin` is
// where the JSON starts (after any BOM).
auto DescribeBadText(std::string_view text, uint32_t begin, uint32_t at)
    -> SyntaxError {
  auto end = static_cast<uint32_t>(text.size());
  char c = text[at];
  if (c == '"') return DescribeBadString(text, at);
  if (c == '\'') {
    return {.range = {at, at + 1},
            .message = "JSON strings need double quotes, not `'`"};
  }
  char next = at + 1 < end ? text[at + 1] : '\0';
  if (c == '/' && (next == '/' || next == '*')) {
    return {.range = {at, at + 2},
            .message = "comments are not allowed in JSON"};
  }
  if (IsWordChar(c)) {
    // The lexer may have taken the start of the word as a token already
    // (`true` of `trueish`, `1` of `1.`), so look back as well as ahead.
    uint32_t first = at;
    while (first > begin && IsWordChar(text[first - 1])) --first;
    uint32_t last = at;
    while (last < end && IsWordChar(text[last])) ++last;
    return {.range = {first, last},
            .message = DescribeBadWord(text.substr(first, last - first))};
  }
  uint32_t length =
      std::min(Utf8Length(static_cast<unsigned char>(c)), end - at);
  std::string_view shown = text.substr(at, length);
  SyntaxError error{.range = {at, at + length}};
  if (shown == "\u201C" || shown == "\u201D" || shown == "\u2018" ||
      shown == "\u2019") {
    error.message = fmt::format(
        "unexpected `{}`; JSON strings need straight double quotes", shown);
  } else if (length == 1 && c > ' ' && c < 0x7F) {
    error.message = fmt::format("unexpected character `{}`", c);
  } else {
    error.message = fmt::format(
        "unexpected character U+{:04X}",
        static_cast<uint32_t>(CodePointAt(text, at, length)));
  }
  return error;
}

// A token the parser saw: its type and bytes.
struct SeenToken {
  size_t type = kEof;
  ByteRange range;
};

// Everything known when the parser stops at a token it cannot use.
struct ParserStop {
  SeenToken found;
  std::optional<SeenToken> previous;
  antlr4::misc::IntervalSet expected;
  std::optional<OpenBracket> innermost;
};

auto IsValueStart(size_t type) -> bool {
  return type == JsonParser::LBRACE || type == JsonParser::LBRACKET ||
         type == JsonParser::STRING || type == JsonParser::NUMBER ||
         type == JsonParser::KW_TRUE || type == JsonParser::KW_FALSE ||
         type == JsonParser::KW_NULL;
}

auto DescribeParserStop(std::string_view text, const ParserStop& stop)
    -> SyntaxError {
  const SeenToken& found = stop.found;
  auto expects = [&](size_t type) { return stop.expected.contains(type); };
  SyntaxError error{.range = found.range};
  auto note_opener = [&](std::string_view what) {
    if (!stop.innermost) return;
    uint32_t at = stop.innermost->offset;
    error.note_range = ByteRange{at, at + 1};
    error.note = fmt::format("the `{}` {}", stop.innermost->opener, what);
  };
  if (found.type == kEof) {
    if (!stop.innermost) {
      error.message = "unexpected end of file; the file holds no JSON value";
      return error;
    }
    error.message = fmt::format("unexpected end of file; a `{}` is missing",
                                stop.innermost->opener == '{' ? '}' : ']');
    note_opener("opened here is never closed");
    return error;
  }
  std::string shown = fmt::format(
      "`{}`", Shorten(text.substr(found.range.begin,
                                  found.range.end - found.range.begin)));
  size_t closer = stop.innermost && stop.innermost->opener == '{'
                      ? JsonParser::RBRACE
                      : JsonParser::RBRACKET;
  const std::optional<SeenToken>& previous = stop.previous;
  if (previous && previous->type == JsonParser::COMMA && stop.innermost &&
      found.type == closer) {
    error.range = previous->range;
    error.message = "trailing comma is not allowed in JSON";
    error.fix = "remove the comma";
    error.fix_range = previous->range;
    return error;
  }
  if (previous && previous->type == JsonParser::NUMBER &&
      found.type == JsonParser::NUMBER &&
      previous->range.end == found.range.begin) {
    // `01` and `2010-09-09` lex as several numbers; show the whole word.
    uint32_t last = found.range.end;
    while (last < text.size() && IsWordChar(text[last])) ++last;
    error.range = {previous->range.begin, last};
    error.message = DescribeBadNumber(text.substr(
        error.range.begin, error.range.end - error.range.begin));
    return error;
  }
  if (expects(kEof)) {
    bool closing = found.type == JsonParser::RBRACE ||
                   found.type == JsonParser::RBRACKET;
    error.message = fmt::format(
        "unexpected {} after the end of the JSON value; {}", shown,
        closing ? "it closes nothing" : "a JSON file holds a single value");
  } else if (expects(JsonParser::COLON)) {
    error.message = fmt::format("expected `:` after the key, found {}", shown);
  } else if (expects(JsonParser::COMMA)) {
    bool object = expects(JsonParser::RBRACE);
    error.message = fmt::format("expected `,` or `{}` after an {}, found {}",
                                object ? '}' : ']',
                                object ? "object member" : "array element",
                                shown);
    if (previous && IsValueStart(found.type)) {
      error.fix = "insert a `,`";
      error.fix_range = {previous->range.end, previous->range.end};
      error.fix_text = ",";
    }
    if (found.type == (object ? JsonParser::RBRACKET : JsonParser::RBRACE)) {
      note_opener("opened here");
    }
  } else if (expects(JsonParser::STRING) && !expects(JsonParser::NUMBER)) {
    error.message =
        IsValueStart(found.type)
            ? fmt::format("expected a string key, found {}; object keys must "
                          "be strings",
                          shown)
        : expects(JsonParser::RBRACE)
            ? fmt::format("expected a string key or `}}`, found {}", shown)
            : fmt::format("expected a string key, found {}", shown);
  } else if (expects(JsonParser::NUMBER)) {
    error.message =
        expects(JsonParser::RBRACKET)
            ? fmt::format("expected a value or `]`, found {}", shown)
            : fmt::format("expected a value, found {}", shown);
  } else {
    // No other expected set exists in this grammar. Never show ANTLR's
    // "{',', ']'}" text.
    error.message = fmt::format("unexpected {}", shown);
  }
  return error;
}

// --- From parser to builder ---

// The generated parser, recording each token it matches. Every token of
// the grammar goes through `match` (grammar/Json.g4 keeps it so), so this
// sees the whole document without a parse tree or a parse listener: a
// listener makes ANTLR allocate a tree node per token even when it builds
// no tree, which cost a quarter of the run time.
// The event for a token the parser matched.
auto EventKindOf(size_t type) -> JsonEventKind {
  switch (type) {
    case JsonParser::LBRACE:
      return JsonEventKind::BeginObject;
    case JsonParser::RBRACE:
      return JsonEventKind::EndObject;
    case JsonParser::LBRACKET:
      return JsonEventKind::BeginArray;
    case JsonParser::RBRACKET:
      return JsonEventKind::EndArray;
    case JsonParser::STRING:
      return JsonEventKind::String;
    case JsonParser::KW_NULL:
      return JsonEventKind::Null;
    default:
      return JsonEventKind::Literal;
  }
}

class RecordingParser : public JsonParser {
 public:
  RecordingParser(antlr4::TokenStream* tokens, const PositionMap& positions,
                  std::vector<JsonEvent>& events)
      : JsonParser(tokens), positions_(&positions), events_(&events) {}

  auto match(size_t type) -> antlr4::Token* override {
    antlr4::Token* token = JsonParser::match(type);
    // After the first syntax error the events are discarded anyway.
    if (stopped_ || type == COMMA || type == COLON || type == kEof) {
      return token;
    }
    ByteRange range = positions_->RangeOf(*token);
    events_->push_back({EventKindOf(type), range});
    if (type == LBRACE || type == LBRACKET) {
      open_.push_back({range.begin, type == LBRACE ? '{' : '['});
    } else if (type == RBRACE || type == RBRACKET) {
      open_.pop_back();
    }
    return token;
  }

  // Stops recording: called at the first syntax error.
  void Stop() { stopped_ = true; }

  // The innermost bracket still open.
  auto innermost() const -> std::optional<OpenBracket> {
    if (open_.empty()) return std::nullopt;
    return open_.back();
  }

 private:
  const PositionMap* positions_;
  std::vector<JsonEvent>* events_;
  std::vector<OpenBracket> open_;
  bool stopped_ = false;
};

// Records the lexer's first error, then ends the token stream: the parser
// sees EOF where the bad text starts. Any syntax error the parser finds
// before that point comes first in the file and wins.
class LexerErrors : public antlr4::BaseErrorListener {
 public:
  LexerErrors(std::string_view text, uint32_t begin,
              const PositionMap& positions)
      : text_(text), begin_(begin), positions_(&positions) {}

  void syntaxError(antlr4::Recognizer* recognizer, antlr4::Token* /*token*/,
                   size_t /*line*/, size_t /*column*/,
                   const std::string& /*message*/,
                   std::exception_ptr /*error*/) override {
    auto* lexer = static_cast<antlr4::Lexer*>(recognizer);
    if (!first_) {
      uint32_t at = positions_->ByteOf(lexer->tokenStartCharIndex);
      first_ = at < text_.size()
                   ? DescribeBadText(text_, begin_, at)
                   : SyntaxError{.range = {at, at},
                                 .message = "unexpected end of file"};
    }
    lexer->_input->seek(lexer->_input->size());
  }

  auto first() -> std::optional<SyntaxError>& { return first_; }

 private:
  std::string_view text_;
  uint32_t begin_;
  const PositionMap* positions_;
  std::optional<SyntaxError> first_;
};

// Records the parser's first error and stops the parse.
class ParserErrors : public antlr4::BaseErrorListener {
 public:
  ParserErrors(std::string_view text, const PositionMap& positions)
      : text_(text), positions_(&positions) {}

  void syntaxError(antlr4::Recognizer* recognizer, antlr4::Token* token,
                   size_t /*line*/, size_t /*column*/,
                   const std::string& /*message*/,
                   std::exception_ptr /*error*/) override {
    auto* parser = static_cast<RecordingParser*>(recognizer);
    parser->Stop();
    if (first_ || token == nullptr) throw StopParsing{};
    ParserStop stop{
        .found = {token->getType(), positions_->RangeOf(*token)},
        .expected = parser->getExpectedTokens(),
        .innermost = parser->innermost(),
    };
    if (const antlr4::Token* previous = parser->getTokenStream()->LT(-1)) {
      stop.previous = SeenToken{previous->getType(),
                                positions_->RangeOf(*previous)};
    }
    at_eof_ = stop.found.type == kEof;
    first_ = DescribeParserStop(text_, stop);
    throw StopParsing{};
  }

  auto first() -> std::optional<SyntaxError>& { return first_; }
  // Whether the error is at EOF, where a lexer error may have cut the stream.
  auto at_eof() const -> bool { return at_eof_; }

 private:
  std::string_view text_;
  const PositionMap* positions_;
  std::optional<SyntaxError> first_;
  bool at_eof_ = false;
};

// Runs lexer and parser over `code_points`, recording the document in
// `events`. Returns the first syntax error, if any.
auto RunParser(const SourceBuffer& source, uint32_t begin,
               const PositionMap& positions, std::u32string code_points,
               std::vector<JsonEvent>& events) -> std::optional<SyntaxError> {
  std::string_view text = source.text();
  // The listeners outlive the lexer and parser that call them.
  LexerErrors lexer_errors(text, begin, positions);
  ParserErrors parser_errors(text, positions);

  CodePointStream input(std::move(code_points), source.filename());
  JsonLexer lexer(&input);
  lexer.removeErrorListeners();
  lexer.addErrorListener(&lexer_errors);
  antlr4::CommonTokenStream tokens(&lexer);
  RecordingParser parser(&tokens, positions, events);
  parser.removeErrorListeners();
  parser.addErrorListener(&parser_errors);
  // The grammar is LL(1); SLL never needs the full-context fallback.
  parser.getInterpreter<antlr4::atn::ParserATNSimulator>()->setPredictionMode(
      antlr4::atn::PredictionMode::SLL);
  parser.setBuildParseTree(false);
  try {
    parser.document();
  } catch (const StopParsing&) {
    // The error is recorded.
  }
  if (parser_errors.first() &&
      !(lexer_errors.first() && parser_errors.at_eof())) {
    return std::move(parser_errors.first());
  }
  if (lexer_errors.first()) return std::move(lexer_errors.first());
  if (parser.getNumberOfSyntaxErrors() != 0) {
    // ANTLR reported an error without a token; never replay half a parse.
    return SyntaxError{.range = {begin, begin},
                       .message = "the JSON parser stopped without a reason"};
  }
  return std::nullopt;
}

void EmitSyntaxError(const SourceBuffer& source, const SyntaxError& error,
                     DiagnosticEmitter& emitter) {
  DiagnosticBuilder diagnostic = emitter.Build(
      DiagnosticKind::JsonSyntaxError, {&source, error.range}, "{}",
      error.message);
  if (error.note_range) {
    diagnostic.Note({&source, *error.note_range}, "{}", error.note);
  }
  if (!error.fix.empty()) {
    diagnostic.Fix(error.fix, {TextEdit{{&source, error.fix_range},
                                        error.fix_text}});
  }
  diagnostic.Emit();
}

// Reports R012 and returns false when the text nests deeper than the
// reader allows; `limit` receives the depth limit in force.
auto CheckDepth(const SourceBuffer& source, uint32_t begin,
                const ParseOptions& options, DiagnosticEmitter& emitter,
                uint32_t& limit) -> bool {
  limit = std::min(options.max_depth, kMaxParserDepth);
  std::optional<uint32_t> at = FindTooDeep(source.text(), begin, limit);
  if (!at) return true;
  emitter.Emit(DiagnosticKind::NestingTooDeep, {&source, {*at, *at + 1}},
               "collections nest deeper than {} levels here; flatten the "
               "structure",
               limit);
  return false;
}

auto BomLength(std::string_view text) -> uint32_t {
  return static_cast<uint32_t>(text.starts_with(kBom) ? kBom.size() : 0);
}

}  // namespace

auto ParseJsonWithGrammar(const SourceBuffer& source,
                          const ParseOptions& options,
                          DiagnosticEmitter& emitter)
    -> std::optional<Document> {
  std::string_view text = source.text();
  uint32_t begin = BomLength(text);
  uint32_t limit = 0;
  if (!CheckDepth(source, begin, options, emitter, limit)) return std::nullopt;

  PositionMap positions;
  std::u32string code_points = positions.Decode(text, begin);
  std::vector<JsonEvent> events;
  std::optional<SyntaxError> error;
  try {
    error = RunParser(source, begin, positions, std::move(code_points),
                      events);
  } catch (const std::exception& e) {
    error = SyntaxError{.range = {begin, begin},
                        .message = fmt::format("the JSON parser failed: {}",
                                               e.what())};
  } catch (...) {
    error = SyntaxError{.range = {begin, begin},
                        .message = "the JSON parser failed"};
  }
  if (error) {
    EmitSyntaxError(source, *error, emitter);
    return std::nullopt;
  }
  DocumentBuilder builder(source, emitter, limit);
  ReplayJsonEvents(text, events, builder);
  return builder.Finish();
}

auto ParseJson(const SourceBuffer& source, const ParseOptions& options,
               DiagnosticEmitter& emitter) -> std::optional<Document> {
  std::string_view text = source.text();
  uint32_t begin = BomLength(text);
  // No depth pre-scan here: the scanner is iterative, and the builder
  // reports nesting past the limit at the same bracket the scan would.
  uint32_t limit = std::min(options.max_depth, kMaxParserDepth);
  std::vector<JsonEvent> events;
  // About one event per eight bytes in templates as usually formatted.
  events.reserve(text.size() / 8);
  if (!ScanJson(text, begin, events)) {
    // Not JSON: the grammar finds the first error and puts it into words.
    return ParseJsonWithGrammar(source, options, emitter);
  }
  DocumentBuilder builder(source, emitter, limit);
  ReplayJsonEvents(text, events, builder);
  return builder.Finish();
}

}  // namespace isobar
