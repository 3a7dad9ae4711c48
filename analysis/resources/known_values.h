// The literal value a function call in a property stands for, when it is
// known before deployment: `get_param` (or Heat's CFN `Ref`) of a
// parameter whose value is given (-P, an environment) or defaulted, read
// as Heat converts it for the parameter's type. Everything else (get_attr,
// str_replace, a parameter without a value, a list or json parameter) is
// unknown, and the checks skip it.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "analysis/parameter_values.h"
#include "analysis/references/resolve.h"
#include "analysis/template_context.h"

namespace isobar {

struct KnownScalar {
  PyValue value;
  // The parameter the value comes from, and where its value is written
  // (null buffer for -P).
  std::string_view parameter;
  Location origin;
  ValueOrigin source = ValueOrigin::CommandLine;
  bool is_default = false;
};

class KnownValues {
 public:
  // `follow_parameters` false: nothing is known (CloudFormation meant for
  // AWS, where cfn-lint checks parameter values only as warnings).
  KnownValues(const Template& tmpl, const Resolution& resolution,
              const TemplateContext& context, bool follow_parameters);

  // The scalar the call `call` evaluates to, if known.
  auto Evaluate(uint32_t call) const -> std::optional<KnownScalar>;

 private:
  auto ParameterValue(uint32_t index) const -> std::optional<KnownScalar>;

  const Template& tmpl_;
  const Resolution& resolution_;
  const TemplateContext& context_;
  bool follow_parameters_;
  // The parameter a `get_param` call names, by call; kNoIndex when none.
  std::vector<uint32_t> parameter_of_call_;
};

}  // namespace isobar
