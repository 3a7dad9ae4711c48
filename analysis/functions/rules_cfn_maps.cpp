// Argument rules for Fn::FindInMap and Fn::Base64 (CloudFormation and
// Heat's CFN dialects) and Heat's own Fn::Replace and Fn::MemberListToMap.
// Heat 19: heat/engine/cfn/functions.py; AWS intrinsic function reference.
// Heat unpacks these arguments when it parses them, so a call that would
// yield the list is refused too.
#include "analysis/functions/argument_rules.h"

namespace isobar {

auto CheckFnFindInMap(const FunctionCall& call, ArgumentContext& ctx) -> bool {
  NodeId arg = call.argument;
  auto items = ctx.Items(arg);
  // AWS::LanguageExtensions adds a fourth item, `{DefaultValue: ...}`.
  bool with_default =
      ctx.has_transform() && items.size() == 4 && ctx.IsDataMap(items[3]);
  if (!ctx.IsListOf(arg, 3) && !with_default) {
    return ctx.Report(call, arg,
                      "`Fn::FindInMap` takes `[map, top_level_key, "
                      "second_level_key]`, not {}",
                      ctx.Describe(arg));
  }
  for (NodeId item : items.first(3)) {
    if (!ctx.IsScalarOrCall(item)) {
      return ctx.Report(call, item,
                        "the names in `Fn::FindInMap` must be "
                        "strings, not {}",
                        ctx.Describe(item));
    }
  }
  return true;
}

auto CheckFnBase64(const FunctionCall& call, ArgumentContext& ctx) -> bool {
  NodeId arg = call.argument;
  if (ctx.IsScalarOrCall(arg)) return true;
  return ctx.Report(call, arg, "`Fn::Base64` encodes a string, not {}",
                    ctx.Describe(arg));
}

auto CheckFnReplace(const FunctionCall& call, ArgumentContext& ctx) -> bool {
  NodeId arg = call.argument;
  if (!ctx.IsListOf(arg, 2)) {
    return ctx.Report(call, arg,
                      "`Fn::Replace` takes `[{{placeholder: value}}, "
                      "string]`, not {}",
                      ctx.Describe(arg));
  }
  auto items = ctx.Items(arg);
  if (!ctx.IsDataMap(items[0]) && !ctx.IsCall(items[0])) {
    return ctx.Report(call, items[0],
                      "the replacements of `Fn::Replace` must "
                      "be a mapping, not {}",
                      ctx.Describe(items[0]));
  }
  if (!ctx.IsScalarOrCall(items[1])) {
    return ctx.Report(call, items[1], "`Fn::Replace` works on a string, not {}",
                      ctx.Describe(items[1]));
  }
  return true;
}

auto CheckFnMemberListToMap(const FunctionCall& call, ArgumentContext& ctx)
    -> bool {
  NodeId arg = call.argument;
  auto items = ctx.Items(arg);
  if (!ctx.IsListOf(arg, 3) || !ctx.IsScalar(items[0]) ||
      !ctx.IsScalar(items[1])) {
    return ctx.Report(call, arg,
                      "`Fn::MemberListToMap` takes `[key_name, "
                      "value_name, list]` with literal names, not {}",
                      ctx.Describe(arg));
  }
  return true;
}

}  // namespace isobar
