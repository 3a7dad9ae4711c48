// The corpus test: lints every file of the shared template corpus
// (../shared/corpus, see its MANIFEST.md) in-process, twice — once as a
// directory walk and once with every file named on the command line — and
// fails on:
//   - any R900 internal error, exception or input failure;
//   - any error in the input, structure, and functions and references bands
//     (R0xx, R1xx, R2xx) on a template that OpenStack Heat itself accepted
//     (heat-verdicts.jsonl, ok: true), or such a template being skipped as
//     a non-template;
//   - any error in the functions and references band (R2xx) on a cfn-lint
//     fixture where cfn-lint finds no error (cfnlint-verdicts.jsonl);
//   - the deliberately broken cfn-lint fixtures not getting exactly the
//     input-level error they are there for.
// It also prints counts and an informational comparison with cfn-lint.
//
// Without the corpus the test exits with kSkipExitCode, which CTest shows as
// skipped. ISOBAR_CORPUS_DIR in the environment overrides the built-in path;
// ISOBAR_CORPUS_TRACE=1 lints one file at a time and names each one first,
// so a crash can be pinned to its input.
#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>
#include <fmt/format.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>
#include <vector>

#include "diagnostics/diagnostic.h"
#include "driver/lint.h"

namespace {

namespace fs = std::filesystem;
using isobar::Diagnostic;
using isobar::FileReport;
using isobar::LintInput;
using isobar::Severity;

// Must match SKIP_RETURN_CODE in tests/CMakeLists.txt.
constexpr int kSkipExitCode = 77;

auto CorpusDir() -> std::string {
  if (const char* env = std::getenv("ISOBAR_CORPUS_DIR"); env && *env) {
    return env;
  }
  return ISOBAR_CORPUS_DIR;
}

auto Code(const Diagnostic& d) -> std::string_view {
  return isobar::GetKindInfo(d.kind).code;
}

// `file:line:col: severity: CODE message`, for failure output.
auto Describe(const Diagnostic& d) -> std::string {
  const isobar::SourceBuffer* buffer = d.location.buffer;
  isobar::LineColumn lc = buffer ? buffer->GetLineColumn(d.location.range.begin)
                                 : isobar::LineColumn{};
  return fmt::format("{}:{}:{}: {}: {} {}", buffer ? buffer->filename() : "?",
                     lc.line, lc.column, isobar::SeverityName(d.severity),
                     Code(d), d.message);
}

// Error-level diagnostics in the input (R0xx) and structure (R1xx) bands.
auto IsStructuralError(const Diagnostic& d) -> bool {
  std::string_view code = Code(d);
  return d.severity == Severity::Error && code.size() == 4 &&
         (code.starts_with("R0") || code.starts_with("R1"));
}

// Error-level diagnostics in the functions and references band (R2xx).
auto IsResolveError(const Diagnostic& d) -> bool {
  std::string_view code = Code(d);
  return d.severity == Severity::Error && code.size() == 4 &&
         code.starts_with("R2");
}

auto ReadJsonLines(const fs::path& path) -> std::vector<nlohmann::json> {
  std::vector<nlohmann::json> rows;
  std::ifstream in(path);
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty()) rows.push_back(nlohmann::json::parse(line));
  }
  return rows;
}

// One lint run over the whole corpus.
struct Run {
  std::vector<LintInput> inputs;
  std::vector<FileReport> reports;
  // Corpus-relative path ("heat-templates/hot/...") to report.
  std::map<std::string, const FileReport*> by_path;
};

struct Corpus {
  std::string dir;
  size_t walk_problems = 0;
  std::vector<std::string> walk_problem_messages;
  Run walked;
  Run named;
};

auto LintAll(std::vector<LintInput> inputs) -> Run {
  Run run;
  run.inputs = std::move(inputs);
  isobar::LintOptions options;
  options.jobs = std::max(1u, std::thread::hardware_concurrency());
  if (const char* trace = std::getenv("ISOBAR_CORPUS_TRACE"); trace && *trace) {
    for (const LintInput& input : run.inputs) {
      std::cerr << "corpus: linting " << input.display_name << std::endl;
      run.reports.push_back(isobar::LintFile(input, options));
    }
  } else {
    run.reports = isobar::LintFiles(run.inputs, options);
  }
  for (size_t i = 0; i < run.inputs.size(); ++i) {
    run.by_path[run.inputs[i].display_name] = &run.reports[i];
  }
  return run;
}

