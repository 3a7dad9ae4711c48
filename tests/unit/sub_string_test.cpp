// Units for the Fn::Sub string parser: variables, escapes, errors, and how
// ranges map from the decoded string back into YAML and JSON sources.
#include "analysis/sub_string.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cctype>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "frontend/json_reader.h"
#include "frontend/yaml_reader.h"

namespace isobar {
namespace {

// One template read by the real reader, plus the Fn::Sub strings in it.
class Parsed {
 public:
  enum class Format { Yaml, Json };

  explicit Parsed(std::string text, Format format = Format::Yaml)
      : source_(format == Format::Yaml ? "t.yaml" : "t.json",
                std::move(text)) {
    doc_ = format == Format::Yaml ? ParseYaml(source_, {}, emitter_)
                                  : ParseJson(source_, {}, emitter_);
    REQUIRE(doc_);
    REQUIRE(consumer_.diagnostics().empty());
    ForEachNodeOnce(*doc_, doc_->root(), [&](NodeId id) {
      if (!doc_->IsMapping(id)) return;
      for (const MapEntry& entry : doc_->node(id).entries) {
        if (entry.key != "Fn::Sub") continue;
        NodeId value = entry.value;
        // `Fn::Sub: [string, {variables}]`
        if (doc_->IsSequence(value)) value = doc_->node(value).items.at(0);
        subs_.push_back(value);
      }
    });
    // ForEachNodeOnce does not promise source order.
    std::sort(subs_.begin(), subs_.end(), [&](NodeId a, NodeId b) {
      return doc_->node(a).range.begin < doc_->node(b).range.begin;
    });
  }
  Parsed(const Parsed&) = delete;
  auto operator=(const Parsed&) -> Parsed& = delete;

  // The `nth` Fn::Sub string in source order, parsed.
  auto Sub(size_t nth = 0) const -> SubParseResult {
    REQUIRE(nth < subs_.size());
    return ParseSubString(*doc_, subs_[nth]);
  }
  auto SubNode(size_t nth = 0) const -> const Node& {
    REQUIRE(nth < subs_.size());
    return doc_->node(subs_[nth]);
  }
  auto document() const -> const Document& { return *doc_; }

  // The source text a range covers.
  auto Text(ByteRange range) const -> std::string_view {
    REQUIRE(range.begin <= range.end);
    REQUIRE(range.end <= source_.size());
    return source_.text().substr(range.begin, range.end - range.begin);
  }
  // Where the `nth` occurrence of `needle` starts in the source.
  auto Offset(std::string_view needle, int nth = 0) const -> uint32_t {
    size_t at = source_.text().find(needle);
    for (int i = 0; i < nth && at != std::string_view::npos; ++i) {
      at = source_.text().find(needle, at + 1);
    }
    REQUIRE(at != std::string_view::npos);
    return static_cast<uint32_t>(at);
  }
  auto Line(uint32_t offset) const -> uint32_t {
    return source_.GetLineColumn(offset).line;
  }

