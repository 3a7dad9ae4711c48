// cfn-lint's `format`s that are patterns over the value: the ids of EC2
// objects. A value of such a property that does not have the id's shape
// (`ami-123456`, one digit short) names nothing. Facts from cfn-lint
// v1.51 (`src/cfnlint/rules/formats`).
#pragma once

#include <string_view>

namespace isobar {

// The pattern (Python syntax, matched at the start) of `format`, or empty
// when the format is not a pattern isobar checks. A list format
// (`AWS::EC2::Subnet.Ids`) gives its items' pattern.
inline auto FormatPattern(std::string_view format) -> std::string_view {
  struct Entry {
    std::string_view format;
    std::string_view pattern;
  };
  static constexpr Entry kFormats[] = {
      {"AWS::EC2::Image.Id", "^ami-([0-9a-z]{8}|[0-9a-z]{17})$"},
      {"AWS::EC2::SecurityGroup.Id", "^sg-([a-fA-F0-9]{8}|[a-fA-F0-9]{17})$"},
      {"AWS::EC2::SecurityGroup.Ids", "^sg-([a-fA-F0-9]{8}|[a-fA-F0-9]{17})$"},
      {"AWS::EC2::Subnet.Id", "^subnet-(([0-9A-Fa-f]{8})|([0-9A-Fa-f]{17}))$"},
      {"AWS::EC2::Subnet.Ids", "^subnet-(([0-9A-Fa-f]{8})|([0-9A-Fa-f]{17}))$"},
      {"AWS::EC2::VPC.Id", "^vpc-(([0-9A-Fa-f]{8})|([0-9A-Fa-f]{17}))$"},
  };
  for (const Entry& e : kFormats) {
    if (e.format == format) return e.pattern;
  }
  return {};
}

}  // namespace isobar
