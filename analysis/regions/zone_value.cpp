#include "analysis/regions/zone_value.h"

#include <fmt/format.h>

namespace isobar {

namespace {

// `Fn::Select [i, Fn::GetAZs R]`: the i-th zone of R.
auto SelectedZone(const RegionFacts& facts, NodeId node)
    -> std::optional<ZoneValue> {
  const Document& doc = facts.doc;
  const FunctionIndex& functions = facts.resolution.functions;
  uint32_t call = functions.CallAt(node, false);
  if (call == kNoCall) return std::nullopt;
  const FunctionCall& select = functions.call(call);
  if (select.id != FunctionId::FnSelect || !doc.IsSequence(select.argument)) {
    return std::nullopt;
  }
  const auto& items = doc.node(select.argument).items;
  if (items.size() != 2 || !doc.IsScalar(items[0])) return std::nullopt;
  uint32_t inner = functions.CallAt(items[1], false);
  if (inner == kNoCall) return std::nullopt;
  const FunctionCall& azs = functions.call(inner);
  if (azs.id != FunctionId::FnGetAZs) return std::nullopt;
  // "" and `Ref: AWS::Region` both mean the stack's own region.
  std::string region =
      doc.IsScalar(azs.argument) ? doc.node(azs.argument).value : "";
  const std::string& i = doc.node(items[0]).value;
  return ZoneValue{fmt::format("GetAZs({})[{}]", region, i),
                   fmt::format("zone {} of Fn::GetAZs", i),
                   doc.LocationOf(node)};
}

}  // namespace

auto EvaluateZone(const RegionFacts& facts, NodeId node)
    -> std::optional<ZoneValue> {
  if (node == kNoNode) return std::nullopt;
  if (auto selected = SelectedZone(facts, node)) return selected;
  auto value = facts.LiteralOrParameter(node);
  if (!value) return std::nullopt;
  Location where = value->where.buffer ? value->where : facts.doc.LocationOf(node);
  return ZoneValue{value->name, value->name, where};
}

}  // namespace isobar
