// Units for the function index (analysis/functions/function_index.h) and
// the function check: what counts as a call in each version and context,
// the data recorded per call, aliases, depth, and which calls are well
// formed. Ranges come from `[[...]]` markers, never hard-coded columns.
#include <algorithm>
#include <catch2/catch.hpp>
#include <optional>
#include <string>
#include <vector>

#include "analysis/functions/check_functions.h"
#include "analysis/functions/function_index.h"
#include "tests/unit/annotated.h"
#include "tests/unit/resolved_template.h"

namespace isobar {
namespace {

using testing::Annotated;

// One template loaded by the real frontend, with its index.
class Loaded : public testing::LoadedTemplate {
 public:
  explicit Loaded(std::string text, std::string name = "t.yaml")
      : LoadedTemplate(std::move(text), std::move(name)),
        index_(IndexFunctions(tmpl())) {}

  auto index() const -> const FunctionIndex& { return index_; }
  auto Find(std::string_view name, size_t nth = 0) const
      -> const FunctionCall* {
    for (const FunctionCall& call : index_.calls()) {
      if (call.name == name && nth-- == 0) return &call;
    }
    return nullptr;
  }
  auto Count(std::string_view name) const -> size_t {
    size_t n = 0;
    for (const FunctionCall& call : index_.calls()) n += call.name == name;
    return n;
  }
  auto Check() -> FunctionCheckResult {
    return CheckFunctions(tmpl(), index_, emitter());
  }

 private:
  FunctionIndex index_;
};

TEST_CASE("a call records its name, ranges, argument, context and owner",
          "[functions]") {
  Annotated a(R"(heat_template_version: 2018-08-31
parameters:
  p: {type: string, default: {get_param: not_a_call}}
resources:
  first: {type: OS::Heat::None}
  second:
    type: OS::Heat::Value
    properties:
      value: [[{[[get_attr]]: [first, [[{[[get_param]]: p}]]]}]]
outputs:
  o: {value: [[{[[get_resource]]: second}]]}
)");
  Loaded t(a.text);
  REQUIRE(t.index().calls().size() == 3);
  const FunctionCall* attr = t.Find("get_attr");
  REQUIRE(attr != nullptr);
  CHECK(attr->range == a.ranges[0]);
  CHECK(attr->key_range == a.ranges[1]);
  CHECK(attr->id == FunctionId::GetAttr);
  CHECK(attr->status == CallStatus::Live);
  CHECK(attr->context == ValueContext::ResourceProperties);
  CHECK(attr->owner == 1);
  CHECK(attr->parent == kNoCall);
  CHECK(t.tmpl().document.IsSequence(attr->argument));
  const FunctionCall* param = t.Find("get_param");
  REQUIRE(param != nullptr);
  CHECK(param->range == a.ranges[2]);
  CHECK(param->key_range == a.ranges[3]);
  CHECK(param->parent == 0);
  const FunctionCall* res = t.Find("get_resource");
  REQUIRE(res != nullptr);
  CHECK(res->range == a.ranges[4]);
  CHECK(res->context == ValueContext::OutputValue);
  CHECK(res->owner == 0);
  // Parameter defaults are data.
  CHECK(t.Count("get_param") == 1);
  CHECK(t.index().CallAt(attr->mapping, false) == 0);
  CHECK(t.index().IsCall(param->mapping));
}

TEST_CASE("HOT calls follow the version's function tables", "[functions]") {
  Loaded t(R"(heat_template_version: 2016-10-14
parameters:
  p: {type: string, default: x}
conditions:
  c: {equals: [{get_param: p}, x]}
  bad: {get_resource: r}
resources:
  r:
    type: OS::Heat::Value
    properties:
      value:
        - {Fn::Join: [",", [a]]}
        - {filter: [[a], [a]]}
        - {equals: [a, a]}
        - {unknown_function: x}
        - {if: [c, {get_param: p}, {equals: [a, b]}]}
        - {a: 1, get_param: p}
)");
  CHECK(t.Find("Fn::Join")->status == CallStatus::Removed);
  CHECK(t.Find("filter")->status == CallStatus::NotInVersion);
  CHECK(t.Find("get_resource")->status == CallStatus::InvalidInCondition);
  CHECK(t.Find("get_resource")->in_condition);
  // `equals` is a call only in a condition; elsewhere it is data.
  CHECK(t.Count("equals") == 1);
  CHECK(t.Find("equals")->context == ValueContext::ConditionDefinition);
  CHECK(t.Count("unknown_function") == 0);
  // Two keys: data, not a call.
  CHECK(t.Count("get_param") == 2);
  // Resources are walked before conditions.
  const FunctionCall* branch = t.Find("get_param", 0);
  REQUIRE(branch != nullptr);
  CHECK_FALSE(branch->in_condition);
  CHECK(t.index().call(branch->parent).name == "if");
}

TEST_CASE("the first argument of `if` is a condition", "[functions]") {
  Loaded t(R"(heat_template_version: 2018-08-31
parameters:
  p: {type: string, default: x}
resources:
  r:
    type: OS::Heat::Value
    properties:
      value: {if: [{equals: [{get_param: p}, x]}, {equals: [1, 1]}, b]}
)");
  REQUIRE(t.Count("equals") == 1);
  const FunctionCall* eq = t.Find("equals");
  CHECK(eq->in_condition);
  CHECK(eq->context == ValueContext::ResourceProperties);
  CHECK(t.Find("get_param")->in_condition);
}

TEST_CASE("CloudFormation calls: Ref, Fn::, Condition", "[functions]") {
  Loaded t(R"(AWSTemplateFormatVersion: "2010-09-09"
Conditions:
  A: !Equals [a, a]
  B: !And [!Condition A, {Fn::Not: [{Condition: A}]}]
  C: !Equals [!GetAtt Q.Arn, x]
Resources:
  Q:
    Type: AWS::SQS::Queue
    Properties:
      QueueName: {Fn::Jion: [",", [a]]}
      Tags: [{Condition: A}, !Sub "x", !If [A, !Ref Q, !Ref "AWS::NoValue"]]
)");
  CHECK(t.Count("Condition") == 2);
  CHECK(t.Find("Fn::Jion")->status == CallStatus::Unknown);
  CHECK(t.Find("Fn::GetAtt")->status == CallStatus::InvalidInCondition);
  CHECK(t.Find("Fn::Sub")->status == CallStatus::Live);
  CHECK(t.Find("Fn::If")->status == CallStatus::Live);
  CHECK(t.Count("Ref") == 2);
}

TEST_CASE("Heat's CFN dialect keeps AWS-only functions as data",
          "[functions]") {
  Loaded t(R"({"HeatTemplateFormatVersion": "2012-12-12",
 "Resources": {"V": {"Type": "OS::Heat::Value",
   "Properties": {"value": [{"Fn::Sub": "x"}, {"Fn::Join": ["", []]}]}}}})",
           "t.json");
  CHECK(t.Find("Fn::Sub")->status == CallStatus::NotInVersion);
  CHECK(t.Find("Fn::Join")->status == CallStatus::Live);
}

