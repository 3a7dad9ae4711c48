#include "frontend/builtin_profiles.h"

#include <initializer_list>

namespace isobar {

namespace {

struct AwsRegion {
  std::string_view name;
  bool types_known;
  std::initializer_list<std::string_view> zones;
};

#define ISOBAR_AWS_REGION(name, known, ...) {name, known, __VA_ARGS__},
const AwsRegion kAwsRegions[] = {
#include "frontend/aws_regions_data.inc"
};

auto MakeAwsProfile() -> CloudProfile {
  CloudProfile profile;
  profile.provider = CloudProvider::Aws;
  profile.origin = "<built-in aws>";
  profile.home_region = "us-east-1";
  for (const AwsRegion& region : kAwsRegions) {
    ProfileRegion r;
    r.name = region.name;
    r.availability_zones.assign(region.zones.begin(), region.zones.end());
    profile.regions.push_back(std::move(r));
  }
  return profile;
}

}  // namespace

auto BuiltinAwsProfile() -> const CloudProfile& {
  static const CloudProfile profile = MakeAwsProfile();
  return profile;
}

auto AwsRegionTypesKnown(std::string_view region) -> bool {
  for (const AwsRegion& r : kAwsRegions) {
    if (r.name == region) return r.types_known;
  }
  return false;
}

}  // namespace isobar
