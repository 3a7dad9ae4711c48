#include "driver/load_config.h"

#include <system_error>

#include "frontend/config_reader.h"

namespace isobar {

namespace fs = std::filesystem;

auto FindProjectConfig(const fs::path& start)
    -> std::optional<fs::path> {
  std::error_code ec;
  // absolute("") is an error in libstdc++; "" means the working directory.
  fs::path dir = start.empty() ? fs::current_path(ec) : fs::absolute(start, ec);
  if (ec) return std::nullopt;
  dir = dir.lexically_normal();
  if (dir.has_filename() == false && dir != dir.root_path()) {
    dir = dir.parent_path();  // "a/b/" names the directory "a/b"
  }
  fs::path up;  // from `start` to `dir`
  while (true) {
    if (fs::is_regular_file(dir / kConfigFileName, ec)) {
      return (start / up / kConfigFileName).lexically_normal();
    }
    // A repository's root is the last place to look: a checkout inside
    // another directory must not pick up that directory's settings.
    if (fs::exists(dir / ".git", ec)) return std::nullopt;
    if (dir == dir.root_path() || !dir.has_parent_path()) return std::nullopt;
    dir = dir.parent_path();
    up /= "..";
  }
}

auto LoadConfigFile(const std::string& path, const LoadOptions& options)
    -> LoadedConfig {
  LoadedConfig loaded;
  std::string directory = fs::path(path).parent_path().string();
  ReadUserFile(path, options, loaded.report,
               [&](const SourceBuffer& source, DiagnosticEmitter& emitter) {
                 // An empty file is a valid configuration that sets
                 // nothing (`touch .isobar.yaml` marks a project's root).
                 LoadOptions text_options = options;
                 text_options.empty_is_error = false;
                 size_t errors = emitter.error_count();
                 if (!CheckSourceText(source, text_options, emitter)) {
                   if (emitter.error_count() == errors) {
                     loaded.value = ProjectConfig{.directory = directory};
                   }
                   return;
                 }
                 loaded.value = ReadProjectConfig(source, directory,
                                                  options.parse, emitter);
               });
  return loaded;
}

auto CombineSettings(const ProjectConfig* config, RunSettings command_line)
    -> RunSettings {
  if (!config) return command_line;
  RunSettings combined;
  combined.profile =
      command_line.profile.empty() ? config->profile : command_line.profile;
  combined.home_region = command_line.home_region.empty()
                             ? config->home_region
                             : command_line.home_region;
  combined.environments = config->environments;
  combined.environments.insert(combined.environments.end(),
                               command_line.environments.begin(),
                               command_line.environments.end());
  combined.parameters = std::move(command_line.parameters);
  return combined;
}

}  // namespace isobar
