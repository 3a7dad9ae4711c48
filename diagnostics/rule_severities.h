// Per-project changes to rules' severities (`rules:` in .isobar.yaml):
// a rule made an error, a warning or an info, or turned off. They are
// applied in one place, to each checked file's diagnostics as its check
// ends (driver/lint.cpp), so every report format and the exit status see
// the same verdicts.
#pragma once

#include <map>
#include <optional>
#include <string_view>
#include <vector>

#include "diagnostics/diagnostic.h"

namespace isobar {

class RuleSeverities {
 public:
  // `severity` nullopt turns the rule off.
  void Set(DiagnosticKind kind, std::optional<Severity> severity) {
    settings_[kind] = severity;
  }
  auto empty() const -> bool { return settings_.empty(); }

  // Drops the diagnostics of rules turned off and gives the others the
  // severity set for their rule.
  void Apply(std::vector<Diagnostic>& diagnostics) const;

 private:
  std::map<DiagnosticKind, std::optional<Severity>> settings_;
};

// `error`, `warning`, `info` or `off` (nullopt inside): the setting a
// user wrote, or nullopt when it is none of them.
auto ParseRuleSetting(std::string_view text)
    -> std::optional<std::optional<Severity>>;

}  // namespace isobar
