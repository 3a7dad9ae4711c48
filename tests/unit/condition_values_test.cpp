// Units for the condition evaluator (analysis/conditions/): three-valued
// logic, parameter values from defaults and from a TemplateContext, Heat's
// and CloudFormation's comparisons, cycles, and the linear cost on chains
// of shared conditions.
#include <catch2/catch.hpp>
#include <fmt/format.h>

#include <string>

#include "analysis/conditions/check_conditions.h"
#include "analysis/conditions/condition_values.h"
#include "tests/unit/resolved_template.h"

namespace isobar {
namespace {

// A resolved template with an evaluator over it.
class Evaluated {
 public:
  explicit Evaluated(std::string text,
                     ConditionInputs inputs = {nullptr, true, {}})
      : resolved_(std::move(text)),
        evaluator_(resolved_.tmpl(), resolved_.resolution(), inputs) {}

  auto Of(std::string_view condition) -> Truth {
    return evaluator_.OfCondition(Index(condition)).truth;
  }
  auto Given(std::string_view condition) -> bool {
    return evaluator_.OfCondition(Index(condition)).given;
  }

 private:
  auto Index(std::string_view condition) -> uint32_t {
    const Template& tmpl = resolved_.tmpl();
    for (uint32_t i = 0; i < tmpl.conditions.size(); ++i) {
      if (tmpl.conditions[i].name == condition) return i;
    }
    FAIL("no condition " << condition);
    return 0;
  }

  testing::ResolvedTemplate resolved_;
  ConditionEvaluator evaluator_;
};

constexpr std::string_view kHot = R"(heat_template_version: 2021-04-16
parameters:
  env: {type: string, default: dev}
  free: {type: string}
  count: {type: number, default: "2"}
  flag: {type: boolean, default: "on"}
conditions:
  is_dev: {equals: [{get_param: env}, dev]}
  is_prod: {equals: [prod, {get_param: env}]}
  unknown: {equals: [{get_param: free}, x]}
  two: {equals: [{get_param: count}, 2.0]}
  two_int: {equals: [{get_param: count}, 2]}
  not_three: {equals: [3, {get_param: count}]}
  flagged: {equals: [{get_param: flag}, true]}
  flag_itself: {not: {get_param: flag}}
  and_false: {and: [unknown, is_prod]}
  and_unknown: {and: [unknown, is_dev]}
  or_true: {or: [unknown, is_dev]}
  or_unknown: {or: [unknown, is_prod]}
  negated: {not: is_prod}
  listed: {contains: [{get_param: env}, [dev, qa]]}
  not_listed: {contains: [{get_param: env}, [qa, {get_param: free}]]}
  literal: true
  computed: {yaql: {expression: "true"}}
  loop_a: {and: [loop_b, true]}
  loop_b: {not: loop_a}
  cut_loop: {and: [loop_a, false]}
)";

TEST_CASE("HOT conditions are three-valued", "[conditions]") {
  Evaluated t{std::string(kHot)};
  CHECK(t.Of("is_dev") == Truth::True);
  CHECK(t.Of("is_prod") == Truth::False);
  CHECK(t.Of("unknown") == Truth::Unknown);
  CHECK(t.Of("and_false") == Truth::False);
  CHECK(t.Of("and_unknown") == Truth::Unknown);
  CHECK(t.Of("or_true") == Truth::True);
  CHECK(t.Of("or_unknown") == Truth::Unknown);
  CHECK(t.Of("negated") == Truth::True);
  CHECK(t.Of("literal") == Truth::True);
  CHECK(t.Of("computed") == Truth::Unknown);
}

TEST_CASE("HOT parameters are typed as Heat types them", "[conditions]") {
  Evaluated t{std::string(kHot)};
  // number "2" is int 2, equal to 2.0; boolean "on" is True.
  CHECK(t.Of("two") == Truth::True);
  CHECK(t.Of("two_int") == Truth::True);
  CHECK(t.Of("not_three") == Truth::False);
  CHECK(t.Of("flagged") == Truth::True);
  CHECK(t.Of("flag_itself") == Truth::False);
  CHECK(t.Of("listed") == Truth::True);
  CHECK(t.Of("not_listed") == Truth::Unknown);
}

TEST_CASE("a cycle reads as unknown, and Kleene logic still decides",
          "[conditions]") {
  Evaluated t{std::string(kHot)};
  CHECK(t.Of("loop_a") == Truth::Unknown);
  CHECK(t.Of("cut_loop") == Truth::False);
}

TEST_CASE("without defaults only given values count", "[conditions]") {
  Evaluated fixed{std::string(kHot), {nullptr, false, {}}};
  CHECK(fixed.Of("is_dev") == Truth::Unknown);
  CHECK(fixed.Of("literal") == Truth::True);

  TemplateContext context;
  context.parameters["env"] = KnownValue{ValueOrigin::CommandLine, "prod"};
  Evaluated given{std::string(kHot), {&context, false, {}}};
  CHECK(given.Of("is_prod") == Truth::True);
  CHECK(given.Given("is_prod"));
  CHECK(given.Of("is_dev") == Truth::False);
  CHECK(given.Of("two") == Truth::Unknown);
}

TEST_CASE("CloudFormation compares strings, and knows the region only when "
          "given",
          "[conditions]") {
  std::string text = R"(AWSTemplateFormatVersion: "2010-09-09"
Parameters:
  Env: {Type: String, Default: prod}
  Size: {Type: Number, Default: 1}
  Image: {Type: "AWS::SSM::Parameter::Value<String>", Default: /x}
Conditions:
  IsProd: !Equals [!Ref Env, prod]
  One: !Equals [!Ref Size, "1"]
  OnePointZero: !Equals [!Ref Size, "1.0"]
  Ssm: !Equals [!Ref Image, /x]
  East: !Equals [!Ref "AWS::Region", us-east-1]
  Both: !And [!Condition IsProd, !Not [!Condition East]]
  TextTrue: "true"
Resources:
  T: {Type: "AWS::SNS::Topic"}
)";
  Evaluated unknown_region{text};
  CHECK(unknown_region.Of("IsProd") == Truth::True);
  CHECK(unknown_region.Of("One") == Truth::True);
  CHECK(unknown_region.Of("OnePointZero") == Truth::Unknown);
  CHECK(unknown_region.Of("Ssm") == Truth::Unknown);
  CHECK(unknown_region.Of("East") == Truth::Unknown);
  CHECK(unknown_region.Of("Both") == Truth::Unknown);
  CHECK(unknown_region.Of("TextTrue") == Truth::True);
  Evaluated west{text, {nullptr, true, "eu-west-1"}};
  CHECK(west.Of("East") == Truth::False);
  CHECK(west.Of("Both") == Truth::True);
  CHECK(west.Given("Both"));
}

