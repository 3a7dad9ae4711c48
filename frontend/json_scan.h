// The fast path of the JSON reader: a strict RFC 8259 scanner that
// accepts exactly what grammar/Json.g4 accepts, in one iterative pass with
// no allocation per token and no locks. ANTLR's C++ runtime (4.9) guards
// its shared DFA caches with process-wide locks, so parsing JSON on several
// threads through it was slower than on one; the grammar is now only run to
// explain a syntax error.
#pragma once

#include <string_view>
#include <vector>

#include "frontend/json_events.h"

namespace isobar {

// Scans `text` from byte `begin` (after any byte-order mark). On success
// appends the document's events and returns true; on any syntax error
// returns false (the events are then meaningless). Nesting depth is not
// limited here: the scan is iterative, and the builder enforces the limit.
auto ScanJson(std::string_view text, uint32_t begin,
              std::vector<JsonEvent>& events) -> bool;

}  // namespace isobar
