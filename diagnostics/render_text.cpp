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
  void Snippet(const Location& loc) {
    const SourceBuffer& buffer = *loc.buffer;
    if (buffer.size() == 0) return;
    LineColumn start = buffer.GetLineColumn(loc.range.begin);
    std::string_view line = buffer.LineText(start.line);
    uint32_t line_start = buffer.LineStart(start.line);
    uint32_t line_end = line_start + static_cast<uint32_t>(line.size());
    uint32_t end = std::min(std::max(loc.range.end, loc.range.begin + 1), line_end);
    std::string gutter = fmt::format("{:>5} | ", start.line);
    out_ << gutter << line << "\n";
    std::string marks(gutter.size() - 2, ' ');
    marks += "| ";
    std::string underline;
    for (uint32_t i = line_start; i < loc.range.begin && i < line_end; ++i) {
      char c = buffer.text()[i];
      if ((static_cast<unsigned char>(c) & 0xC0) == 0x80) continue;
      underline += c == '\t' ? '\t' : ' ';
    }
    underline += '^';
    for (uint32_t i = loc.range.begin + 1; i < end; ++i) {
      if ((static_cast<unsigned char>(buffer.text()[i]) & 0xC0) != 0x80) {
        underline += '~';
      }
    }
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
