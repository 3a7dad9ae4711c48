#include "analysis/nested/template_passes.h"

#include "analysis/graph/check_cycles.h"
#include "analysis/parameter_check.h"
#include "analysis/regions/cross_region.h"
#include "analysis/structure_check.h"
#include "analysis/unused_parameters.h"

namespace isobar {

auto RunTemplatePasses(const Template& tmpl, const TemplateContext& context,
                       const RegionOptions& regions, DiagnosticEmitter& emitter)
    -> std::unique_ptr<AnalysedTemplate> {
  CheckStructure(tmpl, emitter);
  CheckParameters(tmpl, emitter);
  auto analysed =
      std::make_unique<AnalysedTemplate>(ResolveTemplate(tmpl, emitter));
  const Resolution& resolution = analysed->resolution;
  CheckUnusedParameters(tmpl, resolution, emitter);
  CheckDependencies(tmpl, resolution, emitter);
  analysed->placement =
      PlaceResources(tmpl, resolution, context, regions, emitter);
  CheckCrossRegionReferences(tmpl, resolution, analysed->placement,
                             regions.profile, emitter);
  return analysed;
}

}  // namespace isobar
