// The options every command that analyses templates takes beyond its own
// (SPEC.md §1): `--config FILE` / `--no-config`, `--profile FILE`,
// `--home-region NAME`, `-e FILE`, `-P NAME=VALUE` and
// `--allow-outside-root`, and loading what they name. The project
// configuration (docs/config.md) supplies defaults: an option given on the
// command line wins, and `-e` / `-P` values come after the config's.
#pragma once

#include <memory>
#include <optional>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "driver/lint.h"
#include "driver/load_config.h"
#include "driver/load_environment.h"
#include "driver/load_profile.h"

namespace isobar {

// The help lines of the shared options, for every command's --help.
inline constexpr const char* kRunOptionsHelp =
R"(  --config FILE          project configuration (default: .isobar.yaml in the
                         working directory or the nearest one above it)
  --no-config            ignore any .isobar.yaml
  --profile FILE         cloud profile: regions, their services and zones
  --home-region NAME     region of resources that name none
  -e, --environment FILE Heat environment file (repeatable, merged in order)
  -P, --parameter NAME=VALUE
                         parameter value (repeatable; wins over -e files)
  --allow-outside-root   let nested templates and get_file read files outside
                         the root template's directory
)";

// `--opt value` or `--opt=value` at `args[i]`: sets `value` (advancing `i`
// past a separate value) and returns true.
auto OptionValue(std::span<const std::string> args, size_t& i,
                 std::string_view name, std::string& value) -> bool;

// What the shared options name, before it is loaded.
struct RunOptions {
  // `--config FILE`; empty: `.isobar.yaml` found upward from the working
  // directory, unless `--no-config`.
  std::string config_path;
  bool no_config = false;
  std::string profile_path;
  std::vector<std::string> environment_files;
  std::vector<std::pair<std::string, std::string>> parameters;
};

// Parses the shared option at `args[i]` into `run` / `options`. Returns
// nullopt when `args[i]` is none of them, "" when it was parsed, else a
// usage error message.
auto ParseRunOption(std::span<const std::string> args, size_t& i,
                    RunOptions& run, LintOptions& options)
    -> std::optional<std::string>;

// The configuration, profile and environment a run loaded; `options`
// points into it.
struct LoadedRun {
  LoadedConfig config;
  LoadedProfile profile;
  std::unique_ptr<LoadedEnvironment> environment;
};

// Loads the project configuration, the profile, then the environment
// files and -P values, in that order (each changes every later verdict):
// their reports join `reports` and `options.profile`,
// `options.environment` and `options.rule_severities` point into
// `loaded`, which must outlive them. `options.home_region` takes the
// config's when the command line gave none.
void LoadRunOptions(const RunOptions& run, LintOptions& options,
                    LoadedRun& loaded, std::vector<const FileReport*>& reports);

}  // namespace isobar
