// Python regular expressions, as Heat's `allowed_pattern` uses them:
// `re.compile(pattern).match(value)`, and the value passes when that
// match ends at the end of the value (heat/engine/constraints.py,
// AllowedPattern). That is not a full match: for `a|ab`, Python's first
// match on `ab` is `a`, so Heat refuses `ab`.
//
// The parser follows CPython 3.11's re/_parser.py. It reports a pattern
// as Invalid only for errors every Python 3 raises (an unterminated set,
// a bad escape, nothing to repeat, ...), and as Unsupported whenever it
// does not model the syntax exactly (flags, back references, lookbehind,
// possessive quantifiers, \N{...}): then nothing is checked. Matching is
// a backtracking search in Python's order with a step budget; it answers
// Unknown rather than guess (budget spent, or \w, \d, \s, \b tested on a
// non-ASCII character, where Python uses Unicode tables).
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "analysis/parameter_values.h"

namespace isobar {

class PythonPattern {
 public:
  enum class Status : uint8_t { Ok, Invalid, Unsupported };

  static auto Compile(std::string_view pattern) -> PythonPattern;

  PythonPattern(PythonPattern&&) noexcept;
  auto operator=(PythonPattern&&) noexcept -> PythonPattern&;
  ~PythonPattern();

  auto status() const -> Status { return status_; }
  // For Invalid: Python's own words, such as `unterminated character set`.
  auto error() const -> const std::string& { return error_; }

  // re.match(pattern, value): Yes when a match starts at the beginning of
  // the value, with `end` set to where Python's first match ends (in code
  // points); No when there is none. Requires status() == Ok.
  auto Match(std::string_view value, size_t* end) const -> Verdict;

 private:
  struct Program;
  PythonPattern() = default;

  Status status_ = Status::Unsupported;
  std::string error_;
  std::unique_ptr<Program> program_;
};

}  // namespace isobar
