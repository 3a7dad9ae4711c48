#include "analysis/regions/region_rules.h"

namespace isobar {

void CheckRegionRules(const RegionFacts& facts, DiagnosticEmitter& emitter) {
  CheckServiceAvailability(facts, emitter);
  CheckZones(facts, emitter);
  CheckVolumeZones(facts, emitter);
  CheckUsEast1(facts, emitter);
  CheckArnRegions(facts, emitter);
  CheckRegionBoundParameters(facts, emitter);
}

}  // namespace isobar
