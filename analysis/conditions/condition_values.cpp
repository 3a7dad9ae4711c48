#include "analysis/conditions/condition_values.h"

#include "analysis/conditions/condition_shape.h"

namespace isobar {

namespace {

auto Negate(Truth t) -> Truth {
  return t == Truth::True    ? Truth::False
         : t == Truth::False ? Truth::True
                             : Truth::Unknown;
}

auto FromBool(bool b) -> Truth { return b ? Truth::True : Truth::False; }

}  // namespace

ConditionEvaluator::ConditionEvaluator(const Template& tmpl,
                                       const Resolution& resolution,
                                       ConditionInputs inputs)
    : tmpl_(tmpl),
      resolution_(resolution),
      inputs_(inputs),
      hot_(tmpl.format == TemplateFormat::Hot),
      condition_slot_(tmpl.conditions.size(), kNoCall) {}

auto ConditionEvaluator::OfCondition(uint32_t index) -> Evaluation {
  return Run({true, index});
}

auto ConditionEvaluator::OfNode(NodeId node) -> Evaluation {
  if (node == kNoNode) return {};
  return Run({false, node});
}

auto ConditionEvaluator::SlotOf(Item item) -> uint32_t {
  auto fresh = [&] {
    slots_.push_back(Slot{item});
    return static_cast<uint32_t>(slots_.size() - 1);
  };
  if (item.condition) {
    if (condition_slot_[item.id] == kNoCall) condition_slot_[item.id] = fresh();
    return condition_slot_[item.id];
  }
  auto it = node_slot_.find(item.id);
  if (it != node_slot_.end()) return it->second;
  uint32_t slot = fresh();
  node_slot_.emplace(item.id, slot);
  return slot;
}

auto ConditionEvaluator::Run(Item root) -> Evaluation {
  // Post-order over an explicit stack: a slot is expanded once (its
  // operands pushed), then combined once they are done. A slot met again
  // while InProgress is an ancestor: a cycle, read as Unknown.
  struct Frame {
    uint32_t slot;
    bool expanded;
  };
  uint32_t root_slot = SlotOf(root);
  std::vector<Frame> stack{{root_slot, false}};
  while (!stack.empty()) {
    Frame frame = stack.back();
    stack.pop_back();
    if (frame.expanded) {
      Combine(frame.slot);
      continue;
    }
    if (slots_[frame.slot].state != State::Unvisited) continue;
    slots_[frame.slot].state = State::InProgress;
    stack.push_back({frame.slot, true});
    Decode(frame.slot);
    for (uint32_t child : slots_[frame.slot].children) {
      if (slots_[child].state == State::Unvisited) {
        stack.push_back({child, false});
      }
    }
  }
  return slots_[root_slot].value;
}

void ConditionEvaluator::AddChild(uint32_t slot, Item child) {
  uint32_t child_slot = SlotOf(child);
  slots_[slot].children.push_back(child_slot);
}

auto ConditionEvaluator::ConditionNamed(NodeId node)
    -> std::optional<uint32_t> {
  const Document& doc = tmpl_.document;
  if (!doc.IsScalar(node)) return std::nullopt;
  auto symbol = resolution_.symbols.Find(SymbolKind::Condition,
                                         doc.node(node).value);
  if (!symbol) return std::nullopt;
  return symbol->index;
}

void ConditionEvaluator::Decode(uint32_t slot) {
  Item item = slots_[slot].item;
  // Until an operand says otherwise, the value is Unknown (a leaf).
  slots_[slot].op = Op::Leaf;
  slots_[slot].value = {};
  if (item.condition) {
    NodeId definition = tmpl_.conditions[item.id].node;
    if (auto b = DefinitionBoolean(tmpl_, definition)) {
      slots_[slot].value.truth = FromBool(*b);
    } else if (DefinitionCall(tmpl_, resolution_, definition) != kNoCall) {
      slots_[slot].op = Op::Same;
      AddChild(slot, {false, definition});
    }
    return;
  }
  NodeId node = item.id;
  if (auto b = ConditionBoolean(tmpl_, node)) {
    slots_[slot].value.truth = FromBool(*b);
    return;
  }
  if (auto named = ConditionNamed(node)) {
    slots_[slot].op = Op::Same;
    AddChild(slot, {true, *named});
    return;
  }
  uint32_t call = resolution_.functions.CallAt(node, true);
  if (call == kNoCall || call >= resolution_.checked.well_formed.size() ||
      !resolution_.checked.well_formed[call] ||
      resolution_.functions.call(call).status != CallStatus::Live) {
    return;
  }
  DecodeCall(call, slot);
}

void ConditionEvaluator::DecodeCall(uint32_t call, uint32_t slot) {
  const FunctionCall& c = resolution_.functions.call(call);
  const Document& doc = tmpl_.document;
  std::span<const NodeId> items;
  if (doc.IsSequence(c.argument)) items = doc.node(c.argument).items;
  slots_[slot].call = call;
  switch (c.id) {
    case FunctionId::Not:
      slots_[slot].op = Op::Not;
      return AddChild(slot, {false, c.argument});
    case FunctionId::FnNot:
      slots_[slot].op = Op::Not;
      return AddChild(slot, {false, items[0]});
    case FunctionId::AndOr:
    case FunctionId::FnAndOr:
      slots_[slot].op = (c.name == "and" || c.name == "Fn::And") ? Op::And
                                                                 : Op::Or;
      for (NodeId operand : items) AddChild(slot, {false, operand});
      return;
    case FunctionId::Condition:
      if (auto named = ConditionNamed(c.argument)) {
        slots_[slot].op = Op::Same;
        AddChild(slot, {true, *named});
      }
      return;
    case FunctionId::Equals:
    case FunctionId::FnEquals:
      slots_[slot].op = Op::Equals;
      return;
    case FunctionId::Contains:
      slots_[slot].op = Op::Contains;
      return;
    case FunctionId::GetParam:
      // A boolean parameter used as a condition (`not: {get_param: ha}`).
      if (auto input = ValueInput(c.mapping); input &&
          input->value.type == PyType::Bool) {
        slots_[slot].value = {FromBool(input->value.boolean), input->given};
      }
      return;
    default:
      // yaql, ...: computed by Heat, unknown here.
      return;
  }
}

void ConditionEvaluator::Combine(uint32_t slot) {
  Evaluation out;
  Slot& s = slots_[slot];
  auto child = [&](uint32_t i) -> Evaluation {
    const Slot& c = slots_[s.children[i]];
    // InProgress: the operand is this slot's own ancestor (a cycle).
    return c.state == State::Done ? c.value : Evaluation{};
  };
  switch (s.op) {
    case Op::Leaf:
      out = s.value;
      break;
    case Op::Same:
      out = child(0);
      break;
    case Op::Not:
      out = child(0);
      out.truth = Negate(out.truth);
      break;
    case Op::And:
    case Op::Or: {
      // Kleene logic: one deciding operand settles it.
      Truth decides = s.op == Op::And ? Truth::False : Truth::True;
      bool unknown = false;
      out.truth = Negate(decides);
      for (size_t i = 0; i < s.children.size(); ++i) {
        Evaluation e = child(static_cast<uint32_t>(i));
        out.given = out.given || e.given;
        if (e.truth == decides) out.truth = decides;
        unknown = unknown || e.truth == Truth::Unknown;
      }
      if (out.truth != decides && unknown) out.truth = Truth::Unknown;
      break;
    }
    case Op::Equals:
    case Op::Contains:
      out = CompareCall(s.call, s.op == Op::Contains);
      break;
  }
  slots_[slot].value = out;
  slots_[slot].state = State::Done;
}

}  // namespace isobar
