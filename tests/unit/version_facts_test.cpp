// Units for the generated version facts: they must say what Heat 19 says.
#include <catch2/catch.hpp>

#include "frontend/version_facts.h"

namespace isobar {
namespace {

TEST_CASE("every Heat version and release name is known", "[versions]") {
  for (std::string_view v :
       {"2013-05-23", "2014-10-16", "2015-04-30", "2015-10-15", "2016-04-08",
        "2016-10-14", "2017-02-24", "2017-09-01", "2018-03-02", "2018-08-31",
        "2021-04-16", "newton", "ocata", "pike", "queens", "rocky",
        "wallaby"}) {
    INFO(v);
    CHECK(FindTemplateVersion("heat_template_version", v) != nullptr);
  }
  CHECK(FindTemplateVersion("heat_template_version", "2016-13-01") == nullptr);
  CHECK(FindTemplateVersion("heat_template_version", "victoria") == nullptr);
  CHECK(FindTemplateVersion("AWSTemplateFormatVersion", "2010-09-09") != nullptr);
  CHECK(FindTemplateVersion("HeatTemplateFormatVersion", "2012-12-12") != nullptr);
}

TEST_CASE("release names are the same version as their date", "[versions]") {
  CHECK(FindTemplateVersion("heat_template_version", "rocky") ==
        FindTemplateVersion("heat_template_version", "2018-08-31"));
  CHECK(FindTemplateVersion("heat_template_version", "newton") ==
        FindTemplateVersion("heat_template_version", "2016-10-14"));
}

TEST_CASE("sections and keys follow the version", "[versions]") {
  const auto* v2015 = FindTemplateVersion("heat_template_version", "2015-04-30");
  const auto* v2016 = FindTemplateVersion("heat_template_version", "2016-10-14");
  REQUIRE(v2015 != nullptr);
  REQUIRE(v2016 != nullptr);
  CHECK_FALSE(Contains(v2015->sections, "conditions"));
  CHECK(Contains(v2016->sections, "conditions"));
  CHECK_FALSE(Contains(v2015->resource_keys, "external_id"));
  CHECK(Contains(v2016->resource_keys, "external_id"));
  CHECK_FALSE(Contains(v2016->parameter_constraint_keys, "modulo"));
  CHECK(Contains(FindTemplateVersion("heat_template_version", "ocata")
                     ->parameter_constraint_keys,
                 "modulo"));
  CHECK(Contains(v2015->removed_functions, "Fn::Join"));
  CHECK(Contains(v2016->functions, "yaql"));
}

TEST_CASE("the valid version list names dates and releases", "[versions]") {
  auto names = ValidVersionNames("heat_template_version");
  CHECK(names.size() == 17);
  CHECK(Contains(names, "wallaby"));
  CHECK(ValidVersionNames("AWSTemplateFormatVersion").size() == 1);
}

TEST_CASE("AWS parameter types", "[versions]") {
  CHECK(IsAwsParameterType("AWS::EC2::KeyPair::KeyName"));
  CHECK(IsAwsParameterType("List<AWS::EC2::Subnet::Id>"));
  CHECK(IsAwsParameterType("List<Number>"));
  CHECK(IsAwsParameterType("AWS::SSM::Parameter::Value<String>"));
  CHECK_FALSE(IsAwsParameterType("AWS::EC2::KeyPair::Name"));
  CHECK(IsAwsParameterType("List<String>"));
  CHECK_FALSE(IsAwsParameterType("List<CommaDelimitedList>"));
}

}  // namespace
}  // namespace isobar
