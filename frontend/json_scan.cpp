#include "frontend/json_scan.h"

#include "common/text.h"

namespace isobar {

namespace {

auto IsDigit(char c) -> bool { return c >= '0' && c <= '9'; }


// Where the string token starting at the quote `i` ends (one past its
// closing quote), or npos when it is not a valid JSON string.
auto StringEnd(std::string_view text, size_t i) -> size_t {
  for (size_t j = i + 1; j < text.size();) {
    auto c = static_cast<unsigned char>(text[j]);
    if (c == '"') return j + 1;
    if (c < 0x20) return std::string_view::npos;
    if (c != '\\') {
      ++j;
      continue;
    }
    if (j + 1 >= text.size()) return std::string_view::npos;
    char e = text[j + 1];
    if (e == 'u') {
      if (j + 6 > text.size()) return std::string_view::npos;
      for (size_t k = j + 2; k < j + 6; ++k) {
        if (HexDigitValue(text[k]) < 0) return std::string_view::npos;
      }
      j += 6;
    } else if (e == '"' || e == '\\' || e == '/' || e == 'b' || e == 'f' ||
               e == 'n' || e == 'r' || e == 't') {
      j += 2;
    } else {
      return std::string_view::npos;
    }
  }
  return std::string_view::npos;
}

// Where the number token at `i` ends, or npos:
// `-`? (`0` | [1-9][0-9]*) (`.` [0-9]+)? ([eE] [+-]? [0-9]+)?
auto NumberEnd(std::string_view text, size_t i) -> size_t {
  size_t n = text.size();
  size_t j = i;
  if (j < n && text[j] == '-') ++j;
  if (j >= n || !IsDigit(text[j])) return std::string_view::npos;
  if (text[j] == '0') {
    ++j;
  } else {
    while (j < n && IsDigit(text[j])) ++j;
  }
  if (j < n && text[j] == '.') {
    ++j;
    if (j >= n || !IsDigit(text[j])) return std::string_view::npos;
    while (j < n && IsDigit(text[j])) ++j;
  }
  if (j < n && (text[j] == 'e' || text[j] == 'E')) {
    ++j;
    if (j < n && (text[j] == '+' || text[j] == '-')) ++j;
    if (j >= n || !IsDigit(text[j])) return std::string_view::npos;
    while (j < n && IsDigit(text[j])) ++j;
  }
  return j;
}

// What may come next.
enum class Expect : uint8_t {
  Value,
  ValueOrClose,  // just after `[`
  KeyOrClose,    // just after `{`
  Key,           // after `,` in an object
  Colon,
  CommaOrClose,
  End,
};

}  // namespace

auto ScanJson(std::string_view text, uint32_t begin,
              std::vector<JsonEvent>& events) -> bool {
  constexpr size_t npos = std::string_view::npos;
  // The open brackets: true for an object.
  std::vector<bool> open;
  Expect expect = Expect::Value;
  auto after_value = [&] {
    expect = open.empty() ? Expect::End : Expect::CommaOrClose;
  };
  auto emit = [&](JsonEventKind kind, size_t from, size_t to) {
    events.push_back({kind, {static_cast<uint32_t>(from), static_cast<uint32_t>(to)}});
  };
  size_t n = text.size();
  for (size_t i = begin;;) {
    while (i < n && (text[i] == ' ' || text[i] == '\t' || text[i] == '\n' ||
                     text[i] == '\r')) {
      ++i;
    }
    if (i >= n) return expect == Expect::End;
    char c = text[i];
    switch (expect) {
      case Expect::End:
        return false;
      case Expect::Colon:
        if (c != ':') return false;
        ++i;
        expect = Expect::Value;
        continue;
      case Expect::CommaOrClose:
        if (c == ',') {
          ++i;
          expect = open.back() ? Expect::Key : Expect::Value;
          continue;
        }
        if (c != (open.back() ? '}' : ']')) return false;
        emit(open.back() ? JsonEventKind::EndObject : JsonEventKind::EndArray,
             i, i + 1);
        open.pop_back();
        ++i;
        after_value();
        continue;
      case Expect::KeyOrClose:
      case Expect::Key: {
        if (c == '}' && expect == Expect::KeyOrClose) {
          emit(JsonEventKind::EndObject, i, i + 1);
          open.pop_back();
          ++i;
          after_value();
          continue;
        }
        if (c != '"') return false;
        size_t end = StringEnd(text, i);
        if (end == npos) return false;
        emit(JsonEventKind::String, i, end);
        i = end;
        expect = Expect::Colon;
        continue;
      }
      case Expect::ValueOrClose:
        if (c == ']') {
          emit(JsonEventKind::EndArray, i, i + 1);
          open.pop_back();
          ++i;
          after_value();
          continue;
        }
        [[fallthrough]];
      case Expect::Value:
        break;
    }
    // A value.
    if (c == '{' || c == '[') {
      bool object = c == '{';
      emit(object ? JsonEventKind::BeginObject : JsonEventKind::BeginArray, i,
           i + 1);
      open.push_back(object);
      ++i;
      expect = object ? Expect::KeyOrClose : Expect::ValueOrClose;
      continue;
    }
    size_t end = npos;
    JsonEventKind kind = JsonEventKind::Literal;
    if (c == '"') {
      end = StringEnd(text, i);
      kind = JsonEventKind::String;
    } else if (c == '-' || IsDigit(c)) {
      end = NumberEnd(text, i);
    } else if (text.substr(i, 4) == "true") {
      end = i + 4;
    } else if (text.substr(i, 5) == "false") {
      end = i + 5;
    } else if (text.substr(i, 4) == "null") {
      end = i + 4;
      kind = JsonEventKind::Null;
    }
    if (end == npos) return false;
    emit(kind, i, end);
    i = end;
    after_value();
  }
}

}  // namespace isobar
