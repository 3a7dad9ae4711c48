#include "analysis/nested/template_passes.h"

#include "analysis/conditions/check_conditions.h"
#include "analysis/graph/check_cycles.h"
#include "analysis/nested/nested_uses.h"
#include "analysis/parameter_check.h"
#include "analysis/regions/cross_region.h"
#include "analysis/regions/region_rules.h"
#include "analysis/resources/check_resources.h"
#include "analysis/structure_check.h"
#include "analysis/unused_parameters.h"

namespace isobar {

auto RunTemplatePasses(const Template& tmpl, const TemplateContext& context,
                       const RegionOptions& regions, DiagnosticEmitter& emitter,
                       const TemplateVisitor* visit)
    -> std::unique_ptr<AnalysedTemplate> {
  CheckStructure(tmpl, emitter);
  CheckParameters(tmpl, emitter);
  auto analysed =
      std::make_unique<AnalysedTemplate>(ResolveTemplate(tmpl, emitter));
  const Resolution& resolution = analysed->resolution;
  CheckResources(tmpl, resolution, context, emitter);
  CheckUnusedParameters(tmpl, resolution, emitter);
  // AWS::Region is known to conditions only when the user names it.
  CheckConditions(tmpl, resolution, context, regions.home_region, emitter);
  CheckDependencies(tmpl, resolution, emitter);
  analysed->placement =
      PlaceResources(tmpl, resolution, context, regions, emitter);
  analysed->facts = std::make_unique<RegionFacts>(
      tmpl, resolution, context, regions, analysed->placement);
  const RegionFacts& facts = *analysed->facts;
  analysed->uses = FindNestedUses(tmpl, resolution, context);
  // Values into and out of nested stacks cross where the child uses or
  // makes them: the nested-stack pass (regions/nested_flow.h) reports them.
  std::vector<bool> nested_stacks(tmpl.resources.size(), false);
  for (const NestedUse& use : analysed->uses.stacks) {
    nested_stacks[use.resource] = true;
  }
  CheckCrossRegionReferences(facts, emitter, [&](const RegionCrossing& c) {
    return !nested_stacks[c.consumer] && !nested_stacks[c.producer];
  });
  CheckRegionRules(facts, emitter);
  if (visit) (*visit)(facts);
  return analysed;
}

}  // namespace isobar
