// Cross-region references (SPEC.md §3): for every value a resource's
// properties take from a resource placed in another region, whether the
// property names an object of a regional service (an identity reference:
// R401, an error, unless the object is global or its service is shared)
// or only carries data across (R402, info: the plan passes the value).
// `depends_on` alone is ordering, which the plan handles silently.
//
// Which properties name regional objects comes from the catalog's region
// facts (PropertySchema::identity_kind). A reference keeps its identity
// through `if` / `Fn::If` and a `Fn::Sub` that is one variable; any other
// function (str_replace, list_join, Fn::Join, ...) makes a new value, so
// what it reads is data.
#pragma once

#include "analysis/regions/placement.h"

namespace isobar {

void CheckCrossRegionReferences(const Template& tmpl,
                                const Resolution& resolution,
                                const RegionPlacement& placement,
                                const CloudProfile* profile,
                                DiagnosticEmitter& emitter);

}  // namespace isobar
