// Units for the JSON reader: ranges, decoding, and one clear error per
// broken input. Expected ranges are found by searching the input, so no test
// hard-codes a column.
#include <catch2/catch.hpp>
#include <fmt/format.h>

#include <string>
#include <string_view>

#include "frontend/json_reader.h"

// Ranges print as [begin, end) when a check fails.
namespace Catch {
template <>
struct StringMaker<isobar::ByteRange> {
  static auto convert(const isobar::ByteRange& range) -> std::string {
    return fmt::format("[{}, {})", range.begin, range.end);
  }
};
}  // namespace Catch

namespace isobar {
namespace {

// Parses `text` once and keeps everything a test needs to look at.
class Parsed {
 public:
  explicit Parsed(std::string text, ParseOptions options = {})
      : source_("test.json", std::move(text)), emitter_(consumer_) {
    document_ = ParseJson(source_, options, emitter_);
  }

  auto document() -> std::optional<Document>& { return document_; }
  auto diagnostics() -> std::vector<Diagnostic>& {
    return consumer_.diagnostics();
  }
  auto source() const -> const SourceBuffer& { return source_; }

  // The range of the `occurrence`-th (0-based) `needle` in the input.
  auto Find(std::string_view needle, int occurrence = 0) const -> ByteRange {
    std::string_view text = source_.text();
    size_t at = text.find(needle);
    for (int i = 0; i < occurrence && at != std::string_view::npos; ++i) {
      at = text.find(needle, at + 1);
    }
    REQUIRE(at != std::string_view::npos);
    auto begin = static_cast<uint32_t>(at);
    return {begin, begin + static_cast<uint32_t>(needle.size())};
  }
  auto End() const -> ByteRange { return {source_.size(), source_.size()}; }
  auto Line(uint32_t offset) const -> uint32_t {
    return source_.GetLineColumn(offset).line;
  }

  // The value node of `key` in the root mapping.
  auto Value(std::string_view key) -> const Node& {
    const MapEntry* entry = document_->Find(document_->root(), key);
    REQUIRE(entry != nullptr);
    return document_->node(entry->value);
  }
  auto KeyRange(std::string_view key) -> ByteRange {
    const MapEntry* entry = document_->Find(document_->root(), key);
    REQUIRE(entry != nullptr);
    return entry->key_range;
  }

  // The only diagnostic, which must be of `code`.
  auto OnlyDiagnostic(std::string_view code) -> const Diagnostic& {
    REQUIRE(diagnostics().size() == 1);
    const Diagnostic& d = diagnostics()[0];
    CHECK(GetKindInfo(d.kind).code == code);
    CHECK(d.location.buffer == &source_);
    return d;
  }

 private:
  SourceBuffer source_;
  CollectingConsumer consumer_;
  DiagnosticEmitter emitter_;
  std::optional<Document> document_;
};

TEST_CASE("json: keys and scalar values carry exact byte ranges", "[json]") {
  Parsed p(R"({
  "name": "web",
  "count": 12,
  "ratio": -1.5e+3,
  "on": true,
  "off": false,
  "nothing": null
})");
  REQUIRE(p.document());
  CHECK(p.diagnostics().empty());
  const Node& root = p.document()->node(p.document()->root());
  CHECK(root.kind == NodeKind::Mapping);
  CHECK(root.range == ByteRange{0, p.source().size()});
  REQUIRE(root.entries.size() == 6);
  CHECK(root.entries[0].key == "name");
  CHECK(root.entries[5].key == "nothing");

  CHECK(p.KeyRange("name") == p.Find(R"("name")"));
  CHECK(p.KeyRange("nothing") == p.Find(R"("nothing")"));
  const Node& name = p.Value("name");
  CHECK(name.kind == NodeKind::Scalar);
  CHECK(name.style == ScalarStyle::Quoted);
  CHECK(name.value == "web");
  CHECK(name.range == p.Find(R"("web")"));

