#include "analysis/conditions/condition_inputs.h"

#include <cmath>

namespace isobar {

namespace {

auto TypeName(const Template& tmpl, const Parameter& p) -> std::string_view {
  const Document& doc = tmpl.document;
  return doc.IsScalar(p.type) ? std::string_view(doc.node(p.type).value)
                              : std::string_view();
}

// Heat's get_param: StringParam keeps a string, NumberParam returns
// int() or float(), BooleanParam bool_from_string(); lists and json maps
// are not compared here. A string parameter whose default YAML typed as a
// number stays unknown: isobar does not claim how Heat compares it.
auto HotTyped(std::string_view type, const PyValue& raw)
    -> std::optional<PyValue> {
  if (type == "string") {
    if (raw.type == PyType::Str) return raw;
    return std::nullopt;
  }
  if (type == "number") return HeatNumberParamValue(raw);
  if (type == "boolean") return HeatBooleanParamValue(raw);
  return std::nullopt;
}

// CloudFormation compares strings. Lists, SSM parameters (whose default
// is a key in Parameter Store, not the value) and unknown types are not
// compared.
auto CfnComparable(std::string_view type) -> bool {
  if (type == "String" || type == "Number") return true;
  return type.starts_with("AWS::") && !type.starts_with("AWS::SSM::") &&
         type.find("List<") == std::string_view::npos;
}

auto StrValue(std::string text) -> PyValue {
  PyValue v;
  v.type = PyType::Str;
  v.text = std::move(text);
  return v;
}

// A scalar of `doc` as CloudFormation reads it for Fn::Equals.
auto CfnScalar(const Document& doc, NodeId node) -> std::optional<InputValue> {
  if (!doc.IsScalar(node)) return std::nullopt;
  const Node& n = doc.node(node);
  if (n.style != ScalarStyle::Plain) return InputValue{StrValue(n.value)};
  PyValue loaded = LoadValue(doc, node, ValueTyping::For(doc));
  switch (loaded.type) {
    case PyType::Bool: {
      // `true`/`false` read alike everywhere; `yes`, `on` ... do not.
      std::string lower;
      for (char c : n.value) lower += static_cast<char>(std::tolower(c));
      if (lower != "true" && lower != "false") return std::nullopt;
      return InputValue{StrValue(lower)};
    }
    case PyType::Int:
    case PyType::Float:
      return InputValue{StrValue(n.value), true};
    case PyType::Str:
      return InputValue{StrValue(n.value)};
    default:
      return std::nullopt;
  }
}

auto FromGiven(const Template& tmpl, const Parameter& p, const KnownValue& kv)
    -> std::optional<InputValue> {
  bool hot = tmpl.format == TemplateFormat::Hot;
  std::optional<InputValue> out;
  if (kv.text) {
    // -P values reach the engine as text.
    PyValue raw = StrValue(*kv.text);
    if (hot) {
      if (auto typed = HotTyped(TypeName(tmpl, p), raw)) out = InputValue{*typed};
    } else if (CfnComparable(TypeName(tmpl, p))) {
      double number = 0;
      out = InputValue{raw, ParsePythonNumber(*kv.text, &number) == Verdict::Yes};
    }
  } else if (kv.document != nullptr && kv.node != kNoNode) {
    if (hot) {
      PyValue raw = LoadValue(*kv.document, kv.node,
                              ValueTyping::For(*kv.document));
      if (auto typed = HotTyped(TypeName(tmpl, p), raw)) out = InputValue{*typed};
    } else if (CfnComparable(TypeName(tmpl, p))) {
      out = CfnScalar(*kv.document, kv.node);
    }
  }
  if (out) out->given = true;
  return out;
}

}  // namespace

auto LiteralInput(const Template& tmpl, NodeId node)
    -> std::optional<InputValue> {
  const Document& doc = tmpl.document;
  if (tmpl.format != TemplateFormat::Hot) return CfnScalar(doc, node);
  if (!doc.IsScalar(node)) return std::nullopt;
  PyValue v = LoadValue(doc, node, ValueTyping::For(doc));
  if (v.type == PyType::Unknown) return std::nullopt;
  return InputValue{v};
}

auto ParameterInput(const Template& tmpl, const Parameter* declared,
                    std::string_view name, const ConditionInputs& inputs)
    -> std::optional<InputValue> {
  if (declared == nullptr) {
    // A pseudo parameter: only the region can be known before deployment.
    if (name == "AWS::Region" && !inputs.region.empty()) {
      return InputValue{StrValue(std::string(inputs.region)), false, true};
    }
    return std::nullopt;
  }
  if (inputs.context != nullptr) {
    if (const KnownValue* kv = inputs.context->FindParameter(name)) {
      return FromGiven(tmpl, *declared, *kv);
    }
  }
  if (!inputs.use_defaults || declared->default_value == kNoNode) {
    return std::nullopt;
  }
  const Document& doc = tmpl.document;
  std::string_view type = TypeName(tmpl, *declared);
  if (tmpl.format != TemplateFormat::Hot) {
    if (!CfnComparable(type)) return std::nullopt;
    return CfnScalar(doc, declared->default_value);
  }
  PyValue raw = LoadValue(doc, declared->default_value, ValueTyping::For(doc));
  if (auto typed = HotTyped(type, raw)) return InputValue{*typed};
  return std::nullopt;
}

}  // namespace isobar
