// R409: what CloudFront uses must live in us-east-1 (CloudFront's control
// plane): ACM certificates, Lambda@Edge function versions and WAFv2 web
// ACLs with scope CLOUDFRONT. The catalog marks the consuming properties
// (PropertySchema::required_region, from catalog/region_supplement.json);
// the value is a reference to a resource whose region is known, or a
// literal ARN whose region field says otherwise. WAFv2 objects of scope
// CLOUDFRONT are checked where they are defined too.
#include <fmt/format.h>

#include "analysis/regions/property_walk.h"
#include "analysis/regions/region_rules.h"

namespace isobar {

namespace {

// Why the property needs that region, from the kind of object it names.
auto Reason(std::string_view kind) -> std::string_view {
  if (kind.starts_with("AWS::CertificateManager::")) {
    return "CloudFront only accepts ACM certificates issued in";
  }
  if (kind.starts_with("AWS::Lambda::")) {
    return "Lambda@Edge only replicates function versions created in";
  }
  if (kind.starts_with("AWS::WAFv2::")) {
    return "CloudFront only uses web ACLs (scope CLOUDFRONT) created in";
  }
  return "this property only accepts objects of";
}

class UsEast1Checker {
 public:
  UsEast1Checker(const RegionFacts& facts, DiagnosticEmitter& emitter)
      : facts_(facts), doc_(facts.doc), emitter_(emitter) {}

  void Run() {
    for (uint32_t i = 0; i < facts_.tmpl.resources.size(); ++i) {
      CheckScope(i);
      WalkProperties(facts_, i, [&](const PropertyValue& value) {
        if (value.schema && !value.schema->required_region.empty()) {
          CheckValue(i, value);
        }
      });
    }
  }

 private:
  void CheckValue(uint32_t owner, const PropertyValue& value) {
    const PropertySchema& schema = *value.schema;
    const std::string& required = schema.required_region;
    const std::string& name = facts_.tmpl.resources[owner].name;
    if (auto literal = facts_.LiteralOrParameter(value.node)) {
      auto region = ArnRegion(literal->name);
      if (!region || region->empty() || *region == required) return;
      auto builder = emitter_.Build(
          DiagnosticKind::MustBeInUsEast1, doc_.LocationOf(value.node),
          "`{}` of `{}` names an object in {} (`{}`); {} {}: use the ARN of "
          "one created there",
          *value.path, name, *region, literal->name,
          Reason(schema.identity_kind), required);
      builder.Region(required).OtherRegion(std::string(*region));
      facts_.NoteParameterValue(builder, *literal, value.node);
      builder.Emit();
      return;
    }
    if (value.call == kNoCall) return;
    for (const Reference* ref : facts_.ResourceRefsUnder(value.node)) {
      uint32_t producer = ref->target->index;
      const std::string& region = facts_.RegionOf(producer);
      if (!facts_.RegionKnown(producer) || region == required) continue;
      const std::string& source = facts_.tmpl.resources[producer].name;
      emitter_
          .Build(DiagnosticKind::MustBeInUsEast1, doc_.LocationOf(ref->range),
                 "`{}` of `{}` names `{}`, which is in {}; {} {}: place `{}` "
                 "in {}",
                 *value.path, name, source, region,
                 Reason(schema.identity_kind), required, source, required)
          .Region(required)
          .OtherRegion(region)
          .Note(facts_.PlacedAt(producer), "{}", facts_.PlacementNote(producer))
          .Emit();
    }
  }

  // A WAFv2 object of scope CLOUDFRONT is only created in us-east-1.
  void CheckScope(uint32_t index) {
    if (!facts_.TypeName(index).starts_with("AWS::WAFv2::") ||
        !facts_.RegionKnown(index)) {
      return;
    }
    NodeId props = facts_.tmpl.resources[index].properties;
    const MapEntry* scope =
        doc_.IsMapping(props) ? doc_.Find(props, "Scope") : nullptr;
    if (!scope || !doc_.IsScalar(scope->value) ||
        doc_.node(scope->value).value != "CLOUDFRONT") {
      return;
    }
    const std::string& region = facts_.RegionOf(index);
    if (region == "us-east-1") return;
    const std::string& name = facts_.tmpl.resources[index].name;
    emitter_
        .Build(DiagnosticKind::MustBeInUsEast1, doc_.LocationOf(scope->value),
               "`{}` ({}) has scope CLOUDFRONT but is placed in {}; WAFv2 "
               "objects for CloudFront can only be created in us-east-1: place "
               "it in us-east-1, or use scope REGIONAL",
               name, facts_.TypeName(index), region)
        .Region(region)
        .OtherRegion("us-east-1")
        .Note(facts_.PlacedAt(index), "{}", facts_.PlacementNote(index))
        .Emit();
  }

  const RegionFacts& facts_;
  const Document& doc_;
  DiagnosticEmitter& emitter_;
};

}  // namespace

void CheckUsEast1(const RegionFacts& facts, DiagnosticEmitter& emitter) {
  if (facts.aws) UsEast1Checker(facts, emitter).Run();
}

}  // namespace isobar
