// Renderers: consumers that turn diagnostics into text for people or JSON
// for machines. Line and column are computed here, at the edge.
#pragma once

#include <ostream>
#include <span>
#include <string>
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

}  // namespace isobar
