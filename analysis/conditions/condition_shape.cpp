#include "analysis/conditions/condition_shape.h"

#include "analysis/parameter_values.h"

namespace isobar {

auto ConditionBoolean(const Template& tmpl, NodeId node)
    -> std::optional<bool> {
  const Document& doc = tmpl.document;
  if (!doc.IsScalar(node) || doc.node(node).style != ScalarStyle::Plain) {
    return std::nullopt;
  }
  PyValue v = LoadValue(doc, node, ValueTyping::For(doc));
  if (v.type != PyType::Bool) return std::nullopt;
  return v.boolean;
}

auto DefinitionBoolean(const Template& tmpl, NodeId node)
    -> std::optional<bool> {
  if (auto plain = ConditionBoolean(tmpl, node)) return plain;
  const Document& doc = tmpl.document;
  if (tmpl.format == TemplateFormat::Hot || !doc.IsScalar(node)) {
    return std::nullopt;
  }
  // cfn-lint's BOOLEAN_STRINGS.
  std::string_view text = doc.node(node).value;
  if (text == "true" || text == "True" || text == "TRUE") return true;
  if (text == "false" || text == "False" || text == "FALSE") return false;
  return std::nullopt;
}

auto DefinitionCall(const Template& tmpl, const Resolution& resolution,
                    NodeId node) -> uint32_t {
  uint32_t call = resolution.functions.CallAt(node, true);
  if (call == kNoCall) return call;
  // A function of a later version is plain data to Heat: a mapping.
  if (resolution.functions.call(call).status == CallStatus::NotInVersion) {
    return kNoCall;
  }
  if (tmpl.format == TemplateFormat::Hot) return call;
  switch (resolution.functions.call(call).id) {
    case FunctionId::FnEquals:
    case FunctionId::FnAndOr:
    case FunctionId::FnNot:
    case FunctionId::Condition:
      return call;
    default:
      return kNoCall;
  }
}

}  // namespace isobar
