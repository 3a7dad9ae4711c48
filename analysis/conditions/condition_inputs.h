// What a condition may read: parameter values and pseudo parameters, as
// the engine would see them for one deployment. A value is Known only when
// isobar is sure of it; everything else (a parameter with no value, a
// value read from SSM, a list, a pseudo parameter nobody gave) is unknown,
// and the condition evaluator then answers Unknown rather than guess.
#pragma once

#include <optional>
#include <string_view>

#include "analysis/parameter_values.h"
#include "analysis/template_context.h"
#include "frontend/template.h"

namespace isobar {

struct ConditionInputs {
  // Values given for this run (-P, environment files, a parent stack).
  // Null means none.
  const TemplateContext* context = nullptr;
  // Whether a parameter without a given value takes its `default`. Off,
  // the evaluation holds for every value a deployer could pass.
  bool use_defaults = false;
  // AWS::Region when known (`--home-region`); empty when not.
  std::string_view region;
};

// A scalar a condition compares. For HOT, the Python value Heat's
// get_param returns; for CloudFormation, the string CloudFormation
// compares (`numeric` when it was written as a number, where `1` and
// `1.0` may or may not be equal).
struct InputValue {
  PyValue value;
  bool numeric = false;
  // True when the value came from `context` or `region`, not the template.
  bool given = false;
};

// The value of the parameter `name` under `inputs`, typed as `tmpl`'s
// engine types it; nullopt when unknown. `declared` is its declaration, or
// null for a pseudo parameter.
auto ParameterInput(const Template& tmpl, const Parameter* declared,
                    std::string_view name, const ConditionInputs& inputs)
    -> std::optional<InputValue>;

// A literal scalar of the template as a condition compares it; nullopt for
// collections and for scalars whose reading is uncertain.
auto LiteralInput(const Template& tmpl, NodeId node)
    -> std::optional<InputValue>;

}  // namespace isobar
