// ISOBAR_CHECK: aborts with file and line when an invariant is broken.
//
// Problems in the input are diagnostics, never checks; a failed check is a
// bug in isobar and must be loud.
#pragma once

#include <cstdio>
#include <cstdlib>

namespace isobar::internal {
[[noreturn]] inline void CheckFailed(const char* cond, const char* file,
                                     int line, const char* message) {
  std::fprintf(stderr, "isobar: internal error: %s:%d: CHECK failed: %s%s%s\n",
               file, line, cond, message[0] ? ": " : "", message);
  std::abort();
}
}  // namespace isobar::internal

#define ISOBAR_CHECK(cond, ...)                                       \
  do {                                                                \
    if (!(cond)) {                                                    \
      ::isobar::internal::CheckFailed(#cond, __FILE__, __LINE__,      \
                                      "" __VA_ARGS__);                \
    }                                                                 \
  } while (false)
