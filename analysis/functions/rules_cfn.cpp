// Argument rules for the functions CloudFormation and Heat's CFN dialects
// share (and that HOT 2013-05-23 keeps): Ref, Fn::GetAtt, Fn::Join,
// Fn::Select, Fn::Split. Heat 19: heat/engine/cfn/functions.py; AWS
// intrinsic function reference. Under AWSTemplateFormatVersion a form
// either accepts passes.
#include "analysis/functions/argument_rules.h"

namespace isobar {

auto CheckRef(const FunctionCall& call, ArgumentContext& ctx) -> bool {
  NodeId arg = call.argument;
  if (ctx.IsCall(arg)) return true;
  if (ctx.IsScalar(arg) && !ctx.Value(arg).empty()) return true;
  return ctx.Report(call, arg,
                    "`Ref` takes the name of a parameter or a "
                    "resource, not {}",
                    ctx.Describe(arg));
}

auto CheckFnGetAtt(const FunctionCall& call, ArgumentContext& ctx) -> bool {
  NodeId arg = call.argument;
  // AWS also reads `"Fn::GetAtt": "Resource.Attribute"`; Heat does not.
  if (ctx.aws() && ctx.IsScalar(arg)) {
    const std::string& text = ctx.Value(arg);
    size_t dot = text.find('.');
    if (dot != std::string::npos && dot > 0 && dot + 1 < text.size())
      return true;
  }
  if (!ctx.IsListOf(arg, 2)) {
    return ctx.Report(call, arg,
                      "`Fn::GetAtt` takes `[resource, attribute]`{}, "
                      "not {}",
                      ctx.aws() ? " or `resource.attribute`" : "",
                      ctx.Describe(arg));
  }
  auto items = ctx.Items(arg);
  for (size_t i = 0; i < 2; ++i) {
    if (!ctx.IsScalarOrCall(items[i])) {
      return ctx.Report(call, items[i],
                        "the {} name in `Fn::GetAtt` must be a "
                        "string, not {}",
                        i == 0 ? "resource" : "attribute",
                        ctx.Describe(items[i]));
    }
  }
  return true;
}

auto CheckFnJoin(const FunctionCall& call, ArgumentContext& ctx) -> bool {
  NodeId arg = call.argument;
  if (!ctx.IsListOf(arg, 2)) {
    return ctx.Report(call, arg, "`Fn::Join` takes `[delimiter, list]`, not {}",
                      ctx.Describe(arg));
  }
  auto items = ctx.Items(arg);
  if (!ctx.IsScalarOrCall(items[0])) {
    return ctx.Report(call, items[0],
                      "the delimiter of `Fn::Join` must be a string, not {}",
                      ctx.Describe(items[0]));
  }
  if (!ctx.IsNull(items[1]) && !ctx.IsList(items[1]) && !ctx.IsCall(items[1])) {
    return ctx.Report(call, items[1], "`Fn::Join` joins a list, not {}",
                      ctx.Describe(items[1]));
  }
  return true;
}

auto CheckFnSelect(const FunctionCall& call, ArgumentContext& ctx) -> bool {
  NodeId arg = call.argument;
  if (!ctx.IsListOf(arg, 2)) {
    return ctx.Report(call, arg, "`Fn::Select` takes `[index, list]`, not {}",
                      ctx.Describe(arg));
  }
  NodeId index = ctx.Items(arg)[0];
  if (ctx.IsCollection(index)) {
    return ctx.Report(call, index,
                      "the index of `Fn::Select` must be a number, "
                      "not {}",
                      ctx.Describe(index));
  }
  return true;
}

auto CheckFnSplit(const FunctionCall& call, ArgumentContext& ctx) -> bool {
  NodeId arg = call.argument;
  if (!ctx.IsListOf(arg, 2)) {
    return ctx.Report(call, arg,
                      "`Fn::Split` takes `[delimiter, string]`, not "
                      "{}",
                      ctx.Describe(arg));
  }
  auto items = ctx.Items(arg);
  // Heat checks the delimiter before resolving it; AWS allows no function.
  if (!ctx.IsScalar(items[0])) {
    return ctx.Report(call, items[0],
                      "the delimiter of `Fn::Split` must be a "
                      "literal string, not {}",
                      ctx.Describe(items[0]));
  }
  if (ctx.IsCollection(items[1])) {
    return ctx.Report(call, items[1], "`Fn::Split` splits a string, not {}",
                      ctx.Describe(items[1]));
  }
  return true;
}

}  // namespace isobar