// Lints the corpus once, on first use, for every test case.
auto GetCorpus() -> const Corpus& {
  static const Corpus corpus = [] {
    Corpus c;
    c.dir = fs::canonical(CorpusDir()).string();
    std::vector<std::string> args{c.dir};
    isobar::CollectedInputs collected = isobar::CollectInputs(args);
    c.walk_problems = collected.problems.size();
    for (const auto& [index, report] : collected.problems) {
      for (const Diagnostic& d : report.diagnostics) {
        c.walk_problem_messages.push_back(Describe(d));
      }
    }
    // Show corpus-relative names, the ones the verdict files use.
    std::vector<LintInput> named;
    for (LintInput& input : collected.inputs) {
      input.display_name = fs::relative(input.path, c.dir).generic_string();
      named.push_back({input.path, input.display_name, true});
    }
    c.walked = LintAll(std::move(collected.inputs));
    c.named = LintAll(std::move(named));
    return c;
  }();
  return corpus;
}

const char* const kModes[] = {"walked", "named"};

auto RunOf(const Corpus& c, int mode) -> const Run& {
  return mode == 0 ? c.walked : c.named;
}

TEST_CASE("corpus: every file is linted without internal errors") {
  const Corpus* corpus = nullptr;
  REQUIRE_NOTHROW(corpus = &GetCorpus());
  INFO("corpus: " << corpus->dir);
  for (const std::string& message : corpus->walk_problem_messages) {
    FAIL_CHECK("walking the corpus failed: " << message);
  }
  CHECK(corpus->walk_problems == 0);
  CHECK(corpus->walked.inputs.size() > 400);
  for (int mode = 0; mode < 2; ++mode) {
    const Run& run = RunOf(*corpus, mode);
    REQUIRE(run.reports.size() == run.inputs.size());
    for (const FileReport& report : run.reports) {
      for (const Diagnostic& d : report.diagnostics) {
        if (d.kind == isobar::DiagnosticKind::InternalError) {
          FAIL_CHECK("[" << kModes[mode] << "] " << Describe(d));
        }
      }
      if (report.input_failure) {
        FAIL_CHECK("[" << kModes[mode] << "] input failure on "
                       << report.display_name);
      }
    }
  }
}

TEST_CASE("corpus: Heat-accepted templates get no input, structure or "
          "reference errors") {
  const Corpus& corpus = GetCorpus();
  auto verdicts = ReadJsonLines(fs::path(corpus.dir) / "heat-verdicts.jsonl");
  REQUIRE(!verdicts.empty());
  size_t accepted = 0;
  for (const nlohmann::json& verdict : verdicts) {
    if (!verdict.value("ok", false)) continue;
    ++accepted;
    const std::string path = verdict.at("path").get<std::string>();
    for (int mode = 0; mode < 2; ++mode) {
      const Run& run = RunOf(corpus, mode);
      auto it = run.by_path.find(path);
      if (it == run.by_path.end()) {
        FAIL_CHECK("[" << kModes[mode] << "] Heat-accepted " << path
                       << " was not linted");
        continue;
      }
      const FileReport& report = *it->second;
      if (!report.checked) {
        FAIL_CHECK("[" << kModes[mode] << "] Heat-accepted " << path
                       << " was skipped as a non-template");
      }
      for (const Diagnostic& d : report.diagnostics) {
        if (IsStructuralError(d) || IsResolveError(d)) {
          FAIL_CHECK("[" << kModes[mode] << "] Heat accepts " << path
                         << " (" << verdict.value("version", "") << ") but:\n  "
                         << Describe(d));
        }
      }
    }
  }
  CHECK(accepted > 100);
}

