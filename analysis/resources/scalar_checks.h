// Checks of one scalar value against a property schema: its type (after
// the conversions Heat or cfn-lint apply), allowed values, numeric range,
// length and pattern. Collections are the property checker's business.
#pragma once

#include <optional>
#include <string>

#include "analysis/parameter_values.h"
#include "catalog/catalog.h"
#include "diagnostics/diagnostic.h"

namespace isobar {

// What is wrong with a scalar: the kind, the rest of a message that
// starts with the property (", which is not allowed; ..."), and a
// drop-in replacement for the value if one is likely.
struct ScalarProblem {
  DiagnosticKind kind = DiagnosticKind::WrongPropertyType;
  std::string problem;
  std::optional<std::string> suggestion;
};

// `heat`: Heat's conversions (int(), str_to_num, bool_from_string,
// allow_conversion); otherwise cfn-lint's non-strict ones ("true" and
// "123" pass for booleans and integers). `shown` names the value in
// messages (`` `abc` `` or "the value of parameter `p`").
auto CheckScalar(const PyValue& value, const PropertySchema& schema, bool heat,
                 std::string_view shown) -> std::optional<ScalarProblem>;

// An item of a CloudFormation list whose `format` is a list of ids
// (`AWS::EC2::Subnet.Ids`): the item's shape.
auto CheckScalarFormat(const PyValue& value, std::string_view format,
                       std::string_view shown) -> std::optional<ScalarProblem>;

// Bounds as messages print them: `10`, `0.5`.
auto FormatBound(double bound) -> std::string;

}  // namespace isobar
