#include "driver/load_user_file.h"

namespace isobar {

void ReadUserFile(
    const std::string& path, const LoadOptions& options, FileReport& report,
    const std::function<void(const SourceBuffer&, DiagnosticEmitter&)>& use) {
  report.display_name = path;
  CollectingConsumer consumer;
  DiagnosticEmitter emitter(consumer);
  ReadResult file = ReadSourceFile(path, path, options, emitter);
  const SourceBuffer& source = *file.buffer;
  report.buffers.push_back(std::move(file.buffer));
  if (file.ok) use(source, emitter);
  report.diagnostics = std::move(consumer.diagnostics());
  for (const Diagnostic& d : report.diagnostics) {
    if (d.kind == DiagnosticKind::FileUnreadable) {
      report.input_failure = true;
      report.listed = false;
    }
  }
}

}  // namespace isobar
