// Walks the property values of one resource with their catalog schema,
// the way the region rules read them: through `if` / `Fn::If` (the chosen
// branch is the value itself) and into the arguments of every other
// function (what they read becomes data of a new value).
#pragma once

#include <functional>
#include <string>

#include "analysis/regions/region_facts.h"

namespace isobar {

struct PropertyValue {
  // A scalar, or the mapping of a function call.
  NodeId node = kNoNode;
  // The call at `node`, or kNoCall for a scalar.
  uint32_t call = kNoCall;
  // The schema of the property the value is for; null when unknown or
  // when a function builds a new value out of it.
  const PropertySchema* schema = nullptr;
  // `DistributionConfig.Aliases[0]`, `user_data.$db`: for messages.
  const std::string* path = nullptr;
  // False once a function other than if / a one-variable Fn::Sub has made
  // a new value from this one: it is data, not the named object.
  bool identity = true;
};

// Calls `visit` for every scalar and every function call under the
// properties of resource `index`, each (node, schema) once.
void WalkProperties(const RegionFacts& facts, uint32_t index,
                    const std::function<void(const PropertyValue&)>& visit);

// The same walk over one value outside a resource's properties (a nested
// stack's output, a parameter value a parent passes), with no schema:
// `identity` says whether the value is still the named object.
void WalkValue(const RegionFacts& facts, NodeId value, const std::string& path,
               const std::function<void(const PropertyValue&)>& visit);

}  // namespace isobar