// cfn-lint fixtures that are broken on purpose (MANIFEST.md): each must get
// the input-level error it is there for, as many times as the file has the
// fault, and nothing else — no structure errors from a half-read file.
TEST_CASE("corpus: deliberately broken fixtures get only input-level errors") {
  const Corpus& corpus = GetCorpus();
  const std::string bad = "cfn-lint-fixtures/test/fixtures/templates/bad/";
  struct Expectation {
    std::string path;
    std::string_view code;
    size_t count = 1;
    // Checked only when named: a walk skips non-templates and empty files.
    bool named_only = false;
  };
  const std::vector<Expectation> expectations = {
      // A missing `,` between two array items (line 8).
      {bad + "core/config_invalid_json.json", "R011"},
      // `bad:` is followed by a less-indented block sequence: not YAML.
      {bad + "core/config_invalid_yaml.yaml", "R010"},
      // Well-formed YAML, but each of the two `!ImportValue Fn::Sub: "..."`
      // items of line 18 is a flow pair whose key is the CloudFormation
      // function `{Fn::ImportValue: Fn::Sub}`: a non-string key (cfn-lint:
      // "Unhashable type"), not a syntax error.
      {bad + "core/parse_invalid_map.yaml", "R015", 2},
      // `"Stack" {` has no `:` (line 5).
      {bad + "json_parse.json", "R011"},
      // A `- Key:` item indented under a mapping value (line 12): not YAML.
      {bad + "template.yaml", "R010"},
      // The three deliberate non-templates; a walk skips them silently.
      {bad + "empty_file.yaml", "R005", 1, true},
      {bad + "not_cloudformation.yaml", "R007", 1, true},
      {bad + "string.yaml", "R007", 1, true},
  };
  for (const Expectation& e : expectations) {
    for (int mode = e.named_only ? 1 : 0; mode < 2; ++mode) {
      const Run& run = RunOf(corpus, mode);
      auto it = run.by_path.find(e.path);
      if (it == run.by_path.end()) {
        FAIL_CHECK(e.path << " is missing from the corpus");
        continue;
      }
      const FileReport& report = *it->second;
      std::string got;
      size_t matching = 0;
      for (const Diagnostic& d : report.diagnostics) {
        got += "\n  " + Describe(d);
        matching += d.severity == Severity::Error && Code(d) == e.code;
      }
      INFO("[" << kModes[mode] << "] " << e.path << " expected " << e.count
               << " x " << e.code << ", got:" << got);
      CHECK(report.checked);
      CHECK(matching == e.count);
      // Only the input and structure bands: a fixture that is read whole
      // may also have dangling references (parse_invalid_map.yaml does).
      size_t early = 0;
      for (const Diagnostic& d : report.diagnostics) {
        early += !Code(d).starts_with("R2");
      }
      CHECK(early == e.count);
    }
  }
}

TEST_CASE("corpus: cfn-lint-clean fixtures get no function or reference "
          "errors") {
  const Corpus& corpus = GetCorpus();
  auto verdicts = ReadJsonLines(fs::path(corpus.dir) / "cfnlint-verdicts.jsonl");
  REQUIRE(!verdicts.empty());
  size_t clean = 0;
  for (const nlohmann::json& verdict : verdicts) {
    if (!verdict.at("errors").empty()) continue;
    ++clean;
    const std::string path = verdict.at("path").get<std::string>();
    auto it = corpus.named.by_path.find(path);
    if (it == corpus.named.by_path.end()) continue;
    for (const Diagnostic& d : it->second->diagnostics) {
      if (IsResolveError(d)) {
        FAIL_CHECK("cfn-lint finds no error in " << path << " but:\n  "
                                                 << Describe(d));
      }
    }
  }
  CHECK(clean > 50);
}

