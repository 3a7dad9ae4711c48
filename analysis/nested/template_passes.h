// The passes every HOT or CloudFormation template goes through, in order,
// whether it is a file of the run or a template one of them nests:
// structure, parameters, resolve, unused parameters, dependencies, region
// placement and cross-region references.
#pragma once

#include <memory>

#include "analysis/nested/stack_tree.h"
#include "diagnostics/emitter.h"

namespace isobar {

auto RunTemplatePasses(const Template& tmpl, const TemplateContext& context,
                       const RegionOptions& regions, DiagnosticEmitter& emitter)
    -> std::unique_ptr<AnalysedTemplate>;

}  // namespace isobar