  const Node& count = p.Value("count");
  CHECK(count.style == ScalarStyle::Plain);
  CHECK(count.value == "12");
  CHECK(count.range == p.Find("12"));
  CHECK(p.Value("ratio").value == "-1.5e+3");
  CHECK(p.Value("ratio").range == p.Find("-1.5e+3"));
  CHECK(p.Value("on").value == "true");
  CHECK(p.Value("on").style == ScalarStyle::Plain);
  CHECK(p.Value("on").range == p.Find("true"));
  CHECK(p.Value("off").value == "false");
  CHECK(p.Value("nothing").kind == NodeKind::Null);
  CHECK(p.Value("nothing").range == p.Find("null"));
}

TEST_CASE("json: a collection's range ends one past its closing bracket",
          "[json]") {
  Parsed p(R"({"a": {"b": [1, [2, 3], {}]}, "c": [] })");
  REQUIRE(p.document());
  const Document& doc = *p.document();
  CHECK(doc.node(doc.root()).range == ByteRange{0, p.source().size()});
  const Node& a = p.Value("a");
  CHECK(a.kind == NodeKind::Mapping);
  CHECK(a.range == p.Find(R"({"b": [1, [2, 3], {}]})"));
  const Node& b = doc.node(a.entries.at(0).value);
  CHECK(b.kind == NodeKind::Sequence);
  CHECK(b.range == p.Find("[1, [2, 3], {}]"));
  REQUIRE(b.items.size() == 3);
  CHECK(doc.node(b.items[0]).range == p.Find("1"));
  CHECK(doc.node(b.items[1]).range == p.Find("[2, 3]"));
  CHECK(doc.node(b.items[1]).items.size() == 2);
  CHECK(doc.node(b.items[2]).kind == NodeKind::Mapping);
  CHECK(doc.node(b.items[2]).range == p.Find("{}"));
  CHECK(p.Value("c").range == p.Find("[]"));
}

TEST_CASE("json: empty object and array", "[json]") {
  Parsed object("{}");
  REQUIRE(object.document());
  const Node& map = object.document()->node(object.document()->root());
  CHECK(map.kind == NodeKind::Mapping);
  CHECK(map.entries.empty());
  CHECK(map.range == ByteRange{0, 2});

  Parsed array(" [\n] \n");
  REQUIRE(array.document());
  const Node& seq = array.document()->node(array.document()->root());
  CHECK(seq.kind == NodeKind::Sequence);
  CHECK(seq.items.empty());
  CHECK(seq.range == ByteRange{1, 4});
}

TEST_CASE("json: a scalar can be the whole document", "[json]") {
  Parsed p(R"(  "only"  )");
  REQUIRE(p.document());
  const Node& root = p.document()->node(p.document()->root());
  CHECK(root.value == "only");
  CHECK(root.range == p.Find(R"("only")"));
}

TEST_CASE("json: escapes decode to UTF-8, surrogate pairs included",
          "[json]") {
  Parsed p(R"(["q\"b\\s\/", "\b\f\n\r\t", "\u00e9\u4E2D", "\ud83d\uDE00",
 "\ud800x", "\udc00", "\u0041\u0000z"])");
  REQUIRE(p.document());
  const Document& doc = *p.document();
  const Node& root = doc.node(doc.root());
  REQUIRE(root.items.size() == 7);
  auto value = [&](size_t i) { return doc.node(root.items[i]).value; };
  CHECK(value(0) == "q\"b\\s/");
  CHECK(value(1) == "\b\f\n\r\t");
  CHECK(value(2) == "\xC3\xA9\xE4\xB8\xAD");
  CHECK(value(3) == "\xF0\x9F\x98\x80");
  // An unpaired surrogate has no UTF-8 form.
  CHECK(value(4) == "\xEF\xBF\xBDx");
  CHECK(value(5) == "\xEF\xBF\xBD");
  CHECK(value(6) == std::string("A\0z", 3));
  CHECK(doc.node(root.items[3]).range == p.Find(R"("\ud83d\uDE00")"));
  CHECK(doc.node(root.items[3]).style == ScalarStyle::Quoted);
}

TEST_CASE("json: ranges are bytes, not characters, after non-ASCII text",
          "[json]") {
  Parsed p("{\"ключ\": \"значение\",\n \"日本\": [\"😀\", 7], \"k\": 8}");
  REQUIRE(p.document());
  CHECK(p.KeyRange("ключ") == p.Find("\"ключ\""));
  CHECK(p.Value("ключ").value == "значение");
  CHECK(p.Value("ключ").range == p.Find("\"значение\""));
  CHECK(p.KeyRange("日本") == p.Find("\"日本\""));
  CHECK(p.Value("日本").range == p.Find("[\"😀\", 7]"));
  CHECK(p.KeyRange("k") == p.Find("\"k\""));
  CHECK(p.Value("k").range == p.Find("8"));
  CHECK(p.Line(p.KeyRange("k").begin) == 2);

  Parsed bad("{\"日本\": 1 \"x\": 2}");
  const Diagnostic& d = bad.OnlyDiagnostic("R011");
  CHECK(d.location.range == bad.Find("\"x\""));
}

