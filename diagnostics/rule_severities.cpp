#include "diagnostics/rule_severities.h"

#include <algorithm>

namespace isobar {

void RuleSeverities::Apply(std::vector<Diagnostic>& diagnostics) const {
  if (settings_.empty()) return;
  std::erase_if(diagnostics, [&](Diagnostic& d) {
    auto it = settings_.find(d.kind);
    if (it == settings_.end()) return false;
    if (!it->second) return true;
    d.severity = *it->second;
    return false;
  });
}

auto ParseRuleSetting(std::string_view text)
    -> std::optional<std::optional<Severity>> {
  if (text == "error") return std::optional<Severity>(Severity::Error);
  if (text == "warning") return std::optional<Severity>(Severity::Warning);
  if (text == "info") return std::optional<Severity>(Severity::Info);
  if (text == "off") return std::optional<Severity>();
  return std::nullopt;
}

}  // namespace isobar
