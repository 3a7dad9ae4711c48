#include "analysis/regions/region_facts.h"

#include <fmt/format.h>

#include "frontend/builtin_profiles.h"

namespace isobar {

RegionFacts::RegionFacts(const Template& tmpl, const Resolution& resolution,
                         const TemplateContext& context,
                         const RegionOptions& options,
                         const RegionPlacement& placement)
    : tmpl(tmpl),
      doc(tmpl.document),
      resolution(resolution),
      context(context),
      placement(placement),
      profile(options.profile),
      catalog(tmpl.format == TemplateFormat::Hot || tmpl.IsHeatCfn()
                  ? ResourceCatalog::Heat()
                  : ResourceCatalog::Cfn()),
      // An AWS template checked against an OpenStack profile is the
      // user's choice of cloud: AWS facts do not apply there.
      aws(tmpl.format == TemplateFormat::Cfn && !tmpl.IsHeatCfn() &&
          (!options.profile || options.profile->provider == CloudProvider::Aws)),
      heat(tmpl.format == TemplateFormat::Hot || tmpl.IsHeatCfn()),
      refs_by_call_(resolution.functions.calls().size()) {
  // The built-in AWS profile's home region is a default, not a statement
  // about where this template runs; a user's profile or flag is.
  home_known_ = !options.home_region.empty() ||
                (profile && profile != &BuiltinAwsProfile() &&
                 !profile->home_region.empty()) ||
                placement.multi_region();
  for (const Resource& r : tmpl.resources) {
    types_.push_back(doc.IsScalar(r.type)
                         ? catalog.Resolve(doc.node(r.type).value)
                         : nullptr);
  }
  const auto& refs = resolution.references.references;
  for (uint32_t i = 0; i < refs.size(); ++i) {
    if (refs[i].call != kNoCall) refs_by_call_[refs[i].call].push_back(i);
  }
}

auto RegionFacts::TypeOf(uint32_t index) const -> const ResourceType* {
  return types_[index];
}

auto RegionFacts::TypeName(uint32_t index) const -> std::string_view {
  NodeId type = tmpl.resources[index].type;
  return doc.IsScalar(type) ? std::string_view(doc.node(type).value)
                            : std::string_view("resource");
}

auto RegionFacts::RegionKnown(uint32_t index) const -> bool {
  const Placement& p = placement.resources[index];
  if (p.region.empty()) return false;
  return home_known_ || p.source != PlacementSource::Home;
}

auto RegionFacts::PlacedAt(uint32_t index) const -> Location {
  const Placement& p = placement.resources[index];
  if (p.where.buffer) return p.where;
  return doc.LocationOf(tmpl.resources[index].name_range);
}

auto RegionFacts::PlacementNote(uint32_t index) const -> std::string {
  const Placement& p = placement.resources[index];
  const std::string& name = tmpl.resources[index].name;
  switch (p.source) {
    case PlacementSource::OwnKey:
      return fmt::format("`{}` is placed in {} here", name, p.region);
    case PlacementSource::Inherited:
      return fmt::format("`{}` is in {}, the region its stack is created in",
                         name, p.region);
    case PlacementSource::Home:
      break;
  }
  return fmt::format("`{}` names no region, so it is in the home region {}",
                     name, p.region);
}

auto RegionFacts::ResourceRefsOf(uint32_t call) const
    -> std::vector<const Reference*> {
  return RefsOf(call, SymbolKind::Resource);
}

auto RegionFacts::RefsOf(uint32_t call, SymbolKind kind) const
    -> std::vector<const Reference*> {
  std::vector<const Reference*> result;
  for (uint32_t i : refs_by_call_[call]) {
    const Reference& ref = resolution.references.references[i];
    if (ref.state == ReferenceState::Resolved && ref.target &&
        ref.target->kind == kind && !ref.target->is_pseudo()) {
      result.push_back(&ref);
    }
  }
  return result;
}

auto RegionFacts::ResourceRefsUnder(NodeId node) const
    -> std::vector<const Reference*> {
  std::vector<const Reference*> result;
  ByteRange outer = doc.node(node).range;
  for (const Reference& ref : resolution.references.references) {
    if (ref.call == kNoCall || ref.state != ReferenceState::Resolved ||
        !ref.target || ref.target->kind != SymbolKind::Resource) {
      continue;
    }
    if (ref.range.begin >= outer.begin && ref.range.end <= outer.end) {
      result.push_back(&ref);
    }
  }
  return result;
}

auto RegionFacts::LiteralOrParameter(NodeId node) const
    -> std::optional<RegionValue> {
  if (node == kNoNode) return std::nullopt;
  if (!doc.IsScalar(node) &&
      resolution.functions.CallAt(node, false) == kNoCall) {
    return std::nullopt;
  }
  RegionValue value = EvaluateRegion(tmpl, resolution, context, node);
  if (value.name.empty() || value.stack_region) return std::nullopt;
  return value;
}

void RegionFacts::NoteParameterValue(DiagnosticBuilder& builder,
                                     const RegionValue& value,
                                     NodeId node) const {
  if (value.parameter.empty()) return;
  if (value.where.buffer) {
    builder.Note(value.where, "`{}` is the value of parameter `{}` here",
                 value.name, value.parameter);
  } else {
    builder.Note(doc.LocationOf(node),
                 "`{}` is the value given for parameter `{}` with -P",
                 value.name, value.parameter);
  }
}

auto ArnRegion(std::string_view text) -> std::optional<std::string_view> {
  // arn:PARTITION:SERVICE:REGION:ACCOUNT:RESOURCE
  if (!text.starts_with("arn:")) return std::nullopt;
  size_t at = 0;
  for (int field = 0; field < 3; ++field) {
    at = text.find(':', at);
    if (at == std::string_view::npos) return std::nullopt;
    ++at;
  }
  size_t end = text.find(':', at);
  if (end == std::string_view::npos) return std::nullopt;
  std::string_view region = text.substr(at, end - at);
  // `${AWS::Region}` in a Fn::Sub, or any other computed field.
  if (region.find_first_of("${}") != std::string_view::npos) {
    return std::nullopt;
  }
  return region;
}

}  // namespace isobar
