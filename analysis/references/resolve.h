// The resolve phase: what a template's function calls and names mean.
//
//   Resolution resolution = ResolveTemplate(tmpl, emitter);
//
// It indexes every intrinsic function call (analysis/functions/
// function_index.h), checks each against the template version and its
// argument rule (check_functions.h), resolves every reference to a
// resource, parameter, condition or mapping (reference_index.h) and
// reports the ones that name nothing (check_references.h). The result is
// data for later passes: the dependency graph, regions, plans.
// docs/resolve.md describes the design.
#pragma once

#include "analysis/functions/check_functions.h"
#include "analysis/functions/function_index.h"
#include "analysis/references/reference_index.h"
#include "analysis/references/symbol_table.h"
#include "diagnostics/emitter.h"

namespace isobar {

struct Resolution {
  explicit Resolution(const Template& tmpl) : symbols(tmpl) {}

  FunctionIndex functions;
  FunctionCheckResult checked;
  SymbolTable symbols;
  ReferenceIndex references;
};

// Runs the phase on a HOT or CloudFormation template; for an environment
// file or a non-template the result is empty and nothing is reported.
// `tmpl` must outlive the result, which points into its Document.
auto ResolveTemplate(const Template& tmpl, DiagnosticEmitter& emitter)
    -> Resolution;

}  // namespace isobar
