// Units for the SARIF, JUnit and GitHub renderers. Where python3 is there,
// SARIF is also validated against the OASIS schema (with jsonschema) and
// JUnit parsed as XML; without it those two checks are skipped with a
// warning.
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "diagnostics/emitter.h"
#include "diagnostics/render.h"

namespace isobar {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

constexpr int kSkipped = 77;

struct Fixture {
  SourceBuffer a{"a.yaml",
                 "resources:\n  srv:\n    tpye: OS::Nova::Server\n  srv: {}\n  x: \"é\"\n"};
  SourceBuffer child{"nested dir/child:1.yaml", "k: v\nk: v\n"};
  SourceBuffer missing{"/abs/missing.json", ""};
  CollectingConsumer consumer;
  DiagnosticEmitter emitter{consumer};

  static auto RangeOf(const SourceBuffer& buffer, std::string_view needle,
                      size_t from = 0) -> ByteRange {
    auto at = static_cast<uint32_t>(buffer.text().find(needle, from));
    return {at, at + static_cast<uint32_t>(needle.size())};
  }

  // An error with a fix, an error with a note, a warning in another file,
  // an info spanning two lines, and a whole-file error.
  auto Emit() -> std::vector<const Diagnostic*> {
    emitter.Build(DiagnosticKind::UnknownResourceKey, {&a, RangeOf(a, "tpye")},
                  "unknown resource key `tpye`")
        .Fix("replace with `type`", {{{&a, RangeOf(a, "tpye")}, "type"}})
        .Region("RegionOne")
        .Emit();
    emitter.Build(DiagnosticKind::DuplicateKey, {&a, RangeOf(a, "srv", 30)},
                  "duplicate key `srv`")
        .Note({&a, RangeOf(a, "srv")}, "`srv` first defined here")
        .Emit();
    emitter.Build(DiagnosticKind::RedundantDuplicateKey,
                  {&child, RangeOf(child, "k", 1)}, "duplicate key `k`, same value")
        .Emit();
    emitter.Build(DiagnosticKind::UnknownSection, {&a, RangeOf(a, "srv: {}\n  x: \"é\"")},
                  "a message with % and : and , and\nsecond line")
        .Emit();
    consumer.diagnostics().back().severity = Severity::Info;
    emitter.Emit(DiagnosticKind::FileUnreadable, {&missing, {0, 0}}, "cannot read");
    std::vector<const Diagnostic*> list;
    for (const Diagnostic& d : consumer.diagnostics()) list.push_back(&d);
    return list;
  }
};

// Runs `python3 <script> <args>`; returns its exit status (kSkipped when
// python3 itself is missing) and fills `output` with stdout and stderr.
auto RunPython(const std::string& script, const std::vector<fs::path>& args,
               std::string& output) -> int {
  fs::path dir = fs::temp_directory_path() /
                 fmt::format("isobar_render_formats_{}", getpid());
  fs::create_directories(dir);
  std::ofstream(dir / "script.py") << script;
  auto quote = [](const std::string& s) {
    std::string q = "'";
    for (char c : s) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return q + "'";
  };
  std::string command = fmt::format("python3 {}", quote((dir / "script.py").string()));
  for (const fs::path& arg : args) command += fmt::format(" {}", quote(arg.string()));
  command += fmt::format(" >{} 2>&1", quote((dir / "output.txt").string()));
  int status = std::system(command.c_str());
  std::ifstream in(dir / "output.txt");
  output.assign(std::istreambuf_iterator<char>(in), {});
  fs::remove_all(dir);
  if (!WIFEXITED(status)) return -1;
  // The shell's "command not found".
  return WEXITSTATUS(status) == 127 ? kSkipped : WEXITSTATUS(status);
}

auto WriteTemp(const std::string& name, const std::string& text) -> fs::path {
  fs::path path = fs::temp_directory_path() /
                  ("isobar_" + std::to_string(getpid()) + "_" + name);
  std::ofstream(path, std::ios::binary) << text;
  return path;
}

TEST_CASE("SARIF output: driver, rules, results", "[render][sarif]") {
  Fixture f;
  auto list = f.Emit();
  std::vector<std::string> files{"a.yaml", "nested dir/child:1.yaml", "a.yaml"};
  std::ostringstream out;
  RenderSarif(out, files, list, {.tool_version = "9.8.7"});
  json log = json::parse(out.str());
  CHECK(log["$schema"] == "https://json.schemastore.org/sarif-2.1.0.json");
  CHECK(log["version"] == "2.1.0");
  REQUIRE(log["runs"].size() == 1);
  const json& run = log["runs"][0];
  CHECK(run["columnKind"] == "unicodeCodePoints");
  const json& driver = run["tool"]["driver"];
  CHECK(driver["name"] == "isobar");
  CHECK(driver["version"] == "9.8.7");
  CHECK_FALSE(driver.contains("informationUri"));

  // Every registry row, in order; those with results have their docs page
  // as help.
  const json& rules = driver["rules"];
  REQUIRE(rules.size() == AllDiagnosticKinds().size());
  for (const DiagnosticKindInfo& info : AllDiagnosticKinds()) {
    const json& rule = rules[static_cast<size_t>(info.kind)];
    CHECK(rule["id"] == info.code);
    CHECK(rule["name"] == info.name);
    CHECK(rule["shortDescription"]["text"] == info.summary);
  }
  const json& r013 = rules[static_cast<size_t>(DiagnosticKind::DuplicateKey)];
  CHECK(r013["defaultConfiguration"]["level"] == "error");
  CHECK(r013["help"]["markdown"].get<std::string>().starts_with("# R013 duplicate-key"));
  CHECK(r013["help"]["text"] == r013["help"]["markdown"]);
  CHECK(rules[static_cast<size_t>(DiagnosticKind::RedundantDuplicateKey)]
             ["defaultConfiguration"]["level"] == "warning");
  CHECK(rules[static_cast<size_t>(DiagnosticKind::UnknownSection)].contains("help"));
  CHECK_FALSE(rules[static_cast<size_t>(DiagnosticKind::InvalidUtf8)].contains("help"));

  // A file named twice is one artifact; paths are URI-escaped.
  CHECK(run["artifacts"] == json::parse(R"([
    {"location": {"uri": "a.yaml", "uriBaseId": "%SRCROOT%"}},
    {"location": {"uri": "nested%20dir/child%3A1.yaml", "uriBaseId": "%SRCROOT%"}}])"));

  const json& results = run["results"];
  REQUIRE(results.size() == 5);
  for (const json& result : results) {
    CHECK(rules[result["ruleIndex"].get<size_t>()]["id"] == result["ruleId"]);
  }
  const json& fixed = results[0];
  CHECK(fixed["ruleId"] == "R103");
  CHECK(fixed["level"] == "error");
  CHECK(fixed["message"]["text"] == "unknown resource key `tpye`");
  CHECK(fixed["locations"][0]["physicalLocation"] == json::parse(R"({
    "artifactLocation": {"uri": "a.yaml", "uriBaseId": "%SRCROOT%"},
    "region": {"startLine": 3, "startColumn": 5, "endLine": 3, "endColumn": 9}})"));
  CHECK(fixed["fixes"] == json::parse(R"([{
    "description": {"text": "replace with `type`"},
    "artifactChanges": [{
      "artifactLocation": {"uri": "a.yaml", "uriBaseId": "%SRCROOT%"},
      "replacements": [{
        "deletedRegion": {"startLine": 3, "startColumn": 5, "endLine": 3, "endColumn": 9},
        "insertedContent": {"text": "type"}}]}]}])"));
  CHECK(fixed["properties"]["region"] == "RegionOne");

