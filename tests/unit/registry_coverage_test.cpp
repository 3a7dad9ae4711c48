// The registry (diagnostics/diagnostic_kind.def) against its tests and docs,
// like Carbon's diagnostics/coverage_test.cpp: every kind must appear in the
// CHECK lines of at least one golden file under tests/testdata, every code a
// golden names must exist (with its registered name), and every kind must
// have docs/rules/<code>.md.
#include <catch2/catch.hpp>
#include <fmt/format.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <string>

#include "diagnostics/diagnostic.h"

namespace isobar {
namespace {

namespace fs = std::filesystem;

const fs::path kSourceDir = ISOBAR_SOURCE_DIR;

// Kinds that no `.test` file can produce. Each names the test that covers it
// instead; that file must mention the code. Keep this list short.
struct Exemption {
  std::string_view code;
  std::string_view reason;
  // Relative to the source directory.
  std::string_view covered_by;
};
constexpr Exemption kExemptions[] = {
    {"R003", "a .test file is text: it cannot hold the NUL bytes that make a binary file",
     "tests/golden/hostile_inputs_test.cpp"},
    {"R004", "invalid UTF-8 in a .test file would break the tools that read and "
             "rewrite it (editors, autoupdate, the coverage scan)",
     "tests/golden/hostile_inputs_test.cpp"},
    {"R006", "a directory symlink loop cannot be written as split files",
     "tests/golden/hostile_inputs_test.cpp"},
    {"R900", "no input may trigger an internal error; the corpus test fails on any",
     "tests/corpus/corpus_test.cpp"},
};

auto ReadWhole(const fs::path& path) -> std::string {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

// A code named in a golden, with where it was named.
struct Mention {
  std::string name;
  std::string where;
};

// Every `[CODE name]` (text output) and `"rule": "CODE"` (JSON report) in the
// CHECK lines of every `.test` file, by code.
auto ScanGoldens() -> std::multimap<std::string, Mention> {
  static const std::regex kText(R"(\[(R\d+) ([a-z0-9-]+)\])");
  static const std::regex kJson(R"re("rule": "(R\d+)")re");
  std::multimap<std::string, Mention> mentions;
  fs::path testdata = kSourceDir / "tests/testdata";
  for (const auto& entry : fs::recursive_directory_iterator(testdata)) {
    if (!entry.is_regular_file() || entry.path().extension() != ".test") continue;
    std::istringstream in(ReadWhole(entry.path()));
    std::string line;
    for (int number = 1; std::getline(in, line); ++number) {
      if (!line.starts_with("# CHECK:STDOUT:")) continue;
      std::string where = fs::relative(entry.path(), testdata).string() + ":" +
                          std::to_string(number);
      for (auto it = std::sregex_iterator(line.begin(), line.end(), kText);
           it != std::sregex_iterator(); ++it) {
        mentions.emplace((*it)[1], Mention{(*it)[2], where});
      }
      for (auto it = std::sregex_iterator(line.begin(), line.end(), kJson);
           it != std::sregex_iterator(); ++it) {
        mentions.emplace((*it)[1], Mention{"", where});
      }
    }
  }
  return mentions;
}

auto FindExemption(std::string_view code) -> const Exemption* {
  for (const Exemption& e : kExemptions) {
    if (e.code == code) return &e;
  }
  return nullptr;
}

TEST_CASE("every diagnostic kind has a golden test", "[registry]") {
  auto mentions = ScanGoldens();
  REQUIRE_FALSE(mentions.empty());
  for (const DiagnosticKindInfo& info : AllDiagnosticKinds()) {
    std::string code(info.code);
    const Exemption* exemption = FindExemption(code);
    bool covered = mentions.count(code) > 0;
    if (exemption == nullptr) {
      if (!covered) {
        FAIL_CHECK(code << " " << info.name
                        << " appears in no CHECK line under tests/testdata; add "
                           "a golden test (or, if no .test file can produce it, "
                           "an exemption with a reason)");
      }
      continue;
    }
    if (covered) {
      FAIL_CHECK(code << " is exempted but now has a golden test; remove the "
                         "exemption");
    }
    std::string test = ReadWhole(kSourceDir / exemption->covered_by);
    if (test.find(code) == std::string::npos) {
      FAIL_CHECK(code << " is exempted as covered by " << exemption->covered_by
                      << ", which does not mention it");
    }
  }
}

TEST_CASE("every code in a golden test exists", "[registry]") {
  for (const auto& [code, mention] : ScanGoldens()) {
    const DiagnosticKindInfo* info = FindDiagnosticKind(code);
    if (info == nullptr || info->code != code) {
      FAIL_CHECK(mention.where << ": " << code << " is not in diagnostic_kind.def");
      continue;
    }
    if (!mention.name.empty() && mention.name != info->name) {
      FAIL_CHECK(mention.where << ": " << code << " is named `" << mention.name
                               << "`, but the registry calls it `" << info->name
                               << "`");
    }
  }
}

TEST_CASE("the exemptions name real kinds, once each", "[registry]") {
  std::set<std::string_view> seen;
  for (const Exemption& e : kExemptions) {
    CHECK(FindDiagnosticKind(e.code) != nullptr);
    CHECK(seen.insert(e.code).second);
    CHECK_FALSE(e.reason.empty());
  }
}

TEST_CASE("every diagnostic kind has a docs page", "[registry]") {
  for (const DiagnosticKindInfo& info : AllDiagnosticKinds()) {
    fs::path page = kSourceDir / "docs/rules" / (std::string(info.code) + ".md");
    if (!fs::is_regular_file(page)) {
      FAIL_CHECK(info.code << " " << info.name << " has no docs/rules/" << info.code
                           << ".md");
    }
  }
}

TEST_CASE("the rule index lists every kind as the registry has it",
          "[registry]") {
  std::string index = ReadWhole(kSourceDir / "docs/rules/index.md");
  for (const DiagnosticKindInfo& info : AllDiagnosticKinds()) {
    std::string row =
        fmt::format("| [{0}]({0}.md) | `{1}` | {2} | {3} |", info.code,
                    info.name, SeverityName(info.default_severity), info.summary);
    if (index.find(row) == std::string::npos) {
      FAIL_CHECK("docs/rules/index.md lacks the row: " << row);
    }
  }
}

}  // namespace
}  // namespace isobar
