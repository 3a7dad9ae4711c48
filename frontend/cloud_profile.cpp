#include "frontend/cloud_profile.h"

#include <algorithm>
#include <array>

namespace isobar {

namespace {

// https://service-types.openstack.org (official types) and the types
// Heat 19's client plugins ask the catalog for.
constexpr std::array<std::string_view, 32> kServiceTypes = {
    "alarming",        "application-catalog", "baremetal",
    "block-storage",   "clustering",          "compute",
    "container",       "container-infra",     "data-processing",
    "database",        "dns",                 "event",
    "identity",        "image",               "instance-ha",
    "key-manager",     "load-balancer",       "messaging",
    "metric",          "monitoring",          "network",
    "object-store",    "orchestration",       "placement",
    "rca",             "reservation",         "resource-cluster",
    "shared-file-system", "workflow",         "cloudformation",
    "accelerator",     "function-engine",
};

struct Alias {
  std::string_view alias;
  std::string_view canonical;
};

// Historical names still found in keystone catalogs and Heat's plugins.
constexpr std::array<Alias, 9> kAliases = {{
    {"volume", "block-storage"},
    {"volumev2", "block-storage"},
    {"volumev3", "block-storage"},
    {"block-store", "block-storage"},
    {"sharev2", "shared-file-system"},
    {"share", "shared-file-system"},
    {"workflowv2", "workflow"},
    {"container-infrastructure-management", "container-infra"},
    {"object-storage", "object-store"},
}};

}  // namespace

auto ProfileRegion::HasZone(std::string_view zone) const -> bool {
  return std::find(availability_zones.begin(), availability_zones.end(),
                   zone) != availability_zones.end();
}

auto ProfileRegion::Offers(std::string_view canonical_service) const -> bool {
  if (!services_listed) return true;
  return std::find(services.begin(), services.end(), canonical_service) !=
         services.end();
}

auto CloudProfile::FindRegion(std::string_view name) const
    -> const ProfileRegion* {
  for (const ProfileRegion& region : regions) {
    if (region.name == name) return &region;
  }
  return nullptr;
}

auto CloudProfile::RegionNames() const -> std::vector<std::string_view> {
  std::vector<std::string_view> names;
  names.reserve(regions.size());
  for (const ProfileRegion& region : regions) names.push_back(region.name);
  return names;
}

auto CloudProfile::IsShared(std::string_view canonical_service) const -> bool {
  return !shared_services_region.empty() &&
         std::find(shared_services.begin(), shared_services.end(),
                   canonical_service) != shared_services.end();
}

auto KnownServiceTypes() -> std::span<const std::string_view> {
  return kServiceTypes;
}

auto CanonicalServiceType(std::string_view service) -> std::string_view {
  for (const Alias& alias : kAliases) {
    if (alias.alias == service) return alias.canonical;
  }
  return service;
}

auto IsGlobalService(std::string_view canonical_service) -> bool {
  return canonical_service == "identity";
}

}  // namespace isobar
