// Units for the dependency graph (analysis/graph/): which references make
// edges, the query API, topological order, and the iterative cycle search
// on graphs far deeper than a recursive walk could handle.
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "analysis/graph/check_cycles.h"
#include "tests/unit/resolved_template.h"

namespace isobar {
namespace {

// One template through the frontend, resolve and the graph pass.
class Graphed : public testing::ResolvedTemplate {
 public:
  explicit Graphed(std::string text, std::string name = "t.yaml")
      : ResolvedTemplate(std::move(text), std::move(name)) {
    diagnostics().clear();
    graph_ = CheckDependencies(tmpl(), resolution(), emitter());
  }

  auto Index(std::string_view name) const -> uint32_t {
    for (uint32_t i = 0; i < tmpl().resources.size(); ++i) {
      if (tmpl().resources[i].name == name) return i;
    }
    FAIL("no resource " << name);
    return 0;
  }
  auto Names(std::span<const uint32_t> resources) const
      -> std::vector<std::string> {
    std::vector<std::string> names;
    for (uint32_t r : resources) names.push_back(tmpl().resources[r].name);
    return names;
  }
  auto graph() const -> const DependencyGraph& { return graph_; }

 private:
  DependencyGraph graph_;
};

using Names = std::vector<std::string>;

TEST_CASE("HOT edges come from depends_on, properties and metadata",
          "[graph]") {
  Graphed t(R"(heat_template_version: 2018-08-31
parameters:
  p: {type: string, default: x}
resources:
  base: {type: OS::Heat::RandomString}
  other: {type: OS::Heat::RandomString}
  top:
    type: OS::Heat::RandomString
    depends_on: [other, base]
    metadata: {m: {get_attr: [base, value]}}
    properties: {salt: {get_param: p}}
    deletion_policy: {get_resource: other}
outputs:
  o: {value: {get_resource: top}}
)");
  const DependencyGraph& g = t.graph();
  CHECK(t.Names(g.DependenciesOf(t.Index("top"))) == Names{"other", "base"});
  CHECK(t.Names(g.DependentsOf(t.Index("base"))) == Names{"top"});
  CHECK(g.DependenciesOf(t.Index("base")).empty());
  // The duplicate reference to `base` keeps the first edge, from depends_on.
  CHECK(g.edges().size() == 2);
  auto order = g.TopologicalOrder();
  REQUIRE(order);
  CHECK(t.Names(*order) == Names{"base", "other", "top"});
  CHECK(g.CyclicComponents().empty());
  CHECK(t.diagnostics().empty());
}

TEST_CASE("CloudFormation edges come from Ref, GetAtt, Sub and DependsOn",
          "[graph]") {
  Graphed t(R"({"AWSTemplateFormatVersion": "2010-09-09",
 "Conditions": {"C": {"Fn::Equals": [{"Ref": "AWS::Region"}, "x"]}},
 "Resources": {
  "A": {"Type": "AWS::SNS::Topic", "DependsOn": "B"},
  "B": {"Type": "AWS::SNS::Topic",
        "Properties": {"TopicName": {"Fn::Sub": "${C1.TopicName}-${AWS::Region}"}}},
  "C1": {"Type": "AWS::SNS::Topic",
         "Properties": {"TopicName": {"Fn::If": ["C", {"Ref": "D"}, "x"]}}},
  "D": {"Type": "AWS::SNS::Topic"}}})",
            "t.json");
  const DependencyGraph& g = t.graph();
  CHECK(t.Names(g.DependenciesOf(t.Index("A"))) == Names{"B"});
  CHECK(t.Names(g.DependenciesOf(t.Index("B"))) == Names{"C1"});
  CHECK(t.Names(g.DependenciesOf(t.Index("C1"))) == Names{"D"});
  auto order = g.TopologicalOrder();
  REQUIRE(order);
  CHECK(t.Names(*order) == Names{"D", "C1", "B", "A"});
}

TEST_CASE("a cycle is reported once, with a note per edge", "[graph]") {
  Graphed t(R"(heat_template_version: 2018-08-31
resources:
  a: {type: OS::Heat::RandomString, depends_on: [b, c]}
  b: {type: OS::Heat::RandomString, depends_on: c}
  c: {type: OS::Heat::RandomString, depends_on: a}
)");
  const DependencyGraph& g = t.graph();
  CHECK_FALSE(g.TopologicalOrder());
  auto components = g.CyclicComponents();
  REQUIRE(components.size() == 1);
  CHECK(t.Names(components[0]) == Names{"a", "b", "c"});
  // The shortest cycle through `a`.
  CHECK(t.Names(g.CycleThrough(t.Index("a"), components[0])) ==
        Names{"a", "c"});
  REQUIRE(t.diagnostics().size() == 1);
  const Diagnostic& d = t.diagnostics()[0];
  CHECK(d.kind == DiagnosticKind::DependencyCycle);
  CHECK(d.message == "dependency cycle `a -> c -> a`; none of these "
                     "resources can be created");
  REQUIRE(d.notes.size() == 2);
  CHECK(d.notes[0].message == "`a` depends on `c` here");
  CHECK(d.notes[1].message == "`c` depends on `a` here");
}

TEST_CASE("an external resource depends on nothing", "[graph]") {
  Graphed t(R"(heat_template_version: 2018-08-31
resources:
  a: {type: OS::Heat::RandomString, external_id: x,
      properties: {salt: {get_resource: b}}}
  b: {type: OS::Heat::RandomString, properties: {salt: {get_resource: a}}}
)");
  CHECK(t.graph().edges().size() == 1);
  CHECK(t.diagnostics().empty());
}

TEST_CASE("the cycle search is iterative and linear", "[graph]") {
  constexpr uint32_t kCount = 200000;
  DependencyGraph chain(kCount);
  for (uint32_t i = 0; i + 1 < kCount; ++i) chain.AddEdge(i, i + 1, 0);
  CHECK(chain.CyclicComponents().empty());
  auto order = chain.TopologicalOrder();
  REQUIRE(order);
  CHECK(order->front() == kCount - 1);
  chain.AddEdge(kCount - 1, 0, 0);
  chain.AddEdge(7, 7, 0);
  auto components = chain.CyclicComponents();
  REQUIRE(components.size() == 1);
  CHECK(components[0].size() == kCount);
  CHECK(chain.CycleThrough(0, components[0]).size() == kCount);
  CHECK(chain.CycleThrough(7, components[0]) == std::vector<uint32_t>{7});
  CHECK_FALSE(chain.TopologicalOrder());
}

}  // namespace
}  // namespace isobar
