#include "driver/load_profile.h"

#include "frontend/profile_reader.h"

namespace isobar {

auto LoadProfileFile(const std::string& path, const LoadOptions& options)
    -> LoadedProfile {
  LoadedProfile loaded;
  loaded.report.display_name = path;
  CollectingConsumer consumer;
  DiagnosticEmitter emitter(consumer);
  ReadResult read = ReadSourceFile(path, path, options, emitter);
  const SourceBuffer& source = *read.buffer;
  loaded.report.buffers.push_back(std::move(read.buffer));
  if (read.ok && CheckSourceText(source, options, emitter)) {
    loaded.profile = ReadProfile(source, options.parse, emitter);
  }
  loaded.report.diagnostics = std::move(consumer.diagnostics());
  for (const Diagnostic& d : loaded.report.diagnostics) {
    if (d.kind == DiagnosticKind::FileUnreadable) {
      loaded.report.input_failure = true;
      loaded.report.listed = false;
    }
  }
  return loaded;
}

}  // namespace isobar