 private:
  SourceBuffer source_;
  CollectingConsumer consumer_;
  DiagnosticEmitter emitter_{consumer_};
  std::optional<Document> doc_;
  std::vector<NodeId> subs_;
};

auto Names(const SubParseResult& result) -> std::vector<std::string> {
  std::vector<std::string> names;
  for (const SubVariable& v : result.variables) names.push_back(v.name);
  return names;
}

// Messages follow docs/diagnostics.md.
void CheckMessageStyle(const std::string& message) {
  REQUIRE_FALSE(message.empty());
  CHECK(message.back() != '.');
  CHECK_FALSE(std::isupper(static_cast<unsigned char>(message[0])));
}

TEST_CASE("sub: variables and their ranges in a plain scalar", "[sub]") {
  Parsed p("Value: !Sub arn:${AWS::Partition}:s3:::${Bucket}/*\n");
  SubParseResult r = p.Sub();
  CHECK_FALSE(r.error);
  CHECK(r.exact_ranges);
  CHECK(r.literal_escapes.empty());
  REQUIRE(Names(r) == std::vector<std::string>{"AWS::Partition", "Bucket"});
  CHECK(p.Text(r.variables[0].range) == "${AWS::Partition}");
  CHECK(p.Text(r.variables[0].name_range) == "AWS::Partition");
  CHECK(r.variables[0].name_range.begin == p.Offset("AWS::"));
  CHECK_FALSE(r.variables[0].has_dot);
  CHECK(r.variables[0].resource.empty());
  CHECK(r.variables[0].attribute.empty());
  CHECK(p.Text(r.variables[1].range) == "${Bucket}");
  CHECK(p.Text(r.variables[1].name_range) == "Bucket");
}

TEST_CASE("sub: a dot splits resource from attribute, once", "[sub]") {
  Parsed p(
      "A: !Sub 'jdbc://${MyDb.Endpoint.Address}:${MyDb.Endpoint.Port}'\n"
      "B: !Sub ${Web.Arn}\n");
  SubParseResult r = p.Sub(0);
  CHECK_FALSE(r.error);
  REQUIRE(r.variables.size() == 2);
  const SubVariable& address = r.variables[0];
  CHECK(address.name == "MyDb.Endpoint.Address");
  CHECK(address.has_dot);
  CHECK(address.resource == "MyDb");
  CHECK(address.attribute == "Endpoint.Address");
  CHECK(p.Text(address.range) == "${MyDb.Endpoint.Address}");
  CHECK(p.Text(address.name_range) == "MyDb.Endpoint.Address");
  CHECK(r.variables[1].attribute == "Endpoint.Port");
  CHECK(p.Text(r.variables[1].range) == "${MyDb.Endpoint.Port}");

  SubParseResult b = p.Sub(1);
  REQUIRE(b.variables.size() == 1);
  CHECK(b.variables[0].resource == "Web");
  CHECK(b.variables[0].attribute == "Arn");
  CHECK(p.Text(b.variables[0].range) == "${Web.Arn}");
}

TEST_CASE("sub: `${!Literal}` is an escape, not a variable", "[sub]") {
  Parsed p(
      "UserData: !Sub 'echo ${!HOME} ${ !PATH} in ${AWS::Region} ${!}'\n");
  SubParseResult r = p.Sub();
  CHECK_FALSE(r.error);
  REQUIRE(Names(r) == std::vector<std::string>{"AWS::Region"});
  REQUIRE(r.literal_escapes.size() == 3);
  CHECK(p.Text(r.literal_escapes[0]) == "${!HOME}");
  CHECK(p.Text(r.literal_escapes[1]) == "${ !PATH}");
  CHECK(p.Text(r.literal_escapes[2]) == "${!}");
  // `!` after other text is part of a name, not an escape.
  Parsed q("V: !Sub '${a!b}'\n");
  SubParseResult s = q.Sub();
  CHECK(s.literal_escapes.empty());
  CHECK(Names(s) == std::vector<std::string>{"a!b"});
}

TEST_CASE("sub: a `$` without `{` is literal text", "[sub]") {
  Parsed p("Cost: !Sub 'costs $5, $$${Var}, $ {NotVar}, {Nor} and $'\n");
  SubParseResult r = p.Sub();
  CHECK_FALSE(r.error);
  CHECK(r.literal_escapes.empty());
  REQUIRE(Names(r) == std::vector<std::string>{"Var"});
  // `$$` is not an escape: the variable starts at the last `$`.
  CHECK(r.variables[0].range.begin == p.Offset("${Var}"));
  CHECK(p.Text(r.variables[0].range) == "${Var}");

  Parsed none("Plain: !Sub no variables at all\n");
  SubParseResult n = none.Sub();
  CHECK_FALSE(n.error);
  CHECK(n.variables.empty());
}

TEST_CASE("sub: whitespace inside the braces is trimmed", "[sub]") {
  Parsed p("V: !Sub '${ Bucket }/${\tWeb.Arn  }/${My Param}'\n");
  SubParseResult r = p.Sub();
  CHECK_FALSE(r.error);
  REQUIRE(Names(r) ==
          std::vector<std::string>{"Bucket", "Web.Arn", "My Param"});
  CHECK(p.Text(r.variables[0].range) == "${ Bucket }");
  CHECK(p.Text(r.variables[0].name_range) == "Bucket");
  CHECK(p.Text(r.variables[1].name_range) == "Web.Arn");
  CHECK(r.variables[1].resource == "Web");
  CHECK(r.variables[1].attribute == "Arn");
  CHECK(p.Text(r.variables[2].name_range) == "My Param");
}

TEST_CASE("sub: an unterminated `${` is an error at the `${`", "[sub]") {
  Parsed p("V: !Sub 'a ${Ok} b ${Oops and more'\n");
  SubParseResult r = p.Sub();
  REQUIRE(r.error);
  CHECK(r.error->range.begin == p.Offset("${Oops"));
  CHECK(p.Text(r.error->range) == "${");
  CHECK(r.error->message.find("unterminated `${`") == 0);
  CheckMessageStyle(r.error->message);
  // The variable before it is still reported.
  CHECK(Names(r) == std::vector<std::string>{"Ok"});

  // An unclosed escape is unterminated too, and so is a lone `${` at the end.
  Parsed q("A: !Sub '${!Literal'\nB: !Sub 'x${'\n");
  SubParseResult a = q.Sub(0);
  REQUIRE(a.error);
  CHECK(a.error->range.begin == q.Offset("${!"));
  CHECK(a.literal_escapes.empty());
  SubParseResult b = q.Sub(1);
  REQUIRE(b.error);
  CHECK(b.error->range.begin == q.Offset("x${") + 1);
  CHECK(q.Text(b.error->range) == "${");
}

TEST_CASE("sub: `${}` and `${ }` name no variable", "[sub]") {
  Parsed p("V: !Sub 'a-${}-${After}'\nW: !Sub 'b-${  }-${Ok}-${}'\n");
  SubParseResult r = p.Sub(0);
  REQUIRE(r.error);
  CHECK(r.error->range.begin == p.Offset("${}"));
  CHECK(p.Text(r.error->range) == "${}");
  CHECK(r.error->message.find("empty variable `${}`") == 0);
  CheckMessageStyle(r.error->message);
  // Parsing goes on after the error.
  CHECK(Names(r) == std::vector<std::string>{"After"});

  SubParseResult w = p.Sub(1);
  REQUIRE(w.error);
  // Only the first error is kept.
  CHECK(p.Text(w.error->range) == "${  }");
  CHECK(Names(w) == std::vector<std::string>{"Ok"});
}

TEST_CASE("sub: a literal block maps each line to its source line", "[sub]") {
  Parsed p(
      "Resources:\n"
      "  Box:\n"
      "    Properties:\n"
      "      UserData: !Sub |\n"
      "        #!/bin/bash\n"
      "        echo ${AWS::Region}\n"
      "\n"
      "          indented ${Extra.Attr} and ${!HOME}\n"
      "        done ${ Last }\n");
  SubParseResult r = p.Sub();
  CHECK_FALSE(r.error);
  CHECK(r.exact_ranges);
  REQUIRE(Names(r) ==
          std::vector<std::string>{"AWS::Region", "Extra.Attr", "Last"});
  CHECK(p.Line(r.variables[0].range.begin) == 6);
  CHECK(p.Text(r.variables[0].range) == "${AWS::Region}");
  CHECK(p.Line(r.variables[1].range.begin) == 8);
  CHECK(p.Text(r.variables[1].range) == "${Extra.Attr}");
  CHECK(p.Text(r.variables[1].name_range) == "Extra.Attr");
  CHECK(p.Line(r.variables[2].range.begin) == 9);
  CHECK(p.Text(r.variables[2].name_range) == "Last");
  REQUIRE(r.literal_escapes.size() == 1);
  CHECK(p.Line(r.literal_escapes[0].begin) == 8);
  CHECK(p.Text(r.literal_escapes[0]) == "${!HOME}");
}

TEST_CASE("sub: block scalars with chomping, CRLF and errors", "[sub]") {
  Parsed p(
      "A: !Sub |-\r\n"
      "  one ${First}\r\n"
      "  two ${Second}\r\n"
      "B: !Sub |+\n"
      "\n"
      "  start ${Kept}\n"
      "\n"
      "\n"
      "C:\n"
      "  Fn::Sub: |\n"
      "    ok ${Ok}\n"
      "    broken ${Oops\n");
  SubParseResult a = p.Sub(0);
  CHECK(a.exact_ranges);
  REQUIRE(a.variables.size() == 2);
  CHECK(p.Text(a.variables[0].range) == "${First}");
  CHECK(p.Text(a.variables[1].range) == "${Second}");
  CHECK(p.Line(a.variables[1].range.begin) == 3);

  SubParseResult b = p.Sub(1);
  CHECK(b.exact_ranges);
  REQUIRE(b.variables.size() == 1);
  CHECK(p.Text(b.variables[0].range) == "${Kept}");
  CHECK(p.Line(b.variables[0].range.begin) == 6);

  SubParseResult c = p.Sub(2);
  CHECK(c.exact_ranges);
  CHECK(Names(c) == std::vector<std::string>{"Ok"});
  REQUIRE(c.error);
  CHECK(c.error->range.begin == p.Offset("${Oops"));
  CHECK(p.Line(c.error->range.begin) == 12);
}

TEST_CASE("sub: a folded block maps only when nothing was folded", "[sub]") {
  Parsed p(
      "A: !Sub >\n"
      "  one line ${Only}\n"
      "B: !Sub >\n"
      "  folded ${One}\n"
      "  together ${Two}\n");
  SubParseResult a = p.Sub(0);
  CHECK(a.exact_ranges);
  REQUIRE(a.variables.size() == 1);
  CHECK(p.Text(a.variables[0].range) == "${Only}");

  SubParseResult b = p.Sub(1);
  CHECK_FALSE(b.exact_ranges);
  REQUIRE(Names(b) == std::vector<std::string>{"One", "Two"});
  CHECK(b.variables[1].range == p.SubNode(1).range);
}

TEST_CASE("sub: escapes and folding fall back to the whole scalar", "[sub]") {
  Parsed p(
      "A: !Sub \"tab\\there ${X}\"\n"
      "B: !Sub 'it''s ${Y}'\n"
      "C: !Sub plain ${Z}\n"
      "  continued ${W}\n"
      "D: !Sub \"no escapes ${V}\"\n"
      "E: !Sub \"bad ${\\u0055nclosed\"\n");
  SubParseResult a = p.Sub(0);
  CHECK_FALSE(a.exact_ranges);
  REQUIRE(Names(a) == std::vector<std::string>{"X"});
  CHECK(a.variables[0].range == p.SubNode(0).range);
  CHECK(a.variables[0].name_range == p.SubNode(0).range);

  SubParseResult b = p.Sub(1);
  CHECK_FALSE(b.exact_ranges);
  CHECK(Names(b) == std::vector<std::string>{"Y"});
  CHECK(b.variables[0].range == p.SubNode(1).range);

  SubParseResult c = p.Sub(2);
  CHECK_FALSE(c.exact_ranges);
  CHECK(Names(c) == std::vector<std::string>{"Z", "W"});
  CHECK(c.variables[1].range == p.SubNode(2).range);

  // Double quotes without backslashes map exactly.
  SubParseResult d = p.Sub(3);
  CHECK(d.exact_ranges);
  REQUIRE(d.variables.size() == 1);
  CHECK(p.Text(d.variables[0].range) == "${V}");

  // An error in an escaped string points at the whole string.
  SubParseResult e = p.Sub(4);
  CHECK_FALSE(e.exact_ranges);
  REQUIRE(e.error);
  CHECK(e.error->range == p.SubNode(4).range);
}

TEST_CASE("sub: JSON strings map exactly unless they hold escapes", "[sub]") {
  Parsed p(
      "{\"Resources\": {\"B\": {\"Properties\": {\n"
      "  \"Name\": {\"Fn::Sub\": \"${AWS::StackName}-${Env}\"},\n"
      "  \"Arn\": {\"Fn::Sub\": [\"arn:${Part}:${Web.Arn}\", {\"Part\": \"x\"}]},\n"
      "  \"Script\": {\"Fn::Sub\": \"line\\n${Escaped}\"}\n"
      "}}}}\n",
      Parsed::Format::Json);
  SubParseResult name = p.Sub(0);
  CHECK_FALSE(name.error);
  CHECK(name.exact_ranges);
  REQUIRE(Names(name) == std::vector<std::string>{"AWS::StackName", "Env"});
  CHECK(p.Text(name.variables[0].range) == "${AWS::StackName}");
  CHECK(p.Text(name.variables[1].name_range) == "Env");

  SubParseResult arn = p.Sub(1);
  REQUIRE(Names(arn) == std::vector<std::string>{"Part", "Web.Arn"});
  CHECK(p.Text(arn.variables[0].range) == "${Part}");
  CHECK(p.Text(arn.variables[1].range) == "${Web.Arn}");
  CHECK(arn.variables[1].resource == "Web");

  SubParseResult script = p.Sub(2);
  CHECK_FALSE(script.exact_ranges);
  REQUIRE(Names(script) == std::vector<std::string>{"Escaped"});
  CHECK(script.variables[0].range == p.SubNode(2).range);
}

TEST_CASE("sub: non-ASCII text before a variable", "[sub]") {
  Parsed yaml("V: !Sub 'héllo wörld ✓ 🚀 ${Name}-${Other}'\n");
  SubParseResult r = yaml.Sub();
  CHECK(r.exact_ranges);
  REQUIRE(r.variables.size() == 2);
  CHECK(yaml.Text(r.variables[0].range) == "${Name}");
  CHECK(r.variables[0].range.begin == yaml.Offset("${Name}"));
  CHECK(yaml.Text(r.variables[1].name_range) == "Other");

  Parsed json("{\"Fn::Sub\": \"日本語 ${Région} ${!ü} ${\"}",
              Parsed::Format::Json);
  SubParseResult j = json.Sub();
  CHECK(j.exact_ranges);
  REQUIRE(Names(j) == std::vector<std::string>{"Région"});
  CHECK(json.Text(j.variables[0].range) == "${Région}");
  REQUIRE(j.literal_escapes.size() == 1);
  CHECK(json.Text(j.literal_escapes[0]) == "${!ü}");
  REQUIRE(j.error);
  CHECK(j.error->range.begin == json.Offset("${\""));
  CHECK(json.Text(j.error->range) == "${");
}

TEST_CASE("sub: a node that is not a string is an error", "[sub]") {
  Parsed p("V:\n  Fn::Sub: {Not: a string}\n");
  SubParseResult r = p.Sub();
  REQUIRE(r.error);
  CHECK(r.error->range == p.SubNode().range);
  CheckMessageStyle(r.error->message);
  CHECK(r.variables.empty());
  CHECK(ParseSubString(p.document(), kNoNode).error);
}

}  // namespace
}  // namespace isobar
