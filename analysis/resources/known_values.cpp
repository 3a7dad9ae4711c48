#include "analysis/resources/known_values.h"

#include <algorithm>
#include <cctype>
#include <string>

namespace isobar {

namespace {

auto Lowered(std::string_view text) -> std::string {
  std::string out(text);
  std::ranges::transform(out, out.begin(), [](unsigned char c) {
    return static_cast<char>(std::tolower(c));
  });
  return out;
}

// Heat converts a parameter's value for its type before any property
// sees it: a `string` parameter gives str(value), a `number` a number, a
// `boolean` a bool. Other types (lists, json) are left unknown.
auto ConvertForType(std::string_view type, PyValue value)
    -> std::optional<PyValue> {
  std::string t = Lowered(type);
  if (t == "string") {
    auto text = PythonStr(value);
    if (!text) return std::nullopt;
    PyValue out;
    out.type = PyType::Str;
    out.text = *text;
    return out;
  }
  if (t == "number") return HeatNumberParamValue(value);
  if (t == "boolean") return HeatBooleanParamValue(value);
  return std::nullopt;
}

}  // namespace

KnownValues::KnownValues(const Template& tmpl, const Resolution& resolution,
                         const TemplateContext& context,
                         bool follow_parameters)
    : tmpl_(tmpl),
      resolution_(resolution),
      context_(context),
      follow_parameters_(follow_parameters),
      parameter_of_call_(resolution.functions.calls().size(),
                         Symbol::kNoIndex) {
  for (const Reference& ref : resolution.references.references) {
    if (ref.call == kNoCall || ref.state != ReferenceState::Resolved ||
        !ref.target || ref.target->kind != SymbolKind::Parameter ||
        ref.target->is_pseudo()) {
      continue;
    }
    parameter_of_call_[ref.call] = ref.target->index;
  }
}

auto KnownValues::Evaluate(uint32_t call) const -> std::optional<KnownScalar> {
  if (!follow_parameters_) return std::nullopt;
  const FunctionCall& c = resolution_.functions.call(call);
  if (c.id != FunctionId::GetParam && c.id != FunctionId::Ref) {
    return std::nullopt;
  }
  // `get_param: [name, key]` reaches into a collection: not followed.
  if (!tmpl_.document.IsScalar(c.argument)) return std::nullopt;
  uint32_t index = parameter_of_call_[call];
  if (index == Symbol::kNoIndex) return std::nullopt;
  return ParameterValue(index);
}

auto KnownValues::ParameterValue(uint32_t index) const
    -> std::optional<KnownScalar> {
  const Parameter& p = tmpl_.parameters[index];
  const Document& doc = tmpl_.document;
  if (!doc.IsScalar(p.type)) return std::nullopt;
  KnownScalar out;
  out.parameter = p.name;
  PyValue raw;
  if (const KnownValue* given = context_.FindParameter(p.name)) {
    out.source = given->origin;
    out.origin = given->where;
    if (given->text) {
      // Heat receives -P values as text.
      raw.type = PyType::Str;
      raw.text = *given->text;
    } else if (given->document && given->document->IsScalar(given->node)) {
      raw = LoadValue(*given->document, given->node,
                      ValueTyping::For(*given->document));
      out.origin = given->document->LocationOf(given->node);
    } else {
      return std::nullopt;
    }
  } else if (doc.IsScalar(p.default_value)) {
    raw = LoadValue(doc, p.default_value, ValueTyping::For(doc));
    out.origin = doc.LocationOf(p.default_value);
    out.is_default = true;
  } else {
    return std::nullopt;
  }
  auto value = ConvertForType(doc.node(p.type).value, std::move(raw));
  if (!value) return std::nullopt;
  out.value = std::move(*value);
  return out;
}

}  // namespace isobar
