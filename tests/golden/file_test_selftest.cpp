// Tests of the golden-file machinery itself: parsing `.test` files, `@LINE`
// expressions, which output lines are compared, and autoupdate placement.
#include <catch2/catch.hpp>

#include "tests/golden/file_test.h"

namespace isobar::testing {
namespace {

auto Expanded(const TestFile& test) -> std::vector<std::string> {
  std::vector<std::string> lines;
  for (const CheckLine& check : test.checks) {
    std::string error;
    auto text = ExpandCheck(check, error);
    REQUIRE(text.has_value());
    lines.push_back(*text);
  }
  return lines;
}

// Autoupdates `input` with `output`, and checks the result is stable and
// expects exactly `output`.
auto Update(std::string_view input, const std::vector<std::string>& output)
    -> std::string {
  TestFile test = ParseTestFile(input);
  REQUIRE(test.errors.empty());
  std::string updated = AutoupdateText(test, output);
  TestFile reparsed = ParseTestFile(updated);
  REQUIRE(reparsed.errors.empty());
  CHECK(Expanded(reparsed) == output);
  CHECK(AutoupdateText(reparsed, output) == updated);
  REQUIRE(reparsed.splits.size() == test.splits.size());
  for (size_t i = 0; i < test.splits.size(); ++i) {
    CHECK(reparsed.splits[i].Content() == test.splits[i].Content());
  }
  return updated;
}

TEST_CASE("a file without splits is main.yaml, minus directives", "[file_test]") {
  TestFile test = ParseTestFile(
      "# ARGS: lint --strict main.yaml\n"
      "a: 1\n"
      "# CHECK:STDOUT: main.yaml:[[@LINE+1]]:1: error: x [R013 duplicate-key]\n"
      "a: 2\n"
      "# comment stays\n");
  REQUIRE(test.errors.empty());
  REQUIRE(test.splits.size() == 1);
  CHECK(test.splits[0].name == "main.yaml");
  CHECK(test.splits[0].Content() == "a: 1\na: 2\n# comment stays\n");
  CHECK(test.Arguments() == std::vector<std::string>{"lint", "--strict", "main.yaml"});
  CHECK(Expanded(test) ==
        std::vector<std::string>{"main.yaml:2:1: error: x [R013 duplicate-key]"});
}

TEST_CASE("splits, default arguments and @LINE per split", "[file_test]") {
  TestFile test = ParseTestFile(
      "# preamble comment\n"
      "# --- main.yaml\n"
      "# CHECK:STDOUT: [[@LINE]] [[@LINE+1]]\n"
      "x: 1\n"
      "# --- sub/child.json\n"
      "{\n"
      "# CHECK:STDOUT: [[@LINE]] [[@LINE-1]] [[@LINE+3]]\n"
      "}\n"
      "# --- empty.yaml\n");
  REQUIRE(test.errors.empty());
  REQUIRE(test.splits.size() == 3);
  CHECK(test.splits[1].name == "sub/child.json");
  CHECK(test.splits[1].Content() == "{\n}\n");
  CHECK(test.splits[2].Content().empty());
  CHECK(test.Arguments() ==
        std::vector<std::string>{"lint", "main.yaml", "sub/child.json", "empty.yaml"});
  CHECK(Expanded(test) == std::vector<std::string>{"0 1", "1 0 4"});
}

TEST_CASE("malformed directives are reported", "[file_test]") {
  CHECK(!ParseTestFile("# --- ../x.yaml\n").errors.empty());
  CHECK(!ParseTestFile("# --- /x.yaml\n").errors.empty());
  CHECK(!ParseTestFile("# --- a.yaml\n# --- a.yaml\n").errors.empty());
  CHECK(!ParseTestFile("# CHECK:STDERR: x\n").errors.empty());
  CHECK(!ParseTestFile("# EXIT: two\n").errors.empty());
  TestFile bad = ParseTestFile("# CHECK:STDOUT: [[@LINE+]]\n");
  std::string error;
  CHECK(!ExpandCheck(bad.checks.at(0), error).has_value());
}

TEST_CASE("only diagnostic header lines are compared", "[file_test]") {
  std::string out =
      "main.yaml:3:5: error: bad thing [R013 duplicate-key]\n"
      "    3 | a: 1\n"
      "      |     ^\n"
      "main.yaml:1:1: note: first here\n"
      "  fix: replace with `x`\n"
      "main.yaml: error: the file is empty [R005 empty-file]\n"
      "dir/x.yaml:10:20: warning: w\n"
      " x.yaml:1:1: error: indented, not a header\n"
      "main.yaml:3: error: not a header either\n";
  CHECK(ComparedLines(out, false) ==
        std::vector<std::string>{
            "main.yaml:3:5: error: bad thing [R013 duplicate-key]",
            "main.yaml:1:1: note: first here",
            "main.yaml: error: the file is empty [R005 empty-file]",
            "dir/x.yaml:10:20: warning: w"});
  CHECK(ComparedLines("{\n  \"a\": 1\n}\n", true) ==
        std::vector<std::string>{"{", "  \"a\": 1", "}"});
}

TEST_CASE("exit status expectations", "[file_test]") {
  std::string error;
  CHECK(ExpectedExitStatus(ParseTestFile(""), "a/ok.test", error) == 0);
  CHECK(ExpectedExitStatus(ParseTestFile(""), "a/fail_x.test", error) == 1);
  CHECK(ExpectedExitStatus(ParseTestFile("# EXIT: 2\n"), "fail_x.test", error) == 2);
  CHECK(error.empty());
  ExpectedExitStatus(ParseTestFile("# EXIT: 1\n"), "a/ok.test", error);
  CHECK(!error.empty());
}

TEST_CASE("autoupdate places lines above their targets", "[file_test]") {
  std::string input =
      "# ARGS: lint main.yaml\n"
      "# CHECK:STDOUT: stale line\n"
      "a: 1\n"
      "b: 2\n"
      "a: 3\n";
  std::vector<std::string> output = {
      "main.yaml:3:1: error: duplicate key `a` [R013 duplicate-key]",
      "main.yaml:1:1: note: first here",
      "main.yaml: error: something without a line [R005 empty-file]"};
  CHECK(Update(input, output) ==
        "# ARGS: lint main.yaml\n"
        "a: 1\n"
        "b: 2\n"
        "# CHECK:STDOUT: main.yaml:[[@LINE+1]]:1: error: duplicate key `a` [R013 duplicate-key]\n"
        "# CHECK:STDOUT: main.yaml:[[@LINE-1]]:1: note: first here\n"
        "a: 3\n"
        "# CHECK:STDOUT: main.yaml: error: something without a line [R005 empty-file]\n");
}

TEST_CASE("autoupdate never reorders output", "[file_test]") {
  std::string input =
      "# --- main.yaml\n"
      "a: 1\n"
      "b: 2\n"
      "# --- child.json\n"
      "{}\n";
  // A later file first, then an earlier line, then a line past the end.
  std::vector<std::string> output = {
      "child.json:1:1: error: c",
      "main.yaml:2:1: error: m",
      "child.json:1:1: note: back in child",
      "child.json:2:1: error: at end of file",
      "elsewhere.yaml:1:1: error: not a split"};
  CHECK(Update(input, output) ==
        "# --- main.yaml\n"
        "a: 1\n"
        "b: 2\n"
        "# --- child.json\n"
        "# CHECK:STDOUT: child.json:[[@LINE+1]]:1: error: c\n"
        "# CHECK:STDOUT: main.yaml:2:1: error: m\n"
        "# CHECK:STDOUT: child.json:[[@LINE+1]]:1: note: back in child\n"
        "{}\n"
        "# CHECK:STDOUT: child.json:[[@LINE+1]]:1: error: at end of file\n"
        "# CHECK:STDOUT: elsewhere.yaml:1:1: error: not a split\n");
}

TEST_CASE("autoupdate of an empty split and of a JSON report", "[file_test]") {
  CHECK(Update("", {"main.yaml: error: empty"}) ==
        "# CHECK:STDOUT: main.yaml: error: empty\n");
  std::string json =
      "# ARGS: lint --format json main.json\n"
      "# --- main.json\n"
      "{}\n"
      "# --- other.yaml\n"
      "x: 1\n";
  CHECK(Update(json, {"{", "  \"line\": 1,", "}"}) ==
        "# ARGS: lint --format json main.json\n"
        "# --- main.json\n"
        "{}\n"
        "# CHECK:STDOUT: {\n"
        "# CHECK:STDOUT:   \"line\": 1,\n"
        "# CHECK:STDOUT: }\n"
        "# --- other.yaml\n"
        "x: 1\n");
}

TEST_CASE("line diff marks expected and actual lines", "[file_test]") {
  CHECK(DiffLines({"a", "b"}, {"a", "b"}).empty());
  CHECK(DiffLines({"a", "b", "c"}, {"a", "x", "c"}) == "  a\n+ x\n- b\n  c\n");
}

}  // namespace
}  // namespace isobar::testing
