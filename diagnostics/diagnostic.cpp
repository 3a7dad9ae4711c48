#include "diagnostics/diagnostic.h"

#include <algorithm>
#include <array>
#include <cctype>

namespace isobar {

namespace {
constexpr DiagnosticKindInfo kKinds[] = {
#define ISOBAR_DIAGNOSTIC_KIND(Kind, code, name, severity, summary) \
  {DiagnosticKind::Kind, #Kind, code, name, Severity::severity, summary},
#include "diagnostics/diagnostic_kind.def"
};

auto EqualsIgnoreCase(std::string_view a, std::string_view b) -> bool {
  return a.size() == b.size() &&
         std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) ==
                  std::tolower(static_cast<unsigned char>(y));
         });
}
}  // namespace

auto SeverityName(Severity severity) -> std::string_view {
  switch (severity) {
    case Severity::Error:
      return "error";
    case Severity::Warning:
      return "warning";
    case Severity::Info:
      return "info";
  }
  return "error";
}

auto GetKindInfo(DiagnosticKind kind) -> const DiagnosticKindInfo& {
  return kKinds[static_cast<size_t>(kind)];
}

auto AllDiagnosticKinds() -> std::span<const DiagnosticKindInfo> {
  return kKinds;
}

auto FindDiagnosticKind(std::string_view code_or_name)
    -> const DiagnosticKindInfo* {
  for (const auto& info : kKinds) {
    if (EqualsIgnoreCase(info.code, code_or_name) ||
        EqualsIgnoreCase(info.name, code_or_name) ||
        info.kind_name == code_or_name) {
      return &info;
    }
  }
  return nullptr;
}

}  // namespace isobar
