// Argument rules for the condition functions of HOT and CloudFormation:
// equals / Fn::Equals, if / Fn::If, not / Fn::Not, and / or / Fn::And /
// Fn::Or, and CloudFormation's `{Condition: name}`. Heat 19:
// heat/engine/hot/functions.py Equals, If, IfNullable, ConditionBoolean,
// Not, And, Or; heat/engine/cfn/functions.py Not. AWS: Fn::And and Fn::Or
// take 2 to 10 conditions.
#include "analysis/functions/argument_rules.h"

namespace isobar {

namespace {

// A condition operand: a condition name, a boolean, or a function. A list
// or a plain mapping is neither (Heat's Conditions.is_enabled refuses it).
auto CheckOperand(const FunctionCall& call, ArgumentContext& ctx, NodeId node)
    -> bool {
  if (!ctx.IsCollection(node) && !ctx.IsNull(node)) return true;
  return ctx.Report(call, node,
                    "`{}` takes conditions: a condition name, a boolean or a "
                    "condition function, not {}",
                    call.name, ctx.Describe(node));
}

}  // namespace

auto CheckEquals(const FunctionCall& call, ArgumentContext& ctx) -> bool {
  NodeId arg = call.argument;
  if (ctx.IsList(arg) && ctx.Items(arg).size() == 2) return true;
  return ctx.Report(call, arg, "`{}` takes `[value_1, value_2]`, not {}",
                    call.name, ctx.Describe(arg));
}

auto CheckIf(const FunctionCall& call, ArgumentContext& ctx) -> bool {
  NodeId arg = call.argument;
  // IfNullable (HOT 2021-04-16 on) may leave out the false branch.
  bool nullable = call.id == FunctionId::If && ctx.AtLeast("2021-04-16");
  auto items = ctx.Items(arg);
  bool arity = items.size() == 3 || (nullable && items.size() == 2);
  if (!ctx.IsList(arg) || !arity) {
    return ctx.Report(call, arg,
                      "`{}` takes `[condition, value_if_true, {}]`, "
                      "not {}",
                      call.name,
                      nullable ? "(value_if_false)" : "value_if_false",
                      ctx.Describe(arg));
  }
  if (ctx.IsCollection(items[0]) || ctx.IsNull(items[0])) {
    return ctx.Report(call, items[0],
                      "the condition of `{}` must be a condition name, a "
                      "boolean or a condition function, not {}",
                      call.name, ctx.Describe(items[0]));
  }
  return true;
}

auto CheckNot(const FunctionCall& call, ArgumentContext& ctx) -> bool {
  NodeId arg = call.argument;
  if (call.id == FunctionId::Not) return CheckOperand(call, ctx, arg);
  // Fn::Not: a list of exactly one condition (Heat's cfn Not, and AWS).
  if (!ctx.IsList(arg) || ctx.Items(arg).size() != 1) {
    return ctx.Report(call, arg,
                      "`Fn::Not` takes a list of one condition, "
                      "`[condition]`, not {}",
                      ctx.Describe(arg));
  }
  return CheckOperand(call, ctx, ctx.Items(arg)[0]);
}

auto CheckAndOr(const FunctionCall& call, ArgumentContext& ctx) -> bool {
  NodeId arg = call.argument;
  auto items = ctx.Items(arg);
  if (!ctx.IsList(arg) || items.size() < 2) {
    return ctx.Report(call, arg,
                      "`{}` takes a list of at least 2 conditions, "
                      "not {}",
                      call.name, ctx.Describe(arg));
  }
  if (call.id == FunctionId::FnAndOr && ctx.aws() && items.size() > 10) {
    return ctx.Report(call, arg,
                      "`{}` takes at most 10 conditions in "
                      "CloudFormation, not {}",
                      call.name, items.size());
  }
  for (NodeId item : items) {
    if (!CheckOperand(call, ctx, item)) return false;
  }
  return true;
}

auto CheckCondition(const FunctionCall& call, ArgumentContext& ctx) -> bool {
  NodeId arg = call.argument;
  if (ctx.IsScalar(arg) && !ctx.Value(arg).empty()) return true;
  return ctx.Report(call, arg, "`Condition` takes a condition name, not {}",
                    ctx.Describe(arg));
}

}  // namespace isobar
