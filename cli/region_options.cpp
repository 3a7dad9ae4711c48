#include "cli/region_options.h"

#include <fmt/format.h>

namespace isobar {

auto OptionValue(std::span<const std::string> args, size_t& i,
                 std::string_view name, std::string& value) -> bool {
  const std::string& arg = args[i];
  if (arg == name && i + 1 < args.size()) {
    value = args[++i];
    return true;
  }
  if (arg.size() > name.size() && arg.starts_with(name) &&
      arg[name.size()] == '=') {
    value = arg.substr(name.size() + 1);
    return true;
  }
  return false;
}

auto ParseRegionOption(std::span<const std::string> args, size_t& i,
                       LintOptions& options, std::string& profile_path)
    -> std::optional<std::string> {
  std::string v;
  if (OptionValue(args, i, "--profile", v)) {
    profile_path = v;
    return "";
  }
  if (OptionValue(args, i, "--home-region", v)) {
    if (v.empty()) return "`--home-region` needs a region name";
    options.home_region = v;
    return "";
  }
  const std::string& arg = args[i];
  bool parameter = OptionValue(args, i, "-P", v) ||
                   OptionValue(args, i, "--parameter", v) ||
                   (arg.starts_with("-P") && arg.size() > 2 &&
                    (v = arg.substr(2), true));
  if (!parameter) return std::nullopt;
  size_t eq = v.find('=');
  if (eq == std::string::npos || eq == 0) {
    return fmt::format("`-P` needs NAME=VALUE, not `{}`", v);
  }
  options.parameters.emplace_back(v.substr(0, eq), v.substr(eq + 1));
  return "";
}

void LoadProfileOption(const std::string& profile_path, LintOptions& options,
                       LoadedProfile& profile,
                       std::vector<const FileReport*>& reports) {
  if (profile_path.empty()) return;
  profile = LoadProfileFile(profile_path, options.load);
  reports.push_back(&profile.report);
  if (profile.profile) options.profile = &*profile.profile;
}

}  // namespace isobar
