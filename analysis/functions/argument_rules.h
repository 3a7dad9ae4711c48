// Argument rules: one small function per intrinsic function (or family)
// that checks the shape of its arguments and reports what Heat or
// CloudFormation would refuse. A rule returns false when the arguments are
// malformed, so the reference checks leave that call alone instead of
// reporting the same mistake again.
//
// Every rule follows what Heat's function class accepts (its __init__,
// validate and result) and, for functions only AWS has, what
// CloudFormation accepts; where the two differ under
// AWSTemplateFormatVersion, the rule accepts what either accepts. An
// argument that is itself a call is accepted wherever data is, except where
// Heat's constructor needs a literal list or mapping (get_attr, if, equals,
// and, or, yaql, str_replace, repeat, make_url, resource_facade).
#pragma once

#include <fmt/format.h>

#include <span>
#include <string>
#include <string_view>
#include <utility>

#include "analysis/functions/function_index.h"
#include "diagnostics/emitter.h"

namespace isobar {

class ArgumentContext {
 public:
  ArgumentContext(const Template& tmpl, const FunctionIndex& index,
                  DiagnosticEmitter& emitter);

  auto tmpl() const -> const Template& { return tmpl_; }
  auto doc() const -> const Document& { return doc_; }
  // The template's version facts (the newest of its kind when unknown).
  auto facts() const -> const TemplateVersionFacts& { return *facts_; }
  // True under AWSTemplateFormatVersion (or no version): CloudFormation's
  // rules apply besides Heat's.
  auto aws() const -> bool { return aws_; }
  // True when a CloudFormation transform rewrites the template first.
  auto has_transform() const -> bool { return has_transform_; }
  // HOT: true when the version is `date` or later.
  auto AtLeast(std::string_view date) const -> bool {
    return facts_->version >= date;
  }

  auto IsCall(NodeId node) const -> bool { return index_.IsCall(node); }
  auto IsList(NodeId node) const -> bool { return doc_.IsSequence(node); }
  // `[a, b, ...]` of exactly `count` items. Heat unpacks CFN function
  // arguments when it parses them, so a call yielding a list is refused.
  auto IsListOf(NodeId node, size_t count) const -> bool {
    return IsList(node) && doc_.node(node).items.size() == count;
  }
  // A mapping that is data, not a call.
  auto IsDataMap(NodeId node) const -> bool {
    return doc_.IsMapping(node) && !IsCall(node);
  }
  auto IsScalar(NodeId node) const -> bool { return doc_.IsScalar(node); }
  auto IsNull(NodeId node) const -> bool {
    return node == kNoNode || doc_.IsNull(node);
  }
  // A scalar, or a call that may produce one.
  auto IsScalarOrCall(NodeId node) const -> bool {
    return IsScalar(node) || IsCall(node);
  }
  // A literal list or mapping (not a call): never a string.
  auto IsCollection(NodeId node) const -> bool {
    return IsList(node) || IsDataMap(node);
  }
  // A YAML 1.1 boolean written plain (`true`, `no`, ...), or JSON's.
  auto IsBoolean(NodeId node) const -> bool;
  // A number written plain (`3`, `-1.5`), which Heat reads as a number.
  auto IsNumber(NodeId node) const -> bool;
  auto Items(NodeId node) const -> std::span<const NodeId> {
    return IsList(node) ? std::span<const NodeId>(doc_.node(node).items)
                        : std::span<const NodeId>();
  }
  auto Value(NodeId node) const -> const std::string& {
    return doc_.node(node).value;
  }

  // "a mapping", "a list of 3 items", "the string `x`", "null", "a call to
  // `get_param`": what was found, for messages.
  auto Describe(NodeId node) const -> std::string;

  // Reports malformed arguments of `call` at `node` (the call's key when
  // `node` has no source text of its own). Always returns false, so a rule
  // can `return Report(...)`.
  template <typename... Args>
  auto Report(const FunctionCall& call, NodeId node,
              fmt::format_string<Args...> format, Args&&... args) -> bool {
    return ReportAt(RangeOf(call, node), format, std::forward<Args>(args)...);
  }
  // As Report, at a range of its own (a mapping key, ...), optionally as
  // another kind.
  template <typename... Args>
  auto ReportAt(ByteRange range, fmt::format_string<Args...> format,
                Args&&... args) -> bool {
    return ReportKind(DiagnosticKind::InvalidFunctionArguments, range, format,
                      std::forward<Args>(args)...);
  }
  template <typename... Args>
  auto ReportKind(DiagnosticKind kind, ByteRange range,
                  fmt::format_string<Args...> format, Args&&... args) -> bool {
    emitter_.Emit(kind, doc_.LocationOf(range), format,
                  std::forward<Args>(args)...);
    return false;
  }

