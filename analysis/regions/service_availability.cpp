// R405: a resource whose service its region does not offer. OpenStack
// regions list their services in the profile (SPEC.md §4); AWS regions
// offer resource types, which the catalog records per region.
#include <fmt/format.h>

#include <algorithm>

#include "analysis/regions/region_rules.h"
#include "frontend/builtin_profiles.h"

namespace isobar {

namespace {

// The regions of `names` that offer what is missing, for the message.
auto Alternatives(const std::vector<std::string_view>& names) -> std::string {
  if (names.empty()) return "no region of the profile offers it";
  constexpr size_t kShown = 4;
  std::string list;
  for (size_t i = 0; i < names.size() && i < kShown; ++i) {
    list += fmt::format("{}{}", i ? ", " : "", names[i]);
  }
  if (names.size() > kShown) {
    list += fmt::format(" and {} more", names.size() - kShown);
  }
  return fmt::format("it is offered in {}", list);
}

void CheckOpenStack(const RegionFacts& facts, uint32_t index,
                    DiagnosticEmitter& emitter) {
  const ResourceType* type = facts.TypeOf(index);
  const ProfileRegion* region = facts.profile->FindRegion(facts.RegionOf(index));
  if (!type || !region || !region->services_listed) return;
  std::string_view service = CanonicalServiceType(type->service);
  // Heat's own resources live in Heat's database, and global or shared
  // services serve every region.
  if (service.empty() || service == "orchestration" ||
      IsGlobalService(service) || facts.profile->IsShared(service) ||
      type->scope == ResourceScope::Global || region->Offers(service)) {
    return;
  }
  std::vector<std::string_view> offering;
  for (const ProfileRegion& r : facts.profile->regions) {
    if (r.Offers(service)) offering.push_back(r.name);
  }
  const Resource& r = facts.tmpl.resources[index];
  auto builder = emitter.Build(
      DiagnosticKind::ServiceNotInRegion, facts.doc.LocationOf(r.type),
      "`{}` ({}) needs the {} service, which region {} does not offer; "
      "move it to a region that does ({})",
      r.name, facts.TypeName(index), service, region->name,
      Alternatives(offering));
  builder.Region(region->name);
  builder.Note(facts.PlacedAt(index), "{}", facts.PlacementNote(index));
  if (region->where.buffer) {
    builder.Note(region->where, "the services of {} are listed here",
                 region->name);
  }
  builder.Emit();
}

void CheckAws(const RegionFacts& facts, uint32_t index,
              DiagnosticEmitter& emitter) {
  const ResourceType* type = facts.TypeOf(index);
  const std::string& region = facts.RegionOf(index);
  auto names = facts.catalog.regions();
  auto it = std::find(names.begin(), names.end(), region);
  // Unknown regions are R403's; some regions' type lists are not known.
  if (!type || type->regions == 0 || it == names.end() ||
      !AwsRegionTypesKnown(region) || type->scope == ResourceScope::Global) {
    return;
  }
  auto bit = static_cast<size_t>(it - names.begin());
  if (bit >= 64 || (type->regions >> bit) & 1) return;
  std::vector<std::string_view> offering;
  for (size_t i = 0; i < names.size() && i < 64; ++i) {
    if ((type->regions >> i) & 1) offering.push_back(names[i]);
  }
  const Resource& r = facts.tmpl.resources[index];
  emitter
      .Build(DiagnosticKind::ServiceNotInRegion, facts.doc.LocationOf(r.type),
             "resource type `{}` of `{}` is not available in region {}; "
             "place it in another region ({})",
             facts.TypeName(index), r.name, region, Alternatives(offering))
      .Region(region)
      .Note(facts.PlacedAt(index), "{}", facts.PlacementNote(index))
      .Emit();
}

}  // namespace

void CheckServiceAvailability(const RegionFacts& facts,
                              DiagnosticEmitter& emitter) {
  for (uint32_t i = 0; i < facts.tmpl.resources.size(); ++i) {
    if (!facts.RegionKnown(i)) continue;
    if (facts.aws) {
      CheckAws(facts, i, emitter);
    } else if (facts.heat && facts.profile) {
      CheckOpenStack(facts, i, emitter);
    }
  }
}

}  // namespace isobar
