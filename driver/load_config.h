// Finding and loading the project configuration, `.isobar.yaml`
// (docs/config.md).
#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include "driver/load_user_file.h"
#include "frontend/project_config.h"

namespace isobar {

inline constexpr std::string_view kConfigFileName = ".isobar.yaml";

// The `.isobar.yaml` that governs a run started in `start`: the one in
// `start`, else in the nearest directory above it. The search stops after
// a directory that holds `.git` (a repository's configuration never comes
// from outside it) and at the filesystem root. The path is relative to
// `start` ("../../.isobar.yaml"), so messages show it the way the user
// would reach it.
auto FindProjectConfig(const std::filesystem::path& start)
    -> std::optional<std::filesystem::path>;

using LoadedConfig = LoadedFile<ProjectConfig>;

// `path` as displayed; the paths in the file are resolved against its
// directory.
auto LoadConfigFile(const std::string& path, const LoadOptions& options)
    -> LoadedConfig;

// The settings the configuration and the command line share.
struct RunSettings {
  std::string profile;
  std::string home_region;
  std::vector<std::string> environments;
  std::vector<std::pair<std::string, std::string>> parameters;
};

// The command line wins: a profile or home region it gives replaces the
// configuration's, and its -e files come after the configuration's (later
// wins, as Heat merges). `parameters` stay the command line's: the
// configuration's are laid between the -e files and them
// (LoadEnvironment). `config` may be null.
auto CombineSettings(const ProjectConfig* config, RunSettings command_line)
    -> RunSettings;

}  // namespace isobar
