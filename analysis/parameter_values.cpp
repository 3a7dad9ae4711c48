#include "analysis/parameter_values.h"

#include <fmt/format.h>

#include <charconv>
#include <cmath>
#include <cstdlib>
#include <nlohmann/json.hpp>

namespace isobar {

namespace {

auto IsDigit(char c) -> bool { return c >= '0' && c <= '9'; }

// Python's str.strip() on ASCII text; int() and float() strip less.
auto StripPython(std::string_view text, bool for_number = false) -> std::string_view {
  std::string_view kSpace = for_number ? std::string_view(" \t\n\v\f\r")
                                       : std::string_view(" \t\n\v\f\r\x1c\x1d\x1e\x1f");
  size_t begin = text.find_first_not_of(kSpace);
  if (begin == std::string_view::npos) return {};
  size_t end = text.find_last_not_of(kSpace);
  return text.substr(begin, end - begin + 1);
}

auto IsAscii(std::string_view text) -> bool {
  for (char c : text) {
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  }
  return true;
}

// For text with non-ASCII characters, which Python may read as digits or
// spaces: No when an ASCII character outside `possible` rules the reading
// out, else Unknown.
auto NonAsciiVerdict(std::string_view text, std::string_view possible) -> Verdict {
  for (char c : text) {
    auto u = static_cast<unsigned char>(c);
    if (u < 0x80 && possible.find(c) == std::string_view::npos) return Verdict::No;
  }
  return Verdict::Unknown;
}

auto Lower(std::string_view text) -> std::string {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

// A cursor over a string for the hand-written matchers below: the
// resolver patterns are fixed, and scalars may be long, so no std::regex.
struct Cursor {
  std::string_view s;
  size_t i = 0;

  auto Done() const -> bool { return i == s.size(); }
  auto Peek() const -> char { return i < s.size() ? s[i] : '\0'; }
  auto Eat(char c) -> bool {
    if (Peek() != c || Done()) return false;
    ++i;
    return true;
  }
  auto EatAny(std::string_view set) -> bool {
    if (Done() || set.find(Peek()) == std::string_view::npos) return false;
    ++i;
    return true;
  }
  // Zero or more characters of `set`; returns how many.
  auto EatRun(std::string_view set) -> size_t {
    size_t start = i;
    while (EatAny(set)) {
    }
    return i - start;
  }
  void Sign() { EatAny("+-"); }
  // `(?::[0-5]?[0-9])+`
  auto Sexagesimal() -> bool {
    size_t count = 0;
    while (Eat(':')) {
      // `[0-5]?[0-9]`: two digits when the first can lead, else one.
      bool two = i + 1 < s.size() && s[i] >= '0' && s[i] <= '5' &&
                 s[i + 1] >= '0' && s[i + 1] <= '9';
      if (!EatAny("0123456789")) return false;
      if (two) ++i;
      ++count;
    }
    return count > 0;
  }
};

constexpr std::string_view kDigits_ = "0123456789_";

// PyYAML's int resolver (YAML 1.1).
auto IsYamlInt(std::string_view s) -> bool {
  auto alternative = [&](auto body) {
    Cursor c{s};
    c.Sign();
    return body(c) && c.Done();
  };
  return alternative([](Cursor& c) {
           return c.Eat('0') && c.Eat('b') && c.EatRun("01_") > 0;
         }) ||
         alternative([](Cursor& c) {
           return c.Eat('0') && c.Eat('x') &&
                  c.EatRun("0123456789abcdefABCDEF_") > 0;
         }) ||
         alternative([](Cursor& c) { return c.Eat('0') && c.EatRun("01234567_") > 0; }) ||
         alternative([](Cursor& c) { return c.Eat('0'); }) ||
         alternative([](Cursor& c) {
           return c.EatAny("123456789") && (c.EatRun(kDigits_), true);
         }) ||
         alternative([](Cursor& c) {
           return c.EatAny("123456789") && (c.EatRun(kDigits_), true) &&
                  c.Sexagesimal();
         });
}

// PyYAML's float resolver (YAML 1.1): a dot is required, and an exponent
// needs its sign, so `1e3` is a string.
auto IsYamlFloat(std::string_view s) -> bool {
  auto exponent = [](Cursor& c) {
    if (!c.EatAny("eE")) return true;
    return c.EatAny("+-") && c.EatRun("0123456789") > 0;
  };
  auto alternative = [&](bool sign, auto body) {
    Cursor c{s};
    if (sign) c.Sign();
    return body(c) && c.Done();
  };
  return alternative(true, [&](Cursor& c) {
           return c.EatAny("0123456789") && (c.EatRun(kDigits_), true) &&
                  c.Eat('.') && (c.EatRun(kDigits_), true) && exponent(c);
         }) ||
         alternative(false, [&](Cursor& c) {
           return c.Eat('.') && c.EatAny("0123456789") &&
                  (c.EatRun(kDigits_), true) && exponent(c);
         }) ||
         alternative(true, [](Cursor& c) {
           return c.EatAny("0123456789") && (c.EatRun(kDigits_), true) &&
                  c.Sexagesimal() && c.Eat('.') && (c.EatRun(kDigits_), true);
         }) ||
         alternative(true, [](Cursor& c) {
           std::string_view rest = c.s.substr(c.i);
           c.i = c.s.size();
           return rest == ".inf" || rest == ".Inf" || rest == ".INF";
         }) ||
         s == ".nan" || s == ".NaN" || s == ".NAN";
}

auto IsYamlBool(std::string_view s, bool* value) -> bool {
  static constexpr std::string_view kTrue[] = {"yes", "Yes", "YES", "true",
                                               "True", "TRUE", "on", "On", "ON"};
  static constexpr std::string_view kFalse[] = {"no", "No", "NO", "false", "False",
                                                "FALSE", "off", "Off", "OFF"};
  for (std::string_view t : kTrue) {
    if (s == t) return *value = true;
  }
  for (std::string_view f : kFalse) {
    if (s == f) return !(*value = false);
  }
  return false;
}

auto Remove(std::string_view s, char c) -> std::string {
  std::string out;
  for (char x : s) {
    if (x != c) out += x;
  }
  return out;
}

// Digits in `base`, accumulated exactly while they fit in 64 bits.
void Accumulate(std::string_view digits, int base, PyValue& out) {
  unsigned __int128 exact = 0;
  bool fits = true;
  long double approx = 0;
  for (char c : digits) {
    int d = IsDigit(c) ? c - '0' : (c | 0x20) - 'a' + 10;
    approx = approx * base + d;
    exact = exact * static_cast<unsigned>(base) + static_cast<unsigned>(d);
    if (exact > static_cast<unsigned __int128>(INT64_MAX)) fits = false;
  }
  out.number = static_cast<double>(approx);
  if (fits) out.integer = static_cast<int64_t>(exact);
}

// PyYAML's construct_yaml_int.
auto YamlIntValue(std::string_view text) -> PyValue {
  PyValue out{.type = PyType::Int};
  std::string s = Remove(text, '_');
  bool negative = s[0] == '-';
  std::string_view v = s;
  if (v[0] == '+' || v[0] == '-') v.remove_prefix(1);
  if ((v.starts_with("0b") || v.starts_with("0x")) && v.size() == 2) {
    // PyYAML fails on `0b_`; so does Heat's loader.
    return {};
  }
  if (v.starts_with("0b")) {
    Accumulate(v.substr(2), 2, out);
  } else if (v.starts_with("0x")) {
    Accumulate(v.substr(2), 16, out);
  } else if (v.find(':') != std::string_view::npos) {
    int64_t total = 0;
    size_t start = 0;
    while (start <= v.size()) {
      size_t colon = std::min(v.find(':', start), v.size());
      PyValue part;
      Accumulate(v.substr(start, colon - start), 10, part);
      if (!part.integer || total > INT64_MAX / 61) return {};
      total = total * 60 + *part.integer;
      start = colon + 1;
    }
    out.integer = total;
    out.number = static_cast<double>(total);
  } else {
    Accumulate(v, v.size() > 1 && v[0] == '0' ? 8 : 10, out);
  }
  if (v.empty()) return {};
  if (negative) {
    out.number = -out.number;
    if (out.integer) out.integer = -*out.integer;
  }
  return out;
}

auto ParseDouble(std::string_view s, double* out) -> bool {
  bool negative = !s.empty() && s[0] == '-';
  if (!s.empty() && (s[0] == '+' || s[0] == '-')) s.remove_prefix(1);
  if (s.empty() || s[0] == '+' || s[0] == '-') return false;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), *out);
  if (end != s.data() + s.size()) return false;
  if (ec == std::errc::result_out_of_range) {
    // Python rounds to infinity or zero instead of failing; so does strtod.
    *out = std::strtod(std::string(s).c_str(), nullptr);
  } else if (ec != std::errc()) {
    return false;
  }
  if (negative) *out = -*out;
  return true;
}

// PyYAML's construct_yaml_float.
auto YamlFloatValue(std::string_view text) -> PyValue {
  PyValue out{.type = PyType::Float};
  std::string s = Lower(Remove(text, '_'));
  double sign = 1;
  std::string_view v = s;
  if (v[0] == '-') sign = -1;
  if (v[0] == '+' || v[0] == '-') v.remove_prefix(1);
  if (v == ".inf") {
    out.number = sign * HUGE_VAL;
  } else if (v == ".nan") {
    out.number = NAN;
  } else if (v.find(':') != std::string_view::npos) {
    double total = 0;
    size_t start = 0;
    while (start <= v.size()) {
      size_t colon = std::min(v.find(':', start), v.size());
      double part = 0;
      if (!ParseDouble(v.substr(start, colon - start), &part)) return {};
      total = total * 60 + part;
      start = colon + 1;
    }
    out.number = sign * total;
  } else {
    double value = 0;
    if (!ParseDouble(v, &value)) return {};
    out.number = sign * value;
  }
  return out;
}

// A JSON number literal: what json.loads would read in place of PyYAML.
auto IsJsonNumber(std::string_view s) -> bool {
  Cursor c{s};
  c.Eat('-');
  if (!c.Eat('0') && !(c.EatAny("123456789") && (c.EatRun("0123456789"), true))) {
    return false;
  }
  if (c.Eat('.') && c.EatRun("0123456789") == 0) return false;
  if (c.EatAny("eE")) {
    c.EatAny("+-");
    if (c.EatRun("0123456789") == 0) return false;
  }
  return c.Done();
}

auto JsonNumberValue(std::string_view s) -> PyValue {
  if (s.find_first_of(".eE") == std::string_view::npos) {
    PyValue out{.type = PyType::Int};
    bool negative = s[0] == '-';
    Accumulate(negative ? s.substr(1) : s, 10, out);
    if (negative) {
      out.number = -out.number;
      if (out.integer) out.integer = -*out.integer;
    }
    return out;
  }
  PyValue out{.type = PyType::Float};
  if (!ParseDouble(s, &out.number)) return {};
  return out;
}

auto PlainValue(std::string_view text) -> PyValue {
  bool boolean = false;
  if (IsYamlBool(text, &boolean)) {
    return {.type = PyType::Bool, .boolean = boolean, .number = boolean ? 1.0 : 0.0};
  }
  if (text.empty() || text == "~" || text == "null" || text == "Null" ||
      text == "NULL") {
    return {.type = PyType::None};
  }
  if (IsYamlFloat(text)) return YamlFloatValue(text);
  if (IsYamlInt(text)) return YamlIntValue(text);
  return {.type = PyType::Str, .text = std::string(text)};
}

auto SameScalar(const PyValue& a, const PyValue& b) -> bool {
  if (a.type != b.type) return false;
  if (a.type == PyType::Str) return a.text == b.text;
  return a.number == b.number && a.integer == b.integer;
}

// Digit runs with single underscores between digits (PEP 515).
auto EatDigits(Cursor& c) -> size_t {
  size_t count = 0;
  while (IsDigit(c.Peek())) {
    ++c.i;
    ++count;
    if (c.Peek() == '_' && c.i + 1 < c.s.size() && IsDigit(c.s[c.i + 1])) ++c.i;
  }
  return count;
}

}  // namespace