 private:
  auto RangeOf(const FunctionCall& call, NodeId node) const -> ByteRange;

  const Template& tmpl_;
  const Document& doc_;
  const FunctionIndex& index_;
  DiagnosticEmitter& emitter_;
  const TemplateVersionFacts* facts_;
  bool aws_;
  bool has_transform_;
};

// Returns true when `call`'s arguments are well formed.
using ArgumentRule = bool (*)(const FunctionCall& call, ArgumentContext& ctx);

// The rule for a function, or null when it has none.
auto ArgumentRuleFor(FunctionId id) -> ArgumentRule;

// The rules, by file.
auto CheckGetParam(const FunctionCall&, ArgumentContext&) -> bool;
auto CheckGetResource(const FunctionCall&, ArgumentContext&) -> bool;
auto CheckGetAttr(const FunctionCall&, ArgumentContext&) -> bool;
auto CheckGetFile(const FunctionCall&, ArgumentContext&) -> bool;
auto CheckResourceFacade(const FunctionCall&, ArgumentContext&) -> bool;
auto CheckStrReplace(const FunctionCall&, ArgumentContext&) -> bool;
auto CheckListJoin(const FunctionCall&, ArgumentContext&) -> bool;
auto CheckDigest(const FunctionCall&, ArgumentContext&) -> bool;
auto CheckStrSplit(const FunctionCall&, ArgumentContext&) -> bool;
auto CheckYaql(const FunctionCall&, ArgumentContext&) -> bool;
auto CheckRepeat(const FunctionCall&, ArgumentContext&) -> bool;
auto CheckMapMerge(const FunctionCall&, ArgumentContext&) -> bool;
auto CheckMapReplace(const FunctionCall&, ArgumentContext&) -> bool;
auto CheckFilter(const FunctionCall&, ArgumentContext&) -> bool;
auto CheckMakeUrl(const FunctionCall&, ArgumentContext&) -> bool;
auto CheckListConcat(const FunctionCall&, ArgumentContext&) -> bool;
auto CheckContains(const FunctionCall&, ArgumentContext&) -> bool;
auto CheckEquals(const FunctionCall&, ArgumentContext&) -> bool;
auto CheckIf(const FunctionCall&, ArgumentContext&) -> bool;
auto CheckNot(const FunctionCall&, ArgumentContext&) -> bool;
auto CheckAndOr(const FunctionCall&, ArgumentContext&) -> bool;
auto CheckCondition(const FunctionCall&, ArgumentContext&) -> bool;
auto CheckRef(const FunctionCall&, ArgumentContext&) -> bool;
auto CheckFnGetAtt(const FunctionCall&, ArgumentContext&) -> bool;
auto CheckFnJoin(const FunctionCall&, ArgumentContext&) -> bool;
auto CheckFnSelect(const FunctionCall&, ArgumentContext&) -> bool;
auto CheckFnSplit(const FunctionCall&, ArgumentContext&) -> bool;
auto CheckFnFindInMap(const FunctionCall&, ArgumentContext&) -> bool;
auto CheckFnBase64(const FunctionCall&, ArgumentContext&) -> bool;
auto CheckFnReplace(const FunctionCall&, ArgumentContext&) -> bool;
auto CheckFnMemberListToMap(const FunctionCall&, ArgumentContext&) -> bool;
auto CheckFnSub(const FunctionCall&, ArgumentContext&) -> bool;
auto CheckFnCidr(const FunctionCall&, ArgumentContext&) -> bool;
auto CheckFnImportValue(const FunctionCall&, ArgumentContext&) -> bool;
auto CheckFnLength(const FunctionCall&, ArgumentContext&) -> bool;
auto CheckFnToJsonString(const FunctionCall&, ArgumentContext&) -> bool;

}  // namespace isobar