// Informational only: never fails.
TEST_CASE("corpus: summary and comparison with cfn-lint") {
  const Corpus& corpus = GetCorpus();
  const Run& run = corpus.walked;
  size_t linted = 0, skipped = 0, with_errors = 0;
  size_t bytes = 0;
  std::map<std::string, std::pair<size_t, std::string>> per_rule;
  for (size_t i = 0; i < run.reports.size(); ++i) {
    const FileReport& report = run.reports[i];
    std::error_code ec;
    bytes += fs::file_size(run.inputs[i].path, ec);
    if (!report.checked) {
      ++skipped;
      continue;
    }
    ++linted;
    bool has_error = false;
    for (const Diagnostic& d : report.diagnostics) {
      has_error |= d.severity == Severity::Error;
      auto& entry = per_rule[std::string(Code(d))];
      ++entry.first;
      entry.second = isobar::GetKindInfo(d.kind).name;
    }
    with_errors += has_error;
  }
  std::cout << fmt::format(
      "corpus {}:\n  {} files ({} bytes) found by the walk: {} linted, {} "
      "skipped as non-templates, {} with errors\n",
      corpus.dir, run.inputs.size(), bytes, linted, skipped, with_errors);
  std::cout << "  diagnostics per rule (walk):\n";
  for (const auto& [code, entry] : per_rule) {
    std::cout << fmt::format("    {} {:<32} {:>5}\n", code, entry.second,
                             entry.first);
  }
  size_t named_errors = 0;
  for (const FileReport& report : corpus.named.reports) {
    for (const Diagnostic& d : report.diagnostics) {
      named_errors += d.severity == Severity::Error;
    }
  }
  std::cout << fmt::format("  errors with every file named: {}\n",
                           named_errors);

  // cfn-lint: which files it finds no error in, but isobar does (R0xx/R1xx).
  auto cfn = ReadJsonLines(fs::path(corpus.dir) / "cfnlint-verdicts.jsonl");
  size_t clean = 0;
  std::vector<std::string> disagreements;
  for (const nlohmann::json& verdict : cfn) {
    if (!verdict.at("errors").empty()) continue;
    ++clean;
    const std::string path = verdict.at("path").get<std::string>();
    auto it = run.by_path.find(path);
    if (it == run.by_path.end()) continue;
    for (const Diagnostic& d : it->second->diagnostics) {
      if (IsStructuralError(d)) disagreements.push_back(Describe(d));
    }
  }
  std::cout << fmt::format(
      "  cfn-lint: {} of {} fixtures have no cfn-lint error; isobar reports "
      "{} R0xx/R1xx errors on them (informational):\n",
      clean, cfn.size(), disagreements.size());
  for (const std::string& line : disagreements) {
    std::cout << "    " << line << "\n";
  }

  // The other way round: files cfn-lint cannot even decode (E0000), and
  // files Heat rejects in its template-structure stage, that isobar passes
  // without an input or structure error.
  auto has_structural_error = [&](const std::string& path) {
    auto it = corpus.named.by_path.find(path);
    if (it == corpus.named.by_path.end()) return false;
    return std::any_of(it->second->diagnostics.begin(),
                       it->second->diagnostics.end(), IsStructuralError);
  };
  std::vector<std::string> missed;
  for (const nlohmann::json& verdict : cfn) {
    const std::string path = verdict.at("path").get<std::string>();
    for (const nlohmann::json& error : verdict.at("errors")) {
      if (error.value("rule", "") == "E0000" && !has_structural_error(path)) {
        missed.push_back(fmt::format("{} (cfn-lint E0000: {})", path,
                                     error.value("message", "")));
        break;
      }
    }
  }
  auto heat = ReadJsonLines(fs::path(corpus.dir) / "heat-verdicts.jsonl");
  for (const nlohmann::json& verdict : heat) {
    const std::string path = verdict.at("path").get<std::string>();
    if (!verdict.value("ok", true) && verdict.value("stage", "") == "template" &&
        !has_structural_error(path)) {
      missed.push_back(fmt::format("{} (Heat, template stage: {})", path,
                                   verdict.value("message", "")));
    }
  }
  std::cout << fmt::format(
      "  rejected by cfn-lint's decoder or Heat's template stage, but no "
      "R0xx/R1xx error from isobar: {} (informational)\n",
      missed.size());
  for (const std::string& line : missed) std::cout << "    " << line << "\n";
  SUCCEED();
}

}  // namespace

auto main(int argc, char** argv) -> int {
  std::error_code ec;
  if (!fs::is_directory(CorpusDir(), ec)) {
    std::cout << "skipped: " << CorpusDir()
              << " not found (the shared corpus lives in ../shared/corpus)\n";
    return kSkipExitCode;
  }
  return Catch::Session().run(argc, argv);
}
