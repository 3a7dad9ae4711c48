// What availability zone an expression names, as far as it can be known
// before deployment: a literal, a parameter with a value, or the i-th
// entry of a `Fn::GetAZs` list. Two zones compare by key: equal keys are
// the same zone, different keys different zones (distinct indices of one
// GetAZs list are distinct zones).
#pragma once

#include <optional>
#include <string>

#include "analysis/regions/region_facts.h"

namespace isobar {

struct ZoneValue {
  std::string key;
  // For messages: `us-east-1a`, `zone 0 of Fn::GetAZs`.
  std::string shown;
  // Where the zone is written (the literal, the parameter's value).
  Location where;
};

// The zone `node` names, or nullopt when it is not known statically.
auto EvaluateZone(const RegionFacts& facts, NodeId node)
    -> std::optional<ZoneValue>;

}  // namespace isobar