  const json& noted = results[1];
  CHECK_FALSE(noted.contains("fixes"));
  CHECK_FALSE(noted.contains("properties"));
  CHECK(noted["relatedLocations"] == json::parse(R"([{
    "id": 1,
    "physicalLocation": {
      "artifactLocation": {"uri": "a.yaml", "uriBaseId": "%SRCROOT%"},
      "region": {"startLine": 2, "startColumn": 3, "endLine": 2, "endColumn": 6}},
    "message": {"text": "`srv` first defined here"}}])"));

  CHECK(results[2]["level"] == "warning");
  CHECK(results[3]["level"] == "note");
  // Columns count code points: `"é"` ends at column 9, not byte column 10.
  CHECK(results[3]["locations"][0]["physicalLocation"]["region"] ==
        json::parse(R"({"startLine": 4, "startColumn": 3, "endLine": 5, "endColumn": 9})"));
  // A whole-file result still has a region, which GitHub requires.
  CHECK(results[4]["locations"][0]["physicalLocation"] == json::parse(R"({
    "artifactLocation": {"uri": "file:///abs/missing.json"},
    "region": {"startLine": 1, "startColumn": 1, "endLine": 1, "endColumn": 1}})"));
}

TEST_CASE("SARIF output is valid against the SARIF 2.1.0 schema", "[render][sarif]") {
  fs::path schema = fs::path(ISOBAR_SOURCE_DIR) / ".." / "shared" / "schemas" /
                    "sarif-schema-2.1.0.json";
  if (!fs::exists(schema)) {
    WARN("skipped: no " << schema.string());
    return;
  }
  Fixture f;
  auto list = f.Emit();
  std::vector<std::string> files{"a.yaml", "nested dir/child:1.yaml"};
  std::ostringstream full, empty;
  RenderSarif(full, files, list,
              {.tool_version = "1.0.0", .information_uri = "https://example.com/isobar"});
  RenderSarif(empty, {}, {}, {});
  fs::path full_path = WriteTemp("full.sarif", full.str());
  fs::path empty_path = WriteTemp("empty.sarif", empty.str());
  std::string output;
  int status = RunPython(R"(import json, sys
try:
    import jsonschema
except ImportError:
    sys.exit(77)
schema = json.load(open(sys.argv[1]))
bad = 0
for path in sys.argv[2:]:
    for error in jsonschema.Draft7Validator(schema).iter_errors(json.load(open(path))):
        print(path, list(error.absolute_path), error.message[:300])
        bad += 1
sys.exit(1 if bad else 0)
)",
                         {schema, full_path, empty_path}, output);
  fs::remove(full_path);
  fs::remove(empty_path);
  if (status == kSkipped) {
    WARN("skipped: python3 with jsonschema is not installed");
    return;
  }
  INFO(output);
  CHECK(status == 0);
}

