// Units for the resolve phase's references (analysis/references/): what
// each reference resolves to, the Dynamic sentinel that keeps one mistake
// to one diagnostic, fix-it ranges, Fn::Sub variables, pseudo parameters
// and transforms. Ranges come from `[[...]]` markers.
#include <catch2/catch.hpp>
#include <optional>
#include <string>
#include <vector>

#include "tests/unit/annotated.h"
#include "tests/unit/resolved_template.h"

namespace isobar {
namespace {

using testing::Annotated;

// One template through the frontend and the resolve phase.
class Resolved : public testing::ResolvedTemplate {
 public:
  using ResolvedTemplate::ResolvedTemplate;

  auto refs() const -> const std::vector<Reference>& {
    return resolution().references.references;
  }
  auto Ref(std::string_view name) const -> const Reference* {
    for (const Reference& r : refs()) {
      if (r.name == name) return &r;
    }
    return nullptr;
  }
  auto Count(DiagnosticKind kind) -> size_t {
    size_t n = 0;
    for (const Diagnostic& d : diagnostics()) n += d.kind == kind;
    return n;
  }
};

TEST_CASE("HOT references resolve to their declarations", "[references]") {
  Resolved t(R"(heat_template_version: 2018-08-31
parameters:
  image: {type: string, default: x}
conditions:
  c: {equals: [{get_param: image}, x]}
resources:
  a: {type: OS::Heat::None, condition: c}
  b:
    type: OS::Heat::Value
    depends_on: [a]
    properties:
      value: [{get_attr: [a, x]}, {get_param: OS::stack_name}, {get_resource: {get_param: image}}]
)");
  CHECK(t.diagnostics().empty());
  const Reference* c = t.Ref("c");
  REQUIRE(c != nullptr);
  CHECK(c->kind == ReferenceKind::Condition);
  CHECK(c->state == ReferenceState::Resolved);
  CHECK(c->via == "condition");
  size_t to_a = 0;
  for (const Reference& r : t.refs()) {
    if (r.name != "a") continue;
    ++to_a;
    CHECK(r.state == ReferenceState::Resolved);
    REQUIRE(r.target);
    CHECK(r.target->kind == SymbolKind::Resource);
    CHECK(r.target->index == 0);
    CHECK(r.owner == 1);
  }
  CHECK(to_a == 2);
  const Reference* pseudo = t.Ref("OS::stack_name");
  REQUIRE(pseudo != nullptr);
  CHECK(pseudo->target->is_pseudo());
  // A computed name is no reference at all.
  for (const Reference& r : t.refs()) CHECK(r.via != "get_resource");
}

TEST_CASE(
    "each use of a bad name is reported; a malformed call is not looked "
    "up",
    "[references]") {
  Resolved t(R"(heat_template_version: 2018-08-31
resources:
  server: {type: OS::Heat::None}
  v:
    type: OS::Heat::Value
    properties:
      value: [{get_resource: sever}, {get_resource: sever}, {get_attr: [sever, x]},
              {get_attr: sever}, {get_attr: [[sever], x]}]
)");
  CHECK(t.Count(DiagnosticKind::UnknownResource) == 3);
  CHECK(t.Count(DiagnosticKind::InvalidFunctionArguments) == 2);
  CHECK(t.diagnostics().size() == 5);
}

TEST_CASE("the fix-it replaces just the name, inside quotes", "[references]") {
  Annotated a(R"({"AWSTemplateFormatVersion": "2010-09-09",
 "Parameters": {[["Stage"]]: {"Type": "String"}},
 "Resources": {"Q": {"Type": "AWS::SQS::Queue",
   "Properties": {"QueueName": {"Ref": [["[[Stge]]"]]}}}}})");
  Resolved t(a.text, "t.json");
  REQUIRE(t.diagnostics().size() == 1);
  const Diagnostic& d = t.diagnostics()[0];
  CHECK(d.kind == DiagnosticKind::UnknownRefTarget);
  CHECK(d.location.range == a.ranges[1]);
  REQUIRE(d.fixes.size() == 1);
  CHECK(d.fixes[0].edits[0].location.range == a.ranges[2]);
  CHECK(d.fixes[0].edits[0].replacement == "Stage");
  REQUIRE(d.notes.size() == 1);
  CHECK(d.notes[0].location.range == a.ranges[0]);
}

TEST_CASE("Fn::Sub variables: the map first, then names and attributes",
          "[references]") {
  Annotated a(R"(AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Queue: {Type: AWS::SQS::Queue}
  Topic:
    Type: AWS::SNS::Topic
    Properties:
      TopicName: !Sub ["${Local}-${[[Queu]].Arn}-${AWS::Region}-${!Literal}", {Local: x}]
)");
  Resolved t(a.text);
  REQUIRE(t.diagnostics().size() == 1);
  CHECK(t.diagnostics()[0].kind == DiagnosticKind::UnknownResource);
  CHECK(t.diagnostics()[0].location.range == a.ranges[0]);
  CHECK(t.Ref("Local") == nullptr);
  CHECK(t.Ref("Literal") == nullptr);
  REQUIRE(t.Ref("AWS::Region") != nullptr);
  CHECK(t.Ref("AWS::Region")->state == ReferenceState::Resolved);
}

TEST_CASE("Ref in a CloudFormation condition names a parameter",
          "[references]") {
  Resolved t(R"(AWSTemplateFormatVersion: "2010-09-09"
Parameters:
  P: {Type: String}
Conditions:
  A: !Equals [!Ref P, x]
  B: !Equals [!Ref Q, x]
Resources:
  Q: {Type: AWS::SQS::Queue, Condition: A}
)");
  REQUIRE(t.diagnostics().size() == 1);
  CHECK(t.diagnostics()[0].kind == DiagnosticKind::FunctionInvalidInCondition);
  const Reference* q = t.Ref("Q");
  REQUIRE(q != nullptr);
  CHECK(q->kind == ReferenceKind::Parameter);
  CHECK(q->in_condition);
}

TEST_CASE("mapping keys resolve under their mapping, or not at all",
          "[references]") {
  Resolved t(R"(AWSTemplateFormatVersion: "2010-09-09"
Mappings:
  M:
    k1: {k2: v}
Resources:
  Q:
    Type: AWS::SQS::Queue
    Properties:
      QueueName: !FindInMap [M, k1, k3]
      DelaySeconds: !FindInMap [Missing, k1, k2]
)");
  CHECK(t.Count(DiagnosticKind::UnknownMappingKey) == 1);
  CHECK(t.Count(DiagnosticKind::UnknownMapping) == 1);
  CHECK(t.diagnostics().size() == 2);
  const Reference* second = t.Ref("k3");
  REQUIRE(second != nullptr);
  CHECK(second->kind == ReferenceKind::MappingSecondKey);
  CHECK(second->parent_key == "k1");
}

TEST_CASE("a section that is not a mapping makes its names Dynamic",
          "[references]") {
  Resolved t(R"(heat_template_version: 2018-08-31
parameters: [a, b]
resources:
  v: {type: OS::Heat::Value, properties: {value: {get_param: a}}}
)");
  const Reference* a = t.Ref("a");
  REQUIRE(a != nullptr);
  CHECK(a->state == ReferenceState::Dynamic);
  CHECK(t.diagnostics().empty());
}

TEST_CASE("pseudo parameters follow the engine", "[references]") {
  Resolved hot(R"(heat_template_version: 2018-08-31
resources:
  v: {type: OS::Heat::Value, properties: {value: [{get_param: OS::project_id}, {get_param: OS::region}]}}
)");
  CHECK(hot.Count(DiagnosticKind::UnknownParameter) == 1);
  Resolved heat_cfn(R"({"HeatTemplateFormatVersion": "2012-12-12", "Resources":
 {"V": {"Type": "OS::Heat::Value", "Properties": {"value": [{"Ref": "AWS::Region"}, {"Ref": "AWS::Partition"}]}}}})",
                    "t.json");
  CHECK(heat_cfn.Count(DiagnosticKind::UnknownRefTarget) == 1);
  Resolved aws(R"({"AWSTemplateFormatVersion": "2010-09-09", "Resources":
 {"Q": {"Type": "AWS::SQS::Queue", "Properties": {"QueueName": {"Ref": "AWS::Partition"}}}}})",
               "t.json");
  CHECK(aws.diagnostics().empty());
}

TEST_CASE("a Transform leaves references unchecked", "[references]") {
  Resolved t(R"(AWSTemplateFormatVersion: "2010-09-09"
Transform: AWS::Serverless-2016-10-31
Resources:
  F: {Type: AWS::Serverless::Function, Properties: {Role: !GetAtt FRole.Arn}}
)");
  CHECK(t.diagnostics().empty());
  REQUIRE(t.Ref("FRole") != nullptr);
  CHECK(t.Ref("FRole")->state == ReferenceState::Unresolved);
}

TEST_CASE("an unknown name in an output value Heat reads late is a warning",
          "[references]") {
  Resolved t(R"(heat_template_version: 2018-08-31
resources:
  a: {type: OS::Heat::None}
outputs:
  late: {value: {get_resource: b}}
  early: {value: {get_attr: [b, x]}}
)");
  CHECK(t.Count(DiagnosticKind::UnknownNameInOutput) == 1);
  CHECK(t.Count(DiagnosticKind::UnknownResource) == 1);
}

}  // namespace
}  // namespace isobar
