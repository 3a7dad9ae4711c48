#include "common/text.h"
#include "frontend/json_events.h"

namespace isobar {

namespace {


// The value of four hex digits at `at`, or -1.
auto Hex4(std::string_view text, size_t at) -> int32_t {
  if (at + 4 > text.size()) return -1;
  int32_t value = 0;
  for (size_t k = 0; k < 4; ++k) {
    int digit = HexDigitValue(text[at + k]);
    if (digit < 0) return -1;
    value = value * 16 + digit;
  }
  return value;
}

void AppendUtf8(std::string& out, uint32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

}  // namespace

// The scanner or the lexer has checked every escape; an unpaired surrogate
// has no UTF-8 form and becomes U+FFFD.

auto DecodeJsonString(std::string_view token) -> std::string {
  std::string_view body = token.substr(1, token.size() - 2);
  size_t backslash = body.find('\\');
  if (backslash == std::string_view::npos) return std::string(body);
  std::string out;
  out.reserve(body.size());
  size_t i = 0;
  while (backslash != std::string_view::npos && backslash + 1 < body.size()) {
    out.append(body.substr(i, backslash - i));
    char escape = body[backslash + 1];
    i = backslash + 2;
    switch (escape) {
      case 'b': out += '\b'; break;
      case 'f': out += '\f'; break;
      case 'n': out += '\n'; break;
      case 'r': out += '\r'; break;
      case 't': out += '\t'; break;
      case 'u': {
        int32_t cp = Hex4(body, i);
        if (cp < 0) break;
        i += 4;
        if (cp >= 0xD800 && cp < 0xDC00 && body.substr(i, 2) == "\\u") {
          int32_t low = Hex4(body, i + 2);
          if (low >= 0xDC00 && low < 0xE000) {
            cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
            i += 6;
          }
        }
        if (cp >= 0xD800 && cp < 0xE000) cp = 0xFFFD;
        AppendUtf8(out, static_cast<uint32_t>(cp));
        break;
      }
      default:
        // `"`, `\` and `/` stand for themselves.
        out += escape;
        break;
    }
    backslash = body.find('\\', i);
  }
  out.append(body.substr(std::min(i, body.size())));
  return out;
}

void ReplayJsonEvents(std::string_view text, const std::vector<JsonEvent>& events,
                      DocumentBuilder& builder) {
  for (const JsonEvent& event : events) {
    ByteRange range = event.range;
    std::string_view token = text.substr(range.begin, range.end - range.begin);
    switch (event.kind) {
      case JsonEventKind::BeginObject:
        builder.BeginMapping(range.begin);
        break;
      case JsonEventKind::BeginArray:
        builder.BeginSequence(range.begin);
        break;
      case JsonEventKind::EndObject:
      case JsonEventKind::EndArray:
        builder.EndCollection(range.end);
        break;
      case JsonEventKind::String:
        builder.AddScalar(range, DecodeJsonString(token), ScalarStyle::Quoted);
        break;
      case JsonEventKind::Null:
        builder.AddNull(range);
        break;
      case JsonEventKind::Literal:
        // Numbers, `true` and `false` keep their text.
        builder.AddScalar(range, std::string(token), ScalarStyle::Plain);
        break;
    }
  }
}

}  // namespace isobar