TEST_CASE("JUnit output: a suite per file, failures follow the exit status",
          "[render][junit]") {
  Fixture f;
  auto list = f.Emit();
  std::vector<std::string> files{"a.yaml", "nested dir/child:1.yaml", "clean.yaml"};
  std::ostringstream out;
  RenderJunit(out, files, list, {});
  CHECK(out.str() == R"(<?xml version="1.0" encoding="UTF-8"?>
<testsuites name="isobar" tests="6" failures="3" errors="0">
  <testsuite name="a.yaml" tests="3" failures="2" errors="0">
    <testcase name="R103 unknown-resource-key at 3:5" classname="a.yaml">
      <failure message="unknown resource key `tpye`" type="error">a.yaml:3:5: error: unknown resource key `tpye` [R103 unknown-resource-key]
fix: replace with `type`</failure>
    </testcase>
    <testcase name="R013 duplicate-key at 4:3" classname="a.yaml">
      <failure message="duplicate key `srv`" type="error">a.yaml:4:3: error: duplicate key `srv` [R013 duplicate-key]
a.yaml:2:3: note: `srv` first defined here</failure>
    </testcase>
    <testcase name="R102 unknown-section at 4:3" classname="a.yaml">
      <system-out>a.yaml:4:3: info: a message with % and : and , and
second line [R102 unknown-section]</system-out>
    </testcase>
  </testsuite>
  <testsuite name="nested dir/child:1.yaml" tests="1" failures="0" errors="0">
    <testcase name="R018 redundant-duplicate-key at 2:1" classname="nested dir/child:1.yaml">
      <system-out>nested dir/child:1.yaml:2:1: warning: duplicate key `k`, same value [R018 redundant-duplicate-key]</system-out>
    </testcase>
  </testsuite>
  <testsuite name="clean.yaml" tests="1" failures="0" errors="0">
    <testcase name="no diagnostics" classname="clean.yaml"/>
  </testsuite>
  <testsuite name="/abs/missing.json" tests="1" failures="1" errors="0">
    <testcase name="R001 file-unreadable" classname="/abs/missing.json">
      <failure message="cannot read" type="error">/abs/missing.json: error: cannot read [R001 file-unreadable]</failure>
    </testcase>
  </testsuite>
</testsuites>
)");

  std::ostringstream strict;
  RenderJunit(strict, files, list, {.strict = true});
  CHECK(strict.str().find(R"(<testsuites name="isobar" tests="6" failures="4" errors="0">)") !=
        std::string::npos);
  CHECK(strict.str().find(R"(<failure message="duplicate key `k`, same value" type="warning">)") !=
        std::string::npos);
}