TEST_CASE("json: a byte order mark is skipped; ranges still count it",
          "[json]") {
  Parsed p("\xEF\xBB\xBF{\"a\": [1]}");
  REQUIRE(p.document());
  CHECK(p.document()->node(p.document()->root()).range ==
        ByteRange{3, p.source().size()});
  CHECK(p.KeyRange("a") == ByteRange{4, 7});
  CHECK(p.Value("a").range == p.Find("[1]"));

  Parsed wide("\xEF\xBB\xBF{\"é\": 1}");
  REQUIRE(wide.document());
  CHECK(wide.KeyRange("é") == wide.Find("\"é\""));
  CHECK(wide.Value("é").range == wide.Find("1"));

  // Only one BOM is skipped; a second is text, and not JSON.
  Parsed twice("\xEF\xBB\xBF\xEF\xBB\xBF{}");
  const Diagnostic& d = twice.OnlyDiagnostic("R011");
  CHECK(d.message == "unexpected character U+FEFF");
  CHECK(d.location.range == ByteRange{3, 6});
  CHECK_FALSE(twice.document());
}

TEST_CASE("json: duplicate keys are an error at the second key", "[json]") {
  Parsed p(R"({"a": 1, "b": 2, "a": 3})");
  const Diagnostic& d = p.OnlyDiagnostic("R013");
  CHECK(d.message == "duplicate key `a`; the later value would silently win");
  CHECK(d.location.range == p.Find(R"("a")", 1));
  REQUIRE(d.notes.size() == 1);
  CHECK(d.notes[0].location.range == p.Find(R"("a")"));
  REQUIRE(p.document());
  CHECK(p.Value("a").value == "3");
}

TEST_CASE("json: a missing comma is reported where the next member starts",
          "[json]") {
  Parsed p("{\n  \"a\": 1\n  \"b\": 2\n}\n");
  CHECK_FALSE(p.document());
  const Diagnostic& d = p.OnlyDiagnostic("R011");
  CHECK(d.message ==
        "expected `,` or `}` after an object member, found `\"b\"`");
  CHECK(d.location.range == p.Find("\"b\""));
  CHECK(p.Line(d.location.range.begin) == 3);
  REQUIRE(d.fixes.size() == 1);
  REQUIRE(d.fixes[0].edits.size() == 1);
  uint32_t after_one = p.Find("1").end;
  CHECK(d.fixes[0].edits[0].location.range == ByteRange{after_one, after_one});
  CHECK(d.fixes[0].edits[0].replacement == ",");

  Parsed array("[1\n 2]");
  const Diagnostic& a = array.OnlyDiagnostic("R011");
  CHECK(a.message == "expected `,` or `]` after an array element, found `2`");
  CHECK(array.Line(a.location.range.begin) == 2);
}

TEST_CASE("json: a trailing comma is reported at the comma", "[json]") {
  Parsed object("{\n  \"a\": 1,\n}");
  const Diagnostic& d = object.OnlyDiagnostic("R011");
  CHECK(d.message == "trailing comma is not allowed in JSON");
  CHECK(d.location.range == object.Find(","));
  CHECK(object.Line(d.location.range.begin) == 2);
  REQUIRE(d.fixes.size() == 1);
  CHECK(d.fixes[0].edits.at(0).location.range == object.Find(","));
  CHECK(d.fixes[0].edits.at(0).replacement.empty());

  Parsed array("[1, 2,\n]");
  const Diagnostic& a = array.OnlyDiagnostic("R011");
  CHECK(a.message == "trailing comma is not allowed in JSON");
  CHECK(a.location.range == array.Find(",", 1));
}

