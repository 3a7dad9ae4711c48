// R411: a CloudFormation parameter whose AWS-specific type names an object
// of one region (an AMI, a key pair, a subnet, a VPC, a security group)
// feeding resources placed in several regions. One value cannot be valid
// in two regions, so the template cannot be deployed as written.
#include <fmt/format.h>

#include <algorithm>
#include <array>

#include "analysis/regions/region_rules.h"

namespace isobar {

namespace {

constexpr std::array<std::string_view, 5> kRegionBoundTypes = {
    "AWS::EC2::Image::Id",         "AWS::EC2::KeyPair::KeyName",
    "AWS::EC2::Subnet::Id",        "AWS::EC2::VPC::Id",
    "AWS::EC2::SecurityGroup::Id",
};

// `AWS::EC2::Subnet::Id` or `List<AWS::EC2::Subnet::Id>`.
auto IsRegionBound(std::string_view type) -> bool {
  if (type.starts_with("List<") && type.ends_with(">")) {
    type = type.substr(5, type.size() - 6);
  }
  return std::find(kRegionBoundTypes.begin(), kRegionBoundTypes.end(), type) !=
         kRegionBoundTypes.end();
}

}  // namespace

void CheckRegionBoundParameters(const RegionFacts& facts,
                                DiagnosticEmitter& emitter) {
  if (!facts.aws || !facts.placement.multi_region()) return;
  const Document& doc = facts.doc;
  for (uint32_t p = 0; p < facts.tmpl.parameters.size(); ++p) {
    const Parameter& param = facts.tmpl.parameters[p];
    if (!doc.IsScalar(param.type) || !IsRegionBound(doc.node(param.type).value)) {
      continue;
    }
    std::vector<const Reference*> uses;
    std::vector<std::string> regions;
    for (const Reference& ref : facts.resolution.references.references) {
      if (ref.state != ReferenceState::Resolved || !ref.target ||
          ref.target->kind != SymbolKind::Parameter || ref.target->index != p ||
          ref.context != ValueContext::ResourceProperties) {
        continue;
      }
      const std::string& region = facts.RegionOf(ref.owner);
      if (region.empty()) continue;
      uses.push_back(&ref);
      if (std::find(regions.begin(), regions.end(), region) == regions.end()) {
        regions.push_back(region);
      }
    }
    if (regions.size() < 2) continue;
    auto builder = emitter.Build(
        DiagnosticKind::RegionBoundParameterInSeveralRegions,
        doc.LocationOf(param.type),
        "parameter `{}` ({}) is used by resources in {} and {}, but one {} "
        "value names an object of one region only; declare one parameter "
        "per region",
        param.name, doc.node(param.type).value, regions[0], regions[1],
        doc.node(param.type).value);
    builder.Region(regions[0]).OtherRegion(regions[1]);
    for (const Reference* ref : uses) {
      builder.Note(doc.LocationOf(ref->range), "used by `{}` in {} here",
                   facts.tmpl.resources[ref->owner].name,
                   facts.RegionOf(ref->owner));
    }
    builder.Emit();
  }
}

}  // namespace isobar
