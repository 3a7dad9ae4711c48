#include "analysis/resources/scalar_checks.h"

#include <fmt/format.h>

#include <arpa/inet.h>

#include <cmath>
#include <span>
#include <vector>

#include "analysis/parameter_pattern.h"
#include "analysis/resources/cfn_formats.h"
#include "analysis/resources/findings.h"
#include "analysis/resources/pattern_cache.h"
#include "common/spelling.h"

namespace isobar {

auto FormatBound(double bound) -> std::string {
  if (std::abs(bound) < 1e15 && bound == std::floor(bound)) {
    return fmt::format("{}", static_cast<int64_t>(bound));
  }
  return fmt::format("{}", bound);
}

namespace {

auto Lower(std::string_view text) -> std::string {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// The number a value converts to, per dialect.
auto AsNumber(const PyValue& value, bool heat, double* number, bool* integral)
    -> Verdict {
  if (!heat && value.type == PyType::Bool) return Verdict::Unknown;
  return ToNumber(value, number, integral);
}

auto AcceptsScalarAs(const PyValue& value, uint8_t bit, const PropertySchema& schema,
                     bool heat) -> Verdict {
  double number = 0;
  bool integral = false;
  switch (bit) {
    case kStringValue:
      // Heat's str() of ints and bools, cfn-lint's non-strict strings.
      return Verdict::Yes;
    case kIntegerValue:
      if (value.type == PyType::Float || value.type == PyType::Bool) {
        // int(1.5) works in Heat; cfn-lint's view is not modelled.
        return Verdict::Yes;
      }
      if (value.type == PyType::Int) return Verdict::Yes;
      {
        Verdict v = AsNumber(value, heat, &number, &integral);
        if (v == Verdict::Yes && !integral) return Verdict::No;
        return v;
      }
    case kNumberValue:
      return AsNumber(value, heat, &number, &integral);
    case kBooleanValue:
      if (value.type == PyType::Bool) return Verdict::Yes;
      if (heat) return IsHeatBoolean(value);
      if (value.type == PyType::Str) {
        std::string t = Lower(value.text);
        return t == "true" || t == "false" ? Verdict::Yes : Verdict::No;
      }
      return Verdict::Unknown;
    case kListValue:
    case kMapValue:
      // Heat's allow_conversion reads a delimited string (or JSON text).
      return heat && schema.allow_conversion && value.type == PyType::Str
                 ? Verdict::Yes
                 : Verdict::No;
    default:
      return Verdict::Yes;
  }
}

auto CheckType(const PyValue& value, const PropertySchema& schema, bool heat,
               std::string_view shown) -> std::optional<ScalarProblem> {
  if (schema.types & kAnyValue) return std::nullopt;
  // cfn-lint reads JSON text for the policy-document kind of object.
  if (!heat && schema.format == "json" && value.type == PyType::Str) {
    return std::nullopt;
  }
  bool unknown = false;
  for (uint8_t bit : {kStringValue, kIntegerValue, kNumberValue, kBooleanValue,
                      kListValue, kMapValue}) {
    if (!(schema.types & bit)) continue;
    Verdict v = AcceptsScalarAs(value, bit, schema, heat);
    if (v == Verdict::Yes) return std::nullopt;
    if (v == Verdict::Unknown) unknown = true;
  }
  if (unknown) return std::nullopt;
  return ScalarProblem{DiagnosticKind::WrongPropertyType,
                       fmt::format("must be {}, not {}",
                                   DescribeValueTypes(schema.types), shown),
                       std::nullopt};
}

auto Matches(const PyValue& value, const AllowedValue& allowed, bool heat)
    -> Verdict {
  switch (allowed.kind) {
    case AllowedValue::Kind::String: {
      if (value.type == PyType::Bool && !heat) {
        return Lower(allowed.text) == (value.boolean ? "true" : "false")
                   ? Verdict::Yes
                   : Verdict::No;
      }
      if (value.type == PyType::Float) return Verdict::Unknown;
      auto text = PythonStr(value);
      if (!text) return Verdict::Unknown;
      return *text == allowed.text ? Verdict::Yes : Verdict::No;
    }
    case AllowedValue::Kind::Number: {
      double number = 0;
      Verdict v = AsNumber(value, heat, &number, nullptr);
      if (v != Verdict::Yes) return v == Verdict::No ? Verdict::No : Verdict::Unknown;
      return number == allowed.number ? Verdict::Yes : Verdict::No;
    }
    case AllowedValue::Kind::Boolean:
      if (value.type != PyType::Bool) return Verdict::Unknown;
      return value.boolean == allowed.boolean ? Verdict::Yes : Verdict::No;
    case AllowedValue::Kind::Other:
      return Verdict::Unknown;
  }
  return Verdict::Unknown;
}

auto CheckAllowed(const PyValue& value, const PropertySchema& schema, bool heat,
                  std::string_view shown) -> std::optional<ScalarProblem> {
  if (schema.allowed_values.empty()) return std::nullopt;
  std::vector<std::string_view> names;
  for (const AllowedValue& allowed : schema.allowed_values) {
    Verdict v = Matches(value, allowed, heat);
    if (v != Verdict::No) return std::nullopt;
    names.push_back(allowed.text);
  }
  ScalarProblem problem{DiagnosticKind::PropertyValueNotAllowed, "", std::nullopt};
  std::optional<std::string_view> close;
  if (value.type == PyType::Str) close = SuggestSpelling(value.text, names);
  if (close) {
    problem.problem = fmt::format("is {}, which is not allowed; did you mean `{}`?",
                                  shown, *close);
    problem.suggestion = std::string(*close);
    return problem;
  }
  std::string list = QuotedList(names);
  problem.problem = fmt::format("is {}, which is not allowed; allowed: {}", shown, list);
  return problem;
}

auto CheckRange(const PyValue& value, const PropertySchema& schema, bool heat,
                std::string_view shown) -> std::optional<ScalarProblem> {
  if (!schema.min && !schema.max) return std::nullopt;
  if (!(schema.types & (kIntegerValue | kNumberValue))) return std::nullopt;
  double number = 0;
  if (AsNumber(value, heat, &number, nullptr) != Verdict::Yes) return std::nullopt;
  if (schema.min && number < *schema.min) {
    return ScalarProblem{DiagnosticKind::PropertyValueOutOfRange,
                         fmt::format("is {}, below the minimum {}", shown,
                                     FormatBound(*schema.min)),
                         std::nullopt};
  }
  if (schema.max && number > *schema.max) {
    return ScalarProblem{DiagnosticKind::PropertyValueOutOfRange,
                         fmt::format("is {}, above the maximum {}", shown,
                                     FormatBound(*schema.max)),
                         std::nullopt};
  }
  return std::nullopt;
}

auto CheckLength(const std::string& text, const PropertySchema& schema)
    -> std::optional<ScalarProblem> {
  if (!schema.min_length && !schema.max_length) return std::nullopt;
  double length = static_cast<double>(CodePointCount(text));
  if (schema.min_length && length < *schema.min_length) {
    return ScalarProblem{DiagnosticKind::PropertyValueOutOfRange,
                         fmt::format("is {} characters long, fewer than the minimum {}",
                                     FormatBound(length), FormatBound(*schema.min_length)),
                         std::nullopt};
  }
  if (schema.max_length && length > *schema.max_length) {
    return ScalarProblem{DiagnosticKind::PropertyValueOutOfRange,
                         fmt::format("is {} characters long, more than the maximum {}",
                                     FormatBound(length), FormatBound(*schema.max_length)),
                         std::nullopt};
  }
  return std::nullopt;
}

auto CheckPattern(const std::string& text, const PropertySchema& schema,
                  std::string_view shown) -> std::optional<ScalarProblem> {
  if (schema.pattern.empty()) return std::nullopt;
  const PythonPattern* pattern = CompiledPattern(schema.pattern, schema.pattern_search);
  if (!pattern) return std::nullopt;
  size_t end = 0;
  Verdict v = pattern->Match(text, &end);
  if (v == Verdict::Unknown) return std::nullopt;
  // Heat: re.match must reach the end of the value; a search only needs
  // to find the pattern somewhere.
  bool ok = v == Verdict::Yes &&
            (schema.pattern_search || end == CodePointCount(text));
  if (ok) return std::nullopt;
  return ScalarProblem{DiagnosticKind::PropertyPatternMismatch,
                       fmt::format("is {}, which does not match the pattern `{}`",
                                   shown, schema.pattern),
                       std::nullopt};
}

// cfn-lint's id formats (`AWS::EC2::Image.Id`); `format` may be the
// list's (`AWS::EC2::Subnet.Ids`) when the value is one of its items.
auto CheckFormat(const std::string& text, std::string_view format,
                 std::string_view shown) -> std::optional<ScalarProblem> {
  std::string_view pattern = FormatPattern(format);
  if (pattern.empty()) return std::nullopt;
  const PythonPattern* compiled = CompiledPattern(pattern, false);
  size_t end = 0;
  if (!compiled || compiled->Match(text, &end) != Verdict::No) return std::nullopt;
  std::string_view single = format.ends_with('s') ? format.substr(0, format.size() - 1)
                                                  : format;
  return ScalarProblem{DiagnosticKind::PropertyPatternMismatch,
                       fmt::format("is {}, which is not a valid `{}` (pattern `{}`)",
                                   shown, single, pattern),
                       std::nullopt};
}

// Heat's offline `ip_addr` constraint (oslo's is_valid_ip: an IPv4
// address in dotted-quad form, as inet_pton reads it, or an IPv6 one).
// The other offline constraints (`net_cidr`, `mac_addr`) follow netaddr's
// lenient parsers, which are not modelled.
auto CheckCustomConstraint(const std::string& text, const PropertySchema& schema,
                           std::string_view shown) -> std::optional<ScalarProblem> {
  if (schema.custom_constraint != "ip_addr") return std::nullopt;
  unsigned char buffer[sizeof(in6_addr)];
  if (inet_pton(AF_INET, text.c_str(), buffer) == 1 ||
      inet_pton(AF_INET6, text.c_str(), buffer) == 1) {
    return std::nullopt;
  }
  return ScalarProblem{DiagnosticKind::PropertyPatternMismatch,
                       fmt::format("is {}, which is not an IP address (Heat's "
                                   "custom constraint `ip_addr`)",
                                   shown),
                       std::nullopt};
}

}  // namespace

auto CheckScalarFormat(const PyValue& value, std::string_view format,
                       std::string_view shown) -> std::optional<ScalarProblem> {
  if (value.type != PyType::Str) return std::nullopt;
  return CheckFormat(value.text, format, shown);
}

auto CheckScalar(const PyValue& value, const PropertySchema& schema, bool heat,
                 std::string_view shown) -> std::optional<ScalarProblem> {
  if (value.type == PyType::None || value.type == PyType::Unknown) {
    return std::nullopt;
  }
  if (auto p = CheckType(value, schema, heat, shown)) return p;
  if (auto p = CheckAllowed(value, schema, heat, shown)) return p;
  if (auto p = CheckRange(value, schema, heat, shown)) return p;
  // Lengths and patterns are about strings (Heat: str() of the value).
  bool string_schema = (schema.types & kStringValue) &&
                       !(schema.types & (kIntegerValue | kNumberValue));
  if (!string_schema || value.type == PyType::Float) return std::nullopt;
  auto text = PythonStr(value);
  if (!text) return std::nullopt;
  if (!heat && value.type != PyType::Str) return std::nullopt;
  if (auto p = CheckLength(*text, schema)) return p;
  if (auto p = CheckPattern(*text, schema, shown)) return p;
  if (heat) return CheckCustomConstraint(*text, schema, shown);
  return CheckFormat(*text, schema.format, shown);
}

}  // namespace isobar
