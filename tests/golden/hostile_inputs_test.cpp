// Hostile inputs that a `.test` file cannot hold or create: NUL bytes,
// invalid UTF-8, very deep nesting, an alias bomb, oversized and unreadable
// files, symlink loops and directory walks. Each case generates its files in
// a fresh directory, runs the isobar binary with `--format json`, and checks
// the rule, the line, the exit status, and that isobar finished quickly.
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>

#include <catch2/catch.hpp>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "tests/golden/process.h"

namespace isobar::testing {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using namespace std::chrono_literals;

// How long any one of these inputs may take. Each is refused by a linear
// scan or never expanded, so even a slow machine stays far below this.
constexpr auto kQuick = 5000ms;

struct Run {
  ProcessResult process;
  json report;
};

// Runs `isobar lint --format json ARGS...` in `dir`, and parses the report.
auto Lint(const TempDir& dir, std::vector<std::string> args,
          std::chrono::milliseconds limit = 20000ms) -> Run {
  std::vector<std::string> argv = {ISOBAR_BINARY, "lint", "--format", "json"};
  argv.insert(argv.end(), args.begin(), args.end());
  Run run;
  run.process = RunProcess(argv, dir.path(), limit);
  INFO("isobar " << DescribeEnd(run.process) << "\nstdout:\n"
                 << run.process.stdout_text << "\nstderr:\n"
                 << run.process.stderr_text);
  REQUIRE(run.process.spawn_error.empty());
  REQUIRE_FALSE(run.process.timed_out);
  REQUIRE(run.process.signal == 0);
  CHECK(run.process.elapsed < kQuick);
  run.report = json::parse(run.process.stdout_text, nullptr, false);
  REQUIRE_FALSE(run.report.is_discarded());
  REQUIRE(run.report.at("format") == "isobar-report/1");
  return run;
}

// Checks the report holds exactly one diagnostic, with `rule` at `line` of
// `file`, and returns it.
auto ExpectOnly(const Run& run, std::string_view rule, std::string_view file,
                int line) -> json {
  INFO("report:\n" << run.report.dump(2));
  const json& list = run.report.at("diagnostics");
  REQUIRE(list.size() == 1);
  const json& d = list.at(0);
  CHECK(d.at("rule") == rule);
  CHECK(d.at("file") == file);
  CHECK(d.at("line") == line);
  CHECK(d.at("severity") == "error");
  return d;
}

auto Repeat(std::string_view text, size_t count) -> std::string {
  std::string out;
  out.reserve(text.size() * count);
  for (size_t i = 0; i < count; ++i) out += text;
  return out;
}

constexpr std::string_view kHotHeader = "heat_template_version: 2021-04-16\n";
constexpr std::string_view kHotResource =
    "resources:\n"
    "  r:\n"
    "    type: OS::Heat::None\n";

TEST_CASE("a file with NUL bytes is binary (R003)", "[hostile]") {
  TempDir dir;
  std::string text(kHotHeader);
  text += std::string("description: a\0b\n", 17);
  REQUIRE(WriteFile(dir.path() / "main.yaml", text));
  Run run = Lint(dir, {"main.yaml"});
  ExpectOnly(run, "R003", "main.yaml", 2);
  CHECK(run.process.exit_status == 1);
}

TEST_CASE("invalid UTF-8 is refused (R004)", "[hostile]") {
  for (std::string_view bad : {"\xC3\x28", "\xED\xA0\x80", "\xC0\xAF", "\xFF"}) {
    TempDir dir;
    std::string text(kHotHeader);
    text += kHotResource;
    text += "description: caf";
    text += bad;
    text += "\n";
    REQUIRE(WriteFile(dir.path() / "main.yaml", text));
    Run run = Lint(dir, {"main.yaml"});
    ExpectOnly(run, "R004", "main.yaml", 5);
    CHECK(run.process.exit_status == 1);
  }
}

TEST_CASE("20,000 levels of nesting are refused (R012)", "[hostile]") {
  constexpr size_t kDepth = 20000;
  struct Case {
    const char* name;
    const char* file;
    std::string text;
    int line;
  };
  std::string prefix = std::string(kHotHeader) + std::string(kHotResource) +
                       "    properties:\n      deep: ";
  Case cases[] = {
      {"YAML flow", "main.yaml",
       prefix + Repeat("[", kDepth) + Repeat("]", kDepth) + "\n", 6},
      {"YAML flow mappings", "main.yaml",
       prefix + Repeat("{a: ", kDepth) + Repeat("}", kDepth) + "\n", 6},
      {"YAML block", "main.yaml",
       std::string(kHotHeader) + std::string(kHotResource) +
           "    properties:\n      deep:\n        " + Repeat("- ", kDepth) + "x\n",
       7},
      {"JSON", "main.json",
       "{\"AWSTemplateFormatVersion\": \"2010-09-09\",\n \"Resources\": {\"R\": "
       "{\"Type\": \"AWS::SNS::Topic\", \"Metadata\":\n" +
           Repeat("[", kDepth) + Repeat("]", kDepth) + "}}}\n",
       3},
  };
  for (const Case& c : cases) {
    SECTION(c.name) {
      TempDir dir;
      REQUIRE(WriteFile(dir.path() / c.file, c.text));
      Run run = Lint(dir, {c.file});
      ExpectOnly(run, "R012", c.file, c.line);
      CHECK(run.process.exit_status == 1);
    }
  }
}

TEST_CASE("an alias bomb of 10^24 nodes is reported, never expanded",
          "[hostile]") {
  // Level 0 is a list of ten scalars; level k a list of ten aliases of
  // level k-1. Expanded, level 24 would hold 10^25 scalars.
  std::string text(kHotHeader);
  text += kHotResource;
  text += "    metadata:\n";
  text += "      l0: &l0 [x, x, x, x, x, x, x, x, x, x]\n";
  for (int level = 1; level <= 24; ++level) {
    text += fmt::format("      l{0}: &l{0} [", level);
    for (int i = 0; i < 10; ++i) text += fmt::format("{}*l{}", i ? ", " : "", level - 1);
    text += "]\n";
  }
  text += "    properties:\n      bomb: *l24\n";
  text += "outputs:\n  o:\n    value: *l24\n";
  TempDir dir;
  REQUIRE(WriteFile(dir.path() / "main.yaml", text));
  auto start = std::chrono::steady_clock::now();
  Run run = Lint(dir, {"main.yaml"});
  CHECK(std::chrono::steady_clock::now() - start < kQuick);
  // Level 5 is the first to pass a million nodes (1,111,111 expanded).
  size_t at = text.find("      l5: &l5");
  int line = 1 + static_cast<int>(std::count(text.begin(), text.begin() + at, '\n'));
  ExpectOnly(run, "R020", "main.yaml", line);
  CHECK(run.process.exit_status == 1);
  // The report itself must not grow with the expansion.
  CHECK(run.process.stdout_text.size() < 10000);
}

TEST_CASE("a few aliases in a large template are not a bomb", "[hostile]") {
  // Shared data used many times expands, but stays far from the limit.
  std::string text(kHotHeader);
  text += "parameters:\n  tags:\n    type: json\n    default: &tags {a: 1, b: 2}\n";
  text += "resources:\n";
  for (int i = 0; i < 2000; ++i) {
    text += fmt::format("  r{}:\n    type: OS::Heat::None\n    metadata: *tags\n", i);
  }
  text += "outputs:\n  tags: {value: {get_param: tags}}\n";
  TempDir dir;
  REQUIRE(WriteFile(dir.path() / "main.yaml", text));
  Run run = Lint(dir, {"main.yaml"});
  INFO("report:\n" << run.report.dump(2));
  CHECK(run.report.at("diagnostics").empty());
  CHECK(run.process.exit_status == 0);
}

TEST_CASE("a file over --max-file-size is refused unread (R002)", "[hostile]") {
  TempDir dir;
  std::string text(kHotHeader);
  text += kHotResource;
  text += "description: " + std::string(500, 'x') + "\n";
  REQUIRE(WriteFile(dir.path() / "main.yaml", text));
  Run run = Lint(dir, {"--max-file-size", "100", "main.yaml"});
  ExpectOnly(run, "R002", "main.yaml", 1);
  CHECK(run.process.exit_status == 1);
  // The same file passes under a larger limit.
  Run ok = Lint(dir, {"--max-file-size", "100000", "main.yaml"});
  CHECK(ok.report.at("diagnostics").empty());
  CHECK(ok.process.exit_status == 0);
}

TEST_CASE("an unreadable file is an input failure (R001)", "[hostile]") {
  TempDir dir;
  std::string text(kHotHeader);
  text += kHotResource;
  REQUIRE(WriteFile(dir.path() / "main.yaml", text));
  SECTION("permission denied") {
    if (::geteuid() == 0) {
      WARN("running as root, which can read a mode-000 file; case skipped");
      return;
    }
    REQUIRE(::chmod((dir.path() / "main.yaml").c_str(), 0) == 0);
    Run run = Lint(dir, {"main.yaml"});
    ExpectOnly(run, "R001", "main.yaml", 1);
    CHECK(run.process.exit_status == 2);
  }
  SECTION("missing path") {
    Run run = Lint(dir, {"main.yaml", "missing.yaml"});
    ExpectOnly(run, "R001", "missing.yaml", 1);
    CHECK(run.process.exit_status == 2);
  }
  SECTION("dangling symlink") {
    fs::create_symlink("nowhere.yaml", dir.path() / "dangling.yaml");
    Run run = Lint(dir, {"dangling.yaml"});
    ExpectOnly(run, "R001", "dangling.yaml", 1);
    CHECK(run.process.exit_status == 2);
  }
}

// Opening a FIFO blocks until a writer appears; isobar must refuse
// anything but a regular file instead.
TEST_CASE("a FIFO named on the command line does not hang isobar",
          "[hostile]") {
  TempDir dir;
  REQUIRE(::mkfifo((dir.path() / "pipe.yaml").c_str(), 0600) == 0);
  Run run = Lint(dir, {"pipe.yaml"}, 3000ms);
  INFO("report:\n" << run.report.dump(2));
  CHECK(run.process.exit_status != 0);
  REQUIRE(run.report.at("diagnostics").size() == 1);
  CHECK(run.report["diagnostics"][0]["rule"] == "R001");
  CHECK(run.process.exit_status == 2);
}

TEST_CASE("a directory symlink loop is reported once (R006)", "[hostile]") {
  TempDir dir;
  std::string text(kHotHeader);
  text += kHotResource;
  REQUIRE(WriteFile(dir.path() / "stacks/a.yaml", text));
  fs::create_directory_symlink(".", dir.path() / "stacks/loop");
  // `up` leads outside the walked directory, then back into it.
  fs::create_directory_symlink("..", dir.path() / "stacks/up");
  Run run = Lint(dir, {"stacks"});
  INFO("report:\n" << run.report.dump(2));
  const json& list = run.report.at("diagnostics");
  REQUIRE(list.size() == 2);
  CHECK(list.at(0).at("rule") == "R006");
  CHECK(list.at(0).at("file") == "stacks/loop");
  CHECK(list.at(0).at("line") == 1);
  CHECK(list.at(1).at("rule") == "R006");
  CHECK(list.at(1).at("file") == "stacks/up/stacks");
  // The template itself is checked exactly once.
  const json& files = run.report.at("files");
  CHECK(std::count(files.begin(), files.end(), json("stacks/a.yaml")) == 1);
  CHECK(run.process.exit_status == 1);
}

TEST_CASE("a walk skips non-templates; naming one is an error (R007)", "[hostile]") {
  TempDir dir;
  std::string hot(kHotHeader);
  hot += kHotResource;
  REQUIRE(WriteFile(dir.path() / "tree/good.yaml", hot));
  REQUIRE(WriteFile(dir.path() / "tree/sub/also_good.json",
                    "{\"AWSTemplateFormatVersion\": \"2010-09-09\", "
                    "\"Resources\": {\"T\": {\"Type\": \"AWS::SNS::Topic\"}}}\n"));
  REQUIRE(WriteFile(dir.path() / "tree/config.yaml", "name: app\nreplicas: 3\n"));
  REQUIRE(WriteFile(dir.path() / "tree/package.json", "{\"name\": \"x\"}\n"));
  REQUIRE(WriteFile(dir.path() / "tree/notes.txt", "not: [looked, at\n"));
  REQUIRE(WriteFile(dir.path() / "tree/.git/config.yaml", "heat_template_version: bad\n"));

  Run walk = Lint(dir, {"tree"});
  INFO("report:\n" << walk.report.dump(2));
  CHECK(walk.report.at("diagnostics").empty());
  CHECK(walk.report.at("files") ==
        json::array({"tree/good.yaml", "tree/sub/also_good.json"}));
  CHECK(walk.process.exit_status == 0);

  Run named = Lint(dir, {"tree", "tree/config.yaml"});
  ExpectOnly(named, "R007", "tree/config.yaml", 1);
  CHECK(named.process.exit_status == 1);
}

}  // namespace
}  // namespace isobar::testing
