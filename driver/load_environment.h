// Loading the environment files named by `-e` and the `-P` values: each
// file gets its own report (its structure is checked like any environment
// file's), and the merged Environment every template of the run is
// checked with.
#pragma once

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "driver/lint.h"
#include "frontend/environment.h"

namespace isobar {

struct LoadedEnvironment {
  // One per `-e` file, in order.
  std::vector<FileReport> reports;
  // The files' templates and the -P document, kept alive for `merged`.
  std::vector<std::unique_ptr<Template>> files;
  CommandLineParameters command_line;
  Environment merged;
};

// The files are merged in order, then the project configuration's
// `parameters` (`settings`, as an environment file's), then the -P
// `parameters`: the later value wins.
auto LoadEnvironment(
    std::span<const std::string> files,
    std::span<const std::pair<std::string, KnownValue>> settings,
    std::span<const std::pair<std::string, std::string>> parameters,
    const LoadOptions& options) -> std::unique_ptr<LoadedEnvironment>;

}  // namespace isobar
