// Argument rules for the functions only AWS CloudFormation has: Fn::Sub,
// Fn::Cidr, Fn::ImportValue, Fn::Length, Fn::ToJsonString. Source: the AWS
// intrinsic function reference, as cfn-lint 1.51 encodes it
// (data/schemas/other/functions/*.json). The `${...}` grammar of Fn::Sub
// strings is analysis/sub_string.h's.
#include <charconv>

#include "analysis/functions/argument_rules.h"
#include "analysis/sub_string.h"

namespace isobar {

namespace {

// A literal integer in [low, high], or anything that is not a literal.
auto InRange(ArgumentContext& ctx, NodeId node, long low, long high) -> bool {
  if (!ctx.IsScalar(node)) return true;
  const std::string& text = ctx.Value(node);
  long value = 0;
  auto [end, ec] =
      std::from_chars(text.data(), text.data() + text.size(), value);
  return ec == std::errc() && end == text.data() + text.size() &&
         value >= low && value <= high;
}

// The `${...}` syntax of a Fn::Sub string (analysis/sub_string.h). Each
// mistake is reported where it is, and the call stays well formed: the
// other variables of the string are names of their own, whose references
// are still checked (`${Nmae}-${AWS::Region` holds two mistakes).
auto CheckSubString(ArgumentContext& ctx, NodeId string_node) -> bool {
  SubParseResult parsed = ParseSubString(ctx.doc(), string_node);
  if (parsed.error) {
    ctx.ReportKind(DiagnosticKind::InvalidSubString, parsed.error->range, "{}",
                   parsed.error->message);
  }
  for (const SubVariable& v : parsed.variables) {
    if (v.name.find("${") != std::string::npos) {
      // `${Name-${Other}`: CloudFormation reads up to the first `}`, so the
      // first `${` is the one never closed.
      ByteRange opening = parsed.exact_ranges
                              ? ByteRange{v.range.begin, v.range.begin + 2}
                              : v.range;
      ctx.ReportKind(DiagnosticKind::InvalidSubString, opening,
                     "this `${{` is not closed before the next `${{`; close "
                     "the variable with `}}`, or write `${{!` for a literal "
                     "`${{`");
    } else if (v.has_dot && (v.resource.empty() || v.attribute.empty())) {
      ctx.ReportKind(DiagnosticKind::InvalidSubString, v.range,
                     "`${{{}}}` names no {}; write `${{Resource.Attribute}}`",
                     v.name, v.resource.empty() ? "resource" : "attribute");
    }
  }
  return true;
}

}  // namespace

auto CheckFnSub(const FunctionCall& call, ArgumentContext& ctx) -> bool {
  NodeId arg = call.argument;
  if (ctx.IsScalar(arg)) return CheckSubString(ctx, arg);
  auto items = ctx.Items(arg);
  if (!ctx.IsList(arg) || items.size() != 2) {
    return ctx.Report(call, arg,
                      "`Fn::Sub` takes a string or `[string, "
                      "{{name: value}}]`, not {}",
                      ctx.Describe(arg));
  }
  if (!ctx.IsScalar(items[0])) {
    return ctx.Report(call, items[0],
                      "the template of `Fn::Sub` must be a literal string, not "
                      "{}",
                      ctx.Describe(items[0]));
  }
  if (!ctx.IsDataMap(items[1])) {
    return ctx.Report(call, items[1],
                      "the variables of `Fn::Sub` must be a "
                      "mapping, not {}",
                      ctx.Describe(items[1]));
  }
  for (const MapEntry& e : ctx.doc().node(items[1]).entries) {
    if (ctx.IsCollection(e.value)) {
      return ctx.Report(call, e.value,
                        "the value of `{}` in `Fn::Sub` must be "
                        "a string, not {}",
                        e.key, ctx.Describe(e.value));
    }
  }
  return CheckSubString(ctx, items[0]);
}

auto CheckFnCidr(const FunctionCall& call, ArgumentContext& ctx) -> bool {
  NodeId arg = call.argument;
  auto items = ctx.Items(arg);
  if (!ctx.IsList(arg) || items.size() < 2 || items.size() > 3) {
    return ctx.Report(call, arg,
                      "`Fn::Cidr` takes `[ip_block, count, "
                      "cidr_bits]`, not {}",
                      ctx.Describe(arg));
  }
  for (NodeId item : items) {
    if (ctx.IsCollection(item) || ctx.IsNull(item)) {
      return ctx.Report(call, item,
                        "the arguments of `Fn::Cidr` must be "
                        "strings or numbers, not {}",
                        ctx.Describe(item));
    }
  }
  if (!InRange(ctx, items[1], 1, 256)) {
    return ctx.Report(call, items[1],
                      "the count of `Fn::Cidr` must be a "
                      "number from 1 to 256, not {}",
                      ctx.Describe(items[1]));
  }
  if (items.size() == 3 && !InRange(ctx, items[2], 1, 128)) {
    return ctx.Report(call, items[2],
                      "the CIDR bits of `Fn::Cidr` must be a "
                      "number from 1 to 128, not {}",
                      ctx.Describe(items[2]));
  }
  return true;
}

auto CheckFnImportValue(const FunctionCall& call, ArgumentContext& ctx)
    -> bool {
  NodeId arg = call.argument;
  if (ctx.IsScalarOrCall(arg)) return true;
  return ctx.Report(call, arg,
                    "`Fn::ImportValue` takes the name of an export, "
                    "not {}",
                    ctx.Describe(arg));
}

auto CheckFnLength(const FunctionCall& call, ArgumentContext& ctx) -> bool {
  NodeId arg = call.argument;
  if (ctx.IsList(arg) || ctx.IsCall(arg)) return true;
  return ctx.Report(call, arg,
                    "`Fn::Length` counts the items of a list, not {}",
                    ctx.Describe(arg));
}

auto CheckFnToJsonString(const FunctionCall& call, ArgumentContext& ctx)
    -> bool {
  NodeId arg = call.argument;
  if (ctx.IsCall(arg)) return true;
  bool filled = (ctx.IsList(arg) && !ctx.Items(arg).empty()) ||
                (ctx.IsDataMap(arg) && !ctx.doc().node(arg).entries.empty());
  if (filled) return true;
  return ctx.Report(call, arg,
                    "`Fn::ToJsonString` takes a non-empty list or "
                    "mapping, not {}",
                    ctx.Describe(arg));
}

}  // namespace isobar
