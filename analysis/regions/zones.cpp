// R406: an availability zone that does not belong to the resource's
// region. Zones are read from the properties that name them (the
// supplement's `*.availability_zone` identity kinds for Heat, CFN
// `AvailabilityZone` / `AvailabilityZones`) when they are literals or
// parameters with a known value, and from `Fn::GetAZs` with a literal
// region. AWS zone names carry their region; the profile (built-in for
// AWS) says which zones each region has.
#include <fmt/format.h>

#include "analysis/regions/property_walk.h"
#include "analysis/regions/region_rules.h"
#include "common/spelling.h"

namespace isobar {

namespace {

auto IsZoneProperty(const RegionFacts& facts, const PropertyValue& value)
    -> bool {
  if (!value.identity) return false;
  if (facts.heat) {
    return value.schema &&
           value.schema->identity_kind.ends_with(".availability_zone");
  }
  std::string_view path = *value.path;
  size_t dot = path.rfind('.');
  std::string_view last = dot == std::string_view::npos ? path : path.substr(dot + 1);
  return last == "AvailabilityZone" || last.starts_with("AvailabilityZones[");
}

class ZoneChecker {
 public:
  ZoneChecker(const RegionFacts& facts, DiagnosticEmitter& emitter)
      : facts_(facts), emitter_(emitter) {}

  void Run() {
    // An AWS template against an OpenStack profile: no zone facts apply.
    if (!facts_.profile || (!facts_.aws && !facts_.heat)) return;
    for (index_ = 0; index_ < facts_.tmpl.resources.size(); ++index_) {
      if (!facts_.RegionKnown(index_)) continue;
      region_ = facts_.profile->FindRegion(facts_.RegionOf(index_));
      if (!region_) continue;
      WalkProperties(facts_, index_, [&](const PropertyValue& value) {
        if (IsZoneProperty(facts_, value)) CheckZone(value);
        if (value.call != kNoCall) CheckGetAzs(value.call);
      });
    }
  }

 private:
  // The region of the profile that has `zone`, if any.
  auto Owner(std::string_view zone) const -> const ProfileRegion* {
    for (const ProfileRegion& r : facts_.profile->regions) {
      if (r.HasZone(zone)) return &r;
    }
    return nullptr;
  }

  auto Suggest(std::string_view zone, const ProfileRegion* owner) const
      -> std::optional<std::string> {
    // `eu-west-1b` in us-east-1: the same letter in the right region.
    if (owner && zone.starts_with(owner->name)) {
      std::string same = region_->name + std::string(zone.substr(owner->name.size()));
      if (region_->HasZone(same)) return same;
    }
    std::vector<std::string_view> zones(region_->availability_zones.begin(),
                                        region_->availability_zones.end());
    if (auto near = SuggestSpelling(zone, zones)) return std::string(*near);
    return std::nullopt;
  }

  void CheckZone(const PropertyValue& value) {
    std::optional<RegionValue> zone = facts_.LiteralOrParameter(value.node);
    // Nova takes `zone:host[:node]`; the zone is the first part.
    if (zone && facts_.heat) zone->name = zone->name.substr(0, zone->name.find(':'));
    if (!zone || zone->name.empty() || region_->availability_zones.empty() ||
        region_->HasZone(zone->name)) {
      return;
    }
    const ProfileRegion* owner = Owner(zone->name);
    // An AWS zone name no region lists (a Local Zone, a new zone) is only
    // wrong when it spells its region as another one.
    if (facts_.aws && !owner &&
        (!zone->name.starts_with(region_->name) ||
         zone->name.size() != region_->name.size() + 1)) {
      return;
    }
    const std::string& name = facts_.tmpl.resources[index_].name;
    std::optional<std::string> suggestion = Suggest(zone->name, owner);
    std::string hint =
        suggestion ? fmt::format("; did you mean `{}`?", *suggestion)
                   : fmt::format("; use one of {}'s zones", region_->name);
    Location at = facts_.doc.LocationOf(value.node);
    auto builder =
        owner ? emitter_.Build(DiagnosticKind::ZoneNotInRegion, at,
                               "availability zone `{}` of `{}` is a zone of "
                               "{}, but `{}` is in region {}{}",
                               zone->name, name, owner->name, name,
                               region_->name, hint)
              : emitter_.Build(DiagnosticKind::ZoneNotInRegion, at,
                               "availability zone `{}` of `{}` is not a zone "
                               "of its region {}{}",
                               zone->name, name, region_->name, hint);
    builder.Region(region_->name);
    if (owner) builder.OtherRegion(owner->name);
    facts_.NoteParameterValue(builder, *zone, value.node);
    builder.Note(facts_.PlacedAt(index_), "{}", facts_.PlacementNote(index_));
    if (owner && owner->where.buffer) {
      builder.Note(owner->where, "`{}` is declared a zone of {} here",
                   zone->name, owner->name);
    } else if (region_->where.buffer) {
      builder.Note(region_->where, "the zones of {} are declared here",
                   region_->name);
    }
    if (suggestion && zone->parameter.empty()) {
      builder.Fix(fmt::format("replace with `{}`", *suggestion),
                  {{facts_.doc.LocationOf(value.node), *suggestion}});
    }
    builder.Emit();
  }

  void CheckGetAzs(uint32_t call_index) {
    const FunctionCall& call = facts_.resolution.functions.call(call_index);
    if (call.id != FunctionId::FnGetAZs || !facts_.doc.IsScalar(call.argument)) {
      return;
    }
    std::string_view asked = facts_.doc.node(call.argument).value;
    // A name that is no region is a malformed argument, not a region.
    if (asked.empty() || asked == region_->name ||
        !facts_.profile->FindRegion(asked)) {
      return;
    }
    const std::string& name = facts_.tmpl.resources[index_].name;
    emitter_
        .Build(DiagnosticKind::ZoneNotInRegion,
               facts_.doc.LocationOf(call.argument),
               "`Fn::GetAZs` lists the zones of {}, but `{}` is in region {}; "
               "use `Fn::GetAZs: \"\"` for the zones of its own region",
               asked, name, region_->name)
        .Region(region_->name)
        .OtherRegion(std::string(asked))
        .Note(facts_.PlacedAt(index_), "{}", facts_.PlacementNote(index_))
        .Emit();
  }

  const RegionFacts& facts_;
  DiagnosticEmitter& emitter_;
  uint32_t index_ = 0;
  const ProfileRegion* region_ = nullptr;
};

}  // namespace

void CheckZones(const RegionFacts& facts, DiagnosticEmitter& emitter) {
  ZoneChecker(facts, emitter).Run();
}

}  // namespace isobar