TEST_CASE("json: an unterminated string is reported on its own line",
          "[json]") {
  Parsed line("{\n  \"a\": \"abc\n}");
  const Diagnostic& d = line.OnlyDiagnostic("R011");
  CHECK(d.message ==
        "unterminated string; the closing `\"` is missing before the end of "
        "the line");
  CHECK(d.location.range == line.Find("\"abc"));
  CHECK(line.Line(d.location.range.begin) == 2);

  Parsed eof("[\n\"abc");
  const Diagnostic& e = eof.OnlyDiagnostic("R011");
  CHECK(e.message == "unterminated string; the closing `\"` is missing");
  CHECK(e.location.range == eof.Find("\"abc"));
  CHECK(eof.Line(e.location.range.begin) == 2);
}

TEST_CASE("json: a truncated file names the bracket left open", "[json]") {
  Parsed p("{\n  \"a\": {\"b\": 1},\n  \"c\": [1, 2\n");
  CHECK_FALSE(p.document());
  const Diagnostic& d = p.OnlyDiagnostic("R011");
  CHECK(d.message == "unexpected end of file; a `]` is missing");
  CHECK(d.location.range == p.End());
  CHECK(p.Line(d.location.range.begin) == 4);
  REQUIRE(d.notes.size() == 1);
  CHECK(d.notes[0].message == "the `[` opened here is never closed");
  CHECK(d.notes[0].location.range == p.Find("["));

  Parsed object("{\"a\": {\"b\": 1}");
  const Diagnostic& o = object.OnlyDiagnostic("R011");
  CHECK(o.message == "unexpected end of file; a `}` is missing");
  REQUIRE(o.notes.size() == 1);
  CHECK(o.notes[0].location.range == ByteRange{0, 1});
}

// One broken input, the one message it must give, and where.
struct BadJson {
  std::string_view text;
  std::string_view message;
  // Where the error is: an occurrence (0-based) of this text, or the end of
  // the file when empty.
  std::string_view at;
  int occurrence = 0;
};

TEST_CASE("json: each kind of syntax error gets one specific message",
          "[json]") {
  const BadJson cases[] = {
      {"", "unexpected end of file; the file holds no JSON value", ""},
      {" \n ", "unexpected end of file; the file holds no JSON value", ""},
      {R"({"a" 1})", "expected `:` after the key, found `1`", "1"},
      {R"({"a": })", "expected a value, found `}`", "}"},
      {R"([,1])", "expected a value or `]`, found `,`", ","},
      {R"({1: 2})",
       "expected a string key, found `1`; object keys must be strings", "1"},
      {R"({, "a": 1})", "expected a string key or `}`, found `,`", ","},
      {R"({"a": 1, ])", "expected a string key, found `]`", "]"},
      {R"([1})", "expected `,` or `]` after an array element, found `}`", "}"},
      {R"({} {})",
       "unexpected `{` after the end of the JSON value; a JSON file holds a "
       "single value",
       "{", 1},
      {R"({}})", "unexpected `}` after the end of the JSON value; it closes "
                 "nothing",
       "}", 1},
      {R"({'a': 1})", "JSON strings need double quotes, not `'`", "'"},
      {R"({a: 1})", "unexpected `a`; JSON strings and keys must be in double "
                    "quotes",
       "a"},
      {R"([True])", "`True` is not a JSON value; write `true`", "True"},
      {R"([None])", "`None` is not a JSON value; write `null`", "None"},
      {R"([-Infinity])",
       "`-Infinity` is not a JSON number; JSON has no NaN or infinities",
       "-Infinity"},
      {R"([NaN])", "`NaN` is not a JSON number; JSON has no NaN or infinities",
       "NaN"},
      {R"([trueish])",
       "unexpected `trueish`; JSON strings and keys must be in double quotes",
       "trueish"},
      {R"([01])", "invalid number `01`; JSON numbers cannot have leading zeros",
       "01"},
      {R"({"v": 2010-09-09})",
       "invalid number `2010-09-09`; if it is a string, put it in double "
       "quotes",
       "2010-09-09"},
      {R"([5a])", "invalid number `5a`; if it is a string, put it in double "
                  "quotes",
       "5a"},
      {R"([1.])", "invalid number `1.`; write a digit after the `.`", "1."},
      {R"([.5])", "invalid number `.5`; write a digit before the `.`", ".5"},
      {R"([+1])", "invalid number `+1`; JSON numbers cannot start with `+`",
       "+1"},
      {R"([1e+])", "invalid number `1e+`; the exponent needs digits", "1e+"},
      {R"([-])", "invalid number `-`; a digit must follow `-`", "-"},
      {R"(["a\x"])",
       "invalid escape `\\x` in a string; JSON allows `\\\"`, `\\\\`, `\\/`, "
       "`\\b`, `\\f`, `\\n`, `\\r`, `\\t` and `\\uXXXX`",
       R"(\x)"},
      {R"(["\u12G4"])", "invalid escape `\\u12`; `\\u` needs four hex digits",
       R"(\u12)"},
      {"[\"a\tb\"]", "unescaped tab in a string; write it as `\\t`", "\t"},
      {"[\"a\x01\"]",
       "unescaped control character U+0001 in a string; write it as "
       "`\\u0001`",
       "\x01"},
      {"{// note\n}", "comments are not allowed in JSON", "//"},
      {"{\xE2\x80\x9C" "a\xE2\x80\x9D: 1}",
       "unexpected `\xE2\x80\x9C`; JSON strings need straight double quotes",
       "\xE2\x80\x9C"},
      {"[1,\xC2\xA0 2]", "unexpected character U+00A0", "\xC2\xA0"},
      {"[1, @]", "unexpected character `@`", "@"},
      // The parser's error comes first in the file, although the lexer meets
      // the broken string while looking ahead.
      {R"({"a" 1 "b)", "expected `:` after the key, found `1`", "1"},
      // A lexer error after a complete value still fails the document.
      {R"({} x)", "unexpected `x`; JSON strings and keys must be in double "
                  "quotes",
       "x"},
  };
  for (const BadJson& c : cases) {
    INFO("input: " << c.text);
    Parsed p{std::string(c.text)};
    CHECK_FALSE(p.document());
    const Diagnostic& d = p.OnlyDiagnostic("R011");
    CHECK(d.message == c.message);
    CHECK(d.location.range ==
          (c.at.empty() ? p.End() : p.Find(c.at, c.occurrence)));
  }
}

