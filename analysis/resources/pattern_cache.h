// Compiled property patterns, shared by every check on this thread:
// schemas repeat the same few hundred patterns, and compiling one costs
// more than matching it.
#pragma once

#include <string_view>

#include "analysis/parameter_pattern.h"

namespace isobar {

// The pattern compiled for Python's re.match, or, with `search`, for a
// search anywhere in the value (CloudFormation's JSON-schema patterns).
// Null when the pattern is invalid or uses syntax isobar does not model:
// then nothing is checked.
auto CompiledPattern(std::string_view pattern, bool search)
    -> const PythonPattern*;

}  // namespace isobar
