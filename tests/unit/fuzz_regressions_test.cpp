// Regressions for what fuzzing and the hand-made hostile inputs of
// tests/fuzz found (docs/fuzzing.md). Each case names the input that
// showed the bug; the time limits are far above what the fixed code needs
// and far below what the old code took, so they fail only on a regression.
#include <catch2/catch.hpp>
#include <fmt/format.h>

#include <chrono>
#include <string>

#include "analysis/structure_check.h"
#include "frontend/document_builder.h"
#include "frontend/load.h"

namespace isobar {
namespace {

using Clock = std::chrono::steady_clock;
using namespace std::chrono_literals;

struct Fixture {
  SourceBuffer source{"t.yaml", std::string(64, ' ')};
  CollectingConsumer consumer;
  DiagnosticEmitter emitter{consumer};
  DocumentBuilder builder{source, emitter, 256};

  auto Scalar(std::string value) -> NodeId {
    return builder.AddScalar({0, 1}, std::move(value), ScalarStyle::Plain);
  }
  // A mapping {<<: *previous, k<i>: v} (no merge when `previous` is none):
  // one link of a merge chain.
  auto MergeLink(NodeId previous, int i) -> NodeId {
    NodeId level = builder.BeginMapping(0);
    if (previous != kNoNode) {
      Scalar("<<");
      builder.AddAlias(previous, {0, 1});
    }
    Scalar(fmt::format("k{}", i));
    Scalar("v");
    builder.EndCollection();
    return level;
  }
  // A list of `n` one-entry mappings {a: i}.
  auto ListOfMappings(int n) -> NodeId {
    NodeId list = builder.BeginSequence(0);
    for (int i = 0; i < n; ++i) {
      builder.BeginMapping(0);
      Scalar("a");
      Scalar(fmt::format("{}", i));
      builder.EndCollection();
    }
    builder.EndCollection();
    return list;
  }
  auto Count(DiagnosticKind kind) -> size_t {
    size_t n = 0;
    for (const Diagnostic& d : consumer.diagnostics()) n += d.kind == kind;
    return n;
  }
};

// make_hostile_inputs.py merge_chain_5000.yaml: `m{i}: &m{i} {<<: *m{i-1},
// k{i}: i}` copies i entries into mapping i, 12.5 million for 5,000 lines
// (900 MB; the fuzzer timed out). Merges now have a per-document budget.
TEST_CASE("a chain of merges past the budget is refused once (R017)",
          "[fuzz]") {
  Fixture f;
  f.builder.BeginMapping(0);
  NodeId previous = kNoNode;
  // 1,500 levels copy about 1.1 million entries, past the budget.
  for (int i = 0; i < 1500; ++i) {
    f.Scalar(fmt::format("m{}", i));
    previous = f.MergeLink(previous, i);
  }
  f.builder.EndCollection();
  CHECK_FALSE(f.builder.Finish().has_value());
  REQUIRE(f.consumer.diagnostics().size() == 1);
  const Diagnostic& d = f.consumer.diagnostics()[0];
  CHECK(d.kind == DiagnosticKind::InvalidMergeKey);
  CHECK_THAT(d.message, Catch::Contains("merges copy more than 1048576 entries"));
}

TEST_CASE("a chain of merges under the budget is applied", "[fuzz]") {
  Fixture f;
  f.builder.BeginSequence(0);
  NodeId previous = kNoNode;
  for (int i = 0; i < 1000; ++i) {
    previous = f.MergeLink(previous, i);
  }
  f.builder.EndCollection();
  auto doc = f.builder.Finish();
  REQUIRE(doc.has_value());
  CHECK(f.consumer.diagnostics().empty());
  CHECK(doc->node(previous).entries.size() == 1000);
}

TEST_CASE("a merge chain in YAML fails the load with R017 only", "[fuzz]") {
  std::string text =
      "heat_template_version: 2021-04-16\n"
      "resources: {r: {type: OS::Heat::None}}\n"
      "parameter_groups:\n"
      "  - &m0 {k0: 0}\n";
  for (int i = 1; i < 1500; ++i) {
    text += fmt::format("  - &m{} {{<<: *m{}, k{}: {}}}\n", i, i - 1, i, i);
  }
  SourceBuffer source("merge_chain.yaml", std::move(text));
  CollectingConsumer consumer;
  DiagnosticEmitter emitter(consumer);
  auto start = Clock::now();
  CHECK_FALSE(LoadTemplate(source, LoadOptions{}, emitter).has_value());
  CHECK(Clock::now() - start < 5s);
  REQUIRE(consumer.diagnostics().size() == 1);
  const Diagnostic& d = consumer.diagnostics()[0];
  CHECK(d.kind == DiagnosticKind::InvalidMergeKey);
  // At the `<<` of the merge that crossed the budget.
  CHECK(source.text().substr(d.location.range.begin, 2) == "<<");
}

// Two duplicate keys whose values are equal lists of n mappings: NodesEqual
// searched the pairs it had compared linearly, O(n^2): 400,000 items took
// 15 s in a release build.
TEST_CASE("comparing two equal large lists is linear", "[fuzz]") {
  Fixture f;
  f.builder.BeginSequence(0);
  NodeId a = f.ListOfMappings(400'000);
  NodeId b = f.ListOfMappings(400'000);
  f.builder.EndCollection();
  auto doc = f.builder.Finish();
  REQUIRE(doc.has_value());
  auto start = Clock::now();
  CHECK(NodesEqual(*doc, a, b));
  CHECK(Clock::now() - start < 5s);
}

TEST_CASE("NodesEqualWithin gives up when its budget runs out", "[fuzz]") {
  Fixture f;
  f.builder.BeginSequence(0);
  NodeId a = f.ListOfMappings(100);
  NodeId b = f.ListOfMappings(100);
  f.builder.EndCollection();
  auto doc = f.builder.Finish();
  REQUIRE(doc.has_value());
  uint64_t small = 50;
  CHECK_FALSE(NodesEqualWithin(*doc, a, b, small).has_value());
  CHECK(small == 0);
  uint64_t enough = 10'000;
  CHECK(NodesEqualWithin(*doc, a, b, enough) == std::optional<bool>(true));
  CHECK(enough < 10'000);
}

// 20,000 duplicate keys whose values alternate between aliases of two
// equal lists of 100,000 items compared each list once per duplicate:
// 2 * 10^9 comparisons, 9 s for a 1.5 MB file. Comparing now has a budget
// per document; past it, duplicates count as different (R013).
TEST_CASE("duplicates of aliased large values are compared within a budget",
          "[fuzz]") {
  Fixture f;
  f.builder.BeginSequence(0);
  auto big = [&] {
    NodeId list = f.builder.BeginSequence(0);
    for (int i = 0; i < 100'000; ++i) f.Scalar(fmt::format("{}", i));
    f.builder.EndCollection();
    return list;
  };
  NodeId one = big();
  NodeId two = big();
  auto start = Clock::now();
  f.builder.BeginMapping(0);
  for (int i = 0; i < 20'000; ++i) {
    f.Scalar("k");
    f.builder.AddAlias(i % 2 == 0 ? one : two, {0, 1});
  }
  f.builder.EndCollection();
  f.builder.EndCollection();
  CHECK(Clock::now() - start < 5s);
  REQUIRE(f.builder.Finish().has_value());
  size_t same = f.Count(DiagnosticKind::RedundantDuplicateKey);
  size_t different = f.Count(DiagnosticKind::DuplicateKey);
  CHECK(same + different == 19'999);
  // The first comparisons fit the budget and find the values equal.
  CHECK(same > 0);
  CHECK(different > 0);
}

// make_hostile_inputs.py cr_only.yaml and mixed_endings.yaml: yaml-cpp
// does not end lines at a lone `\r`, which YAML and PyYAML (so Heat) do,
// and refused such files with "illegal map value" on line 2. The YAML
// reader now hands yaml-cpp a copy with lone `\r`s made `\n`s.
TEST_CASE("lone CR line endings read like LF ones", "[fuzz]") {
  std::string lf =
      "heat_template_version: 2021-04-16\n"
      "description: |\n  block\n  text\n"
      "parameters:\n  p:\n    type: string\n"
      "    default: \"quoted\n      folded\"\n"
      "resources:\n  r:\n    type: OS::Heat::None\n"
      "    properties:\n      a: [1,\n        2]\n"
      "      b: plain\n        continued\n"
      "outputs:\n  o:\n    value: {get_param: p}\n    bad: 1\n";
  std::string cr = lf;
  for (char& c : cr) c = c == '\n' ? '\r' : c;
  // Every third line break CRLF, every third a lone CR.
  std::string mixed;
  int n = 0;
  for (char c : lf) {
    if (c != '\n') {
      mixed += c;
      continue;
    }
    mixed += n % 3 == 0 ? "\r\n" : n % 3 == 1 ? "\r" : "\n";
    ++n;
  }
  for (const std::string& text : {lf, cr, mixed}) {
    SourceBuffer source("t.yaml", text);
    CollectingConsumer consumer;
    DiagnosticEmitter emitter(consumer);
    std::optional<Template> tmpl = LoadTemplate(source, LoadOptions{}, emitter);
    REQUIRE(tmpl.has_value());
    CHECK(tmpl->format == TemplateFormat::Hot);
    const Document& doc = tmpl->document;
    CHECK(doc.node(tmpl->description).value == "block\ntext\n");
    REQUIRE(tmpl->parameters.size() == 1);
    CHECK(doc.node(tmpl->parameters[0].default_value).value == "quoted folded");
    REQUIRE(tmpl->resources.size() == 1);
    NodeId properties = tmpl->resources[0].properties;
    CHECK(doc.node(doc.Find(properties, "b")->value).value == "plain continued");
    CHECK(doc.node(doc.Find(properties, "a")->value).items.size() == 2);
    // The only problem is the unknown output key, on line 21 whatever
    // ends the lines, and its range is the key itself.
    CheckStructure(*tmpl, emitter);
    REQUIRE(consumer.diagnostics().size() == 1);
    const Diagnostic& d = consumer.diagnostics()[0];
    CHECK(d.kind == DiagnosticKind::UnknownOutputKey);
    CHECK(source.GetLineColumn(d.location.range.begin).line == 21);
    CHECK(source.text().substr(d.location.range.begin,
                               d.location.range.end - d.location.range.begin) ==
          "bad");
  }
}

TEST_CASE("a lone CR ends a line in syntax errors too", "[fuzz]") {
  SourceBuffer source("t.yaml", "a:\r  b: 1\r c: 2\r");
  CollectingConsumer consumer;
  DiagnosticEmitter emitter(consumer);
  CHECK_FALSE(LoadTemplate(source, LoadOptions{}, emitter).has_value());
  REQUIRE(consumer.diagnostics().size() == 1);
  const Diagnostic& d = consumer.diagnostics()[0];
  CHECK(d.kind == DiagnosticKind::YamlSyntaxError);
  CHECK(source.GetLineColumn(d.location.range.begin).line == 3);
}

}  // namespace
}  // namespace isobar
