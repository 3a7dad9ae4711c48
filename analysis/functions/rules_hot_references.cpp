// Argument rules for the HOT functions that name something: get_param,
// get_resource, get_attr, get_file, resource_facade (and Fn::ResourceFacade).
// Heat 19: heat/engine/hot/functions.py, GetParam, GetResource,
// GetAttThenSelect / GetAtt / GetAttAllAttributes, GetFile, ResourceFacade.
#include "analysis/functions/argument_rules.h"

namespace isobar {

auto CheckGetParam(const FunctionCall& call, ArgumentContext& ctx) -> bool {
  NodeId arg = call.argument;
  if (ctx.IsCall(arg)) return true;
  // GetParam.result: "Function get_param must have arguments", then a
  // string or a list; path components are never an error.
  if (ctx.IsNull(arg) || (ctx.IsScalar(arg) && ctx.Value(arg).empty())) {
    return ctx.Report(call, arg, "`get_param` needs a parameter name");
  }
  // A number or boolean is no name: "must be string or list".
  if (ctx.IsScalar(arg) && !ctx.IsNumber(arg) && !ctx.IsBoolean(arg)) {
    return true;
  }
  if (!ctx.IsList(arg)) {
    return ctx.Report(call, arg,
                      "`get_param` takes a parameter name or a list `[name, "
                      "path...]`, not {}",
                      ctx.Describe(arg));
  }
  auto items = ctx.Items(arg);
  if (items.empty()) {
    return ctx.Report(call, arg,
                      "`get_param` needs a parameter name, not an "
                      "empty list");
  }
  if (!ctx.IsScalarOrCall(items[0])) {
    return ctx.Report(call, items[0],
                      "the parameter name in `get_param` must be a string, "
                      "not {}",
                      ctx.Describe(items[0]));
  }
  return true;
}

auto CheckGetResource(const FunctionCall& call, ArgumentContext& ctx) -> bool {
  NodeId arg = call.argument;
  if (ctx.IsCall(arg)) return true;
  if (ctx.IsScalar(arg) && !ctx.Value(arg).empty()) return true;
  return ctx.Report(call, arg, "`get_resource` takes a resource name, not {}",
                    ctx.Describe(arg));
}

auto CheckGetAttr(const FunctionCall& call, ArgumentContext& ctx) -> bool {
  NodeId arg = call.argument;
  // GetAttAllAttributes (2015-10-15 on) also accepts `[resource]`.
  bool single = ctx.AtLeast("2015-10-15");
  std::string_view form = single ? "`[resource, (attribute, path...)]`"
                                 : "`[resource, attribute, "
                                   "(path...)]`";
  // Heat reads the list when it parses the template, so it must be written
  // out: a call yielding a list is refused ("must be a list"). A string of
  // one character passes only because Python strings are sequences.
  bool one_char = ctx.IsScalar(arg) && ctx.Value(arg).size() == 1;
  if (!ctx.IsList(arg) && !(single && one_char)) {
    return ctx.Report(call, arg, "`get_attr` takes a list {}, not {}", form,
                      ctx.Describe(arg));
  }
  if (!ctx.IsList(arg)) return true;
  auto items = ctx.Items(arg);
  size_t minimum = single ? 1 : 2;
  if (items.size() < minimum) {
    return ctx.Report(
        call, arg, "`get_attr` needs {} {}, found {}",
        single ? "a resource name" : "a resource and an attribute", form,
        ctx.Describe(arg));
  }
  if (!ctx.IsScalarOrCall(items[0])) {
    return ctx.Report(
        call, items[0],
        "the resource name in `get_attr` must be a string, not {}",
        ctx.Describe(items[0]));
  }
  if (items.size() > 1 && !ctx.IsScalarOrCall(items[1])) {
    return ctx.Report(call, items[1],
                      "the attribute name in `get_attr` must be a string, not "
                      "{}",
                      ctx.Describe(items[1]));
  }
  return true;
}

auto CheckGetFile(const FunctionCall& call, ArgumentContext& ctx) -> bool {
  NodeId arg = call.argument;
  if (ctx.IsScalarOrCall(arg)) return true;
  return ctx.Report(call, arg, "`get_file` takes a file path or URL, not {}",
                    ctx.Describe(arg));
}

auto CheckResourceFacade(const FunctionCall& call, ArgumentContext& ctx)
    -> bool {
  static constexpr std::string_view kHot[] = {"metadata", "deletion_policy",
                                              "update_policy"};
  static constexpr std::string_view kCfn[] = {"Metadata", "DeletionPolicy",
                                              "UpdatePolicy"};
  bool hot = call.id == FunctionId::ResourceFacade;
  NameList allowed = hot ? NameList(kHot) : NameList(kCfn);
  NodeId arg = call.argument;
  // The argument is compared as written, so even a call is refused.
  if (ctx.IsScalar(arg) && Contains(allowed, ctx.Value(arg))) return true;
  return ctx.Report(call, arg, "`{}` takes one of `{}`, `{}` or `{}`, not {}",
                    call.name, allowed[0], allowed[1], allowed[2],
                    ctx.Describe(arg));
}

}  // namespace isobar
