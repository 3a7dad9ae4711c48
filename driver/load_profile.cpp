#include "driver/load_profile.h"

#include "frontend/profile_reader.h"

namespace isobar {

auto LoadProfileFile(const std::string& path, const LoadOptions& options)
    -> LoadedProfile {
  LoadedProfile loaded;
  ReadUserFile(path, options, loaded.report,
               [&](const SourceBuffer& source, DiagnosticEmitter& emitter) {
                 if (!CheckSourceText(source, options, emitter)) return;
                 loaded.value = ReadProfile(source, options.parse, emitter);
               });
  return loaded;
}

}  // namespace isobar
