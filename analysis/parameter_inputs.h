// Parameter values against the parameters they are given for: the values
// of -P, of environment files and of a parent stack's properties are
// checked exactly as defaults are (analysis/parameter_check.h), names the
// template does not declare are reported as Heat reports them, and, when
// the run supplies values, required parameters left without one.
//
// Heat's rules (heat/engine/parameters.py, environment.py): `parameters`
// (and -P, which the API merges into them) must all be declared
// ("The Parameter (x) was not defined in template"); `parameter_defaults`
// may name anything, since they are also meant for nested stacks; a
// parameter without a default and without a value fails the stack
// ("The Parameter (x) was not provided").
#pragma once

#include <string>

#include "analysis/template_context.h"
#include "diagnostics/emitter.h"
#include "frontend/template.h"

namespace isobar {

struct ParameterInputOptions {
  // Report a parameter with neither a default nor a value (R253): the run
  // supplies values (-P, -e), or a parent stack creates the template, so
  // the values are all there will be.
  bool require_values = false;
  // For a nested template: the name of the resource that creates it and
  // where, so R253 is reported at the parent's use.
  std::string stack_name;
  Location created_at;
  // When the template comes from a `resource_registry` entry: where, for a
  // note on the diagnostics reported at the parent.
  Location mapped_at;
};

void CheckParameterInputs(const Template& tmpl, const TemplateContext& context,
                          const ParameterInputOptions& options,
                          DiagnosticEmitter& emitter);

}  // namespace isobar
