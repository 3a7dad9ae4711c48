// The unused-parameter check (R160): a parameter no function reads is
// either a leftover or a misspelled name somewhere else; Heat and
// CloudFormation accept it, so this is a warning (cfn-lint W2001).
//
// A parameter counts as used when a resolved reference names it anywhere
// the function index walks (properties, metadata, outputs, conditions,
// the region dialect ...) or, for CloudFormation, in a `Rules` assertion.
// Templates whose parameter names are computed (`get_param` of a
// `get_param`) or rewritten by a `Transform` are not checked.
#pragma once

#include "analysis/references/resolve.h"
#include "diagnostics/emitter.h"

namespace isobar {

void CheckUnusedParameters(const Template& tmpl, const Resolution& resolution,
                           DiagnosticEmitter& emitter);

}  // namespace isobar