auto PyTypeDescription(PyType type) -> std::string_view {
  switch (type) {
    case PyType::None:
      return "null";
    case PyType::Bool:
      return "a boolean";
    case PyType::Int:
    case PyType::Float:
      return "a number";
    case PyType::Str:
      return "a string";
    case PyType::List:
      return "a list";
    case PyType::Map:
      return "a mapping";
    case PyType::Unknown:
      break;
  }
  return "a value";
}

auto ValueTyping::For(const Document& doc) -> ValueTyping {
  std::string_view text = doc.source().text();
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  size_t first = text.find_first_not_of(" \t\r\n");
  return {.maybe_json = first != std::string_view::npos &&
                        (text[first] == '{' || text[first] == '[')};
}

auto LoadValue(const Document& doc, NodeId id, ValueTyping typing) -> PyValue {
  if (id == kNoNode) return {};
  const Node& node = doc.node(id);
  switch (node.kind) {
    case NodeKind::Null:
      return {.type = PyType::None};
    case NodeKind::Sequence:
      return {.type = PyType::List, .size = node.items.size()};
    case NodeKind::Mapping:
      return {.type = PyType::Map, .size = node.entries.size()};
    case NodeKind::Scalar:
      break;
  }
  if (node.style != ScalarStyle::Plain) {
    return {.type = PyType::Str, .text = node.value};
  }
  PyValue value = PlainValue(node.value);
  if (typing.maybe_json && IsJsonNumber(node.value) &&
      !SameScalar(value, JsonNumberValue(node.value))) {
    return {};
  }
  return value;
}

