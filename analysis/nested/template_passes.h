// The passes every HOT or CloudFormation template goes through, in order,
// whether it is a file of the run or a template one of them nests:
// structure, parameters, resolve, resources, unused parameters,
// dependencies, region placement, cross-region references and the region
// rules.
#pragma once

#include <functional>
#include <memory>

#include "analysis/nested/stack_tree.h"
#include "analysis/regions/region_facts.h"
#include "diagnostics/emitter.h"

namespace isobar {

// Called with what the checks of a template found, after they ran, while
// it is alive (for `isobar graph`).
using TemplateVisitor = std::function<void(const RegionFacts&)>;

auto RunTemplatePasses(const Template& tmpl, const TemplateContext& context,
                       const RegionOptions& regions, DiagnosticEmitter& emitter,
                       const TemplateVisitor* visit = nullptr)
    -> std::unique_ptr<AnalysedTemplate>;

}  // namespace isobar
