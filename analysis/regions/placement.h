// Region placement: the region of every resource of one template, as
// SPEC.md §3 orders it: the resource's own `region` (HOT) / `Region`
// (CFN) key, else the region the enclosing stack places this template in
// (an OS::Heat::Stack's `context.region_name`, passed down by the caller),
// else the home region (`--home-region`, the profile's, else `home`).
//
// It reports a region expression that cannot be known statically (R404)
// and, when a profile lists the regions, a region it does not list
// (R403). The placement is data for the cross-region rules and the plan.
#pragma once

#include <string>
#include <vector>

#include "analysis/regions/region_value.h"
#include "diagnostics/emitter.h"
#include "frontend/cloud_profile.h"

namespace isobar {

struct RegionOptions {
  // The profile the regions are checked against; null: names are not
  // checked (SPEC.md §4).
  const CloudProfile* profile = nullptr;
  // `--home-region`, else the profile's, else `home`.
  std::string home_region;
  // The region the parent stack places this template in, if any, and
  // where that is decided (for notes).
  std::string inherited_region;
  Location inherited_where;
};

enum class PlacementSource : uint8_t { OwnKey, Inherited, Home };

struct Placement {
  // Empty when unknown (already reported).
  std::string region;
  PlacementSource source = PlacementSource::Home;
  // Where the region is decided: the region key's value, the parameter
  // default, the parent's context; empty for the home region.
  Location where;
};

struct RegionPlacement {
  std::string home_region;
  // Parallel to Template::resources.
  std::vector<Placement> resources;
  // Parallel to Template::resources: for an OS::Heat::Stack with
  // `context.region_name`, the region its template is created in.
  std::vector<Placement> nested;

  // True when some resource is in a region other than the home region:
  // the template uses the multi-region dialect.
  auto multi_region() const -> bool;
};

// The home region the options and the profile give.
auto HomeRegion(const RegionOptions& options) -> std::string;

auto PlaceResources(const Template& tmpl, const Resolution& resolution,
                    const TemplateContext& context,
                    const RegionOptions& options, DiagnosticEmitter& emitter)
    -> RegionPlacement;

}  // namespace isobar
