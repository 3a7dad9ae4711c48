// Helpers shared by the renderers (text, SARIF, JUnit, GitHub):
// where a location is, in lines and columns, and a diagnostic spelled out
// as plain text lines. Header-only and internal to diagnostics/.
#pragma once

#include <fmt/format.h>

#include <string>
#include <vector>

#include "diagnostics/diagnostic.h"

namespace isobar::render_util {

// A location in 1-based lines and columns. Columns count Unicode code
// points; `end` is the position just past the range (exclusive), so an
// empty range has begin == end.
struct Span {
  LineColumn begin;
  LineColumn end;
};

inline auto SpanOf(const Location& loc) -> Span {
  return {loc.buffer->GetLineColumn(loc.range.begin),
          loc.buffer->GetLineColumn(loc.range.end)};
}

// Whether a location has a meaningful position. An empty range in an empty
// buffer (an unreadable or empty file) is about the whole file; the text
// renderer then prints no `:line:col`, and neither do these helpers.
inline auto HasPosition(const Location& loc) -> bool {
  return loc.buffer->size() > 0 || !loc.range.empty();
}

// `file:line:col`, or just `file` for a location without a position.
inline auto LocationLabel(const Location& loc) -> std::string {
  if (!HasPosition(loc)) return loc.buffer->filename();
  LineColumn lc = loc.buffer->GetLineColumn(loc.range.begin);
  return fmt::format("{}:{}:{}", loc.buffer->filename(), lc.line, lc.column);
}

// `R013 duplicate-key`: how reports name a diagnostic's rule.
inline auto RuleLabel(const Diagnostic& d) -> std::string {
  const DiagnosticKindInfo& info = GetKindInfo(d.kind);
  return fmt::format("{} {}", info.code, info.name);
}

// The first line of the text renderer, without colour or snippet:
// `file:line:col: error: message [R013 duplicate-key]`.
inline auto HeaderLine(const Diagnostic& d) -> std::string {
  return fmt::format("{}: {}: {} [{}]", LocationLabel(d.location),
                     SeverityName(d.severity), d.message, RuleLabel(d));
}

// The lines that follow the header in the text renderer, without
// snippets: `file:line:col: note: message` per note, then
// `fix: description` per fix-it.
inline auto DetailLines(const Diagnostic& d) -> std::vector<std::string> {
  std::vector<std::string> lines;
  for (const DiagnosticNote& note : d.notes) {
    lines.push_back(fmt::format("{}: note: {}", LocationLabel(note.location),
                                note.message));
  }
  for (const FixIt& fix : d.fixes) {
    lines.push_back(fmt::format("fix: {}", fix.description));
  }
  return lines;
}

}  // namespace isobar::render_util
