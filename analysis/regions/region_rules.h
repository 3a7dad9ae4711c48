// The region rules beyond placement and cross-region references
// (SPEC.md §3, "Other region rules"), each in a file of its own. They run
// after CheckCrossRegionReferences on the same RegionFacts and only read
// it. A rule that needs a fact the template does not state (the region of
// a resource in a single-region template deployed wherever, a zone given
// by a parameter without a value) stays silent.
#pragma once

#include "analysis/regions/region_facts.h"

namespace isobar {

// R405: a resource whose service (OpenStack, against the profile's
// `services`) or type (AWS, against the catalog's regions) its region
// lacks. service_availability.cpp
void CheckServiceAvailability(const RegionFacts& facts,
                              DiagnosticEmitter& emitter);

// R406: an availability zone of another region, or one its region does
// not have. zones.cpp
void CheckZones(const RegionFacts& facts, DiagnosticEmitter& emitter);

// R407 / R408: a volume attached to a server in another availability
// zone. volume_zones.cpp
void CheckVolumeZones(const RegionFacts& facts, DiagnosticEmitter& emitter);

// R409: what CloudFront uses must live in us-east-1. us_east_1.cpp
void CheckUsEast1(const RegionFacts& facts, DiagnosticEmitter& emitter);

// R410: a literal ARN of another region on an identity property. arn.cpp
void CheckArnRegions(const RegionFacts& facts, DiagnosticEmitter& emitter);

// R411: one value of a region-bound AWS parameter type used in several
// regions. region_bound_parameters.cpp
void CheckRegionBoundParameters(const RegionFacts& facts,
                                DiagnosticEmitter& emitter);

// All of the above, in that order.
void CheckRegionRules(const RegionFacts& facts, DiagnosticEmitter& emitter);

}  // namespace isobar
