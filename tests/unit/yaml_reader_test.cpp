// Units for the YAML reader: ranges, styles, short forms, aliases, errors,
// and the nesting pre-scan.
#include "frontend/yaml_reader.h"

#include <catch2/catch.hpp>
#include <fmt/format.h>
#include <chrono>
#include <string>
#include <string_view>

#include "frontend/yaml_depth_scan.h"

namespace isobar {
namespace {

// Parses `text` once and keeps everything the document points into.
class Parsed {
 public:
  explicit Parsed(std::string text, uint32_t max_depth = 256)
      : source_("t.yaml", std::move(text)) {
    ParseOptions options;
    options.max_depth = max_depth;
    doc = ParseYaml(source_, options, emitter_);
  }
  Parsed(const Parsed&) = delete;
  auto operator=(const Parsed&) -> Parsed& = delete;

  auto diagnostics() -> std::vector<Diagnostic>& {
    return consumer_.diagnostics();
  }
  auto source() const -> const SourceBuffer& { return source_; }

  // The range of the `nth` occurrence of `needle` in the input, so tests
  // name what they expect instead of counting columns.
  auto Find(std::string_view needle, int nth = 0) const -> ByteRange {
    size_t at = source_.text().find(needle);
    for (int i = 0; i < nth && at != std::string_view::npos; ++i) {
      at = source_.text().find(needle, at + 1);
    }
    REQUIRE(at != std::string_view::npos);
    auto begin = static_cast<uint32_t>(at);
    return {begin, begin + static_cast<uint32_t>(needle.size())};
  }
  auto Text(ByteRange range) const -> std::string_view {
    return source_.text().substr(range.begin, range.end - range.begin);
  }
  auto Line(uint32_t offset) const -> uint32_t {
    return source_.GetLineColumn(offset).line;
  }
  auto Column(uint32_t offset) const -> uint32_t {
    return source_.GetLineColumn(offset).column;
  }

  auto Root() const -> const Node& { return doc->node(doc->root()); }
  // The value under `key` in the mapping `map`.
  auto Get(NodeId map, std::string_view key) const -> NodeId {
    const MapEntry* entry = doc->Find(map, key);
    REQUIRE(entry != nullptr);
    return entry->value;
  }
  auto Get(std::string_view key) const -> NodeId {
    return Get(doc->root(), key);
  }
  auto N(NodeId id) const -> const Node& { return doc->node(id); }
  auto KeyRange(NodeId map, std::string_view key) const -> ByteRange {
    const MapEntry* entry = doc->Find(map, key);
    REQUIRE(entry != nullptr);
    return entry->key_range;
  }

  std::optional<Document> doc;

