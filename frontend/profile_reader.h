// Reads a cloud profile (SPEC.md §4) from YAML, with diagnostics as exact
// as a template's: unknown keys with "did you mean" (R480), service names
// isobar does not know (R481), and region names the profile itself does
// not declare (R482). Service aliases become canonical names here, so no
// later pass sees `volumev3`.
#pragma once

#include <optional>

#include "diagnostics/emitter.h"
#include "frontend/cloud_profile.h"
#include "frontend/parse_options.h"

namespace isobar {

// nullopt when the text is not YAML or not a mapping with `regions`; a
// profile with smaller mistakes is returned with them reported, so the
// template checks still run. `source` must outlive the profile's locations.
auto ReadProfile(const SourceBuffer& source, const ParseOptions& options,
                 DiagnosticEmitter& emitter) -> std::optional<CloudProfile>;

}  // namespace isobar
