// Checks from the resource catalog (docs/catalog.md, "Checks"): resource
// types (R301 unknown, R302 deprecated), properties against the type's
// schema (R303-R310, R313) and attribute names (R311, R312), for HOT and
// CloudFormation.
//
//   CheckResources(tmpl, resolution, context, emitter);
//
// `context` supplies the types an environment's resource_registry adds
// and parameter values (-P, environments) that make `get_param` values
// known. Nothing is reported for a value the pass cannot know.
#pragma once

#include "analysis/references/resolve.h"
#include "analysis/template_context.h"
#include "diagnostics/emitter.h"

namespace isobar {

void CheckResources(const Template& tmpl, const Resolution& resolution,
                    const TemplateContext& context, DiagnosticEmitter& emitter);

}  // namespace isobar
