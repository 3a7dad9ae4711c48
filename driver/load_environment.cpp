#include "driver/load_environment.h"

#include <filesystem>

#include "analysis/structure_check.h"

namespace isobar {

namespace {

// Reads one `-e` file into `loaded`, checks it and merges it.
void LoadOne(const std::string& path, const LoadOptions& options,
             LoadedEnvironment& loaded) {
  FileReport& report = loaded.reports.emplace_back();
  report.display_name = path;
  CollectingConsumer consumer;
  DiagnosticEmitter emitter(consumer);
  ReadResult read = ReadSourceFile(path, path, options, emitter);
  const SourceBuffer& source = *read.buffer;
  report.buffers.push_back(std::move(read.buffer));
  if (read.ok) {
    if (std::optional<Template> tmpl = LoadTemplate(source, options, emitter)) {
      if (tmpl->format == TemplateFormat::Environment) {
        CheckStructure(*tmpl, emitter);
        auto& kept = loaded.files.emplace_back(
            std::make_unique<Template>(std::move(*tmpl)));
        std::string directory =
            std::filesystem::path(path).parent_path().lexically_normal().string();
        // Never empty: empty means "the template's own directory".
        if (directory.empty()) directory = ".";
        MergeEnvironmentFile(loaded.merged, *kept, directory, emitter);
      } else {
        emitter.Emit(DiagnosticKind::NotATemplate,
                     tmpl->document.LocationOf(tmpl->document.root()),
                     "`{}` is not a Heat environment: `-e` takes a file of "
                     "`parameters`, `parameter_defaults` and "
                     "`resource_registry`",
                     path);
      }
    }
  }
  report.diagnostics = std::move(consumer.diagnostics());
  for (const Diagnostic& d : report.diagnostics) {
    if (d.kind == DiagnosticKind::FileUnreadable) {
      report.input_failure = true;
      report.listed = false;
    }
  }
}

}  // namespace

auto LoadEnvironment(
    std::span<const std::string> files,
    std::span<const std::pair<std::string, std::string>> parameters,
    const LoadOptions& options) -> std::unique_ptr<LoadedEnvironment> {
  auto loaded = std::make_unique<LoadedEnvironment>();
  for (const std::string& path : files) LoadOne(path, options, *loaded);
  loaded->command_line = BuildCommandLineParameters(parameters);
  MergeCommandLineParameters(loaded->merged, loaded->command_line);
  return loaded;
}

}  // namespace isobar
