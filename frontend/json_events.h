// The JSON reader's intermediate form: the brackets and scalars of a JSON
// text, in order, with their byte ranges. Both ways of reading JSON (the
// fast scanner and the ANTLR grammar) produce it, and one replay turns it
// into a Document, so the two cannot disagree on what a document is.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "common/source_buffer.h"
#include "frontend/document_builder.h"

namespace isobar {

enum class JsonEventKind : uint8_t {
  BeginObject,
  EndObject,
  BeginArray,
  EndArray,
  // A string token, quotes included (keys too).
  String,
  // A number, `true` or `false`: kept as plain text.
  Literal,
  Null,
};

struct JsonEvent {
  JsonEventKind kind;
  ByteRange range;
};

// Feeds the events into `builder`. `text` is the text the ranges index.
void ReplayJsonEvents(std::string_view text, const std::vector<JsonEvent>& events,
                      DocumentBuilder& builder);

// The value of a string token (quotes included), escapes resolved. The
// token must be valid JSON; an unpaired surrogate becomes U+FFFD.
auto DecodeJsonString(std::string_view token) -> std::string;

}  // namespace isobar
