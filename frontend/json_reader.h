// The JSON reader: JSON text to a Document, with the byte range of every key
// and value. The ANTLR grammar lives in grammar/Json.g4; no ANTLR type leaves
// this reader.
#pragma once

#include <optional>

#include "common/source_buffer.h"
#include "diagnostics/emitter.h"
#include "frontend/document.h"
#include "frontend/parse_options.h"

namespace isobar {

// Parses `source`, which must be valid UTF-8 (an initial byte order mark is
// skipped), into a document whose ranges are byte offsets into `source`.
//
// Strings, keys included, become Quoted scalars holding the decoded UTF-8
// value (an unpaired `\uD800` surrogate decodes to U+FFFD). Numbers, `true`
// and `false` become Plain scalars holding their literal text, and `null` a
// Null node. A collection's range runs from its opening bracket to one past
// its closing bracket. Duplicate keys are reported (R013) by the
// DocumentBuilder, which keeps the later value; that happens only once the
// whole text has parsed, so a broken file gets its syntax error alone.
//
// Returns nullopt after emitting one error when the text nests deeper than
// `options.max_depth` (R012; found by a scan before parsing, so any input
// depth is safe) or is not JSON (R011; the first syntax error only). A
// `max_depth` above 1024 acts as 1024, the depth to which the recursive
// ANTLR parser is known to be safe on a small stack. Never throws.
//
// Valid JSON is read by a fast, lock-free scanner (frontend/json_scan.h);
// the ANTLR grammar runs only when the scanner rejects the text, to find
// and explain the first syntax error.
auto ParseJson(const SourceBuffer& source, const ParseOptions& options,
               DiagnosticEmitter& emitter) -> std::optional<Document>;

// The same, always through the ANTLR grammar. Exposed so tests can check
// that the scanner and the grammar agree on every input.
auto ParseJsonWithGrammar(const SourceBuffer& source,
                          const ParseOptions& options,
                          DiagnosticEmitter& emitter)
    -> std::optional<Document>;

}  // namespace isobar
