#include "analysis/regions/cross_region.h"

#include "analysis/regions/property_walk.h"

namespace isobar {

namespace {

// An object any region may use: a global type, a global kind (Keystone),
// or a service the profile shares across regions.
auto IsReachable(const RegionFacts& facts, std::string_view kind,
                 const ResourceType* source) -> bool {
  if (kind.starts_with("keystone.")) return true;
  if (!source) return false;
  if (source->scope == ResourceScope::Global) return true;
  return facts.profile && facts.profile->IsShared(source->service);
}

auto RegionIn(const RegionFacts& facts, const UseRegions* use, uint32_t r)
    -> std::string {
  return use ? use->region_of(r) : facts.RegionOf(r);
}

auto PlacementOf(const RegionFacts& facts, const UseRegions* use, uint32_t r)
    -> std::pair<Location, std::string> {
  if (use) return use->placement_note(r);
  return {facts.PlacedAt(r), facts.PlacementNote(r)};
}

}  // namespace

auto ClassifyValue(const RegionFacts& consumer, const PropertySchema* schema,
                   bool identity, std::string_view producer_region,
                   const ResourceType* producer) -> CrossingKind {
  if (!identity || !schema || schema->identity_kind.empty()) {
    return CrossingKind::Data;
  }
  // An object that must live in one fixed region (what CloudFront uses)
  // may be used from anywhere, but only from there.
  if (!schema->required_region.empty()) {
    return producer_region == schema->required_region ? CrossingKind::Data
                                                      : CrossingKind::Identity;
  }
  return IsReachable(consumer, schema->identity_kind, producer)
             ? CrossingKind::Data
             : CrossingKind::Identity;
}

auto ClassifyCrossings(const RegionFacts& facts, const UseRegions* use)
    -> std::vector<RegionCrossing> {
  std::vector<RegionCrossing> crossings;
  std::vector<std::string> regions;
  for (uint32_t r = 0; r < facts.tmpl.resources.size(); ++r) {
    regions.push_back(RegionIn(facts, use, r));
  }
  auto crosses = [&](uint32_t consumer, uint32_t producer) {
    const std::string& theirs = regions[producer];
    return !theirs.empty() && !regions[consumer].empty() &&
           theirs != regions[consumer];
  };
  for (uint32_t owner = 0; owner < facts.tmpl.resources.size(); ++owner) {
    if (regions[owner].empty()) continue;
    WalkProperties(facts, owner, [&](const PropertyValue& value) {
      if (value.call == kNoCall) return;
      for (const Reference* ref : facts.ResourceRefsOf(value.call)) {
        uint32_t producer = ref->target->index;
        if (!crosses(owner, producer)) continue;
        std::string_view required =
            value.schema ? std::string_view(value.schema->required_region)
                         : std::string_view();
        crossings.push_back({owner, producer, ref,
                             ClassifyValue(facts, value.schema, value.identity,
                                           regions[producer],
                                           facts.TypeOf(producer)),
                             *value.path,
                             required});
      }
    });
  }
  for (const Reference& ref : facts.resolution.references.references) {
    if (ref.context != ValueContext::ResourceDependsOn ||
        ref.state != ReferenceState::Resolved || !ref.target ||
        ref.target->kind != SymbolKind::Resource) {
      continue;
    }
    if (crosses(ref.owner, ref.target->index)) {
      crossings.push_back(
          {ref.owner, ref.target->index, &ref, CrossingKind::Ordering, "", ""});
    }
  }
  return crossings;
}

void CheckCrossRegionReferences(const RegionFacts& facts,
                                DiagnosticEmitter& emitter,
                                const CrossingFilter& filter,
                                const UseRegions* use) {
  if (!use && !facts.placement.multi_region()) return;
  const Document& doc = facts.doc;
  for (const RegionCrossing& c : ClassifyCrossings(facts, use)) {
    if (filter && !filter(c)) continue;
    const std::string mine = RegionIn(facts, use, c.consumer);
    const std::string theirs = RegionIn(facts, use, c.producer);
    auto [producer_at, producer_note] = PlacementOf(facts, use, c.producer);
    auto [consumer_at, consumer_note] = PlacementOf(facts, use, c.consumer);
    const std::string& consumer = facts.tmpl.resources[c.consumer].name;
    const std::string& source = facts.tmpl.resources[c.producer].name;
    Location at = doc.LocationOf(c.reference->range);
    if (!c.required_region.empty() && c.kind == CrossingKind::Identity) {
      // The us-east-1 rule (R409) says what is wrong and what to do.
      continue;
    }
    if (c.kind == CrossingKind::Identity) {
      emitter
          .Build(DiagnosticKind::CrossRegionIdentityReference, at,
                 "`{}` of `{}` names `{}` in region {}, but `{}` is in region "
                 "{}; `{}` ({}) can only use objects of its own region: move "
                 "one of them, or create a copy in {}",
                 c.path, consumer, source, theirs, consumer, mine, consumer,
                 facts.TypeName(c.consumer), mine)
          .Region(mine)
          .OtherRegion(theirs)
          .Note(producer_at, "{}", producer_note)
          .Note(consumer_at, "{}", consumer_note)
          .Emit();
    } else if (c.kind == CrossingKind::Data) {
      emitter
          .Build(DiagnosticKind::CrossRegionDataReference, at,
                 "`{}` of `{}` ({}) reads a value of `{}` ({}); the plan "
                 "passes it across as an output of the {} stack",
                 c.path, consumer, mine, source, theirs, theirs)
          .Region(mine)
          .OtherRegion(theirs)
          .Note(producer_at, "{}", producer_note)
          .Emit();
    }
  }
}

}  // namespace isobar