TEST_CASE("json: a mismatched closing bracket points at the opener",
          "[json]") {
  Parsed p("{\"a\": [1, 2}");
  const Diagnostic& d = p.OnlyDiagnostic("R011");
  CHECK(d.message == "expected `,` or `]` after an array element, found `}`");
  REQUIRE(d.notes.size() == 1);
  CHECK(d.notes[0].message == "the `[` opened here");
  CHECK(d.notes[0].location.range == p.Find("["));
}

TEST_CASE("json: 20,000 open brackets give one nesting error", "[json]") {
  Parsed p(std::string(20000, '['));
  CHECK_FALSE(p.document());
  const Diagnostic& d = p.OnlyDiagnostic("R012");
  CHECK(d.message ==
        "collections nest deeper than 256 levels here; flatten the structure");
  CHECK(d.location.range == ByteRange{256, 257});

  // Objects count as well, and the limit is the caller's.
  Parsed mixed(R"({"a": [{"b": [1]}]})", ParseOptions{.max_depth = 3});
  const Diagnostic& m = mixed.OnlyDiagnostic("R012");
  CHECK(m.message ==
        "collections nest deeper than 3 levels here; flatten the structure");
  CHECK(m.location.range.begin == mixed.Find("[1]").begin);
}

TEST_CASE("json: nesting up to the limit is fine; brackets in strings do not "
          "count",
          "[json]") {
  Parsed deep(std::string(256, '[') + std::string(256, ']'));
  CHECK(deep.diagnostics().empty());
  REQUIRE(deep.document());

  Parsed quoted("[\"" + std::string(20000, '[') + "\\\"{\"]");
  CHECK(quoted.diagnostics().empty());
  REQUIRE(quoted.document());
}

TEST_CASE("json: a huge max_depth is capped where the parser stays safe",
          "[json]") {
  Parsed p(std::string(20000, '{'), ParseOptions{.max_depth = 1000000});
  const Diagnostic& d = p.OnlyDiagnostic("R012");
  CHECK(d.message ==
        "collections nest deeper than 1024 levels here; flatten the structure");
  CHECK(d.location.range == ByteRange{1024, 1025});

  Parsed at_cap(std::string(1024, '[') + std::string(1024, ']'),
                ParseOptions{.max_depth = 1000000});
  CHECK(at_cap.diagnostics().empty());
  CHECK(at_cap.document());
}

}  // namespace
}  // namespace isobar
