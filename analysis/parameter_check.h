// The parameter check: do a template's parameter definitions hold up the
// way Heat and CloudFormation validate them? Defaults against their types
// and constraints, constraint arguments, custom constraint names, and HOT
// `parameter_groups`. Keys, types and constraint keys themselves are the
// structure check's (analysis/structure_check.h).
//
// Every verdict follows Heat 19's own code (heat/engine/parameters.py,
// hot/parameters.py, constraints.py, parameter_groups.py), with values
// typed as PyYAML types them. For templates AWS CloudFormation may deploy
// too (`AWSTemplateFormatVersion`, or no version), a problem is reported
// only when CloudFormation, as cfn-lint 1.51 models it, refuses it as well.
// Defaults given as functions, and defaults that cannot be typed for
// certain, are not checked. A hidden (`hidden`, `NoEcho`) default never
// appears in a message.
#pragma once

#include "diagnostics/emitter.h"
#include "frontend/template.h"

namespace isobar {

void CheckParameters(const Template& tmpl, DiagnosticEmitter& emitter);

}  // namespace isobar