auto PythonFloatRepr(double value) -> std::string {
  if (std::isnan(value)) return "nan";
  if (std::isinf(value)) return value < 0 ? "-inf" : "inf";
  char buffer[64];
  auto result = std::to_chars(buffer, buffer + sizeof buffer, value,
                              std::chars_format::scientific);
  std::string_view sci(buffer, static_cast<size_t>(result.ptr - buffer));
  bool negative = sci.starts_with('-');
  if (negative) sci.remove_prefix(1);
  size_t e = sci.find('e');
  std::string digits = Remove(sci.substr(0, e), '.');
  int exponent = 0;
  std::string_view exp_text = sci.substr(e + 1);
  if (exp_text.starts_with('+')) exp_text.remove_prefix(1);
  std::from_chars(exp_text.data(), exp_text.data() + exp_text.size(), exponent);
  std::string out = negative ? "-" : "";
  auto n = static_cast<int>(digits.size());
  if (exponent >= -4 && exponent < 16) {
    // Appends rather than `"0." + std::string(...)`: GCC 12 warns
    // (-Wrestrict) on that temporary at -O3, wrongly.
    if (exponent < 0) {
      out += "0.";
      out.append(static_cast<size_t>(-exponent - 1), '0');
      out += digits;
    } else if (n <= exponent + 1) {
      out += digits;
      out.append(static_cast<size_t>(exponent + 1 - n), '0');
      out += ".0";
    } else {
      out.append(digits, 0, static_cast<size_t>(exponent + 1));
      out += '.';
      out.append(digits, static_cast<size_t>(exponent + 1));
    }
    return out;
  }
  out += digits.substr(0, 1);
  if (n > 1) {
    out += '.';
    out.append(digits, 1);
  }
  return out + fmt::format("e{}{:02}", exponent < 0 ? '-' : '+', std::abs(exponent));
}

