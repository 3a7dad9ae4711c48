// The leaves of condition evaluation: equals / Fn::Equals and contains,
// comparing literals and parameter values (condition_inputs.h).
#include "analysis/conditions/condition_values.h"

namespace isobar {

namespace {

// Heat compares Python values (`1 == 1.0 == True`); CloudFormation
// compares strings, where `1` and `1.0` written as numbers may or may not
// be equal.
auto Compare(bool hot, const InputValue& a, const InputValue& b) -> Truth {
  if (hot) {
    switch (PythonEquals(a.value, b.value)) {
      case Verdict::Yes:
        return Truth::True;
      case Verdict::No:
        return Truth::False;
      case Verdict::Unknown:
        return Truth::Unknown;
    }
  }
  if (a.value.text == b.value.text) return Truth::True;
  if (a.numeric || b.numeric) return Truth::Unknown;
  return Truth::False;
}

}  // namespace

auto ConditionEvaluator::ValueInput(NodeId node) -> std::optional<InputValue> {
  const Document& doc = tmpl_.document;
  if (doc.IsScalar(node)) return LiteralInput(tmpl_, node);
  uint32_t call = resolution_.functions.CallAt(node, true);
  if (call == kNoCall || call >= resolution_.checked.well_formed.size() ||
      !resolution_.checked.well_formed[call]) {
    return std::nullopt;
  }
  const FunctionCall& c = resolution_.functions.call(call);
  if (c.status != CallStatus::Live ||
      (c.id != FunctionId::GetParam && c.id != FunctionId::Ref)) {
    return std::nullopt;
  }
  NodeId name = c.argument;
  // get_param: [name] reads the whole value; a longer path is not compared.
  if (doc.IsSequence(name) && doc.node(name).items.size() == 1) {
    name = doc.node(name).items[0];
  }
  if (!doc.IsScalar(name)) return std::nullopt;
  std::string_view text = doc.node(name).value;
  auto symbol = resolution_.symbols.Find(SymbolKind::Parameter, text);
  if (!symbol) return std::nullopt;
  const Parameter* declared =
      symbol->is_pseudo() ? nullptr : &tmpl_.parameters[symbol->index];
  return ParameterInput(tmpl_, declared, text, inputs_);
}

auto ConditionEvaluator::CompareCall(uint32_t call, bool contains)
    -> Evaluation {
  const FunctionCall& c = resolution_.functions.call(call);
  const Document& doc = tmpl_.document;
  if (!doc.IsSequence(c.argument) || doc.node(c.argument).items.size() != 2) {
    return {};
  }
  NodeId left = doc.node(c.argument).items[0];
  NodeId right = doc.node(c.argument).items[1];
  auto value = ValueInput(left);
  if (!value) return {};
  if (!contains) {
    auto other = ValueInput(right);
    if (!other) return {};
    return {Compare(hot_, *value, *other), value->given || other->given};
  }
  // contains: `value in sequence`, for a sequence written out.
  if (!doc.IsSequence(right)) return {};
  Evaluation out{Truth::False, value->given};
  for (NodeId item : doc.node(right).items) {
    auto other = ValueInput(item);
    Truth t = other ? Compare(hot_, *value, *other) : Truth::Unknown;
    if (other) out.given = out.given || other->given;
    if (t == Truth::True) return {Truth::True, out.given};
    if (t == Truth::Unknown) out.truth = Truth::Unknown;
  }
  return out;
}

}  // namespace isobar
