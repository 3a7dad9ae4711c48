#include "driver/load_environment.h"

#include <filesystem>

#include "analysis/structure_check.h"
#include "driver/load_user_file.h"

namespace isobar {

namespace {

// Reads one `-e` file into `loaded`, checks it and merges it.
void LoadOne(const std::string& path, const LoadOptions& options,
             LoadedEnvironment& loaded) {
  ReadUserFile(path, options, loaded.reports.emplace_back(),
               [&](const SourceBuffer& source, DiagnosticEmitter& emitter) {
    std::optional<Template> tmpl = LoadTemplate(source, options, emitter);
    if (!tmpl) return;
    if (tmpl->format != TemplateFormat::Environment) {
      emitter.Emit(DiagnosticKind::NotATemplate,
                   tmpl->document.LocationOf(tmpl->document.root()),
                   "`{}` is not a Heat environment: `-e` takes a file of "
                   "`parameters`, `parameter_defaults` and "
                   "`resource_registry`",
                   path);
      return;
    }
    CheckStructure(*tmpl, emitter);
    auto& kept =
        loaded.files.emplace_back(std::make_unique<Template>(std::move(*tmpl)));
    std::string directory =
        std::filesystem::path(path).parent_path().lexically_normal().string();
    // Never empty: empty means "the template's own directory".
    if (directory.empty()) directory = ".";
    MergeEnvironmentFile(loaded.merged, *kept, directory, emitter);
  });
}

}  // namespace

auto LoadEnvironment(
    std::span<const std::string> files,
    std::span<const std::pair<std::string, KnownValue>> settings,
    std::span<const std::pair<std::string, std::string>> parameters,
    const LoadOptions& options) -> std::unique_ptr<LoadedEnvironment> {
  auto loaded = std::make_unique<LoadedEnvironment>();
  for (const std::string& path : files) LoadOne(path, options, *loaded);
  for (const auto& [name, value] : settings) {
    loaded->merged.parameters[name] = value;
    loaded->merged.values_supplied = true;
  }
  loaded->command_line = BuildCommandLineParameters(parameters);
  MergeCommandLineParameters(loaded->merged, loaded->command_line);
  return loaded;
}

}  // namespace isobar
