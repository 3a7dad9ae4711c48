#include "cli/run_options.h"

#include <fmt/format.h>

#include <filesystem>

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
  if (OptionValue(args, i, "--config", v)) {
    if (v.empty()) return "`--config` needs a configuration file";
    run.config_path = v;
    return "";
  }
  if (arg == "--no-config") {
    run.no_config = true;
    return "";
  }
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

namespace {

// The configuration that governs the run, if any, loaded into `loaded`.
auto LoadConfig(const RunOptions& run, const LoadOptions& options,
                LoadedRun& loaded, std::vector<const FileReport*>& reports)
    -> const ProjectConfig* {
  if (run.no_config) return nullptr;
  std::string path = run.config_path;
  if (path.empty()) {
    std::optional<std::filesystem::path> found = FindProjectConfig("");
    if (!found) return nullptr;
    path = found->string();
  }
  loaded.config = LoadConfigFile(path, options);
  reports.push_back(&loaded.config.report);
  return loaded.config.value ? &*loaded.config.value : nullptr;
}

// A file the configuration names but that cannot be read gets a note at
// the line that names it: the user may not know where the path came from.
void NoteNamedBy(FileReport& report, const Location& where,
                 std::string_view key) {
  if (where.buffer == nullptr) return;
  for (Diagnostic& d : report.diagnostics) {
    if (d.kind != DiagnosticKind::FileUnreadable) continue;
    d.notes.push_back({where, fmt::format("named by `{}` here", key)});
  }
}

}  // namespace

void LoadRunOptions(const RunOptions& run, LintOptions& options,
                    LoadedRun& loaded, std::vector<const FileReport*>& reports) {
  const ProjectConfig* config = LoadConfig(run, options.load, loaded, reports);
  if (config && !config->rules.empty()) options.rule_severities = &config->rules;
  RunSettings settings = CombineSettings(
      config, {run.profile_path, options.home_region, run.environment_files,
               run.parameters});
  options.home_region = settings.home_region;
  if (!settings.profile.empty()) {
    loaded.profile = LoadProfileFile(settings.profile, options.load);
    if (config && run.profile_path.empty()) {
      NoteNamedBy(loaded.profile.report, config->profile_where, "profile");
    }
    reports.push_back(&loaded.profile.report);
    if (loaded.profile.value) options.profile = &*loaded.profile.value;
  }
  std::span<const std::pair<std::string, KnownValue>> config_parameters;
  if (config) config_parameters = config->parameter_values;
  if (settings.environments.empty() && config_parameters.empty() &&
      settings.parameters.empty()) {
    return;
  }
  loaded.environment = LoadEnvironment(settings.environments, config_parameters,
                                       settings.parameters, options.load);
  // The configuration's files come first (CombineSettings).
  for (size_t i = 0; config && i < config->environments_where.size(); ++i) {
    NoteNamedBy(loaded.environment->reports[i], config->environments_where[i],
                "environments");
  }
  for (const FileReport& report : loaded.environment->reports) {
    reports.push_back(&report);
  }
  options.environment = &loaded.environment->merged;
}

}  // namespace isobar
