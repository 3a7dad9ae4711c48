// Units for the cloud profile reader: the SPEC.md §4 example reads into
// the model with canonical service names, and each kind of mistake gets
// its diagnostic at the exact node (ranges marked inline).
#include <catch2/catch.hpp>

#include "frontend/builtin_profiles.h"
#include "frontend/profile_reader.h"
#include "tests/unit/annotated.h"

namespace isobar {
namespace {

using testing::Annotated;

struct Read {
  explicit Read(std::string text) : source("profile.yaml", std::move(text)) {
    DiagnosticEmitter emitter(consumer);
    profile = ReadProfile(source, ParseOptions{}, emitter);
  }
  SourceBuffer source;
  CollectingConsumer consumer;
  std::optional<CloudProfile> profile;
};

TEST_CASE("the SPEC example profile reads whole", "[profile]") {
  Read read(R"(provider: openstack
home_region: RegionOne
regions:
  RegionOne:
    availability_zones: [nova, az-b]
    services: [compute, volumev3, network, image, orchestration, load-balancer]
  RegionTwo:
    availability_zones: [nova]
    services: [compute, network, image, orchestration]
options:
  cross_az_attach: false
  shared_services:
    region: RegionOne
    services: [image]
)");
  REQUIRE(read.profile);
  CHECK(read.consumer.diagnostics().empty());
  const CloudProfile& p = *read.profile;
  CHECK(p.provider == CloudProvider::OpenStack);
  CHECK(p.home_region == "RegionOne");
  REQUIRE(p.regions.size() == 2);
  const ProfileRegion* one = p.FindRegion("RegionOne");
  REQUIRE(one);
  CHECK(one->Offers("block-storage"));
  CHECK_FALSE(one->Offers("volumev3"));
  CHECK(one->HasZone("az-b"));
  const ProfileRegion* two = p.FindRegion("RegionTwo");
  REQUIRE(two);
  CHECK_FALSE(two->Offers("block-storage"));
  CHECK_FALSE(two->HasZone("az-b"));
  CHECK_FALSE(p.cross_az_attach);
  CHECK(p.IsShared("image"));
  CHECK_FALSE(p.IsShared("compute"));
  CHECK(p.FindRegion("RegionThree") == nullptr);
}

TEST_CASE("a region without services offers every service", "[profile]") {
  Read read("regions:\n  r1: {availability_zones: [a]}\n  r2:\n");
  REQUIRE(read.profile);
  CHECK(read.consumer.diagnostics().empty());
  CHECK(read.profile->FindRegion("r1")->Offers("compute"));
  CHECK(read.profile->FindRegion("r2")->Offers("dns"));
  CHECK(read.profile->cross_az_attach);
}

struct Expected {
  DiagnosticKind kind;
  std::string_view message_part;
};

void ExpectAt(std::string_view marked, Expected expected) {
  Annotated annotated(marked);
  Read read(annotated.text);
  REQUIRE(annotated.ranges.size() == 1);
  const auto& diagnostics = read.consumer.diagnostics();
  INFO(annotated.text);
  REQUIRE(diagnostics.size() == 1);
  CHECK(diagnostics[0].kind == expected.kind);
  CHECK(diagnostics[0].location.range == annotated.ranges[0]);
  CHECK_THAT(diagnostics[0].message,
             Catch::Contains(std::string(expected.message_part)));
}

TEST_CASE("profile mistakes are reported at the node", "[profile]") {
  ExpectAt("regions:\n  r1:\n    [[service]]: [compute]\n",
           {DiagnosticKind::InvalidProfile, "did you mean `services`?"});
  ExpectAt("[[home]]: r1\nregions: {r1: {}}\n",
           {DiagnosticKind::InvalidProfile, "unknown key `home`"});
  ExpectAt("provider: [[opnstack]]\nregions: {r1: {}}\n",
           {DiagnosticKind::InvalidProfile, "did you mean `openstack`?"});
  ExpectAt("regions: {r1: {services: [[compute]]}}\n",
           {DiagnosticKind::InvalidProfile, "must be a list of names"});
  ExpectAt("regions: {r1: {services: [ [[computee]] ]}}\n",
           {DiagnosticKind::UnknownProfileService, "did you mean `compute`?"});
  ExpectAt("home_region: [[RegionOen]]\nregions: {RegionOne: {}}\n",
           {DiagnosticKind::UnknownProfileRegion, "did you mean `RegionOne`?"});
  ExpectAt("regions: {r1: {}}\noptions:\n  shared_services: {region: [[west]], "
           "services: [image]}\n",
           {DiagnosticKind::UnknownProfileRegion, "declare it under"});
  ExpectAt("regions: {r1: {}}\noptions: {cross_az_attach: [[maybe]]}\n",
           {DiagnosticKind::InvalidProfile, "`true` or `false`"});
}

TEST_CASE("a profile without regions is refused", "[profile]") {
  Read read("provider: aws\n");
  CHECK_FALSE(read.profile);
  REQUIRE(read.consumer.diagnostics().size() == 1);
  CHECK(read.consumer.diagnostics()[0].kind == DiagnosticKind::InvalidProfile);
  Read list("- a\n");
  CHECK_FALSE(list.profile);
}

}  // namespace
}  // namespace isobar

namespace isobar {
namespace {

TEST_CASE("the built-in AWS profile knows every region and its zones",
          "[profile]") {
  const CloudProfile& aws = BuiltinAwsProfile();
  CHECK(aws.provider == CloudProvider::Aws);
  CHECK(aws.regions.size() == 46);
  const ProfileRegion* home = aws.FindRegion(aws.home_region);
  REQUIRE(home);
  CHECK(home->HasZone("us-east-1a"));
  CHECK_FALSE(home->HasZone("us-west-2a"));
  REQUIRE(aws.FindRegion("eu-central-1"));
  // Every zone is named after its region, which the zone rule relies on.
  for (const ProfileRegion& region : aws.regions) {
    CHECK_FALSE(region.availability_zones.empty());
    for (const std::string& zone : region.availability_zones) {
      CHECK(zone.starts_with(region.name));
    }
  }
  CHECK(AwsRegionTypesKnown("us-west-2"));
  CHECK_FALSE(AwsRegionTypesKnown("us-iso-east-1"));
}

}  // namespace
}  // namespace isobar
