// Argument rules for HOT str_replace (and _strict, _vstrict) and
// list_join. Heat 19: heat/engine/hot/functions.py, Replace / ReplaceJson /
// ReplaceJsonStrict / ReplaceJsonVeryStrict, Join / JoinMultiple.
#include <string>

#include "analysis/functions/argument_rules.h"

namespace isobar {

namespace {

auto CheckStrictParams(const FunctionCall& call, ArgumentContext& ctx,
                       NodeId tmpl, NodeId params) -> bool {
  bool strict = call.name != "str_replace";
  if (!strict || !ctx.IsScalar(tmpl) || !ctx.IsDataMap(params)) return true;
  for (const MapEntry& e : ctx.doc().node(params).entries) {
    if (ctx.Value(tmpl).find(e.key) == std::string::npos) {
      return ctx.ReportAt(e.key_range,
                          "param `{}` of `{}` does not occur in "
                          "its template; every param must be used",
                          e.key, call.name);
    }
    bool empty = ctx.IsNull(e.value) ||
                 (ctx.IsScalar(e.value) && ctx.Value(e.value).empty());
    if (call.name == "str_replace_vstrict" && empty) {
      return ctx.Report(call, e.value,
                        "`str_replace_vstrict` needs a non-empty "
                        "value for `{}`",
                        e.key);
    }
  }
  return true;
}

}  // namespace

auto CheckStrReplace(const FunctionCall& call, ArgumentContext& ctx) -> bool {
  NodeId arg = call.argument;
  if (!ctx.IsDataMap(arg)) {
    return ctx.Report(call, arg,
                      "`{}` takes a mapping with `template` and `params`, not "
                      "{}",
                      call.name, ctx.Describe(arg));
  }
  const MapEntry* tmpl = ctx.doc().Find(arg, "template");
  const MapEntry* params = ctx.doc().Find(arg, "params");
  if (tmpl == nullptr || params == nullptr) {
    return ctx.Report(call, arg,
                      "`{}` needs `template` and `params`; `{}` is "
                      "missing",
                      call.name, tmpl == nullptr ? "template" : "params");
  }
  if (!ctx.IsDataMap(params->value) && !ctx.IsCall(params->value)) {
    return ctx.Report(call, params->value,
                      "the `params` of `{}` must be a mapping, not {}",
                      call.name, ctx.Describe(params->value));
  }
  if (!ctx.IsScalarOrCall(tmpl->value)) {
    return ctx.Report(call, tmpl->value,
                      "the `template` of `{}` must be a string, not {}",
                      call.name, ctx.Describe(tmpl->value));
  }
  return CheckStrictParams(call, ctx, tmpl->value, params->value);
}

auto CheckListJoin(const FunctionCall& call, ArgumentContext& ctx) -> bool {
  NodeId arg = call.argument;
  // JoinMultiple (2015-10-15 on) joins one or more lists; Join exactly one.
  bool multiple = ctx.AtLeast("2015-10-15");
  std::string_view form =
      multiple ? "`[delimiter, list, (list...)]`" : "`[delimiter, list]`";
  auto items = ctx.Items(arg);
  if (!ctx.IsList(arg) || items.size() < 2 || (!multiple && items.size() > 2)) {
    return ctx.Report(call, arg, "`list_join` takes {}, not {}", form,
                      ctx.Describe(arg));
  }
  if (!ctx.IsScalarOrCall(items[0])) {
    return ctx.Report(call, items[0],
                      "the delimiter of `list_join` must be a string, not {}",
                      ctx.Describe(items[0]));
  }
  for (NodeId list : items.subspan(1)) {
    // A null or empty item joins nothing; anything else must be a list.
    bool empty =
        ctx.IsNull(list) || (ctx.IsScalar(list) && ctx.Value(list).empty());
    if (!empty && !ctx.IsList(list) && !ctx.IsCall(list)) {
      return ctx.Report(call, list, "`list_join` joins lists, not {}",
                        ctx.Describe(list));
    }
  }
  return true;
}

}  // namespace isobar