TEST_CASE("JUnit output escapes XML and stays well formed", "[render][junit]") {
  SourceBuffer buffer{"a&b<c>\"d\".yaml", "key: v\n"};
  Diagnostic d{.kind = DiagnosticKind::DuplicateKey,
               .severity = Severity::Error,
               .location = {&buffer, {0, 3}},
               .message = std::string("a <b> & \"c\"\r\n\ttab\x01\x1F bad\xFF\xEF\xBF\xBF ok\xC3\xA9")};
  std::vector<const Diagnostic*> list{&d};
  std::vector<std::string> files{buffer.filename()};
  std::ostringstream out;
  RenderJunit(out, files, list, {});
  std::string xml = out.str();
  CHECK(xml.find(R"(<testsuite name="a&amp;b&lt;c&gt;&quot;d&quot;.yaml")") != std::string::npos);
  CHECK(xml.find("message=\"a &lt;b&gt; &amp; &quot;c&quot;&#13;&#10;&#9;tab\xE2\x90\x81\xE2\x90\x9F"
                 " bad\xEF\xBF\xBD\xEF\xBF\xBD ok\xC3\xA9\"") != std::string::npos);
  CHECK(xml.find(">a&amp;b&lt;c&gt;\"d\".yaml:1:1: error: a &lt;b&gt; &amp; \"c\"&#13;\n\ttab") !=
        std::string::npos);

  fs::path path = WriteTemp("report.xml", xml);
  std::string output;
  int status = RunPython(R"(import sys, xml.etree.ElementTree as ET
root = ET.parse(sys.argv[1]).getroot()
failure = root.find("testsuite/testcase/failure")
print(repr(failure.get("message")))
sys.exit(0 if failure.get("message").startswith('a <b> & "c"\r\n\ttab\u2401\u241f') else 1)
)",
                         {path}, output);
  fs::remove(path);
  if (status == kSkipped) {
    WARN("skipped: python3 is not installed");
    return;
  }
  INFO(output);
  CHECK(status == 0);
}

TEST_CASE("GitHub output: one escaped workflow command per diagnostic", "[render][github]") {
  Fixture f;
  auto list = f.Emit();
  std::ostringstream out;
  RenderGithub(out, list);
  CHECK(out.str() ==
        "::error file=a.yaml,line=3,col=5,endLine=3,endColumn=9,"
        "title=R103 unknown-resource-key::unknown resource key `tpye`%0Afix: replace with `type`\n"
        "::error file=a.yaml,line=4,col=3,endLine=4,endColumn=6,"
        "title=R013 duplicate-key::duplicate key `srv`%0Aa.yaml:2:3: note: `srv` first defined here\n"
        "::warning file=nested dir/child%3A1.yaml,line=2,col=1,endLine=2,endColumn=2,"
        "title=R018 redundant-duplicate-key::duplicate key `k`, same value\n"
        "::notice file=a.yaml,line=4,endLine=5,"
        "title=R102 unknown-section::a message with %25 and : and , and%0Asecond line\n"
        "::error file=/abs/missing.json,line=1,col=1,endLine=1,endColumn=1,"
        "title=R001 file-unreadable::cannot read\n");
}

}  // namespace
}  // namespace isobar
