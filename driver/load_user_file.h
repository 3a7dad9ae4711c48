// Reading one of the files that set up a run (the project configuration,
// a cloud profile, a `-e` environment): the user wrote it, so it gets a
// report of its own with its mistakes shown like a template's, and an
// unreadable file is an input failure (exit status 2).
#pragma once

#include <functional>
#include <optional>
#include <string>

#include "driver/lint.h"

namespace isobar {

// Reads `path` into `report` and, when it could be read, calls
// `use(source, emitter)`; every diagnostic lands in `report`.
void ReadUserFile(
    const std::string& path, const LoadOptions& options, FileReport& report,
    const std::function<void(const SourceBuffer&, DiagnosticEmitter&)>& use);

// A set-up file and what was read from it, when it could be.
template <typename T>
struct LoadedFile {
  FileReport report;
  std::optional<T> value;
};

}  // namespace isobar
