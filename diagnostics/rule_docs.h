// The documentation page of each rule (docs/rules/<code>.md), embedded at
// build time for `isobar explain`.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

namespace isobar {

struct RuleDoc {
  std::string_view code;
  std::string_view markdown;
};

// Defined in the generated rule_docs_data.cpp.
extern const RuleDoc kRuleDocs[];
extern const size_t kRuleDocCount;

// The page for a rule code, if there is one.
inline auto FindRuleDoc(std::string_view code) -> std::optional<std::string_view> {
  for (size_t i = 0; i < kRuleDocCount; ++i) {
    if (kRuleDocs[i].code == code) return kRuleDocs[i].markdown;
  }
  return std::nullopt;
}

}  // namespace isobar
