// Argument rules for the HOT list and map functions: map_merge,
// map_replace, filter, list_concat (and _unique), contains. Heat 19:
// heat/engine/hot/functions.py, MapMerge, MapReplace, Filter, ListConcat,
// Contains.
#include "analysis/functions/argument_rules.h"

namespace isobar {

namespace {

// A value that Heat treats as "nothing here": null or an empty string.
auto IsEmpty(ArgumentContext& ctx, NodeId node) -> bool {
  return ctx.IsNull(node) || (ctx.IsScalar(node) && ctx.Value(node).empty());
}

// Items that must each be a mapping (or null, or a call).
auto CheckMapItems(const FunctionCall& call, ArgumentContext& ctx,
                   std::span<const NodeId> items, std::string_view what)
    -> bool {
  for (NodeId item : items) {
    if (!ctx.IsNull(item) && !ctx.IsDataMap(item) && !ctx.IsCall(item)) {
      return ctx.Report(call, item, "`{}` {} mappings, not {}", call.name, what,
                        ctx.Describe(item));
    }
  }
  return true;
}

}  // namespace

auto CheckMapMerge(const FunctionCall& call, ArgumentContext& ctx) -> bool {
  NodeId arg = call.argument;
  if (ctx.IsCall(arg)) return true;
  if (!ctx.IsList(arg)) {
    return ctx.Report(call, arg, "`map_merge` takes a list of mappings, not {}",
                      ctx.Describe(arg));
  }
  return CheckMapItems(call, ctx, ctx.Items(arg), "merges");
}

auto CheckMapReplace(const FunctionCall& call, ArgumentContext& ctx) -> bool {
  NodeId arg = call.argument;
  if (ctx.IsCall(arg)) return true;
  auto items = ctx.Items(arg);
  if (!ctx.IsList(arg) || items.size() != 2) {
    return ctx.Report(call, arg,
                      "`map_replace` takes `[map, {{keys: ..., "
                      "values: ...}}]`, not {}",
                      ctx.Describe(arg));
  }
  if (!CheckMapItems(call, ctx, items, "takes")) return false;
  if (!ctx.IsDataMap(items[1])) return true;
  for (const MapEntry& e : ctx.doc().node(items[1]).entries) {
    if (e.key != "keys" && e.key != "values") {
      return ctx.ReportAt(e.key_range,
                          "`map_replace` replaces only `keys` and "
                          "`values`, not `{}`",
                          e.key);
    }
    if (!ctx.IsNull(e.value) && !ctx.IsDataMap(e.value) &&
        !ctx.IsCall(e.value)) {
      return ctx.Report(call, e.value,
                        "`{}` of `map_replace` must be a "
                        "mapping, not {}",
                        e.key, ctx.Describe(e.value));
    }
  }
  return true;
}

auto CheckFilter(const FunctionCall& call, ArgumentContext& ctx) -> bool {
  NodeId arg = call.argument;
  auto items = ctx.Items(arg);
  if (!ctx.IsList(arg) || items.size() != 2) {
    return ctx.Report(call, arg, "`filter` takes `[values, list]`, not {}",
                      ctx.Describe(arg));
  }
  for (NodeId item : items) {
    if (!IsEmpty(ctx, item) && !ctx.IsList(item) && !ctx.IsCall(item)) {
      return ctx.Report(call, item, "`filter` works on lists, not {}",
                        ctx.Describe(item));
    }
  }
  return true;
}

auto CheckListConcat(const FunctionCall& call, ArgumentContext& ctx) -> bool {
  NodeId arg = call.argument;
  if (ctx.IsCall(arg)) return true;
  if (!ctx.IsList(arg)) {
    return ctx.Report(call, arg, "`{}` takes a list of lists, not {}",
                      call.name, ctx.Describe(arg));
  }
  for (NodeId item : ctx.Items(arg)) {
    if (!ctx.IsNull(item) && !ctx.IsList(item) && !ctx.IsCall(item)) {
      return ctx.Report(call, item, "`{}` concatenates lists, not {}",
                        call.name, ctx.Describe(item));
    }
  }
  return true;
}

auto CheckContains(const FunctionCall& call, ArgumentContext& ctx) -> bool {
  NodeId arg = call.argument;
  auto items = ctx.Items(arg);
  if (!ctx.IsList(arg) || items.size() != 2) {
    return ctx.Report(call, arg, "`contains` takes `[value, list]`, not {}",
                      ctx.Describe(arg));
  }
  if (ctx.IsNull(items[1]) || ctx.IsDataMap(items[1])) {
    return ctx.Report(call, items[1], "`contains` looks in a list, not {}",
                      ctx.Describe(items[1]));
  }
  return true;
}

}  // namespace isobar
