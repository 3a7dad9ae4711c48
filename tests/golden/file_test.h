// Golden file tests: the `.test` format, how expected output is matched, and
// how `--autoupdate` rewrites the expectations. Modelled on Carbon's
// file_test (testing/file_test/README.md).
//
// A `.test` file is a set of input files with the expected output inline:
//
//   # ARGS: lint main.yaml             optional; default `lint` + every split
//   # EXIT: 2                          optional; only in `fail_*` files
//   # --- main.yaml                    starts a split file (none: whole file
//   heat_template_version: 2021-04-16    is `main.yaml`)
//   # CHECK:STDOUT: main.yaml:[[@LINE+1]]:1: error: ... [R102 unknown-section]
//   resourcs: {}
//
// Directive lines (`# ARGS:`, `# EXIT:`, `# CHECK:STDOUT:`) are removed from
// the files written to disk, and so are lines before the first split line.
// `[[@LINE]]` in a CHECK line is the number (in the written file) of the
// last content line above it in the same split, 0 if there is none.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace isobar::testing {

// One file to write into the test's directory.
struct SplitFile {
  // Relative path, such as `main.yaml` or `dir/child.json`.
  std::string name;
  // The file's lines, without directives; each is written with a `\n`.
  std::vector<std::string> lines;

  auto Content() const -> std::string;
};

// One `# CHECK:STDOUT:` line.
struct CheckLine {
  // The split it sits in (the first split for lines before any split).
  size_t split = 0;
  // The value of `[[@LINE]]` at this line.
  uint32_t at_line = 0;
  // The expected text, with `[[@LINE...]]` expressions still in it.
  std::string pattern;
  // 1-based line in the `.test` file, for messages.
  uint32_t test_line = 0;
};

// What one line of a `.test` file is.
struct LineRole {
  enum Kind { Preamble, SplitStart, Directive, Check, Content } kind = Preamble;
  // The split the line belongs to (Content, Directive and Check lines).
  size_t split = 0;
  // For Content lines: the 1-based line number in the written file.
  uint32_t line = 0;
};

struct TestFile {
  // The `.test` file's lines (without their `\n`), and what each one is.
  std::vector<std::string> raw_lines;
  std::vector<LineRole> roles;
  std::vector<SplitFile> splits;
  // From `# ARGS:`, split on whitespace; nullopt when absent.
  std::optional<std::vector<std::string>> args;
  // From `# EXIT:`; nullopt when absent.
  std::optional<int> exit;
  std::vector<CheckLine> checks;
  // Problems with the file itself (a malformed directive, a bad split name).
  std::vector<std::string> errors;

  // The command-line arguments to pass to isobar.
  auto Arguments() const -> std::vector<std::string>;
  // True when the arguments ask for a machine format (`--format json`,
  // sarif, ...) or run `isobar graph` (DOT): then the whole stdout is
  // compared, not just diagnostic header lines.
  auto IsJsonReport() const -> bool;
};

auto ParseTestFile(std::string_view text) -> TestFile;

// The expected text of a CHECK line with `[[@LINE±N]]` replaced. On a
// malformed expression, returns nullopt and sets `error`.
auto ExpandCheck(const CheckLine& check, std::string& error)
    -> std::optional<std::string>;

// Whether `line` is a diagnostic header:
// `^[^ :][^:]*(:\d+:\d+)?: (error|warning|info|note): `.
auto IsDiagnosticHeader(std::string_view line) -> bool;

// The stdout lines a test compares: every line for a JSON report, else only
// the diagnostic header lines.
auto ComparedLines(std::string_view stdout_text, bool json_report)
    -> std::vector<std::string>;

// Compares expected and actual lines. Returns an empty string when they are
// equal, else a line diff (`-` expected only, `+` actual only).
auto DiffLines(const std::vector<std::string>& expected,
               const std::vector<std::string>& actual) -> std::string;

// The exit status the file expects: 0, or for `fail_*` files 1 (or the
// `# EXIT:` value). Sets `error` when the file asks for something invalid.
auto ExpectedExitStatus(const TestFile& test, std::string_view file_name,
                        std::string& error) -> int;

// The `.test` text with its CHECK lines replaced by `output` (the compared
// lines). Each line located at `<split>:<N>:` goes just above line N of that
// split as `[[@LINE+1]]`; notes go right after the line before them with a
// relative `[[@LINE±K]]`; anything else goes at the end of the first split.
// Lines are never reordered, so where a line cannot go above its target
// without breaking the output order it is placed at the current point with
// a relative expression (or the literal number, if the target is in
// another split). Idempotent: the written files do not change.
auto AutoupdateText(const TestFile& test, const std::vector<std::string>& output)
    -> std::string;

}  // namespace isobar::testing