TEST_CASE("evaluation stays linear on long chains of shared conditions",
          "[conditions]") {
  // Each condition uses the previous one twice: enumerating scenarios (or
  // evaluating without memoisation) would cost 2^N and never finish, so
  // the suite's timeout catches it; the speed itself is measured by the
  // benchmark (bench/many_conditions.cpp), not here.
  constexpr int kChain = 3000;
  std::string text =
      "heat_template_version: 2021-04-16\n"
      "parameters:\n  p: {type: string, default: a}\n"
      "conditions:\n  c0: {equals: [{get_param: p}, a]}\n";
  for (int i = 1; i < kChain; ++i) {
    text += fmt::format("  c{}: {{and: [c{}, {{not: {{not: c{}}}}}]}}\n", i,
                        i - 1, i - 1);
  }
  text += "resources: {}\n";
  Evaluated t{text};
  CHECK(t.Of(fmt::format("c{}", kChain - 1)) == Truth::True);
}

}  // namespace
}  // namespace isobar

namespace isobar {
namespace {

// The pass as the driver runs it, with values given for the run.
auto KindsOf(std::string text, const TemplateContext& context,
             std::string_view region = {}) -> std::vector<DiagnosticKind> {
  testing::ResolvedTemplate t(std::move(text));
  t.diagnostics().clear();
  CheckConditions(t.tmpl(), t.resolution(), context, region, t.emitter());
  std::vector<DiagnosticKind> kinds;
  for (const Diagnostic& d : t.diagnostics()) kinds.push_back(d.kind);
  return kinds;
}

constexpr std::string_view kGated = R"(heat_template_version: 2018-08-31
parameters:
  env: {type: string, default: prod}
conditions:
  is_prod: {equals: [{get_param: env}, prod]}
resources:
  db:
    type: OS::Heat::Value
    condition: is_prod
  app:
    type: OS::Heat::Value
    properties:
      value: {get_attr: [db, value]}
)";

TEST_CASE("values given for the run switch resources off as an info, and "
          "references to them become errors",
          "[conditions]") {
  TemplateContext none;
  CHECK(KindsOf(std::string(kGated), none).empty());
  TemplateContext dev;
  dev.parameters["env"] = KnownValue{ValueOrigin::CommandLine, "dev"};
  CHECK(KindsOf(std::string(kGated), dev) ==
        std::vector{DiagnosticKind::ConditionFalseWithDefaults,
                    DiagnosticKind::ReferenceToResourceNeverCreated});
}

}  // namespace
}  // namespace isobar