auto PythonStr(const PyValue& value) -> std::optional<std::string> {
  switch (value.type) {
    case PyType::None:
      return "None";
    case PyType::Bool:
      return value.boolean ? "True" : "False";
    case PyType::Int:
      if (!value.integer) return std::nullopt;
      return std::to_string(*value.integer);
    case PyType::Float:
      return PythonFloatRepr(value.number);
    case PyType::Str:
      return value.text;
    default:
      return std::nullopt;
  }
}

auto ParsePythonNumber(std::string_view text, double* number, bool* integral)
    -> Verdict {
  if (!IsAscii(text)) {
    return NonAsciiVerdict(text, "0123456789+-._eEinfatyINFATY \t\n\v\f\r");
  }
  std::string_view s = StripPython(text, /*for_number=*/true);
  bool ignored = false;
  if (integral == nullptr) integral = &ignored;
  *integral = false;
  // int(): an optional sign and decimal digits.
  {
    Cursor c{s};
    c.Sign();
    if (EatDigits(c) > 0 && c.Done()) {
      *integral = true;
      return ParseDouble(Remove(s, '_'), number) ? Verdict::Yes : Verdict::Unknown;
    }
  }
  // float(): also `inf`, `infinity` and `nan`, any case.
  Cursor c{s};
  c.Sign();
  std::string word = Lower(s.substr(c.i));
  if (word == "inf" || word == "infinity" || word == "nan") {
    *number = word == "nan" ? NAN : (s[0] == '-' ? -HUGE_VAL : HUGE_VAL);
    return Verdict::Yes;
  }
  size_t mantissa = EatDigits(c);
  if (c.Eat('.')) mantissa += EatDigits(c);
  if (mantissa == 0) return Verdict::No;
  if (c.EatAny("eE")) {
    c.Sign();
    if (EatDigits(c) == 0) return Verdict::No;
  }
  if (!c.Done()) return Verdict::No;
  return ParseDouble(Remove(s, '_'), number) ? Verdict::Yes : Verdict::Unknown;
}

