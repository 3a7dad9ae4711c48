// The function check: every call of the FunctionIndex against its template
// version (removed, not yet in this version, unknown, not allowed in a
// condition) and against its argument rule (analysis/functions/
// argument_rules.h).
#pragma once

#include <cstdint>
#include <vector>

#include "analysis/functions/function_index.h"
#include "diagnostics/emitter.h"

namespace isobar {

struct FunctionCheckResult {
  // Per call of the index: true when the call is one Heat or CloudFormation
  // evaluates (status Live) and its arguments have the right shape. Only
  // such calls get their references checked, so one mistake gives one
  // diagnostic.
  std::vector<bool> well_formed;
};

auto CheckFunctions(const Template& tmpl, const FunctionIndex& index,
                    DiagnosticEmitter& emitter) -> FunctionCheckResult;

}  // namespace isobar
