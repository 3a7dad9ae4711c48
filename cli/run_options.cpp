#include "cli/run_options.h"

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

auto ParseRunOption(std::span<const std::string> args, size_t& i,
                    RunOptions& run, LintOptions& options)
    -> std::optional<std::string> {
  const std::string& arg = args[i];
  std::string v;
  if (OptionValue(args, i, "--profile", v)) {
    run.profile_path = v;
    return "";
  }
  if (OptionValue(args, i, "--home-region", v)) {
    if (v.empty()) return "`--home-region` needs a region name";
    options.home_region = v;
    return "";
  }
  if (OptionValue(args, i, "-e", v) || OptionValue(args, i, "--environment", v)) {
    if (v.empty()) return "`-e` needs an environment file";
    run.environment_files.push_back(v);
    return "";
  }
  if (arg == "--allow-outside-root") {
    options.allow_outside_root = true;
    return "";
  }
  bool parameter = OptionValue(args, i, "-P", v) ||
                   OptionValue(args, i, "--parameter", v) ||
                   (arg.starts_with("-P") && arg.size() > 2 &&
                    (v = arg.substr(2), true));
  if (!parameter) return std::nullopt;
  auto assignment = SplitAssignment(v);
  if (!assignment) return fmt::format("`-P` needs NAME=VALUE, not `{}`", v);
  run.parameters.push_back(std::move(*assignment));
  return "";
}

void LoadRunOptions(const RunOptions& run, LintOptions& options,
                    LoadedRun& loaded, std::vector<const FileReport*>& reports) {
  if (!run.profile_path.empty()) {
    loaded.profile = LoadProfileFile(run.profile_path, options.load);
    reports.push_back(&loaded.profile.report);
    if (loaded.profile.profile) options.profile = &*loaded.profile.profile;
  }
  if (run.environment_files.empty() && run.parameters.empty()) return;
  loaded.environment =
      LoadEnvironment(run.environment_files, run.parameters, options.load);
  for (const FileReport& report : loaded.environment->reports) {
    reports.push_back(&report);
  }
  options.environment = &loaded.environment->merged;
}

}  // namespace isobar