auto ToNumber(const PyValue& value, double* number, bool* integral)
    -> Verdict {
  bool ignored = false;
  if (integral == nullptr) integral = &ignored;
  *integral = value.type != PyType::Float;
  switch (value.type) {
    case PyType::Bool:
    case PyType::Int:
    case PyType::Float:
      *number = value.number;
      return Verdict::Yes;
    case PyType::Str:
      return ParsePythonNumber(value.text, number, integral);
    case PyType::Unknown:
      return Verdict::Unknown;
    default:
      return Verdict::No;
  }
}

auto IsHeatBoolean(const PyValue& value) -> Verdict {
  switch (value.type) {
    case PyType::Bool:
      return Verdict::Yes;
    case PyType::Int:
      return value.integer && (*value.integer == 0 || *value.integer == 1)
                 ? Verdict::Yes
                 : Verdict::No;
    case PyType::Str: {
      if (!IsAscii(value.text)) {
        return NonAsciiVerdict(value.text,
                               "tTrRuUeEfFaAlLsSyYnNoO01 \t\n\v\f\r\x1c\x1d\x1e\x1f");
      }
      std::string word = Lower(StripPython(value.text));
      static constexpr std::string_view kWords[] = {
          "1", "t", "true", "on", "y", "yes", "0", "f", "false", "off", "n", "no"};
      for (std::string_view w : kWords) {
        if (word == w) return Verdict::Yes;
      }
      return Verdict::No;
    }
    case PyType::Unknown:
      return Verdict::Unknown;
    default:
      // str() of a float, None or a collection is never a boolean word.
      return Verdict::No;
  }
}

auto HeatBooleanValue(const PyValue& value) -> bool {
  if (value.type == PyType::Bool) return value.boolean;
  if (value.type == PyType::Int) return value.integer == 1;
  std::string word = Lower(StripPython(value.text));
  return word == "1" || word == "t" || word == "true" || word == "on" ||
         word == "y" || word == "yes";
}

