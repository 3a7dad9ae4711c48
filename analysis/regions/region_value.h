// What a region expression names. A resource's `region` key, or an
// OS::Heat::Stack's `context.region_name`, is a literal or a parameter
// (`get_param` / `Ref`), known from `-P`, an environment, a parent stack
// or, last, the parameter's default (SPEC.md §3). Anything else cannot be
// known before deployment.
#pragma once

#include <optional>
#include <string>

#include "analysis/references/resolve.h"
#include "analysis/template_context.h"

namespace isobar {

struct RegionValue {
  // Empty when not known; then `why_unknown` says why, for the message.
  std::string name;
  std::string why_unknown;
  // Where the name is written: the literal, the -P/environment value, or
  // the parameter's default. Empty for a -P value.
  Location where;
  // The parameter it came through, if any (for notes).
  std::string parameter;
  // `Ref: AWS::Region`: the region the stack is deployed to.
  bool stack_region = false;
  // Unknown because of a mistake another check reports (an undeclared
  // parameter): say nothing more.
  bool silent = false;

  auto known() const -> bool { return !name.empty() || stack_region; }
};

// Evaluates `node` of `tmpl` as a region expression.
auto EvaluateRegion(const Template& tmpl, const Resolution& resolution,
                    const TemplateContext& context, NodeId node)
    -> RegionValue;

}  // namespace isobar
