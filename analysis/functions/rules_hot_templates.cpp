// Argument rules for the HOT functions that take a mapping of named
// arguments: repeat and make_url. Heat 19: heat/engine/hot/functions.py,
// Repeat / RepeatWithMap / RepeatWithNestedLoop, MakeURL.
#include <cstdlib>

#include "analysis/functions/argument_rules.h"

namespace isobar {

auto CheckRepeat(const FunctionCall& call, ArgumentContext& ctx) -> bool {
  NodeId arg = call.argument;
  const MapEntry* for_each =
      ctx.IsDataMap(arg) ? ctx.doc().Find(arg, "for_each") : nullptr;
  const MapEntry* body =
      ctx.IsDataMap(arg) ? ctx.doc().Find(arg, "template") : nullptr;
  if (!ctx.IsDataMap(arg)) {
    return ctx.Report(call, arg,
                      "`repeat` takes a mapping with `template` and "
                      "`for_each`, not {}",
                      ctx.Describe(arg));
  }
  if (for_each == nullptr || body == nullptr) {
    return ctx.Report(call, arg,
                      "`repeat` needs `template` and `for_each`; `{}` "
                      "is missing",
                      body == nullptr ? "template" : "for_each");
  }
  if (ctx.IsCall(for_each->value)) return true;
  if (!ctx.IsDataMap(for_each->value)) {
    return ctx.Report(call, for_each->value,
                      "the `for_each` of `repeat` must be a mapping of "
                      "placeholders to lists, not {}",
                      ctx.Describe(for_each->value));
  }
  // RepeatWithMap (2016-10-14 on) also iterates over the keys of a map.
  bool maps = ctx.AtLeast("2016-10-14");
  for (const MapEntry& e : ctx.doc().node(for_each->value).entries) {
    NodeId list = e.value;
    if (ctx.IsNull(list) || ctx.IsList(list) || ctx.IsCall(list) ||
        (maps && ctx.IsDataMap(list))) {
      continue;
    }
    return ctx.Report(call, list,
                      "the values of `for_each` in `repeat` must "
                      "be lists{}, not {}",
                      maps ? " or maps" : "", ctx.Describe(list));
  }
  const MapEntry* permutations = ctx.doc().Find(arg, "permutations");
  if (permutations != nullptr && ctx.AtLeast("2018-03-02") &&
      !ctx.IsBoolean(permutations->value)) {
    return ctx.Report(call, permutations->value,
                      "`permutations` of `repeat` must be `true` or `false`, "
                      "not {}",
                      ctx.Describe(permutations->value));
  }
  return true;
}

auto CheckMakeUrl(const FunctionCall& call, ArgumentContext& ctx) -> bool {
  static constexpr std::string_view kKeys[] = {"scheme", "username", "password",
                                               "host",   "port",     "path",
                                               "query",  "fragment"};
  NodeId arg = call.argument;
  if (!ctx.IsDataMap(arg)) {
    return ctx.Report(call, arg,
                      "`make_url` takes a mapping of URL parts, not "
                      "{}",
                      ctx.Describe(arg));
  }
  for (const MapEntry& e : ctx.doc().node(arg).entries) {
    if (!Contains(kKeys, e.key)) {
      return ctx.ReportAt(e.key_range,
                          "unknown URL part `{}` in `make_url`; "
                          "parts are `scheme`, `username`, "
                          "`password`, `host`, `port`, `path`, "
                          "`query` and `fragment`",
                          e.key);
    }
  }
  // MakeURL._check_args, in its order (it stops after `query`).
  for (std::string_view key : kKeys) {
    const MapEntry* e = ctx.doc().Find(arg, key);
    if (e == nullptr) continue;
    NodeId value = e->value;
    if (ctx.IsCall(value)) {
      if (key == "query") break;
      continue;
    }
    if (key == "query") {
      if (ctx.IsDataMap(value)) break;
      return ctx.Report(call, value,
                        "`query` of `make_url` must be a mapping, "
                        "not {}",
                        ctx.Describe(value));
    }
    if (key == "port" && ctx.IsScalar(value)) {
      long port = std::strtol(ctx.Value(value).c_str(), nullptr, 10);
      if (port < 1 || port > 65535) {
        return ctx.Report(call, value,
                          "invalid URL port `{}` in `make_url`; "
                          "it must be from 1 to 65535",
                          ctx.Value(value));
      }
      continue;
    }
    if (!ctx.IsScalar(value)) {
      return ctx.Report(call, value,
                        "`{}` of `make_url` must be a string, not "
                        "{}",
                        key, ctx.Describe(value));
    }
  }
  return true;
}

}  // namespace isobar
