// Three-valued evaluation of conditions: true, false, or unknown when a
// parameter it reads has no known value (or Heat computes it, as `yaql`).
//
//   ConditionEvaluator eval(tmpl, resolution, inputs);
//   Evaluation e = eval.OfCondition(i);     // Template::conditions[i]
//   Evaluation r = eval.OfNode(resource.condition);
//
// Each condition and each node of a condition expression is evaluated at
// most once and remembered, so the cost is linear in the number of
// condition nodes however conditions share each other and however many
// `if`s ask: no scenario is enumerated (cfn-lint does, and needs minutes
// on templates with many conditions). The walk is iterative. A condition
// that reaches itself (a cycle, reported by R231) reads as unknown there.
#pragma once

#include <cstdint>
#include <unordered_map>
#include <vector>

#include "analysis/conditions/condition_inputs.h"
#include "analysis/references/resolve.h"

namespace isobar {

enum class Truth : uint8_t { False, True, Unknown };

struct Evaluation {
  Truth truth = Truth::Unknown;
  // True when the answer rests on a value given for this run (-P, an
  // environment, the region), not on the template alone.
  bool given = false;
};

class ConditionEvaluator {
 public:
  ConditionEvaluator(const Template& tmpl, const Resolution& resolution,
                     ConditionInputs inputs);

  // The value of Template::conditions[index].
  auto OfCondition(uint32_t index) -> Evaluation;
  // The value of `node` read as a condition, as a resource's `condition`
  // or `if`'s first argument: a condition name, a boolean or a condition
  // function.
  auto OfNode(NodeId node) -> Evaluation;

 private:
  enum class State : uint8_t { Unvisited, InProgress, Done };
  // How a slot combines its operands: Leaf has its value from the start
  // (a boolean, or Unknown); Same takes its one operand's (a condition
  // name, a definition); Equals and Contains compare values, not operands.
  enum class Op : uint8_t { Leaf, Same, Not, And, Or, Equals, Contains };
  // A condition (by index) or a condition-context node.
  struct Item {
    bool condition = false;
    uint32_t id = 0;
  };
  struct Slot {
    Item item;
    State state = State::Unvisited;
    Op op = Op::Leaf;
    uint32_t call = 0;
    Evaluation value;
    std::vector<uint32_t> children;  // slot indices
  };

  auto SlotOf(Item item) -> uint32_t;
  auto Run(Item root) -> Evaluation;
  void Decode(uint32_t slot);
  void DecodeCall(uint32_t call, uint32_t slot);
  void Combine(uint32_t slot);
  auto ConditionNamed(NodeId node) -> std::optional<uint32_t>;
  auto ValueInput(NodeId node) -> std::optional<InputValue>;
  // equals / Fn::Equals, or contains: compares the operands' values.
  auto CompareCall(uint32_t call, bool contains) -> Evaluation;
  void AddChild(uint32_t slot, Item child);

  const Template& tmpl_;
  const Resolution& resolution_;
  ConditionInputs inputs_;
  bool hot_;
  std::vector<Slot> slots_;
  std::vector<uint32_t> condition_slot_;
  std::unordered_map<NodeId, uint32_t> node_slot_;
};

}  // namespace isobar
