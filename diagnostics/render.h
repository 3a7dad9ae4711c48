// Renderers: consumers that turn diagnostics into text for people or JSON
// for machines. Line and column are computed here, at the edge.
#pragma once

#include <ostream>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "diagnostics/diagnostic.h"

namespace isobar {

struct Summary {
  size_t errors = 0;
  size_t warnings = 0;
  size_t infos = 0;

  void Add(Severity severity) {
    switch (severity) {
      case Severity::Error:
        ++errors;
        break;
      case Severity::Warning:
        ++warnings;
        break;
      case Severity::Info:
        ++infos;
        break;
    }
  }
};

// Sorts by file (in first-seen order) and then by position, stably, so
// output is the same whatever order passes emitted in.
void SortDiagnostics(std::vector<const Diagnostic*>& diagnostics);

struct TextStyle {
  // ANSI colours (only on a terminal, or when forced).
  bool color = false;
};

// clang-style: `file:line:col: error: message [R013 duplicate-key]`, the
// source line, a caret and underline, then notes the same way.
void RenderText(std::ostream& out, std::span<const Diagnostic* const> diagnostics,
                const TextStyle& style);

// The `isobar-report/1` JSON document of SPEC.md.
void RenderJson(std::ostream& out, std::span<const std::string> files,
                std::span<const Diagnostic* const> diagnostics);

struct SarifOptions {
  // tool.driver.version. The library has no version of its own; the CLI
  // passes the executable's. Omitted when empty.
  std::string_view tool_version;
  // tool.driver.informationUri. Omitted when empty.
  std::string_view information_uri;
};

// A SARIF 2.1.0 log with one run: the driver with every rule of the
// registry (with its docs/rules page as help, for rules that have
// results), the checked `files` as artifacts, and one result per
// diagnostic (notes as relatedLocations, fix-its as fixes). Columns are
// code points; see docs/reports.md.
void RenderSarif(std::ostream& out, std::span<const std::string> files,
                 std::span<const Diagnostic* const> diagnostics,
                 const SarifOptions& options);

struct JunitOptions {
  // As `--strict`: warnings fail too, matching the exit status.
  bool strict = false;
};

// JUnit XML: a <testsuite> per file (the checked `files`, then any other
// file a diagnostic is in), a <testcase> per diagnostic, a <failure> for
// each diagnostic that makes the exit status 1. A file without
// diagnostics has one passing testcase.
void RenderJunit(std::ostream& out, std::span<const std::string> files,
                 std::span<const Diagnostic* const> diagnostics,
                 const JunitOptions& options);

// GitHub Actions workflow commands, one line per diagnostic:
// `::error file=F,line=L,col=C,endLine=..,endColumn=..,title=R013 duplicate-key::message`
// (`::warning`, `::notice` for infos), notes and fixes as further
// (escaped) lines of the message.
void RenderGithub(std::ostream& out, std::span<const Diagnostic* const> diagnostics);

}  // namespace isobar
