// A generated CloudFormation template that stresses conditions: many
// parameters, a chain of conditions that each use the previous one and
// one further back (so the number of scenarios a linter that enumerates
// them must visit grows exponentially), resources guarded by them and
// many Fn::If. cfn-lint's issues 2874, 3356, 3717 and 4387 report
// templates of this shape taking minutes to hours.
#pragma once

#include <string>

namespace isobar::bench {

struct ManyConditions {
  int parameters = 200;
  int conditions = 200;
  // Fn::If calls, spread over resources of 10 tags each.
  int ifs = 1000;
};

auto GenerateManyConditions(const ManyConditions& shape) -> std::string;

}  // namespace isobar::bench
