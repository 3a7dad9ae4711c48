#include "analysis/regions/region_value.h"

#include <fmt/format.h>

namespace isobar {

namespace {

auto FromKnownValue(const KnownValue& value, std::string_view parameter)
    -> RegionValue {
  RegionValue region;
  region.parameter = parameter;
  if (value.text) {
    region.name = *value.text;
  } else if (value.document && value.document->IsScalar(value.node)) {
    region.name = value.document->node(value.node).value;
    region.where = value.document->LocationOf(value.node);
  } else {
    region.why_unknown = fmt::format(
        "the value given for parameter `{}` is not a region name", parameter);
  }
  return region;
}

}  // namespace

auto EvaluateRegion(const Template& tmpl, const Resolution& resolution,
                    const TemplateContext& context, NodeId node)
    -> RegionValue {
  const Document& doc = tmpl.document;
  RegionValue region;
  if (doc.IsScalar(node)) {
    region.name = doc.node(node).value;
    region.where = doc.LocationOf(node);
    if (region.name.empty()) region.why_unknown = "the region name is empty";
    return region;
  }
  uint32_t call_index = resolution.functions.CallAt(node, false);
  if (call_index == kNoCall) {
    region.why_unknown = fmt::format("a region must be a name or a parameter, "
                                     "not {}",
                                     NodeKindDescription(doc.kind(node)));
    return region;
  }
  const FunctionCall& call = resolution.functions.call(call_index);
  NodeId name = call.argument;
  if (call.id != FunctionId::GetParam && call.id != FunctionId::Ref) {
    region.why_unknown = fmt::format(
        "`{}` is computed when the stack is created; use a name or a "
        "parameter",
        call.name);
    return region;
  }
  if (!doc.IsScalar(name)) {
    region.why_unknown = "the parameter's name is computed";
    return region;
  }
  std::string_view parameter = doc.node(name).value;
  if (parameter == "AWS::Region") {
    region.stack_region = true;
    return region;
  }
  if (const KnownValue* value = context.FindParameter(parameter)) {
    return FromKnownValue(*value, parameter);
  }
  region.parameter = parameter;
  for (const Parameter& p : tmpl.parameters) {
    if (p.name != parameter) continue;
    if (doc.IsScalar(p.default_value)) {
      region.name = doc.node(p.default_value).value;
      region.where = doc.LocationOf(p.default_value);
      return region;
    }
    region.why_unknown = fmt::format(
        "parameter `{}` has no default and no value was given; pass "
        "`-P {}=REGION` or an environment file",
        parameter, parameter);
    return region;
  }
  // The reference check reports the undeclared parameter.
  region.silent = true;
  return region;
}

}  // namespace isobar
