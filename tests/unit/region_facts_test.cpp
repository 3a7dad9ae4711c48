// Units for the region rules' small parsers: the region field of an ARN.
#include "analysis/regions/region_facts.h"

#include <catch2/catch.hpp>

namespace isobar {
namespace {

TEST_CASE("ArnRegion reads the fourth field", "[regions]") {
  CHECK(ArnRegion("arn:aws:sns:eu-west-1:123456789012:alerts") == "eu-west-1");
  CHECK(ArnRegion("arn:aws-cn:acm:cn-north-1:1:certificate/x") == "cn-north-1");
  // Global services leave the region empty.
  CHECK(ArnRegion("arn:aws:iam::123456789012:role/x") == "");
  CHECK(ArnRegion("arn:aws:s3:::bucket") == "");
}

TEST_CASE("ArnRegion refuses what is no ARN or is computed", "[regions]") {
  CHECK_FALSE(ArnRegion("sg-12345678").has_value());
  CHECK_FALSE(ArnRegion("arn:aws:sns").has_value());
  CHECK_FALSE(ArnRegion("arn:aws:sns:${AWS::Region}:1:t").has_value());
  CHECK_FALSE(ArnRegion("").has_value());
}

}  // namespace
}  // namespace isobar
