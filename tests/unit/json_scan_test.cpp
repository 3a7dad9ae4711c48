// The fast JSON scanner must accept exactly what the ANTLR grammar accepts
// and build the same document: checked on hand-picked cases and on many
// mutations of real templates.
#include <catch2/catch.hpp>

#include <random>

#include "frontend/json_reader.h"
#include "frontend/json_scan.h"

namespace isobar {
namespace {

struct Outcome {
  std::optional<Document> document;
  std::vector<Diagnostic> diagnostics;
};

template <typename Parse>
auto Run(const SourceBuffer& source, Parse parse) -> Outcome {
  CollectingConsumer consumer;
  DiagnosticEmitter emitter(consumer);
  Outcome outcome;
  outcome.document = parse(source, ParseOptions{}, emitter);
  outcome.diagnostics = std::move(consumer.diagnostics());
  return outcome;
}

// Same nodes, in the same order, with the same ranges and values.
auto SameDocument(const Document& a, const Document& b) -> bool {
  if (a.node_count() != b.node_count() || a.root() != b.root()) return false;
  for (NodeId id = 0; id < a.node_count(); ++id) {
    const Node& x = a.node(id);
    const Node& y = b.node(id);
    if (x.kind != y.kind || x.style != y.style || !(x.range == y.range) ||
        x.value != y.value || x.items != y.items ||
        x.entries.size() != y.entries.size()) {
      return false;
    }
    for (size_t i = 0; i < x.entries.size(); ++i) {
      if (x.entries[i].key != y.entries[i].key ||
          !(x.entries[i].key_range == y.entries[i].key_range) ||
          x.entries[i].value != y.entries[i].value) {
        return false;
      }
    }
  }
  return true;
}

void CheckAgree(const std::string& text) {
  SourceBuffer source("t.json", text);
  Outcome fast = Run(source, ParseJson);
  Outcome grammar = Run(source, ParseJsonWithGrammar);
  INFO("input: " << text);
  REQUIRE(fast.document.has_value() == grammar.document.has_value());
  REQUIRE(fast.diagnostics.size() == grammar.diagnostics.size());
  for (size_t i = 0; i < fast.diagnostics.size(); ++i) {
    CHECK(fast.diagnostics[i].kind == grammar.diagnostics[i].kind);
    CHECK(fast.diagnostics[i].location.range == grammar.diagnostics[i].location.range);
  }
  if (fast.document) CHECK(SameDocument(*fast.document, *grammar.document));
}

constexpr const char* kTemplate = R"({
  "AWSTemplateFormatVersion": "2010-09-09",
  "Parameters": {"Size": {"Type": "Number", "Default": -1.5e+3, "MinValue": 0}},
  "Resources": {
    "Q": {"Type": "AWS::SQS::Queue", "Properties": {
      "Tags": [{"Key": "caf\u00e9 \ud83d\ude00", "Value": "a\"b\\c\/d\b\f\n\r\t"}],
      "Flag": true, "Off": false, "None": null, "Empty": {}, "List": []}}
  }
})";

TEST_CASE("scanner and grammar agree on hand-picked inputs", "[json]") {
  for (const char* text :
       {"{}", "[]", "0", "-0", "1.5", "1e5", "1E-5", "-12.5e+7", "\"\"",
        "true", "false", "null", " {\"a\" : [1, 2, {\"b\": null}]} ",
        "\xEF\xBB\xBF{\"a\": 1}", "{\"a\": \"\xC3\xA9\"}",
        // Rejected by both.
        "", "{", "}", "[1,]", "{\"a\":1,}", "{\"a\" 1}", "{a: 1}", "01", "1.",
        ".5", "+1", "-", "1e", "tru", "truex", "nul", "NaN", "{\"a\":1}}",
        "[1 2]", "\"\\x\"", "\"\\u12\"", "\"a\tb\"", "\"open", "// c\n{}",
        "{'a': 1}", "[1]x", "{\"a\":1} {}"}) {
    CheckAgree(text);
  }
  CheckAgree(kTemplate);
}

TEST_CASE("scanner and grammar agree on mutated templates", "[json]") {
  std::mt19937 random(12345);
  const std::string seed = kTemplate;
  const std::string alphabet = "{}[],:\"\\ 0-1.eE+tfnulx\n";
  for (int round = 0; round < 3000; ++round) {
    std::string text = seed;
    int edits = 1 + static_cast<int>(random() % 3);
    for (int e = 0; e < edits; ++e) {
      size_t at = random() % text.size();
      switch (random() % 3) {
        case 0:
          text.erase(at, 1);
          break;
        case 1:
          text.insert(at, 1, alphabet[random() % alphabet.size()]);
          break;
        default:
          text[at] = alphabet[random() % alphabet.size()];
          break;
      }
    }
    CheckAgree(text);
  }
}

TEST_CASE("the scanner reports where each token is", "[json]") {
  std::string text = R"({"k": [1, "v"]})";
  std::vector<JsonEvent> events;
  REQUIRE(ScanJson(text, 0, events));
  REQUIRE(events.size() == 7);
  CHECK(events[0].kind == JsonEventKind::BeginObject);
  CHECK(text.substr(events[1].range.begin, events[1].range.end - events[1].range.begin) == "\"k\"");
  CHECK(events[2].kind == JsonEventKind::BeginArray);
  CHECK(events[3].kind == JsonEventKind::Literal);
  CHECK(text.substr(events[4].range.begin, events[4].range.end - events[4].range.begin) == "\"v\"");
  CHECK(events[5].kind == JsonEventKind::EndArray);
  CHECK(events[6].kind == JsonEventKind::EndObject);
  CHECK(events[6].range.end == text.size());
}

}  // namespace
}  // namespace isobar
