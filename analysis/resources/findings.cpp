#include "analysis/resources/findings.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>

namespace isobar {

auto KeepAgreed(std::vector<Finding> primary, const std::vector<Finding>& other)
    -> std::vector<Finding> {
  std::erase_if(primary, [&](const Finding& mine) {
    Severity severity = GetKindInfo(mine.kind).default_severity;
    return std::none_of(other.begin(), other.end(), [&](const Finding& theirs) {
      ByteRange scope = theirs.scope.empty() ? theirs.where.range : theirs.scope;
      return scope.begin <= mine.where.range.begin &&
             mine.where.range.end <= scope.end &&
             GetKindInfo(theirs.kind).default_severity == severity;
    });
  });
  return primary;
}

void EmitFindings(std::vector<Finding>& findings, DiagnosticEmitter& emitter) {
  for (Finding& f : findings) {
    auto builder = emitter.Build(f.kind, f.where, "{}", f.message);
    for (FindingNote& note : f.notes) {
      builder.Note(note.where, "{}", note.message);
    }
    if (f.replacement) {
      builder.Fix(fmt::format("replace with `{}`", f.replacement->text),
                  {{{f.where.buffer, f.replacement->range}, f.replacement->text}});
    }
    builder.Emit();
  }
  findings.clear();
}

auto ReplacementFor(const Location& where, std::string_view name,
                    std::string_view suggestion) -> std::optional<Replacement> {
  std::string_view text = where.buffer->text();
  ByteRange range = where.range;
  if (range.end > text.size() || range.end < range.begin) return std::nullopt;
  text = text.substr(range.begin, range.end - range.begin);
  // A quoted scalar keeps its quotes (JSON keys and values).
  if (text.size() == name.size() + 2 && (text.front() == '"' || text.front() == '\'') &&
      text.back() == text.front()) {
    text = text.substr(1, name.size());
    range = {range.begin + 1, range.end - 1};
  }
  if (text != name) return std::nullopt;
  return Replacement{range, std::string(suggestion)};
}

auto AsHint(std::string message) -> std::string {
  while (!message.empty() && (message.back() == '.' || message.back() == ' ')) {
    message.pop_back();
  }
  if (message.size() > 1 && std::isupper(static_cast<unsigned char>(message[0])) &&
      std::islower(static_cast<unsigned char>(message[1]))) {
    message[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(message[0])));
  }
  return message;
}

auto QuotedList(std::span<const std::string_view> names, size_t shown)
    -> std::string {
  std::string out;
  for (size_t i = 0; i < names.size() && i < shown; ++i) {
    out += fmt::format("{}`{}`", i ? ", " : "", names[i]);
  }
  if (names.size() > shown) out += ", ...";
  return out;
}

}  // namespace isobar
