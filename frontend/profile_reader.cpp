#include "frontend/profile_reader.h"

#include <array>

#include "common/spelling.h"
#include "frontend/key_checks.h"
#include "frontend/yaml_reader.h"

namespace isobar {

namespace {

constexpr std::array<std::string_view, 4> kTopKeys = {
    "provider", "home_region", "regions", "options"};
constexpr std::array<std::string_view, 2> kRegionKeys = {
    "availability_zones", "services"};
constexpr std::array<std::string_view, 2> kOptionKeys = {"cross_az_attach",
                                                         "shared_services"};
constexpr std::array<std::string_view, 2> kSharedKeys = {"region",
                                                         "services"};
constexpr std::array<std::string_view, 2> kProviders = {"openstack", "aws"};

class ProfileReader {
 public:
  ProfileReader(const Document& doc, DiagnosticEmitter& emitter)
      : doc_(doc), emitter_(emitter) {}

  auto Read() -> std::optional<CloudProfile> {
    NodeId root = doc_.root();
    if (!doc_.IsMapping(root)) {
      Invalid(root, "a cloud profile must be a mapping with `regions`, not {}",
              Describe(root));
      return std::nullopt;
    }
    profile_.origin = doc_.source().filename();
    CheckKeys(root, kTopKeys, "the profile");
    if (const MapEntry* e = doc_.Find(root, "provider")) ReadProvider(*e);
    const MapEntry* regions = doc_.Find(root, "regions");
    if (!regions) {
      Invalid(root, "the profile lists no `regions`; add a mapping from "
                    "each region's name to its services and zones");
      return std::nullopt;
    }
    ReadRegions(regions->value);
    if (const MapEntry* e = doc_.Find(root, "options")) ReadOptions(e->value);
    if (const MapEntry* e = doc_.Find(root, "home_region")) {
      if (auto name = Scalar(e->value, "`home_region`")) {
        profile_.home_region = *name;
        profile_.home_region_where = doc_.LocationOf(e->value);
        CheckRegionName(e->value, "`home_region`");
      }
    }
    return std::move(profile_);
  }

 private:
  template <typename... Args>
  void Invalid(NodeId node, fmt::format_string<Args...> format,
               Args&&... args) {
    emitter_.Emit(DiagnosticKind::InvalidProfile, doc_.LocationOf(node),
                  format, std::forward<Args>(args)...);
  }

  auto Describe(NodeId node) const -> std::string {
    return DescribeNode(doc_, node);
  }

  auto Scalar(NodeId node, std::string_view what)
      -> std::optional<std::string> {
    if (doc_.IsScalar(node)) return doc_.node(node).value;
    Invalid(node, "{} must be a name, not {}", what, Describe(node));
    return std::nullopt;
  }

  // The names of a list of names; a single name is not a list.
  auto Names(NodeId node, std::string_view what) -> std::vector<NodeId> {
    if (doc_.IsNull(node)) return {};
    if (!doc_.IsSequence(node)) {
      Invalid(node, "{} must be a list of names, not {}", what,
              Describe(node));
      return {};
    }
    std::vector<NodeId> names;
    for (NodeId item : doc_.node(node).items) {
      if (Scalar(item, fmt::format("each of {}", what))) names.push_back(item);
    }
    return names;
  }

  void CheckKeys(NodeId map, std::span<const std::string_view> allowed,
                 std::string_view where) {
    CheckKnownKeys(doc_, map, allowed, where, DiagnosticKind::InvalidProfile,
                   emitter_);
  }

  void ReadProvider(const MapEntry& entry) {
    auto name = Scalar(entry.value, "`provider`");
    if (!name) return;
    if (*name == "openstack") {
      profile_.provider = CloudProvider::OpenStack;
    } else if (*name == "aws") {
      profile_.provider = CloudProvider::Aws;
    } else {
      auto suggestion = SuggestSpelling(*name, kProviders);
      Invalid(entry.value, "unknown provider `{}`; {}", *name,
              suggestion ? fmt::format("did you mean `{}`?", *suggestion)
                         : std::string("use `openstack` or `aws`"));
    }
  }

