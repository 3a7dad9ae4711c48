// Units for the DocumentBuilder rules both readers share.
#include <catch2/catch.hpp>

#include <fmt/format.h>

#include "frontend/document_builder.h"

namespace isobar {
namespace {

struct Fixture {
  SourceBuffer source{"t.yaml", std::string(200, ' ')};
  CollectingConsumer consumer;
  DiagnosticEmitter emitter{consumer};
  DocumentBuilder builder{source, emitter, 4};

  auto Key(uint32_t at, std::string key) -> NodeId {
    auto end = static_cast<uint32_t>(at + key.size());
    return builder.AddScalar({at, end}, std::move(key), ScalarStyle::Plain);
  }
};

TEST_CASE("duplicate keys: error at the second, note at the first, last wins",
          "[builder]") {
  Fixture f;
  f.builder.BeginMapping(0);
  f.Key(0, "a");
  f.Key(3, "1");
  f.Key(10, "a");
  f.Key(13, "2");
  f.builder.EndCollection();
  auto doc = f.builder.Finish();
  REQUIRE(doc.has_value());
  REQUIRE(f.consumer.diagnostics().size() == 1);
  const Diagnostic& d = f.consumer.diagnostics()[0];
  CHECK(d.kind == DiagnosticKind::DuplicateKey);
  CHECK(d.location.range.begin == 10);
  REQUIRE(d.notes.size() == 1);
  CHECK(d.notes[0].location.range.begin == 0);
  const Node& root = doc->node(doc->root());
  REQUIRE(root.entries.size() == 1);
  CHECK(doc->node(root.entries[0].value).value == "2");
  CHECK(root.range.end == 14);
}

TEST_CASE("duplicate keys are found in large mappings too", "[builder]") {
  Fixture f;
  f.builder.BeginMapping(0);
  for (int i = 0; i < 20; ++i) {
    f.Key(0, fmt::format("k{}", i));
    f.Key(0, "v");
  }
  f.Key(50, "k7");
  f.Key(60, "v");
  f.builder.EndCollection();
  REQUIRE(f.consumer.diagnostics().size() == 1);
  CHECK(f.consumer.diagnostics()[0].location.range.begin == 50);
}

TEST_CASE("merges: explicit keys win, earlier sources win", "[builder]") {
  Fixture f;
  f.builder.BeginSequence(0);
  NodeId base = f.builder.BeginMapping(1);
  f.Key(1, "a");
  f.Key(2, "base-a");
  f.Key(3, "b");
  f.Key(4, "base-b");
  f.builder.EndCollection();
  NodeId other = f.builder.BeginMapping(5);
  f.Key(5, "b");
  f.Key(6, "other-b");
  f.Key(7, "c");
  f.Key(8, "other-c");
  f.builder.EndCollection();
  f.builder.BeginMapping(20);
  f.Key(20, "<<");
  f.builder.BeginSequence(23);
  f.builder.AddAlias(base, {24, 29});
  f.builder.AddAlias(other, {30, 35});
  f.builder.EndCollection(36);
  f.Key(40, "a");
  f.Key(43, "own-a");
  f.builder.EndCollection();
  f.builder.EndCollection();
  auto doc = f.builder.Finish();
  REQUIRE(doc.has_value());
  CHECK(f.consumer.diagnostics().empty());
  NodeId merged = doc->node(doc->root()).items[2];
  auto value = [&](std::string_view key) {
    return doc->node(doc->Find(merged, key)->value).value;
  };
  CHECK(value("a") == "own-a");
  CHECK(value("b") == "base-b");
  CHECK(value("c") == "other-c");
}

TEST_CASE("aliases share nodes instead of copying them", "[builder]") {
  Fixture f;
  f.builder.BeginSequence(0);
  NodeId leaf = f.Key(1, "x");
  for (int i = 0; i < 1000; ++i) f.builder.AddAlias(leaf, {2, 3});
  f.builder.EndCollection();
  auto doc = f.builder.Finish();
  REQUIRE(doc.has_value());
  CHECK(doc->node_count() == 2);
  int visits = 0;
  ForEachNodeOnce(*doc, doc->root(), [&](NodeId) { ++visits; });
  CHECK(visits == 2);
}

TEST_CASE("an alias inside its own anchor is refused", "[builder]") {
  Fixture f;
  NodeId outer = f.builder.BeginSequence(0);
  f.builder.AddAlias(outer, {1, 3});
  f.builder.EndCollection();
  CHECK_FALSE(f.builder.Finish().has_value());
  REQUIRE(f.consumer.diagnostics().size() == 1);
  CHECK(f.consumer.diagnostics()[0].kind == DiagnosticKind::YamlSyntaxError);
}

TEST_CASE("nesting past the limit is reported once", "[builder]") {
  Fixture f;
  for (uint32_t i = 0; i < 10; ++i) f.builder.BeginSequence(i);
  for (int i = 0; i < 10; ++i) f.builder.EndCollection();
  CHECK_FALSE(f.builder.Finish().has_value());
  REQUIRE(f.consumer.diagnostics().size() == 1);
  CHECK(f.consumer.diagnostics()[0].kind == DiagnosticKind::NestingTooDeep);
  CHECK(f.consumer.diagnostics()[0].location.range.begin == 4);
}

TEST_CASE("collection keys are refused", "[builder]") {
  Fixture f;
  f.builder.BeginMapping(0);
  f.builder.BeginSequence(1);
  f.builder.EndCollection(3);
  f.Key(5, "v");
  f.builder.EndCollection();
  REQUIRE(f.builder.Finish().has_value());
  REQUIRE(f.consumer.diagnostics().size() == 1);
  CHECK(f.consumer.diagnostics()[0].kind == DiagnosticKind::NonScalarKey);
  CHECK(f.consumer.diagnostics()[0].location.range.begin == 1);
}

}  // namespace
}  // namespace isobar
