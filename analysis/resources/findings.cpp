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
      std::string_view shown = *f.replacement;
      if (shown.size() >= 2 && (shown.front() == '"' || shown.front() == '\'')) {
        shown = shown.substr(1, shown.size() - 2);
      }
      builder.Fix(fmt::format("replace with `{}`", shown),
                  {{f.where, *f.replacement}});
    }
    builder.Emit();
  }
  findings.clear();
}

auto ReplacementFor(const Location& where, std::string_view name,
                    std::string_view suggestion) -> std::optional<std::string> {
  std::string_view text = where.buffer->text();
  if (where.range.end > text.size() || where.range.end < where.range.begin) {
    return std::nullopt;
  }
  text = text.substr(where.range.begin, where.range.end - where.range.begin);
  if (text == name) return std::string(suggestion);
  // A quoted scalar keeps its quotes (JSON keys and values).
  for (char quote : {'"', '\''}) {
    if (text.size() == name.size() + 2 && text.front() == quote &&
        text.back() == quote && text.substr(1, name.size()) == name) {
      return fmt::format("{}{}{}", quote, suggestion, quote);
    }
  }
  return std::nullopt;
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
