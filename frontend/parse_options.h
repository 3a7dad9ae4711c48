// Limits shared by the YAML and JSON readers.
#pragma once

#include <cstdint>

namespace isobar {

struct ParseOptions {
  // Collections nested deeper than this are refused (R012) before a
  // recursive parser sees them. Real templates stay under 30 levels; 256
  // leaves room while keeping parser recursion far from the stack limit.
  uint32_t max_depth = 256;
};

}  // namespace isobar