TEST_CASE("an aliased subtree is indexed once, its other owners noted",
          "[functions]") {
  Loaded t(R"(heat_template_version: 2018-08-31
resources:
  a:
    type: OS::Heat::Value
    properties: &props
      value: {get_resource: b}
  b:
    type: OS::Heat::Value
    properties: *props
)");
  CHECK(t.Count("get_resource") == 1);
  CHECK(t.Find("get_resource")->owner == 0);
  REQUIRE(t.index().shared_uses().size() == 1);
  CHECK(t.index().shared_uses()[0].owner == 1);
}

TEST_CASE("a doubling alias chain costs one visit per distinct node",
          "[functions]") {
  std::string text = "heat_template_version: 2018-08-31\nx:\n";
  text += "  - &a0 {get_param: p}\n";
  for (int i = 1; i < 12; ++i) {
    text += "  - &a" + std::to_string(i) + " [*a" + std::to_string(i - 1) +
            ", *a" + std::to_string(i - 1) + "]\n";
  }
  text +=
      "resources:\n  r:\n    type: OS::Heat::Value\n    properties:\n"
      "      value: *a11\n";
  Loaded t(text);
  CHECK(t.Count("get_param") == 1);
}

TEST_CASE("deep nesting is walked without recursion", "[functions]") {
  std::string value;
  // Three levels of nesting per call, within the parser's 256.
  const int depth = 80;
  for (int i = 0; i < depth; ++i) value += "{\"list_join\": [\",\", [";
  value += "\"x\"";
  for (int i = 0; i < depth; ++i) value += "]]}";
  Loaded t(R"({"heat_template_version": "2018-08-31", "resources": {"r":
  {"type": "OS::Heat::Value", "properties": {"value": )" +
               value + "}}}}",
           "t.json");
  CHECK(t.Count("list_join") == depth);
  CHECK(t.index().call(depth - 1).parent == static_cast<uint32_t>(depth - 2));
  FunctionCheckResult checked = t.Check();
  CHECK(t.diagnostics().empty());
  CHECK(std::count(checked.well_formed.begin(), checked.well_formed.end(),
                   true) == depth);
}

TEST_CASE("malformed calls are reported once and marked", "[functions]") {
  Loaded t(R"(heat_template_version: 2018-08-31
resources:
  r:
    type: OS::Heat::Value
    properties:
      value: [{get_attr: rr}, {get_attr: [r, value]}, {get_param: {get_param: x}}]
)");
  FunctionCheckResult checked = t.Check();
  REQUIRE(checked.well_formed.size() == 4);
  CHECK_FALSE(checked.well_formed[0]);
  CHECK(checked.well_formed[1]);
  CHECK(checked.well_formed[2]);
  CHECK(checked.well_formed[3]);
  REQUIRE(t.diagnostics().size() == 1);
  CHECK(t.diagnostics()[0].kind == DiagnosticKind::InvalidFunctionArguments);
}

TEST_CASE("removed functions offer a same-shape fix", "[functions]") {
  Annotated a(R"(heat_template_version: 2016-10-14
resources:
  r:
    type: OS::Heat::Value
    properties:
      value: {"[[Fn::Join]]": [",", [a]]}
)");
  Loaded t(a.text);
  t.Check();
  REQUIRE(t.diagnostics().size() == 1);
  const Diagnostic& d = t.diagnostics()[0];
  CHECK(d.kind == DiagnosticKind::RemovedFunction);
  REQUIRE(d.fixes.size() == 1);
  REQUIRE(d.fixes[0].edits.size() == 1);
  CHECK(d.fixes[0].edits[0].location.range == a.ranges[0]);
  CHECK(d.fixes[0].edits[0].replacement == "list_join");
}

}  // namespace
}  // namespace isobar
