// R410: a literal ARN (or a parameter's known value) on a property that
// names a regional object, whose region field is not the region of the
// resource using it. The property's identity kind (catalog region facts)
// says the object must be in the consumer's region; properties with a
// fixed required region are R409's, and global consumers (IAM, Route 53,
// CloudFront) may name objects anywhere.
#include <fmt/format.h>

#include "analysis/regions/property_walk.h"
#include "analysis/regions/region_rules.h"

namespace isobar {

void CheckArnRegions(const RegionFacts& facts, DiagnosticEmitter& emitter) {
  if (!facts.aws) return;
  for (uint32_t i = 0; i < facts.tmpl.resources.size(); ++i) {
    const ResourceType* type = facts.TypeOf(i);
    if (!facts.RegionKnown(i) || !type || type->scope == ResourceScope::Global) {
      continue;
    }
    const std::string& mine = facts.RegionOf(i);
    const std::string& name = facts.tmpl.resources[i].name;
    WalkProperties(facts, i, [&](const PropertyValue& value) {
      const PropertySchema* schema = value.schema;
      if (!value.identity || !schema || schema->identity_kind.empty() ||
          !schema->required_region.empty()) {
        return;
      }
      auto literal = facts.LiteralOrParameter(value.node);
      if (!literal) return;
      auto region = ArnRegion(literal->name);
      if (!region || region->empty() || *region == mine) return;
      auto builder = emitter.Build(
          DiagnosticKind::ArnInOtherRegion, facts.doc.LocationOf(value.node),
          "`{}` of `{}` names an object in {} (`{}`), but `{}` is in region "
          "{}; `{}` ({}) can only use objects of its own region: use the ARN "
          "of one in {}, or place `{}` in {}",
          *value.path, name, *region, literal->name, name, mine, name,
          facts.TypeName(i), mine, name, *region);
      builder.Region(mine).OtherRegion(std::string(*region));
      facts.NoteParameterValue(builder, *literal, value.node);
      builder.Note(facts.PlacedAt(i), "{}", facts.PlacementNote(i));
      builder.Emit();
    });
  }
}

}  // namespace isobar
