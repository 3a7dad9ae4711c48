// Reads the project configuration (.isobar.yaml, docs/config.md) with
// diagnostics as exact as a template's (R483 invalid-config): unknown keys
// with "did you mean", values of the wrong kind, unknown rules and
// severities. A key with a mistake is ignored and the rest stays in force.
#pragma once

#include <optional>
#include <string>

#include "diagnostics/emitter.h"
#include "frontend/parse_options.h"
#include "frontend/project_config.h"
#include "common/source_buffer.h"

namespace isobar {

// nullopt when the text is not YAML or not a mapping. `directory` is the
// config file's directory as the user would write it ("" for the working
// directory); the paths the file names are joined onto it.
auto ReadProjectConfig(const SourceBuffer& source, const std::string& directory,
                       const ParseOptions& options, DiagnosticEmitter& emitter)
    -> std::optional<ProjectConfig>;

}  // namespace isobar
