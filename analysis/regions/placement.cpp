#include "analysis/regions/placement.h"

#include "common/spelling.h"

namespace isobar {

namespace {

class Placer {
 public:
  Placer(const Template& tmpl, const Resolution& resolution,
         const TemplateContext& context, const RegionOptions& options,
         DiagnosticEmitter& emitter)
      : tmpl_(tmpl),
        doc_(tmpl.document),
        resolution_(resolution),
        context_(context),
        options_(options),
        emitter_(emitter) {}

  auto Run() -> RegionPlacement {
    RegionPlacement result;
    result.home_region = HomeRegion(options_);
    Placement fallback;
    if (!options_.inherited_region.empty()) {
      fallback = {options_.inherited_region, PlacementSource::Inherited,
                  options_.inherited_where};
    } else {
      fallback = {result.home_region, PlacementSource::Home, {}};
    }
    for (const Resource& r : tmpl_.resources) {
      Placement placement = fallback;
      if (r.region != kNoNode) {
        placement = Evaluate(r, r.region, "the region of", fallback);
      }
      result.resources.push_back(placement);
      Placement nested;
      if (NodeId region_name = StackContextRegion(r); region_name != kNoNode) {
        nested = Evaluate(r, region_name, "the region of the stack created by",
                          placement);
      }
      result.nested.push_back(std::move(nested));
    }
    return result;
  }

 private:
  // `properties.context.region_name` of an OS::Heat::Stack.
  auto StackContextRegion(const Resource& r) const -> NodeId {
    if (!doc_.IsScalar(r.type) || doc_.node(r.type).value != "OS::Heat::Stack")
      return kNoNode;
    const MapEntry* context = doc_.IsMapping(r.properties)
                                  ? doc_.Find(r.properties, "context")
                                  : nullptr;
    if (!context || !doc_.IsMapping(context->value)) return kNoNode;
    const MapEntry* name = doc_.Find(context->value, "region_name");
    return name ? name->value : kNoNode;
  }

  auto Evaluate(const Resource& r, NodeId node, std::string_view what,
                const Placement& stack_region) -> Placement {
    RegionValue value = EvaluateRegion(tmpl_, resolution_, context_, node);
    if (value.stack_region) return stack_region;
    if (!value.known()) {
      if (!value.silent) {
        emitter_.Emit(DiagnosticKind::UnresolvedRegion, doc_.LocationOf(node),
                      "{} resource `{}` cannot be known before deployment: {}",
                      what, r.name, value.why_unknown);
      }
      return {};
    }
    CheckInProfile(node, value);
    Location where =
        value.where.buffer ? value.where : doc_.LocationOf(node);
    return {value.name, PlacementSource::OwnKey, where};
  }

  void CheckInProfile(NodeId node, const RegionValue& value) {
    const CloudProfile* profile = options_.profile;
    if (!profile || profile->FindRegion(value.name)) return;
    auto names = profile->RegionNames();
    auto suggestion = SuggestSpelling(value.name, names, 2);
    auto builder = emitter_.Build(
        DiagnosticKind::UnknownRegion, doc_.LocationOf(node),
        "region `{}` is not in the cloud profile `{}`{}", value.name,
        profile->origin,
        suggestion ? fmt::format("; did you mean `{}`?", *suggestion)
                   : std::string());
    if (!value.parameter.empty() && value.where.buffer) {
      builder.Note(value.where, "`{}` is the value of parameter `{}` here",
                   value.name, value.parameter);
    } else if (!value.parameter.empty()) {
      builder.Note(doc_.LocationOf(node),
                   "`{}` is the value given for parameter `{}` with -P",
                   value.name, value.parameter);
    }
    if (!profile->regions.empty() && profile->regions.front().where.buffer) {
      builder.Note(profile->regions.front().where,
                   "the profile declares its regions here");
    }
    if (suggestion && value.parameter.empty()) {
      builder.Fix(fmt::format("replace with `{}`", *suggestion),
                  {{doc_.LocationOf(node), std::string(*suggestion)}});
    }
    builder.Emit();
  }

  const Template& tmpl_;
  const Document& doc_;
  const Resolution& resolution_;
  const TemplateContext& context_;
  const RegionOptions& options_;
  DiagnosticEmitter& emitter_;
};

}  // namespace

auto RegionPlacement::multi_region() const -> bool {
  for (const Placement& p : resources) {
    if (!p.region.empty() && p.region != home_region) return true;
  }
  for (const Placement& p : nested) {
    if (!p.region.empty() && p.region != home_region) return true;
  }
  return false;
}

auto HomeRegion(const RegionOptions& options) -> std::string {
  if (!options.home_region.empty()) return options.home_region;
  if (options.profile && !options.profile->home_region.empty()) {
    return options.profile->home_region;
  }
  return "home";
}

auto PlaceResources(const Template& tmpl, const Resolution& resolution,
                    const TemplateContext& context,
                    const RegionOptions& options, DiagnosticEmitter& emitter)
    -> RegionPlacement {
  return Placer(tmpl, resolution, context, options, emitter).Run();
}

}  // namespace isobar
