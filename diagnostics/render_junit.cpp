// JUnit XML, as CI test report viewers read it (GitLab, Jenkins, Azure
// Pipelines...): a suite per file, a testcase per diagnostic. Failures
// follow the exit status: errors always, warnings under `--strict`.
#include <fmt/format.h>

#include <algorithm>
#include <unordered_map>

#include "diagnostics/render.h"
#include "diagnostics/render_util.h"

namespace isobar {

namespace {

using render_util::HasPosition;
using render_util::SpanOf;

// The UTF-8 sequence at `text[i]`: its length (0 when the byte starts no
// valid sequence) and whether XML 1.0 allows its code point (not U+FFFE or
// U+FFFF).
struct Utf8Sequence {
  size_t length = 0;
  bool allowed = false;
};

auto DecodeUtf8(std::string_view text, size_t i) -> Utf8Sequence {
  auto byte = [&](size_t k) { return static_cast<unsigned char>(text[k]); };
  unsigned char lead = byte(i);
  size_t length = lead < 0xC2 ? 0 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : lead < 0xF5 ? 4 : 0;
  if (length == 0 || i + length > text.size()) return {};
  uint32_t cp = lead & (0xFF >> (length + 1));
  for (size_t k = 1; k < length; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) return {};
    cp = (cp << 6) | (byte(i + k) & 0x3F);
  }
  constexpr uint32_t kMin[] = {0, 0, 0x80, 0x800, 0x10000};
  if (cp < kMin[length] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return {};
  return {length, cp != 0xFFFE && cp != 0xFFFF};
}

// `text` as XML 1.0 character data, or as an attribute value (in double
// quotes) when `attribute` is set. Control characters XML cannot carry
// become their Unicode control pictures (U+0001 as U+2401); bytes that
// are not UTF-8, and U+FFFE and U+FFFF, become U+FFFD. So the document
// is always well formed.
auto Escape(std::string_view text, bool attribute) -> std::string {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size();) {
    auto c = static_cast<unsigned char>(text[i]);
    if (c >= 0x80) {
      Utf8Sequence seq = DecodeUtf8(text, i);
      out += seq.allowed ? text.substr(i, seq.length) : std::string_view("\xEF\xBF\xBD");
      i += std::max<size_t>(seq.length, 1);
      continue;
    }
    ++i;
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += attribute ? "&quot;" : "\""; break;
      // Attribute values normalize whitespace and parsers turn \r\n into
      // \n, so these are written as references where they must survive.
      case '\n': out += attribute ? "&#10;" : "\n"; break;
      case '\t': out += attribute ? "&#9;" : "\t"; break;
      case '\r': out += "&#13;"; break;
      default:
        if (c < 0x20) {
          out += "\xE2\x90";
          out += static_cast<char>(0x80 + c);
        } else {
          out += static_cast<char>(c);
        }
    }
  }
  return out;
}

auto Attr(std::string_view text) -> std::string { return Escape(text, true); }

struct Suite {
  std::string name;
  std::vector<const Diagnostic*> diagnostics;
};

// The checked files in order, then any other file a diagnostic is in
// (an unreadable path, a nested template), in first-seen order.
auto GroupByFile(std::span<const std::string> files,
                 std::span<const Diagnostic* const> diagnostics) -> std::vector<Suite> {
  std::vector<Suite> suites;
  std::unordered_map<std::string, size_t> index;
  auto suite_for = [&](const std::string& name) -> Suite& {
    auto [it, added] = index.emplace(name, suites.size());
    if (added) suites.push_back({name, {}});
    return suites[it->second];
  };
  for (const std::string& file : files) suite_for(file);
  for (const Diagnostic* d : diagnostics) {
    suite_for(d->location.buffer->filename()).diagnostics.push_back(d);
  }
  return suites;
}

// `R013 duplicate-key at 8:3`: unique enough within a file's suite.
auto TestName(const Diagnostic& d) -> std::string {
  std::string name = render_util::RuleLabel(d);
  if (HasPosition(d.location)) {
    LineColumn at = SpanOf(d.location).begin;
    name += fmt::format(" at {}:{}", at.line, at.column);
  }
  return name;
}

// The header line and the notes and fixes, as the text renderer shows them.
auto Body(const Diagnostic& d) -> std::string {
  std::string body = render_util::HeaderLine(d);
  for (const std::string& line : render_util::DetailLines(d)) body += "\n" + line;
  return Escape(body, false);
}

}  // namespace

void RenderJunit(std::ostream& out, std::span<const std::string> files,
                 std::span<const Diagnostic* const> diagnostics,
                 const JunitOptions& options) {
  auto fails = [&](const Diagnostic& d) {
    return d.severity == Severity::Error ||
           (options.strict && d.severity == Severity::Warning);
  };
  std::vector<Suite> suites = GroupByFile(files, diagnostics);
  size_t total_tests = 0;
  size_t total_failures = 0;
  for (const Suite& suite : suites) {
    total_tests += std::max<size_t>(suite.diagnostics.size(), 1);
    for (const Diagnostic* d : suite.diagnostics) total_failures += fails(*d);
  }

  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  out << fmt::format("<testsuites name=\"isobar\" tests=\"{}\" failures=\"{}\" errors=\"0\">\n",
                     total_tests, total_failures);
  for (const Suite& suite : suites) {
    size_t failures = 0;
    for (const Diagnostic* d : suite.diagnostics) failures += fails(*d);
    std::string name = Attr(suite.name);
    out << fmt::format("  <testsuite name=\"{}\" tests=\"{}\" failures=\"{}\" errors=\"0\">\n",
                       name, std::max<size_t>(suite.diagnostics.size(), 1), failures);
    if (suite.diagnostics.empty()) {
      out << fmt::format("    <testcase name=\"no diagnostics\" classname=\"{}\"/>\n", name);
    }
    for (const Diagnostic* d : suite.diagnostics) {
      out << fmt::format("    <testcase name=\"{}\" classname=\"{}\">\n",
                         Attr(TestName(*d)), name);
      if (fails(*d)) {
        out << fmt::format("      <failure message=\"{}\" type=\"{}\">{}</failure>\n",
                           Attr(d->message), SeverityName(d->severity), Body(*d));
      } else {
        out << fmt::format("      <system-out>{}</system-out>\n", Body(*d));
      }
      out << "    </testcase>\n";
    }
    out << "  </testsuite>\n";
  }
  out << "</testsuites>\n";
}

}  // namespace isobar
