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
// what it reads is data. A property that must name an object of one fixed
// region (PropertySchema::required_region) crosses as identity when the
// object is elsewhere, but the us-east-1 rule (R409) reports it.
#pragma once

#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "analysis/regions/region_facts.h"

namespace isobar {

enum class CrossingKind : uint8_t {
  // A regional object named from another region: infeasible.
  Identity,
  // A value carried across: the plan passes it.
  Data,
  // depends_on alone: the plan orders the stacks.
  Ordering,
};

// One reference from a resource to a resource placed in another region.
struct RegionCrossing {
  uint32_t consumer = 0;
  uint32_t producer = 0;
  const Reference* reference = nullptr;
  CrossingKind kind = CrossingKind::Data;
  // The consuming property (`SubnetId`, `user_data.$db`); empty for
  // ordering.
  std::string path;
  // The region the property's object must be in, when fixed (us-east-1
  // for what CloudFront uses); empty otherwise.
  std::string_view required_region;
};

// How a value of a resource of type `producer` in `producer_region` that
// reaches a property (`schema`, null when unknown; `identity` false once a
// function made a new value) crosses into another region. Shared with the
// pass that follows values through nested stacks (nested_flow.h).
auto ClassifyValue(const RegionFacts& consumer, const PropertySchema* schema,
                   bool identity, std::string_view producer_region,
                   const ResourceType* producer) -> CrossingKind;

// The regions of one use of a template other than the one it was analysed
// with (a child created by stacks in several regions): each resource's
// region in that use, and the note saying how it got it.
struct UseRegions {
  std::function<std::string(uint32_t)> region_of;
  std::function<std::pair<Location, std::string>(uint32_t)> placement_note;
};

// Every crossing of the template, in the order of the consumers and then
// of their properties, with the regions of `use` when given. The graph
// styles its edges with the same answer.
auto ClassifyCrossings(const RegionFacts& facts, const UseRegions* use = nullptr)
    -> std::vector<RegionCrossing>;

// Which crossings a caller wants reported; null: all.
using CrossingFilter = std::function<bool(const RegionCrossing&)>;

// Reports the identity (R401) and data (R402) crossings that `filter`
// keeps. Crossings into or out of nested stacks (their properties are a
// nested template's parameters, their attributes its outputs) are left to
// the nested-stack pass (nested_flow.h), which sees which resource the
// value really is and where it goes.
void CheckCrossRegionReferences(const RegionFacts& facts,
                                DiagnosticEmitter& emitter,
                                const CrossingFilter& filter = nullptr,
                                const UseRegions* use = nullptr);

}  // namespace isobar
