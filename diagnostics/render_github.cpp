// GitHub Actions workflow commands: the runner turns each line into an
// annotation on the file and line, shown in the run and the pull request.
#include <fmt/format.h>

#include "diagnostics/render.h"
#include "diagnostics/render_util.h"

namespace isobar {

namespace {

auto Command(Severity severity) -> std::string_view {
  switch (severity) {
    case Severity::Error:
      return "error";
    case Severity::Warning:
      return "warning";
    case Severity::Info:
      return "notice";
  }
  return "error";
}

// GitHub's escaping of a command's message (`data`): `%`, CR and LF. A
// property value also escapes `:` and `,`, which separate properties.
auto Escape(std::string_view text, bool property) -> std::string {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '%':
        out += "%25";
        break;
      case '\r':
        out += "%0D";
        break;
      case '\n':
        out += "%0A";
        break;
      case ':':
        out += property ? "%3A" : ":";
        break;
      case ',':
        out += property ? "%2C" : ",";
        break;
      default:
        out += c;
    }
  }
  return out;
}

}  // namespace

void RenderGithub(std::ostream& out, std::span<const Diagnostic* const> diagnostics) {
  for (const Diagnostic* d : diagnostics) {
    render_util::Span span = render_util::SpanOf(d->location);
    // GitHub accepts columns only for a range on one line. endColumn is
    // exclusive, as in isobar's other reports.
    bool one_line = span.begin.line == span.end.line;
    std::string properties =
        fmt::format("file={},line={}", Escape(d->location.buffer->filename(), true),
                    span.begin.line);
    if (one_line) properties += fmt::format(",col={}", span.begin.column);
    properties += fmt::format(",endLine={}", span.end.line);
    if (one_line) properties += fmt::format(",endColumn={}", span.end.column);
    std::string message = d->message;
    for (const std::string& line : render_util::DetailLines(*d)) message += "\n" + line;
    out << fmt::format("::{} {},title={}::{}\n", Command(d->severity), properties,
                       Escape(render_util::RuleLabel(*d), true), Escape(message, false));
  }
}

}  // namespace isobar