auto HeatNumberParamValue(const PyValue& raw) -> std::optional<PyValue> {
  double number = 0;
  bool integral = false;
  if (ToNumber(raw, &number, &integral) != Verdict::Yes) return std::nullopt;
  PyValue out;
  out.type = integral ? PyType::Int : PyType::Float;
  out.number = number;
  // Python ints compare exactly; keep the exact value where it is known.
  if (integral) {
    if (raw.type == PyType::Int && raw.integer) {
      out.integer = raw.integer;
    } else if (std::abs(number) <= 9007199254740992.0) {
      out.integer = static_cast<int64_t>(number);
    }
  }
  return out;
}

auto HeatBooleanParamValue(const PyValue& raw) -> std::optional<PyValue> {
  if (IsHeatBoolean(raw) != Verdict::Yes) return std::nullopt;
  PyValue out;
  out.type = PyType::Bool;
  out.boolean = HeatBooleanValue(raw);
  out.number = out.boolean ? 1 : 0;
  return out;
}

auto IsPythonJson(std::string_view text) -> Verdict {
  if (text.starts_with("\xEF\xBB\xBF")) return Verdict::Unknown;
  if (nlohmann::json::accept(text)) return Verdict::Yes;
  // Python also reads NaN, Infinity and lone surrogate escapes.
  for (std::string_view extra : {"NaN", "Infinity", "\\u"}) {
    if (text.find(extra) != std::string_view::npos) return Verdict::Unknown;
  }
  return Verdict::No;
}

auto LoadJsonForLength(std::string_view text, PyType* type, size_t* length)
    -> Verdict {
  if (text.starts_with("\xEF\xBB\xBF")) return Verdict::Unknown;
  nlohmann::json value = nlohmann::json::parse(text, nullptr,
                                               /*allow_exceptions=*/false);
  if (value.is_discarded()) return Verdict::Unknown;
  if (value.is_object() || value.is_array()) {
    *type = value.is_object() ? PyType::Map : PyType::List;
    *length = value.size();
    return Verdict::Yes;
  }
  if (value.is_string()) {
    *type = PyType::Str;
    *length = CodePointCount(value.get_ref<const std::string&>());
    return Verdict::Yes;
  }
  *type = value.is_boolean() ? PyType::Bool
          : value.is_null()  ? PyType::None
          : value.is_number_float() ? PyType::Float
                                    : PyType::Int;
  return Verdict::No;
}

auto CodePointCount(std::string_view text) -> size_t {
  size_t count = 0;
  for (char c : text) {
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++count;
  }
  return count;
}

auto PythonEquals(const PyValue& a, const PyValue& b) -> Verdict {
  auto scalar = [](PyType t) {
    return t != PyType::List && t != PyType::Map && t != PyType::Unknown;
  };
  if (!scalar(a.type) || !scalar(b.type)) return Verdict::Unknown;
  if (a.type == PyType::None || b.type == PyType::None) {
    return a.type == b.type ? Verdict::Yes : Verdict::No;
  }
  if (a.type == PyType::Str || b.type == PyType::Str) {
    return a.type == b.type && a.text == b.text ? Verdict::Yes : Verdict::No;
  }
  // Numbers and booleans compare by value.
  if (a.type == PyType::Int && b.type == PyType::Int) {
    if (a.integer && b.integer) {
      return *a.integer == *b.integer ? Verdict::Yes : Verdict::No;
    }
    return Verdict::Unknown;
  }
  constexpr double kExact = 9007199254740992.0;
  for (const PyValue* v : {&a, &b}) {
    if (v->type == PyType::Int && !(std::abs(v->number) <= kExact)) {
      return Verdict::Unknown;
    }
  }
  return a.number == b.number ? Verdict::Yes : Verdict::No;
}

}  // namespace isobar
