// A cloud profile (SPEC.md §4): the regions a deployment may use, the
// services and availability zones each offers, and the options that
// change what is feasible across them. The region analysis reads it; the
// profile reader (profile_reader.h) builds it from YAML with diagnostics
// of its own, and builtin_profiles.h gives the AWS one.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "diagnostics/diagnostic.h"

namespace isobar {

enum class CloudProvider : uint8_t { OpenStack, Aws };

struct ProfileRegion {
  std::string name;
  // Where the region is declared; empty for a built-in profile.
  Location where;
  std::vector<std::string> availability_zones;
  // Canonical service types (`block-storage`, never `volumev3`). Empty
  // with `services_listed` false: the profile does not say, so every
  // service is assumed (the AWS profile lists types in the catalog instead).
  std::vector<std::string> services;
  bool services_listed = false;

  auto HasZone(std::string_view zone) const -> bool;
  auto Offers(std::string_view canonical_service) const -> bool;
};

struct CloudProfile {
  CloudProvider provider = CloudProvider::OpenStack;
  // The file it was read from, or `<built-in aws>`.
  std::string origin;
  std::string home_region;
  Location home_region_where;
  std::vector<ProfileRegion> regions;
  // OpenStack Nova's `cross_az_attach`: true unless the profile says so.
  bool cross_az_attach = true;
  // Heat's `region_name_for_shared_services`: these services live in one
  // region and serve all.
  std::string shared_services_region;
  std::vector<std::string> shared_services;

  auto FindRegion(std::string_view name) const -> const ProfileRegion*;
  auto RegionNames() const -> std::vector<std::string_view>;
  // True when objects of `canonical_service` in any region are served
  // from one shared region.
  auto IsShared(std::string_view canonical_service) const -> bool;
};

// The OpenStack service types isobar knows (the service-types authority's
// names, plus the ones Heat 19's client plugins use).
auto KnownServiceTypes() -> std::span<const std::string_view>;

// `volume`, `volumev2`, `volumev3` -> `block-storage`, and the other
// historical aliases Heat's clients still use; other names as given.
auto CanonicalServiceType(std::string_view service) -> std::string_view;

// Services whose objects are global (one Keystone serves every region).
auto IsGlobalService(std::string_view canonical_service) -> bool;

}  // namespace isobar
