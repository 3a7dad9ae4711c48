// The structure check: is this the shape of a template Heat or
// CloudFormation would accept? Version, sections, resource, output and
// parameter keys, node kinds, parameter types. Meaning (functions,
// references) is checked by later passes.
#pragma once

#include "diagnostics/emitter.h"
#include "frontend/template.h"

namespace isobar {

void CheckStructure(const Template& tmpl, DiagnosticEmitter& emitter);

}  // namespace isobar
