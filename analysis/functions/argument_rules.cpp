#include "analysis/functions/argument_rules.h"

#include <algorithm>
#include <cctype>
#include <charconv>

namespace isobar {

namespace {

// YAML 1.1 booleans, as Heat's loader (PyYAML) reads plain scalars.
constexpr std::string_view kBooleans[] = {
    "true", "True", "TRUE", "false", "False", "FALSE", "yes", "Yes", "YES",
    "no",   "No",   "NO",   "on",    "On",    "ON",    "off", "Off", "OFF"};

}  // namespace

ArgumentContext::ArgumentContext(const Template& tmpl,
                                 const FunctionIndex& index,
                                 DiagnosticEmitter& emitter)
    : tmpl_(tmpl),
      doc_(tmpl.document),
      index_(index),
      emitter_(emitter),
      facts_(&EffectiveVersion(tmpl)),
      aws_(tmpl.format == TemplateFormat::Cfn &&
           facts_->key == "AWSTemplateFormatVersion"),
      has_transform_(tmpl.format == TemplateFormat::Cfn &&
                     tmpl.document.Find(tmpl.document.root(), "Transform") !=
                         nullptr) {}

auto ArgumentContext::IsBoolean(NodeId node) const -> bool {
  if (!IsScalar(node)) return false;
  const Node& n = doc_.node(node);
  return n.style == ScalarStyle::Plain && Contains(kBooleans, n.value);
}

auto ArgumentContext::IsNumber(NodeId node) const -> bool {
  if (!IsScalar(node)) return false;
  const Node& n = doc_.node(node);
  if (n.style != ScalarStyle::Plain || n.value.empty()) return false;
  double value = 0;
  const char* end = n.value.data() + n.value.size();
  auto [ptr, ec] = std::from_chars(n.value.data(), end, value);
  return ec == std::errc() && ptr == end;
}

auto ArgumentContext::Describe(NodeId node) const -> std::string {
  if (IsNull(node)) return "null";
  if (IsCall(node)) {
    return fmt::format("a call to `{}`", doc_.node(node).entries.front().key);
  }
  const Node& n = doc_.node(node);
  switch (n.kind) {
    case NodeKind::Scalar:
      if (n.value.empty()) return "an empty string";
      if (n.value.size() > 40) return "a string";
      return fmt::format(
          "{} `{}`",
          IsNumber(node) || IsBoolean(node) ? "the value" : "the string",
          n.value);
    case NodeKind::Sequence:
      return fmt::format("a list of {} item{}", n.items.size(),
                         n.items.size() == 1 ? "" : "s");
    case NodeKind::Mapping:
      return "a mapping";
    case NodeKind::Null:
      return "null";
  }
  return "a value";
}

auto ArgumentContext::RangeOf(const FunctionCall& call, NodeId node) const
    -> ByteRange {
  if (node == kNoNode) return call.key_range;
  ByteRange range = doc_.node(node).range;
  return range.empty() ? call.key_range : range;
}

auto ArgumentRuleFor(FunctionId id) -> ArgumentRule {
  switch (id) {
    case FunctionId::GetParam:
      return CheckGetParam;
    case FunctionId::GetResource:
      return CheckGetResource;
    case FunctionId::GetAttr:
      return CheckGetAttr;
    case FunctionId::GetFile:
      return CheckGetFile;
    case FunctionId::StrReplace:
      return CheckStrReplace;
    case FunctionId::ListJoin:
      return CheckListJoin;
    case FunctionId::Repeat:
      return CheckRepeat;
    case FunctionId::Digest:
      return CheckDigest;
    case FunctionId::ResourceFacade:
      return CheckResourceFacade;
    case FunctionId::StrSplit:
      return CheckStrSplit;
    case FunctionId::MapMerge:
      return CheckMapMerge;
    case FunctionId::MapReplace:
      return CheckMapReplace;
    case FunctionId::Yaql:
      return CheckYaql;
    case FunctionId::Equals:
      return CheckEquals;
    case FunctionId::If:
      return CheckIf;
    case FunctionId::Not:
      return CheckNot;
    case FunctionId::AndOr:
      return CheckAndOr;
    case FunctionId::Filter:
      return CheckFilter;
    case FunctionId::MakeUrl:
      return CheckMakeUrl;
    case FunctionId::ListConcat:
      return CheckListConcat;
    case FunctionId::Contains:
      return CheckContains;
    case FunctionId::Ref:
      return CheckRef;
    case FunctionId::FnGetAtt:
      return CheckFnGetAtt;
    case FunctionId::FnJoin:
      return CheckFnJoin;
    case FunctionId::FnSelect:
      return CheckFnSelect;
    case FunctionId::FnSplit:
      return CheckFnSplit;
    case FunctionId::FnIf:
      return CheckIf;
    case FunctionId::FnEquals:
      return CheckEquals;
    case FunctionId::FnAndOr:
      return CheckAndOr;
    case FunctionId::FnNot:
      return CheckNot;
    case FunctionId::FnFindInMap:
      return CheckFnFindInMap;
    case FunctionId::FnImportValue:
      return CheckFnImportValue;
    case FunctionId::FnBase64:
      return CheckFnBase64;
    case FunctionId::FnCidr:
      return CheckFnCidr;
    case FunctionId::FnSub:
      return CheckFnSub;
    case FunctionId::FnLength:
      return CheckFnLength;
    case FunctionId::FnToJsonString:
      return CheckFnToJsonString;
    case FunctionId::FnReplace:
      return CheckFnReplace;
    case FunctionId::FnMemberListToMap:
      return CheckFnMemberListToMap;
    case FunctionId::FnResourceFacade:
      return CheckResourceFacade;
    case FunctionId::Condition:
      return CheckCondition;
    // Heat ignores Fn::GetAZs's argument; AWS takes a region name or Ref.
    case FunctionId::FnGetAZs:
    case FunctionId::Other:
    case FunctionId::None:
      return nullptr;
  }
  return nullptr;
}

}  // namespace isobar