  void ReadRegions(NodeId node) {
    if (!doc_.IsMapping(node) || doc_.node(node).entries.empty()) {
      Invalid(node, "`regions` must map each region's name to its services "
                    "and zones, not {}",
              doc_.IsMapping(node) ? std::string("an empty mapping")
                                   : Describe(node));
      return;
    }
    for (const MapEntry& entry : doc_.node(node).entries) {
      ProfileRegion region;
      region.name = entry.key;
      region.where = doc_.LocationOf(entry.key_range);
      NodeId body = entry.value;
      if (doc_.IsMapping(body)) {
        CheckKeys(body, kRegionKeys,
                  fmt::format("region `{}`", entry.key));
        if (const MapEntry* zones = doc_.Find(body, "availability_zones")) {
          for (NodeId zone : Names(zones->value, "`availability_zones`")) {
            region.availability_zones.push_back(doc_.node(zone).value);
          }
        }
        if (const MapEntry* services = doc_.Find(body, "services")) {
          region.services_listed = true;
          for (NodeId service : Names(services->value, "`services`")) {
            region.services.emplace_back(ReadService(service));
          }
        }
      } else if (!doc_.IsNull(body)) {
        Invalid(body, "region `{}` must be a mapping with `services` and "
                      "`availability_zones`, not {}",
                entry.key, Describe(body));
      }
      profile_.regions.push_back(std::move(region));
    }
  }

  // The canonical name of a listed service; an unknown one is kept as
  // written (a private cloud may run services isobar has never heard of).
  auto ReadService(NodeId node) -> std::string_view {
    std::string_view name = doc_.node(node).value;
    std::string_view canonical = CanonicalServiceType(name);
    auto known = KnownServiceTypes();
    if (std::find(known.begin(), known.end(), canonical) != known.end()) {
      return canonical;
    }
    auto suggestion = SuggestSpelling(name, known);
    auto builder = emitter_.Build(
        DiagnosticKind::UnknownProfileService, doc_.LocationOf(node),
        "`{}` is not an OpenStack service type isobar knows{}", name,
        suggestion ? fmt::format("; did you mean `{}`?", *suggestion)
                   : std::string("; resources will not be matched to it"));
    if (suggestion) {
      builder.Fix(fmt::format("replace with `{}`", *suggestion),
                  {{doc_.LocationOf(node), std::string(*suggestion)}});
    }
    builder.Emit();
    return name;
  }

  void ReadOptions(NodeId node) {
    if (!doc_.IsMapping(node)) {
      Invalid(node, "`options` must be a mapping, not {}", Describe(node));
      return;
    }
    CheckKeys(node, kOptionKeys, "`options`");
    if (const MapEntry* e = doc_.Find(node, "cross_az_attach")) {
      if (std::optional<bool> value = PlainBoolean(doc_, e->value)) {
        profile_.cross_az_attach = *value;
      } else {
        Invalid(e->value, "`cross_az_attach` must be `true` or `false`, not {}",
                Describe(e->value));
      }
    }
    if (const MapEntry* e = doc_.Find(node, "shared_services")) {
      ReadShared(e->value);
    }
  }

  void ReadShared(NodeId node) {
    if (!doc_.IsMapping(node)) {
      Invalid(node, "`shared_services` must be a mapping with `region` and "
                    "`services`, not {}",
              Describe(node));
      return;
    }
    CheckKeys(node, kSharedKeys, "`shared_services`");
    const MapEntry* region = doc_.Find(node, "region");
    if (!region) {
      Invalid(node, "`shared_services` names no `region` serving them");
    } else if (auto name = Scalar(region->value, "`shared_services.region`")) {
      profile_.shared_services_region = *name;
      CheckRegionName(region->value, "`shared_services.region`");
    }
    if (const MapEntry* services = doc_.Find(node, "services")) {
      for (NodeId service :
           Names(services->value, "`shared_services.services`")) {
        profile_.shared_services.emplace_back(ReadService(service));
      }
    }
  }

  void CheckRegionName(NodeId node, std::string_view what) {
    std::string_view name = doc_.node(node).value;
    if (profile_.FindRegion(name)) return;
    auto names = profile_.RegionNames();
    auto suggestion = SuggestSpelling(name, names);
    auto builder = emitter_.Build(
        DiagnosticKind::UnknownProfileRegion, doc_.LocationOf(node),
        "{} `{}` is not one of the profile's regions; {}", what, name,
        suggestion ? fmt::format("did you mean `{}`?", *suggestion)
                   : fmt::format("declare it under `regions` (declared: `{}`)",
                                 fmt::join(names, "`, `")));
    if (suggestion) {
      builder.Fix(fmt::format("replace with `{}`", *suggestion),
                  {{doc_.LocationOf(node), std::string(*suggestion)}});
    }
    builder.Emit();
  }

  const Document& doc_;
  DiagnosticEmitter& emitter_;
  CloudProfile profile_;
};

}  // namespace

auto ReadProfile(const SourceBuffer& source, const ParseOptions& options,
                 DiagnosticEmitter& emitter) -> std::optional<CloudProfile> {
  std::optional<Document> doc = ParseYaml(source, options, emitter);
  if (!doc) return std::nullopt;
  return ProfileReader(*doc, emitter).Read();
}

}  // namespace isobar