 private:
  SourceBuffer source_;
  CollectingConsumer consumer_;
  DiagnosticEmitter emitter_{consumer_};
};

// Messages follow docs/diagnostics.md.
void CheckMessageStyle(const Diagnostic& d) {
  REQUIRE_FALSE(d.message.empty());
  CHECK(d.message.back() != '.');
  CHECK_FALSE(std::isupper(static_cast<unsigned char>(d.message[0])));
}

// A short form's synthetic mapping: one entry, the long-form key.
auto ShortFormValue(const Parsed& p, NodeId node, std::string_view function)
    -> NodeId {
  const Node& map = p.N(node);
  REQUIRE(map.kind == NodeKind::Mapping);
  REQUIRE(map.entries.size() == 1);
  CHECK(map.entries[0].key == function);
  return map.entries[0].value;
}

TEST_CASE("keys and plain values carry their exact ranges", "[yaml]") {
  Parsed p(
      "# leading comment\nname: web server\ncount: 3   # trailing\n"
      "  \nlast: x  \n");
  REQUIRE(p.doc);
  CHECK(p.diagnostics().empty());
  const Node& root = p.Root();
  REQUIRE(root.kind == NodeKind::Mapping);
  REQUIRE(root.entries.size() == 3);
  CHECK(root.entries[0].key_range == p.Find("name"));
  CHECK(root.entries[1].key_range == p.Find("count"));
  CHECK(p.N(p.Get("name")).range == p.Find("web server"));
  CHECK(p.N(p.Get("name")).style == ScalarStyle::Plain);
  // The comment and the spaces before it are not part of the value.
  CHECK(p.N(p.Get("count")).range == p.Find("3"));
  CHECK(p.N(p.Get("last")).range == p.Find("x"));
  // A block mapping ends where its last child ends.
  CHECK(root.range == ByteRange{p.Find("name").begin, p.Find("x").end});
}

TEST_CASE("quoted scalars include their quotes and decode escapes", "[yaml]") {
  Parsed p(
      "d: \"say \\\"hi\\\"\\n\"\ns: 'it''s'\n\"quoted key\": 'x: y'\n"
      "multi: \"one\n  two\"\n");
  REQUIRE(p.doc);
  CHECK(p.diagnostics().empty());
  const Node& d = p.N(p.Get("d"));
  CHECK(d.style == ScalarStyle::Quoted);
  CHECK(d.value == "say \"hi\"\n");
  CHECK(d.range == p.Find("\"say \\\"hi\\\"\\n\""));
  const Node& s = p.N(p.Get("s"));
  CHECK(s.value == "it's");
  CHECK(s.range == p.Find("'it''s'"));
  CHECK(p.KeyRange(p.doc->root(), "quoted key") == p.Find("\"quoted key\""));
  CHECK(p.N(p.Get("quoted key")).range == p.Find("'x: y'"));
  const Node& multi = p.N(p.Get("multi"));
  CHECK(multi.value == "one two");
  CHECK(multi.range == p.Find("\"one\n  two\""));
}

TEST_CASE("block scalars end at their last content line", "[yaml]") {
  Parsed p(
      "literal: |\n  line one\n    indented\n\n  line three  \n\n"
      "folded: >-\n  folded\n  text\nkeep: |+\n  kept\n\n"
      "list:\n  - |\n    in a list\n  - after\n"
      "explicit: |2\n    two extra\n  base\n"
      "empty: |\nnext: 1\n");
  REQUIRE(p.doc);
  CHECK(p.diagnostics().empty());
  const Node& literal = p.N(p.Get("literal"));
  CHECK(literal.style == ScalarStyle::Block);
  CHECK(literal.value == "line one\n  indented\n\nline three  \n");
  // Trailing spaces and blank lines after the last line are not included.
  CHECK(literal.range == ByteRange{p.Find("|").begin, p.Find("three").end});
  const Node& folded = p.N(p.Get("folded"));
  CHECK(folded.value == "folded text");
  CHECK(p.Text(folded.range) == ">-\n  folded\n  text");
  CHECK(p.Text(p.N(p.Get("keep")).range) == "|+\n  kept");
  const Node& list = p.N(p.Get("list"));
  REQUIRE(list.items.size() == 2);
  CHECK(p.Text(p.N(list.items[0]).range) == "|\n    in a list");
  CHECK(p.N(list.items[1]).range == p.Find("after"));
  const Node& explicit_indent = p.N(p.Get("explicit"));
  CHECK(explicit_indent.value == "  two extra\nbase\n");
  CHECK(p.Text(explicit_indent.range) == "|2\n    two extra\n  base");
  const Node& empty = p.N(p.Get("empty"));
  CHECK(empty.value.empty());
  CHECK(p.Text(empty.range) == "|");
  CHECK(p.N(p.Get("next")).range == p.Find("1"));
}

TEST_CASE("multi-line plain scalars continue on deeper lines", "[yaml]") {
  Parsed p(
      "s: plain text\n  continued here\n\n  after blank\nt: 1\n"
      "u: a # not part of it\n");
  REQUIRE(p.doc);
  const Node& s = p.N(p.Get("s"));
  CHECK(s.value == "plain text continued here\nafter blank");
  CHECK(s.range == ByteRange{p.Find("plain").begin, p.Find("after blank").end});
  uint32_t a = p.Find("a #").begin;
  CHECK(p.N(p.Get("u")).range == ByteRange{a, a + 1});
}

TEST_CASE("non-ASCII text keeps byte ranges", "[yaml]") {
  Parsed p("grüße: héllo wörld\n\"ключ\": \"значение 😀\"\nnext: ok\n");
  REQUIRE(p.doc);
  CHECK(p.diagnostics().empty());
  CHECK(p.KeyRange(p.doc->root(), "grüße") == p.Find("grüße"));
  const Node& hello = p.N(p.Get("grüße"));
  CHECK(hello.range == p.Find("héllo wörld"));
  CHECK(p.N(p.Get("ключ")).range == p.Find("\"значение 😀\""));
  ByteRange next = p.N(p.Get("next")).range;
  CHECK(next == p.Find("ok"));
  CHECK(p.Line(next.begin) == 3);
  CHECK(p.Column(next.begin) == 7);
  // Columns count code points: `héllo` starts after `grüße: `.
  CHECK(p.Column(hello.range.begin) == 8);
}

TEST_CASE("flow collections end one past their bracket", "[yaml]") {
  Parsed p(
      "j: [1, \"x\", {k: v}]\nempty: []\nmap: {}\n"
      "multi: [\n  a,  # comment\n  b,\n]\nafter: z\n");
  REQUIRE(p.doc);
  CHECK(p.diagnostics().empty());
  const Node& j = p.N(p.Get("j"));
  REQUIRE(j.kind == NodeKind::Sequence);
  CHECK(j.range == p.Find("[1, \"x\", {k: v}]"));
  REQUIRE(j.items.size() == 3);
  CHECK(p.N(j.items[0]).range == p.Find("1"));
  CHECK(p.N(j.items[1]).range == p.Find("\"x\""));
  CHECK(p.N(j.items[1]).style == ScalarStyle::Quoted);
  const Node& inner = p.N(j.items[2]);
  CHECK(inner.range == p.Find("{k: v}"));
  CHECK(p.N(p.Get(j.items[2], "k")).range == p.Find("v"));
  CHECK(p.N(p.Get("empty")).range == p.Find("[]"));
  CHECK(p.N(p.Get("map")).range == p.Find("{}"));
  const Node& multi = p.N(p.Get("multi"));
  CHECK(p.Text(multi.range) == "[\n  a,  # comment\n  b,\n]");
  REQUIRE(multi.items.size() == 2);
  CHECK(p.N(multi.items[1]).value == "b");
  CHECK(p.N(p.Get("after")).range == p.Find("z"));
}

TEST_CASE("nulls: explicit words and omitted values", "[yaml]") {
  Parsed p(
      "tilde: ~\nword: null\nomitted:\nnext: 1\nlist:\n  -\n  - x\n"
      "flow: {a: , b: 1}\nanchored: &empty\nend: *empty\n");
  REQUIRE(p.doc);
  CHECK(p.diagnostics().empty());
  const Node& tilde = p.N(p.Get("tilde"));
  CHECK(tilde.kind == NodeKind::Null);
  CHECK(tilde.range == p.Find("~"));
  CHECK(p.N(p.Get("word")).range == p.Find("null"));
  // An omitted value is an empty range just past its `:`.
  const Node& omitted = p.N(p.Get("omitted"));
  CHECK(omitted.kind == NodeKind::Null);
  CHECK(omitted.range ==
        ByteRange{p.Find("omitted:").end, p.Find("omitted:").end});
  const Node& list = p.N(p.Get("list"));
  REQUIRE(list.items.size() == 2);
  CHECK(p.N(list.items[0]).kind == NodeKind::Null);
  uint32_t dash = p.Find("-").begin;
  CHECK(p.N(list.items[0]).range == ByteRange{dash + 1, dash + 1});
  const Node& a = p.N(p.Get(p.Get("flow"), "a"));
  CHECK(a.kind == NodeKind::Null);
  CHECK(a.range.empty());
  CHECK(p.Line(a.range.begin) == 8);
  const Node& anchored = p.N(p.Get("anchored"));
  CHECK(anchored.kind == NodeKind::Null);
  CHECK(anchored.range.begin == p.Find("&empty").end);
  CHECK(p.Get("end") == p.Get("anchored"));
}

TEST_CASE("a null word that is the next key is not a value", "[yaml]") {
  // yaml-cpp marks the omitted value at the next token, `null`; that
  // `null` is the next (null, so refused) key.
  Parsed p("a:\nnull: 1\n");
  REQUIRE(p.doc);
  const Node& a = p.N(p.Get("a"));
  CHECK(a.kind == NodeKind::Null);
  CHECK(a.range == ByteRange{2, 2});
  REQUIRE(p.diagnostics().size() == 1);
  CHECK(p.diagnostics()[0].kind == DiagnosticKind::NonScalarKey);
  CHECK(p.diagnostics()[0].location.range == p.Find("null"));
}

TEST_CASE("aliases share their anchor's node", "[yaml]") {
  Parsed p(
      "base: &b\n  x: 1\nscalar: &s hello\nuse: *b\nagain: *s\n"
      "list: [*s, *b]\n");
  REQUIRE(p.doc);
  CHECK(p.diagnostics().empty());
  NodeId base = p.Get("base");
  CHECK(p.N(base).kind == NodeKind::Mapping);
  // The anchor is not part of the node's range.
  CHECK(p.N(base).range == p.Find("x: 1"));
  CHECK(p.Get("use") == base);
  CHECK(p.Get("again") == p.Get("scalar"));
  CHECK(p.N(p.Get("scalar")).range == p.Find("hello"));
  const Node& list = p.N(p.Get("list"));
  REQUIRE(list.items.size() == 2);
  CHECK(list.items[0] == p.Get("scalar"));
  CHECK(list.items[1] == base);
}

TEST_CASE("an alias bomb costs one id per alias", "[yaml]") {
  std::string text =
      "l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n";
  for (int level = 1; level <= 9; ++level) {
    std::string previous = fmt::format("*l{}", level - 1);
    text += fmt::format("l{0}: &l{0} [", level);
    for (int i = 0; i < 10; ++i) text += (i ? ", " : "") + previous;
    text += "]\n";
  }
  auto start = std::chrono::steady_clock::now();
  Parsed p(text);
  auto elapsed = std::chrono::steady_clock::now() - start;
  REQUIRE(p.doc);
  // 10^10 strings if expanded; shared, it is a handful of nodes.
  CHECK(p.doc->node_count() < 60);
  CHECK(std::chrono::duration_cast<std::chrono::milliseconds>(elapsed).count() <
        500);
  const Node& top = p.N(p.Get("l9"));
  REQUIRE(top.items.size() == 10);
  CHECK(top.items[3] == p.Get("l8"));
}

TEST_CASE("a recursive alias is refused", "[yaml]") {
  Parsed p("a: &a\n  b: *a\n");
  CHECK_FALSE(p.doc);
  REQUIRE(p.diagnostics().size() == 1);
  CHECK(p.diagnostics()[0].kind == DiagnosticKind::YamlSyntaxError);
  CHECK(p.diagnostics()[0].location.range == p.Find("*a"));
}

TEST_CASE("merge keys: explicit keys win, earlier sources win", "[yaml]") {
  Parsed p(
      "base: &base {x: 1, y: 1}\na: &a {p: a, q: a}\nb: &b {q: b, r: b}\n"
      "one:\n  <<: *base\n  y: 2\n"
      "two:\n  <<: [*a, *b]\n  r: own\n");
  REQUIRE(p.doc);
  CHECK(p.diagnostics().empty());
  NodeId one = p.Get("one");
  CHECK(p.N(one).entries.size() == 2);
  CHECK(p.N(p.Get(one, "x")).value == "1");
  CHECK(p.N(p.Get(one, "y")).value == "2");
  NodeId two = p.Get("two");
  CHECK(p.N(two).entries.size() == 3);
  CHECK(p.N(p.Get(two, "p")).value == "a");
  CHECK(p.N(p.Get(two, "q")).value == "a");
  CHECK(p.N(p.Get(two, "r")).value == "own");
}

TEST_CASE("a quoted `<<` is an ordinary key", "[yaml]") {
  Parsed p("b: &b {x: 1}\nm:\n  '<<': *b\n");
  REQUIRE(p.doc);
  NodeId m = p.Get("m");
  REQUIRE(p.N(m).entries.size() == 1);
  CHECK(p.N(m).entries[0].key == "<<");
}

TEST_CASE("every short form becomes its long form", "[yaml][cfn]") {
  struct Case {
    std::string_view tag;
    std::string_view function;
  };
  const Case cases[] = {
      {"!Ref", "Ref"},
      {"!Condition", "Condition"},
      {"!GetAtt", "Fn::GetAtt"},
      {"!Sub", "Fn::Sub"},
      {"!Join", "Fn::Join"},
      {"!If", "Fn::If"},
      {"!Select", "Fn::Select"},
      {"!Split", "Fn::Split"},
      {"!FindInMap", "Fn::FindInMap"},
      {"!Base64", "Fn::Base64"},
      {"!Cidr", "Fn::Cidr"},
      {"!GetAZs", "Fn::GetAZs"},
      {"!ImportValue", "Fn::ImportValue"},
      {"!Equals", "Fn::Equals"},
      {"!And", "Fn::And"},
      {"!Or", "Fn::Or"},
      {"!Not", "Fn::Not"},
      {"!Transform", "Fn::Transform"},
      {"!Length", "Fn::Length"},
      {"!ToJsonString", "Fn::ToJsonString"},
      {"!ForEach", "Fn::ForEach"},
  };
  for (const Case& c : cases) {
    INFO(c.tag);
    // A scalar, a flow list, a block list, a flow mapping and a quoted
    // scalar.
    std::string tag(c.tag);
    Parsed p("a: " + tag + " value\nb: " + tag + " [x, y]\nc: " + tag +
             "\n  - x\n  - y\nd: " + tag + " {k: v}\ne: " + tag + " \"q\"\n");
    REQUIRE(p.doc);
    CHECK(p.diagnostics().empty());
    NodeId a = p.Get("a");
    CHECK(p.N(a).range == p.Find(std::string(c.tag) + " value"));
    CHECK(p.N(a).entries[0].key_range == p.Find(c.tag));
    NodeId a_value = ShortFormValue(p, a, c.function);
    if (c.function != "Fn::GetAtt") {
      CHECK(p.N(a_value).value == "value");
      CHECK(p.N(a_value).range == p.Find("value"));
    }
    NodeId b = p.Get("b");
    CHECK(p.N(b).range == p.Find(std::string(c.tag) + " [x, y]"));
    NodeId b_value = ShortFormValue(p, b, c.function);
    CHECK(p.N(b_value).range == p.Find("[x, y]"));
    CHECK(p.N(b_value).items.size() == 2);
    NodeId c_node = p.Get("c");
    CHECK(p.Text(p.N(c_node).range) == std::string(c.tag) + "\n  - x\n  - y");
    NodeId c_value = ShortFormValue(p, c_node, c.function);
    CHECK(p.Text(p.N(c_value).range) == "- x\n  - y");
    NodeId d = p.Get("d");
    CHECK(p.N(d).range == p.Find(tag + " {k: v}"));
    NodeId d_value = ShortFormValue(p, d, c.function);
    CHECK(p.N(d_value).range == p.Find("{k: v}"));
    CHECK(p.N(p.Get(d_value, "k")).value == "v");
    NodeId e = p.Get("e");
    CHECK(p.N(e).range == p.Find(tag + " \"q\""));
    NodeId e_value = ShortFormValue(p, e, c.function);
    if (c.function != "Fn::GetAtt") {
      CHECK(p.N(e_value).style == ScalarStyle::Quoted);
      CHECK(p.N(e_value).range == p.Find("\"q\""));
    }
  }
}

TEST_CASE("!GetAtt a.b splits at the first dot with sub-ranges",
          "[yaml][cfn]") {
  Parsed p(
      "a: !GetAtt Web.PublicIp\nb: !GetAtt Stack.Outputs.Url\n"
      "c: !GetAtt 'Db.Endpoint.Address'\nd: !GetAtt [Web, PublicIp]\n"
      "e: !GetAtt Lonely\n");
  REQUIRE(p.doc);
  CHECK(p.diagnostics().empty());
  NodeId a = ShortFormValue(p, p.Get("a"), "Fn::GetAtt");
  REQUIRE(p.N(a).kind == NodeKind::Sequence);
  REQUIRE(p.N(a).items.size() == 2);
  CHECK(p.N(a).range == p.Find("Web.PublicIp"));
  CHECK(p.N(p.N(a).items[0]).value == "Web");
  CHECK(p.N(p.N(a).items[0]).range == p.Find("Web"));
  CHECK(p.N(p.N(a).items[1]).value == "PublicIp");
  CHECK(p.N(p.N(a).items[1]).range == p.Find("PublicIp"));

  NodeId b = ShortFormValue(p, p.Get("b"), "Fn::GetAtt");
  REQUIRE(p.N(b).items.size() == 2);
  CHECK(p.N(p.N(b).items[0]).value == "Stack");
  CHECK(p.N(p.N(b).items[1]).value == "Outputs.Url");
  CHECK(p.N(p.N(b).items[1]).range == p.Find("Outputs.Url"));

  NodeId c = ShortFormValue(p, p.Get("c"), "Fn::GetAtt");
  REQUIRE(p.N(c).items.size() == 2);
  CHECK(p.N(p.N(c).items[0]).range == p.Find("Db"));
  CHECK(p.N(p.N(c).items[1]).range == p.Find("Endpoint.Address"));
  CHECK(p.N(p.N(c).items[1]).style == ScalarStyle::Quoted);

  NodeId d = ShortFormValue(p, p.Get("d"), "Fn::GetAtt");
  REQUIRE(p.N(d).items.size() == 2);
  CHECK(p.N(p.N(d).items[1]).range == p.Find("PublicIp", 1));

  NodeId e = ShortFormValue(p, p.Get("e"), "Fn::GetAtt");
  REQUIRE(p.N(e).items.size() == 1);
  CHECK(p.N(p.N(e).items[0]).value == "Lonely");
}

TEST_CASE("!If, !Sub | and !Transform keep their shapes", "[yaml][cfn]") {
  Parsed p(
      "if: !If [IsProd, !Ref Big, small]\n"
      "sub: !Sub |\n  echo ${AWS::Region}\n  done\n"
      "transform: !Transform\n  Name: AWS::Include\n  Parameters: {Location: "
      "s3}\n"
      "joined: !Join\n  - ''\n  - - a\n    - !Ref B\n"
      "anchored: &shared !Sub x-${y}\nalias: *shared\n");
  REQUIRE(p.doc);
  CHECK(p.diagnostics().empty());
  NodeId if_value = ShortFormValue(p, p.Get("if"), "Fn::If");
  const Node& if_list = p.N(if_value);
  REQUIRE(if_list.items.size() == 3);
  CHECK(p.N(if_list.items[0]).value == "IsProd");
  NodeId ref = ShortFormValue(p, if_list.items[1], "Ref");
  CHECK(p.N(ref).value == "Big");
  CHECK(p.N(if_list.items[1]).range == p.Find("!Ref Big"));
  CHECK(p.N(if_list.items[2]).range == p.Find("small"));

  NodeId sub = p.Get("sub");
  CHECK(p.Text(p.N(sub).range) == "!Sub |\n  echo ${AWS::Region}\n  done");
  const Node& script = p.N(ShortFormValue(p, sub, "Fn::Sub"));
  CHECK(script.style == ScalarStyle::Block);
  CHECK(script.value == "echo ${AWS::Region}\ndone\n");
  CHECK(p.Text(script.range) == "|\n  echo ${AWS::Region}\n  done");

  NodeId transform = ShortFormValue(p, p.Get("transform"), "Fn::Transform");
  CHECK(p.N(transform).kind == NodeKind::Mapping);
  CHECK(p.N(p.Get(transform, "Name")).value == "AWS::Include");
  CHECK(p.Text(p.N(transform).range) ==
        "Name: AWS::Include\n  Parameters: {Location: s3}");

  NodeId joined = ShortFormValue(p, p.Get("joined"), "Fn::Join");
  REQUIRE(p.N(joined).items.size() == 2);
  const Node& parts = p.N(p.N(joined).items[1]);
  REQUIRE(parts.items.size() == 2);
  CHECK(p.N(ShortFormValue(p, parts.items[1], "Ref")).value == "B");

  // The anchor names the whole short form, so the alias is Fn::Sub too.
  CHECK(p.Get("alias") == p.Get("anchored"));
  CHECK(p.N(p.Get("anchored")).range == p.Find("!Sub x-${y}"));
}

TEST_CASE("standard tags are accepted and set the style", "[yaml]") {
  Parsed p(
      "s: !!str 12\ni: !!int 3\nf: !!float 1.5\nb: !!bool true\n"
      "n: !!null ~\nm: !!map {a: 1}\nq: !!seq [1]\nbin: !!binary aGk=\n"
      "t: !!timestamp 2001-12-14\nv: !<tag:yaml.org,2002:str> 7\n");
  REQUIRE(p.doc);
  CHECK(p.diagnostics().empty());
  CHECK(p.N(p.Get("s")).style == ScalarStyle::Quoted);
  CHECK(p.N(p.Get("s")).value == "12");
  CHECK(p.N(p.Get("s")).range == p.Find("12"));
  CHECK(p.N(p.Get("i")).style == ScalarStyle::Plain);
  CHECK(p.N(p.Get("n")).kind == NodeKind::Null);
  CHECK(p.N(p.Get("m")).range == p.Find("{a: 1}"));
  CHECK(p.N(p.Get("q")).kind == NodeKind::Sequence);
  CHECK(p.N(p.Get("bin")).style == ScalarStyle::Quoted);
  CHECK(p.N(p.Get("v")).style == ScalarStyle::Quoted);
}

TEST_CASE("unknown tags are reported and ignored", "[yaml]") {
  Parsed p(
      "a: !Foo x\nb: !Reff y\nc: !!strr z\nd: !!python/object w\n"
      "e: !Custom\n  - 1\n");
  REQUIRE(p.doc);
  auto& ds = p.diagnostics();
  REQUIRE(ds.size() == 5);
  for (const Diagnostic& d : ds) {
    CHECK(d.kind == DiagnosticKind::UnknownYamlTag);
    CheckMessageStyle(d);
  }
  CHECK(ds[0].location.range == p.Find("!Foo"));
  CHECK(ds[0].message ==
        "unknown YAML tag `!Foo`; CloudFormation short forms are `!Ref`, "
        "`!Condition`, `!GetAtt`, `!Sub`, `!Join`, `!If` and the other `Fn::` "
        "functions");
  CHECK(ds[1].location.range == p.Find("!Reff"));
  CHECK(ds[1].message == "unknown YAML tag `!Reff`; did you mean `!Ref`?");
  CHECK(ds[2].message == "unknown YAML tag `!!strr`; did you mean `!!str`?");
  CHECK(ds[3].location.range == p.Find("!!python/object"));
  CHECK(ds[4].location.range == p.Find("!Custom"));
  // The nodes are kept as if untagged.
  CHECK(p.N(p.Get("a")).kind == NodeKind::Scalar);
  CHECK(p.N(p.Get("a")).style == ScalarStyle::Plain);
  CHECK(p.N(p.Get("a")).range == p.Find("x"));
  CHECK(p.N(p.Get("e")).kind == NodeKind::Sequence);
}

// The one diagnostic of a failed parse.
auto OnlyError(Parsed& p, DiagnosticKind kind) -> const Diagnostic& {
  CHECK_FALSE(p.doc);
  REQUIRE(p.diagnostics().size() == 1);
  const Diagnostic& d = p.diagnostics()[0];
  CHECK(d.kind == kind);
  CheckMessageStyle(d);
  return d;
}

TEST_CASE("syntax errors point at the right line", "[yaml][errors]") {
  SECTION("a key indented less than its siblings") {
    Parsed p("a:\n  b: 1\n c: 2\n");
    const Diagnostic& d = OnlyError(p, DiagnosticKind::YamlSyntaxError);
    CHECK(p.Line(d.location.range.begin) == 3);
    CHECK(d.location.range == p.Find("c"));
    CHECK(d.message ==
          "end of map not found; check the indentation of this line");
  }
  SECTION("a key indented more than its siblings") {
    Parsed p("a: 1\n  b: 2\n");
    const Diagnostic& d = OnlyError(p, DiagnosticKind::YamlSyntaxError);
    CHECK(p.Line(d.location.range.begin) == 2);
    CHECK(d.message.starts_with("illegal map value; "));
  }
  SECTION("an unclosed double quote") {
    Parsed p("a: 1\nb: \"open\nc: 2\n");
    const Diagnostic& d = OnlyError(p, DiagnosticKind::YamlSyntaxError);
    CHECK(d.location.range == p.Find("\""));
    CHECK(p.Line(d.location.range.begin) == 2);
    CHECK(d.message ==
          "this double-quoted string is never closed; the file ends inside it");
  }
  SECTION("an unclosed single quote") {
    Parsed p("a: 'open\n");
    const Diagnostic& d = OnlyError(p, DiagnosticKind::YamlSyntaxError);
    CHECK(d.location.range == p.Find("'"));
  }
  SECTION("tab indentation") {
    Parsed p("a:\n  b: 1\n\tc: 2\n");
    const Diagnostic& d = OnlyError(p, DiagnosticKind::YamlSyntaxError);
    CHECK(d.location.range == p.Find("\t"));
    CHECK(p.Line(d.location.range.begin) == 3);
    CHECK(d.message ==
          "a tab indents this line; YAML indentation must use spaces");
  }
  SECTION("tab indentation that yaml-cpp calls a map value error") {
    Parsed p("a:\n\tb: 1\n");
    const Diagnostic& d = OnlyError(p, DiagnosticKind::YamlSyntaxError);
    CHECK(d.location.range == p.Find("\t"));
    CHECK(d.message.find("tab") != std::string::npos);
  }
  SECTION("an unclosed flow list, with a note at its bracket") {
    Parsed p("a: [1, 2\nb: 3\n");
    const Diagnostic& d = OnlyError(p, DiagnosticKind::YamlSyntaxError);
    CHECK(p.Line(d.location.range.begin) == 2);
    CHECK(d.message.starts_with(
        "end of sequence flow not found; a `]` is missing"));
    REQUIRE(d.notes.size() == 1);
    CHECK(d.notes[0].location.range == p.Find("["));
  }
  SECTION("an undefined alias") {
    Parsed p("a: 1\nb: *nowhere\n");
    const Diagnostic& d = OnlyError(p, DiagnosticKind::YamlSyntaxError);
    CHECK(p.Line(d.location.range.begin) == 2);
    CHECK(d.message.starts_with("the referenced anchor is not defined"));
  }
  SECTION("a reserved character") {
    Parsed p("a: @x\n");
    const Diagnostic& d = OnlyError(p, DiagnosticKind::YamlSyntaxError);
    CHECK(d.location.range == p.Find("@"));
  }
  SECTION("a list item after a key, at the key's level") {
    Parsed p("a: x\n- b\n");
    const Diagnostic& d = OnlyError(p, DiagnosticKind::YamlSyntaxError);
    CHECK(p.Line(d.location.range.begin) == 2);
  }
}

TEST_CASE("errors are located past a byte-order mark and in CRLF files",
          "[yaml][errors]") {
  Parsed ok(
      "\xEF\xBB\xBF"
      "a: 1\r\nb: two\r\n");
  REQUIRE(ok.doc);
  CHECK(ok.N(ok.Get("b")).range == ok.Find("two"));
  CHECK(ok.KeyRange(ok.doc->root(), "a") == ok.Find("a"));
  Parsed bad(
      "\xEF\xBB\xBF"
      "a:\r\n  b: 1\r\n c: 2\r\n");
  const Diagnostic& d = OnlyError(bad, DiagnosticKind::YamlSyntaxError);
  CHECK(d.location.range == bad.Find("c"));
}

TEST_CASE("duplicate keys: R013 at the second, note at the first", "[yaml]") {
  Parsed p("Resources:\n  Web: {Type: A}\n  Db: {Type: B}\n  Web: {Type: C}\n");
  REQUIRE(p.doc);
  REQUIRE(p.diagnostics().size() == 1);
  const Diagnostic& d = p.diagnostics()[0];
  CHECK(d.kind == DiagnosticKind::DuplicateKey);
  CHECK(d.location.range == p.Find("Web", 1));
  CHECK(p.Line(d.location.range.begin) == 4);
  REQUIRE(d.notes.size() == 1);
  CHECK(d.notes[0].location.range == p.Find("Web"));
}

TEST_CASE("a second document is refused", "[yaml]") {
  SECTION("after ---") {
    Parsed p("a: 1\n---\nb: 2\n");
    const Diagnostic& d = OnlyError(p, DiagnosticKind::MultipleDocuments);
    CHECK(d.location.range == p.Find("---"));
    CHECK(p.Line(d.location.range.begin) == 2);
    CHECK(d.message ==
          "the file holds more than one YAML document; Heat and CloudFormation "
          "read exactly one");
  }
  SECTION("after ...") {
    Parsed p("a: 1\n...\n# c\nb: 2\n");
    const Diagnostic& d = OnlyError(p, DiagnosticKind::MultipleDocuments);
    CHECK(p.Line(d.location.range.begin) == 4);
  }
  SECTION("a leading --- and a closing ... are one document") {
    Parsed p("---\na: 1\n...\n");
    REQUIRE(p.doc);
    CHECK(p.diagnostics().empty());
  }
  SECTION("without a marker it is an indentation error") {
    Parsed p("- a\nb: 1\n");
    const Diagnostic& d = OnlyError(p, DiagnosticKind::YamlSyntaxError);
    CHECK(p.Line(d.location.range.begin) == 2);
  }
}

TEST_CASE("an empty stream gives nothing and says nothing", "[yaml]") {
  for (std::string text : {"", "# only\n# comments\n", "\n\n", "---\n"}) {
    INFO(text);
    Parsed p(text);
    CHECK_FALSE(p.doc);
    CHECK(p.diagnostics().empty());
  }
}

TEST_CASE("nesting deeper than the limit gives one R012", "[yaml][depth]") {
  SECTION("20,000 flow brackets") {
    Parsed p(std::string(20000, '[') + std::string(20000, ']'));
    const Diagnostic& d = OnlyError(p, DiagnosticKind::NestingTooDeep);
    CHECK(d.location.range == ByteRange{256, 257});
    CHECK(
        d.message ==
        "collections nest deeper than 256 levels here; flatten the structure");
  }
  SECTION("20,000 compact dashes on one line") {
    std::string text;
    for (int i = 0; i < 20000; ++i) text += "- ";
    Parsed p(text + "x\n");
    const Diagnostic& d = OnlyError(p, DiagnosticKind::NestingTooDeep);
    CHECK(d.location.range == ByteRange{512, 513});
  }
  SECTION("a 20,000-step indentation staircase") {
    std::string text;
    for (int i = 0; i < 20000; ++i) {
      text.append(static_cast<size_t>(i), ' ');
      text += "k:\n";
    }
    Parsed p(std::move(text));
    const Diagnostic& d = OnlyError(p, DiagnosticKind::NestingTooDeep);
    CHECK(p.Line(d.location.range.begin) == 257);
  }
  SECTION("exactly at the limit is fine") {
    Parsed at(std::string(8, '[') + std::string(8, ']'), 8);
    CHECK(at.doc);
    CHECK(at.diagnostics().empty());
    Parsed over(std::string(9, '[') + std::string(9, ']'), 8);
    const Diagnostic& d = OnlyError(over, DiagnosticKind::NestingTooDeep);
    CHECK(d.location.range == ByteRange{8, 9});
  }
  SECTION("short forms count as a level") {
    // Three levels of text, four with the synthetic Fn::If mapping.
    Parsed p("a:\n  b: !If [c, x, y]\n", 3);
    const Diagnostic& d = OnlyError(p, DiagnosticKind::NestingTooDeep);
    CHECK(d.location.range.begin == p.Find("[").begin);
  }
  SECTION("above yaml-cpp's own limit") {
    Parsed p(std::string(600, '[') + std::string(600, ']'), 1000);
    OnlyError(p, DiagnosticKind::NestingTooDeep);
  }
}

// The pre-scan's depth for `text`: the smallest limit it accepts.
auto ScannedDepth(std::string_view text) -> uint32_t {
  uint32_t limit = 0;
  while (ScanYamlDepth(text, limit).has_value()) ++limit;
  return limit;
}

TEST_CASE("the depth pre-scan counts collections, not text", "[yaml][depth]") {
  CHECK(ScannedDepth("a: 1\n") == 1);
  CHECK(ScannedDepth("a:\n  b:\n    c: 1\n") == 3);
  CHECK(ScannedDepth("- - - x\n") == 3);
  CHECK(ScannedDepth("- a: 1\n  b: [1, {c: 2}]\n") == 4);
  CHECK(ScannedDepth("key:\n- a\n- b\nother: 1\n") == 2);
  // Brackets and dashes in scalars and comments are text.
  CHECK(ScannedDepth("a: '[[[['\nb: \"{{{{\"\nc: x[[[ # [[[[\n") == 1);
  CHECK(ScannedDepth("a: |\n  - - - - [[[[\n  {{{{\nb: 1\n") == 1);
  CHECK(ScannedDepth("a: text\n  - - - - continued\nb: 1\n") == 1);
  CHECK(ScannedDepth("a: ['x]]]', \"y]]]\", [z]]\n") == 3);
  CHECK(ScannedDepth("a: [it's, [b]]\n") == 3);
  CHECK(ScannedDepth("a: 'multi\n  [[[ line'\nb: [1]\n") == 2);
  // A new document starts from nothing.
  CHECK(ScannedDepth("a:\n  b:\n    c: 1\n---\nd: 1\n") == 3);
  // Where it first goes too deep.
  CHECK(ScanYamlDepth("a:\n  b:\n    c: 1\n", 2) == 12u);
}

TEST_CASE("a large template parses quickly", "[yaml][perf]") {
  std::string text = "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n";
  const int kResources = 10000;
  for (int i = 0; i < kResources; ++i) {
    std::string n = std::to_string(i);
    text += "  Queue" + n + ":\n    Type: AWS::SQS::Queue\n    Properties:\n" +
            "      QueueName: !Sub '${AWS::StackName}-queue-" + n + "'\n" +
            "      Arn: !GetAtt Dead" + n + ".Arn\n" +
            "      Tags:\n        - Key: team   # owner\n" +
            "          Value: \"platform-" + n + "\"\n" +
            "        - {Key: env, Value: !Ref Environment}\n";
  }
  REQUIRE(text.size() > 2'000'000);
  auto start = std::chrono::steady_clock::now();
  Parsed p(std::move(text));
  auto elapsed = std::chrono::steady_clock::now() - start;
  REQUIRE(p.doc);
  CHECK(p.diagnostics().empty());
  CHECK(p.N(p.Get("Resources")).entries.size() == kResources);
  // Measured at about 0.2 s of CPU in RelWithDebInfo; the bound leaves room
  // for loaded CI machines and unoptimised builds.
  CHECK(std::chrono::duration_cast<std::chrono::milliseconds>(elapsed).count() <
        3000);
}

}  // namespace
}  // namespace isobar
