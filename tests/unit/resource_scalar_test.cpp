// One scalar against one property schema (analysis/resources/
// scalar_checks.h): Heat's conversions against cfn-lint's.
#include <catch2/catch.hpp>

#include "analysis/resources/scalar_checks.h"

namespace isobar {
namespace {

auto Str(std::string text) -> PyValue {
  PyValue v;
  v.type = PyType::Str;
  v.text = std::move(text);
  return v;
}

auto Int(int64_t n) -> PyValue {
  PyValue v;
  v.type = PyType::Int;
  v.number = static_cast<double>(n);
  v.integer = n;
  return v;
}

auto Schema(uint8_t types) -> PropertySchema {
  PropertySchema s;
  s.types = types;
  return s;
}

// The kind of problem, or nullopt when the value passes.
auto Problem(const PyValue& value, const PropertySchema& schema, bool heat)
    -> std::optional<DiagnosticKind> {
  auto p = CheckScalar(value, schema, heat, "`v`");
  return p ? std::optional(p->kind) : std::nullopt;
}

TEST_CASE("types after Heat's and cfn-lint's conversions", "[resources]") {
  PropertySchema integer = Schema(kIntegerValue);
  for (bool heat : {true, false}) {
    INFO(heat);
    CHECK(!Problem(Str("3"), integer, heat));
    CHECK(Problem(Str("three"), integer, heat) == DiagnosticKind::WrongPropertyType);
    CHECK(Problem(Str("1.5"), integer, heat) == DiagnosticKind::WrongPropertyType);
    CHECK(!Problem(Int(3), Schema(kStringValue), heat));
  }
  PropertySchema boolean = Schema(kBooleanValue);
  // Heat's bool_from_string reads `yes` and `1`; cfn-lint only true/false.
  CHECK(!Problem(Str("yes"), boolean, true));
  CHECK(Problem(Str("yes"), boolean, false) == DiagnosticKind::WrongPropertyType);
  CHECK(!Problem(Str("True"), boolean, false));
  CHECK(Problem(Str("maybe"), boolean, true) == DiagnosticKind::WrongPropertyType);
  // allow_conversion: Heat reads a delimited string as a list.
  PropertySchema list = Schema(kListValue);
  CHECK(Problem(Str("a,b"), list, true) == DiagnosticKind::WrongPropertyType);
  list.allow_conversion = true;
  CHECK(!Problem(Str("a,b"), list, true));
  CHECK(Problem(Str("a,b"), list, false) == DiagnosticKind::WrongPropertyType);
  // cfn-lint reads JSON text for a policy document.
  PropertySchema policy = Schema(kMapValue);
  policy.format = "json";
  CHECK(!Problem(Str("{}"), policy, false));
}

TEST_CASE("allowed values, ranges, lengths, patterns, formats", "[resources]") {
  PropertySchema type = Schema(kStringValue);
  type.allowed_values = {{AllowedValue::Kind::String, "PING"},
                         {AllowedValue::Kind::String, "TCP"}};
  auto p = CheckScalar(Str("ping"), type, true, "`ping`");
  REQUIRE(p);
  CHECK(p->kind == DiagnosticKind::PropertyValueNotAllowed);
  CHECK(p->suggestion == "PING");
  CHECK(!Problem(Str("TCP"), type, true));

  PropertySchema retries = Schema(kIntegerValue);
  retries.min = 1;
  retries.max = 10;
  CHECK(Problem(Int(11), retries, true) == DiagnosticKind::PropertyValueOutOfRange);
  CHECK(Problem(Str("0"), retries, false) == DiagnosticKind::PropertyValueOutOfRange);
  CHECK(!Problem(Int(10), retries, true));

  PropertySchema name = Schema(kStringValue);
  name.max_length = 3;
  CHECK(Problem(Str("abcd"), name, true) == DiagnosticKind::PropertyValueOutOfRange);
  // Characters, not bytes.
  CHECK(!Problem(Str("\xC3\xA9t\xC3\xA9"), name, true));

  // Heat: re.match must reach the end; CloudFormation: a search.
  PropertySchema device = Schema(kStringValue);
  device.pattern = "/dev/vd[b-z]";
  CHECK(!Problem(Str("/dev/vdb"), device, true));
  CHECK(Problem(Str("/dev/vdb1"), device, true) == DiagnosticKind::PropertyPatternMismatch);
  device.pattern_search = true;
  CHECK(!Problem(Str("x/dev/vdb1"), device, false));

  PropertySchema image = Schema(kStringValue);
  image.format = "AWS::EC2::Image.Id";
  CHECK(Problem(Str("ami-123456"), image, false) == DiagnosticKind::PropertyPatternMismatch);
  CHECK(!Problem(Str("ami-12345678"), image, false));
  // Heat names images freely.
  CHECK(!Problem(Str("ami-123456"), image, true));

  PropertySchema ip = Schema(kStringValue);
  ip.custom_constraint = "ip_addr";
  CHECK(!Problem(Str("10.0.0.5"), ip, true));
  CHECK(!Problem(Str("fe80::1"), ip, true));
  CHECK(Problem(Str("10.0.0.256"), ip, true) == DiagnosticKind::PropertyPatternMismatch);
  CHECK(Problem(Str("10.0.0"), ip, true) == DiagnosticKind::PropertyPatternMismatch);
}

}  // namespace
}  // namespace isobar
