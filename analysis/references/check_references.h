// The reference check: reports every Unresolved reference of a
// ReferenceIndex at the name, with "did you mean" (and a fix-it) or a note
// where such names are declared. Templates with a CloudFormation
// `Transform` are left alone: SAM and AWS::LanguageExtensions declare
// resources, parameters and loop variables the template does not spell out.
#pragma once

#include "analysis/references/reference_index.h"
#include "diagnostics/emitter.h"

namespace isobar {

void CheckReferences(const Template& tmpl, const SymbolTable& symbols,
                     const ReferenceIndex& references,
                     DiagnosticEmitter& emitter);

}  // namespace isobar
