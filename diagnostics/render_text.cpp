#include <fmt/format.h>

#include <algorithm>

#include "diagnostics/render.h"
#include "diagnostics/render_util.h"

namespace isobar {

namespace {

constexpr const char* kBold = "\033[1m";
constexpr const char* kRed = "\033[1;31m";
constexpr const char* kMagenta = "\033[1;35m";
constexpr const char* kCyan = "\033[1;36m";
constexpr const char* kGreen = "\033[1;32m";
constexpr const char* kReset = "\033[0m";

// Lines longer than this are shown as a window around the caret, starting
// this many bytes before it.
constexpr uint32_t kMaxSnippetBytes = 160;
constexpr uint32_t kSnippetContext = 60;

class TextRenderer {
 public:
  TextRenderer(std::ostream& out, const TextStyle& style)
      : out_(out), style_(style) {}

  void Render(const Diagnostic& d) {
    const char* color = d.severity == Severity::Error     ? kRed
                        : d.severity == Severity::Warning ? kMagenta
                                                          : kCyan;
    Header(d.location, SeverityName(d.severity), color, d.message,
           fmt::format(" [{}]", render_util::RuleLabel(d)));
    Snippet(d.location);
    for (const DiagnosticNote& note : d.notes) {
      Header(note.location, "note", kCyan, note.message, "");
      Snippet(note.location);
    }
    for (const FixIt& fix : d.fixes) {
      out_ << Paint(kGreen, "  fix: ") << fix.description << "\n";
    }
  }

 private:
  auto Paint(const char* color, std::string_view text) const -> std::string {
    if (!style_.color) return std::string(text);
    return fmt::format("{}{}{}", color, text, kReset);
  }

  void Header(const Location& loc, std::string_view severity, const char* color,
              const std::string& message, const std::string& suffix) {
    out_ << Paint(kBold, render_util::LocationLabel(loc) + ":") << " "
         << Paint(color, std::string(severity) + ":") << " "
         << Paint(kBold, message) << suffix << "\n";
  }

  // The source line, then a caret under the start and `~` to the end of
  // the range (or of the line, for a range that spans lines).
  // The source line (or, for a long line, a window of it around the
  // caret, so a minified 1 MB line is not printed per diagnostic), then a
  // caret under the start and `~` to the end of the range or the window.
  void Snippet(const Location& loc) {
    const SourceBuffer& buffer = *loc.buffer;
    if (buffer.size() == 0) return;
    std::string_view text = buffer.text();
    LineColumn start = buffer.GetLineColumn(loc.range.begin);
    uint32_t line_start = buffer.LineStart(start.line);
    uint32_t line_end =
        line_start + static_cast<uint32_t>(buffer.LineText(start.line).size());
    uint32_t begin = std::min(loc.range.begin, line_end);
    auto boundary = [&](uint32_t at) {
      while (at > line_start && at < line_end &&
             (static_cast<unsigned char>(text[at]) & 0xC0) == 0x80) {
        --at;
      }
      return at;
    };
    uint32_t window_begin = line_start;
    uint32_t window_end = line_end;
    if (line_end - line_start > kMaxSnippetBytes) {
      window_begin = boundary(std::max(line_start, begin - std::min(begin, kSnippetContext)));
      window_end = boundary(std::min(line_end, window_begin + kMaxSnippetBytes));
    }
    std::string prefix = window_begin > line_start ? "..." : "";
    std::string suffix = window_end < line_end ? "..." : "";
    std::string gutter = fmt::format("{:>5} | ", start.line);
    out_ << gutter << prefix
         << text.substr(window_begin, window_end - window_begin) << suffix
         << "\n";
    std::string underline(prefix.size(), ' ');
    for (uint32_t i = window_begin; i < begin; ++i) {
      char c = text[i];
      if ((static_cast<unsigned char>(c) & 0xC0) == 0x80) continue;
      underline += c == '\t' ? '\t' : ' ';
    }
    underline += '^';
    uint32_t end = std::min(std::max(loc.range.end, begin + 1), window_end);
    for (uint32_t i = begin + 1; i < end; ++i) {
      if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) underline += '~';
    }
    std::string marks(gutter.size() - 2, ' ');
    marks += "| ";
    out_ << marks << Paint(kGreen, underline) << "\n";
  }

  std::ostream& out_;
  const TextStyle& style_;
};

}  // namespace

void RenderText(std::ostream& out, std::span<const Diagnostic* const> diagnostics,
                const TextStyle& style) {
  TextRenderer renderer(out, style);
  for (const Diagnostic* d : diagnostics) renderer.Render(*d);
}

}  // namespace isobar
