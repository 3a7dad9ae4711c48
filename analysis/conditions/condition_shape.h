// What a condition definition may be, shared by the shape check (R230) and
// the evaluator so that both read a definition alike.
//
// Heat (heat/engine/conditions.py, _check_condition_type) accepts a
// boolean or a function, nothing else: not a condition name, not a
// number, not a plain mapping. CloudFormation's condition functions are
// Fn::Equals, Fn::And, Fn::Or, Fn::Not and Condition; cfn-lint (E8001)
// also accepts a boolean, and the strings `true` and `false`.
#pragma once

#include <optional>

#include "analysis/references/resolve.h"

namespace isobar {

// The boolean a plain scalar stands for where a condition is expected
// (`true`, and for YAML 1.1 also `yes`, `on`, ...); nullopt otherwise.
auto ConditionBoolean(const Template& tmpl, NodeId node) -> std::optional<bool>;

// The boolean a whole condition definition stands for: ConditionBoolean,
// and for CloudFormation also the strings cfn-lint reads as booleans.
auto DefinitionBoolean(const Template& tmpl, NodeId node)
    -> std::optional<bool>;

// The call a definition is, when it is a function the definition may be:
// any live call for HOT, a condition function for CloudFormation; kNoCall
// otherwise.
auto DefinitionCall(const Template& tmpl, const Resolution& resolution,
                    NodeId node) -> uint32_t;

}  // namespace isobar
