// `isobar rules` and `isobar explain`: both read the one registry.
#include <fmt/format.h>

#include <algorithm>
#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "common/spelling.h"
#include "diagnostics/diagnostic.h"
#include "diagnostics/rule_docs.h"

namespace isobar {

auto UsageError(const std::string& message) -> int {
  std::cerr << "isobar: error: " << message << "\n"
            << "run `isobar --help` for usage\n";
  return kExitUsage;
}

auto RunRules(std::span<const std::string> args) -> int {
  bool json = false;
  for (size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "--format" && i + 1 < args.size()) {
      json = args[++i] == "json";
    } else if (args[i] == "--format=json") {
      json = true;
    } else if (args[i] != "--format=text") {
      return UsageError(fmt::format("unknown option `{}` for `rules`", args[i]));
    }
  }
  if (json) {
    nlohmann::ordered_json rules = nlohmann::ordered_json::array();
    for (const DiagnosticKindInfo& info : AllDiagnosticKinds()) {
      rules.push_back({{"rule", info.code},
                       {"name", info.name},
                       {"severity", SeverityName(info.default_severity)},
                       {"summary", info.summary}});
    }
    std::cout << rules.dump(2) << "\n";
    return kExitOk;
  }
  // The name column is as wide as the longest name, so columns line up.
  size_t width = 0;
  for (const DiagnosticKindInfo& info : AllDiagnosticKinds()) {
    width = std::max(width, std::string_view(info.name).size());
  }
  for (const DiagnosticKindInfo& info : AllDiagnosticKinds()) {
    std::cout << fmt::format("{:<5} {:<{}} {:<8} {}\n", info.code, info.name,
                             width, SeverityName(info.default_severity),
                             info.summary);
  }
  return kExitOk;
}

auto RunExplain(std::span<const std::string> args) -> int {
  if (args.size() != 1) {
    return UsageError("`explain` takes one rule code or name, e.g. "
                      "`isobar explain R013`");
  }
  const DiagnosticKindInfo* info = FindDiagnosticKind(args[0]);
  if (info == nullptr) {
    std::vector<std::string_view> names;
    for (const DiagnosticKindInfo& k : AllDiagnosticKinds()) {
      names.push_back(k.code);
      names.push_back(k.name);
    }
    auto suggestion = SuggestSpelling(args[0], names);
    return UsageError(fmt::format(
        "unknown rule `{}`{}; `isobar rules` lists them", args[0],
        suggestion ? fmt::format(" (did you mean `{}`?)", *suggestion) : ""));
  }
  std::cout << fmt::format("{} {} ({}, default severity {})\n\n", info->code,
                           info->name, info->kind_name,
                           SeverityName(info->default_severity));
  if (auto doc = FindRuleDoc(info->code)) {
    std::cout << *doc;
  } else {
    std::cout << info->summary << "\n";
  }
  return kExitOk;
}

}  // namespace isobar
