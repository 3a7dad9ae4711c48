// Units for the parameter check's value model: PyYAML typing, Python's
// int()/float()/str()/repr(), Heat's boolean words, json.loads, and the
// Python regular expressions of `allowed_pattern`. Every expectation here
// was checked against Python 3.11 and PyYAML 6 (Debian 12, Heat 19's
// platform).
#include <catch2/catch.hpp>

#include <chrono>
#include <string>

#include "analysis/parameter_pattern.h"
#include "analysis/parameter_values.h"
#include "frontend/yaml_reader.h"

namespace isobar {
namespace {

// Loads `v: TEXT` and returns the value of `v` as Heat would see it.
class Loaded {
 public:
  explicit Loaded(std::string text) : source_("t.yaml", std::move(text)) {
    CollectingConsumer consumer;
    DiagnosticEmitter emitter(consumer);
    doc_ = ParseYaml(source_, ParseOptions{}, emitter);
    REQUIRE(doc_);
  }
  auto Value() const -> PyValue {
    const MapEntry* entry = doc_->Find(doc_->root(), "v");
    REQUIRE(entry != nullptr);
    return LoadValue(*doc_, entry->value, ValueTyping::For(*doc_));
  }

 private:
  SourceBuffer source_;
  std::optional<Document> doc_;
};

auto Load(std::string_view scalar) -> PyValue {
  return Loaded(fmt::format("v: {}\n", scalar)).Value();
}

TEST_CASE("plain scalars are typed as PyYAML types them", "[parameters]") {
  CHECK(Load("yes").type == PyType::Bool);
  CHECK(Load("yes").boolean);
  CHECK(Load("No").type == PyType::Bool);
  CHECK_FALSE(Load("No").boolean);
  CHECK(Load("on").boolean);
  CHECK(Load("0x1F").integer == 31);
  CHECK(Load("0777").integer == 511);
  CHECK(Load("0b101").integer == 5);
  CHECK(Load("1_000").integer == 1000);
  CHECK(Load("1:30").integer == 90);
  CHECK(Load("+12").integer == 12);
  CHECK(Load("-0").integer == 0);
  CHECK(Load("1.0e+3").type == PyType::Float);
  CHECK(Load("1.0e+3").number == 1000.0);
  CHECK(Load("1.").number == 1.0);
  CHECK(Load(".5").number == 0.5);
  CHECK(Load("1:30.5").number == 90.5);
  CHECK(std::isinf(Load(".inf").number));
  CHECK(Load("~").type == PyType::None);
  // YAML 1.1: an exponent needs a dot and a sign; `08` is not octal.
  CHECK(Load("1e3").type == PyType::Str);
  CHECK(Load("08").type == PyType::Str);
  // Heat's loader keeps dates as strings.
  CHECK(Load("2018-08-31").type == PyType::Str);
  // Quoted scalars are strings, whatever they look like.
  CHECK(Load("'12'").type == PyType::Str);
  CHECK(Load("\"yes\"").text == "yes");
  CHECK(Load("[1, 2]").type == PyType::List);
  CHECK(Load("[1, 2]").size == 2);
  CHECK(Load("{a: 1}").type == PyType::Map);
}

TEST_CASE("a plain scalar that JSON and YAML read differently is unknown",
          "[parameters]") {
  // Heat tries json.loads first: in a JSON text `1e3` is a float.
  CHECK(Loaded("{\"v\": 1e3}").Value().type == PyType::Unknown);
  CHECK(Loaded("{\"v\": 12}").Value().integer == 12);
  CHECK(Loaded("{\"v\": 1.5}").Value().number == 1.5);
  CHECK(Loaded("{\"v\": true}").Value().type == PyType::Bool);
}

TEST_CASE("str() of a loaded value is Python's", "[parameters]") {
  CHECK(PythonStr(Load("true")) == "True");
  CHECK(PythonStr(Load("0x10")) == "16");
  CHECK(PythonStr(Load("1.50")) == "1.5");
  CHECK(PythonStr(Load("~")) == "None");
  CHECK(PythonStr(Load("abc")) == "abc");
  CHECK_FALSE(PythonStr(Load("[a]")));
  CHECK(PythonFloatRepr(1000.0) == "1000.0");
  CHECK(PythonFloatRepr(1e16) == "1e+16");
  CHECK(PythonFloatRepr(1e22) == "1e+22");
  CHECK(PythonFloatRepr(1.5e-5) == "1.5e-05");
  CHECK(PythonFloatRepr(0.0001) == "0.0001");
  CHECK(PythonFloatRepr(123456789012345678.0) == "1.2345678901234568e+17");
  CHECK(PythonFloatRepr(-0.0) == "-0.0");
}

TEST_CASE("numbers parse as Python's int() then float() parse them",
          "[parameters]") {
  double n = 0;
  bool integral = false;
  CHECK(ParsePythonNumber(" 12 ", &n, &integral) == Verdict::Yes);
  CHECK(n == 12);
  CHECK(integral);
  CHECK(ParsePythonNumber("1_000", &n) == Verdict::Yes);
  CHECK(n == 1000);
  CHECK(ParsePythonNumber("+1.5", &n, &integral) == Verdict::Yes);
  CHECK_FALSE(integral);
  CHECK(ParsePythonNumber("1e5", &n) == Verdict::Yes);
  CHECK(ParsePythonNumber(".5", &n) == Verdict::Yes);
  CHECK(ParsePythonNumber("5.", &n) == Verdict::Yes);
  CHECK(ParsePythonNumber("inf", &n) == Verdict::Yes);
  CHECK(ParsePythonNumber("-Infinity", &n) == Verdict::Yes);
  CHECK(ParsePythonNumber("nan", &n) == Verdict::Yes);
  CHECK(ParsePythonNumber("1e400", &n) == Verdict::Yes);
  CHECK(std::isinf(n));
  for (const char* bad : {"", "abc", "0x10", "1__0", "_1", "1_e5", "1e_5", "1.2.3"}) {
    INFO(bad);
    CHECK(ParsePythonNumber(bad, &n) == Verdict::No);
  }
  // Python also reads Unicode digits: not decided here, unless an ASCII
  // letter rules a number out.
  CHECK(ParsePythonNumber("\xD9\xA1\xD9\xA2", &n) == Verdict::Unknown);
  CHECK(ParsePythonNumber("h\xC3\xA9llo", &n) == Verdict::No);
  // Heat's str_to_num takes booleans as numbers and refuses collections.
  CHECK(ToNumber(Load("true"), &n) == Verdict::Yes);
  CHECK(ToNumber(Load("[1]"), &n) == Verdict::No);
}

TEST_CASE("booleans are what bool_from_string(strict=True) accepts",
          "[parameters]") {
  for (const char* word : {"'Yes'", "' on '", "t", "'1'", "1", "0", "'N'", "off"}) {
    INFO(word);
    CHECK(IsHeatBoolean(Load(word)) == Verdict::Yes);
  }
  for (const char* word : {"maybe", "2", "1.0", "'tru'", "[true]", "~"}) {
    INFO(word);
    CHECK(IsHeatBoolean(Load(word)) == Verdict::No);
  }
  CHECK(HeatBooleanValue(Load("' Y '")));
  CHECK_FALSE(HeatBooleanValue(Load("'f'")));
}

TEST_CASE("json strings are what json.loads accepts", "[parameters]") {
  CHECK(IsPythonJson("{\"a\": [1, 2.5, null]}") == Verdict::Yes);
  CHECK(IsPythonJson(" 5 ") == Verdict::Yes);
  CHECK(IsPythonJson("{a: 1}") == Verdict::No);
  CHECK(IsPythonJson("{\"a\": 1,}") == Verdict::No);
  CHECK(IsPythonJson("[1, NaN]") == Verdict::Unknown);
}

TEST_CASE("equality is Python's", "[parameters]") {
  CHECK(PythonEquals(Load("1"), Load("1.0")) == Verdict::Yes);
  CHECK(PythonEquals(Load("true"), Load("1")) == Verdict::Yes);
  CHECK(PythonEquals(Load("'1'"), Load("1")) == Verdict::No);
  CHECK(PythonEquals(Load("a"), Load("a")) == Verdict::Yes);
  CHECK(PythonEquals(Load("[a]"), Load("[a]")) == Verdict::Unknown);
  CHECK(CodePointCount("h\xC3\xA9\xC3\xA9") == 3);
}

TEST_CASE("patterns Python refuses are invalid, with Python's reason",
          "[parameters]") {
  struct Case {
    const char* pattern;
    const char* error;
  };
  for (auto [pattern, error] : {
           Case{"[a", "unterminated character set"},
           Case{"a**", "multiple repeat"},
           Case{"*a", "nothing to repeat"},
           Case{"^*", "nothing to repeat"},
           Case{"a|*", "nothing to repeat"},
           Case{"\\b+", "nothing to repeat"},
           Case{"(a", "missing ), unterminated subpattern"},
           Case{"a)", "unbalanced parenthesis"},
           Case{"\\q", "bad escape \\q"},
           Case{"[z-a]", "bad character range"},
           Case{"[\\d-z]", "bad character range"},
           Case{"a{3,2}", "min repeat greater than max repeat"},
           Case{"\\x4", "incomplete escape \\x"},
       }) {
    INFO(pattern);
    PythonPattern p = PythonPattern::Compile(pattern);
    CHECK(p.status() == PythonPattern::Status::Invalid);
    CHECK(p.error() == error);
  }
}

TEST_CASE("syntax not modelled exactly is left unchecked", "[parameters]") {
  for (const char* pattern : {"(?i)a", "\\1", "(a)\\1", "a*+", "(?P<n>a)",
                              "(?<=a)b", "\\N{EM DASH}", "\\0"}) {
    INFO(pattern);
    CHECK(PythonPattern::Compile(pattern).status() ==
          PythonPattern::Status::Unsupported);
  }
  for (const char* pattern : {"a{", "a{,2}", "[[:alpha:]]", "[]a]", "[^]]", "",
                              "^[a-zA-Z][a-zA-Z0-9_-]*$", "(?:ab)+(?=c)(?!d)"}) {
    INFO(pattern);
    CHECK(PythonPattern::Compile(pattern).status() == PythonPattern::Status::Ok);
  }
}

// re.match(pattern, value).end(), or -1 for no match, -2 for unknown.
auto MatchEnd(std::string_view pattern, std::string_view value) -> int {
  PythonPattern p = PythonPattern::Compile(pattern);
  REQUIRE(p.status() == PythonPattern::Status::Ok);
  size_t end = 0;
  switch (p.Match(value, &end)) {
    case Verdict::Yes: return static_cast<int>(end);
    case Verdict::No: return -1;
    case Verdict::Unknown: return -2;
  }
  return -3;
}

TEST_CASE("matching finds Python's first match", "[parameters]") {
  // Heat accepts a value only when this match ends at its end.
  CHECK(MatchEnd("a|ab", "ab") == 1);
  CHECK(MatchEnd("[a-z]+", "abc") == 3);
  CHECK(MatchEnd("[a-z]", "abc") == 1);
  CHECK(MatchEnd("[0-9]+", "abc") == -1);
  // `$` also matches before a final newline.
  CHECK(MatchEnd("ab$", "ab\n") == 2);
  CHECK(MatchEnd("ab\\Z", "ab\n") == -1);
  CHECK(MatchEnd("[]a]", "]") == 1);
  CHECK(MatchEnd("a{,2}", "aaa") == 2);
  CHECK(MatchEnd("a{", "a{") == 2);
  CHECK(MatchEnd("(a*)*b", "aab") == 3);
  CHECK(MatchEnd("x*?y", "xxy") == 3);
  CHECK(MatchEnd("(?=ab)a", "ab") == 1);
  CHECK(MatchEnd("(?!b)a", "ab") == 1);
  CHECK(MatchEnd("\\w+\\s\\d", "ab_1 7") == 6);
  CHECK(MatchEnd("\\bab\\b", "ab") == 2);
  CHECK(MatchEnd("h.llo", "h\xC3\xA9llo") == 5);
  CHECK(MatchEnd("^([0-9]{1,3}\\.){3}[0-9]{1,3}$", "10.0.0.1") == 8);
  // Python's \w knows Unicode; that is not modelled.
  CHECK(MatchEnd("\\w+", "h\xC3\xA9") == -2);
}

TEST_CASE("catastrophic backtracking gives up instead of hanging",
          "[parameters]") {
  auto start = std::chrono::steady_clock::now();
  CHECK(MatchEnd("(a|aa)+$", std::string(60, 'a') + "b") == -2);
  CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(5));
}

}  // namespace
}  // namespace isobar
