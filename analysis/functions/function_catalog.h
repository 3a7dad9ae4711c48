// What isobar knows about each intrinsic function beyond the per-version
// name lists of frontend/version_facts.h: which argument rule applies to
// it, what replaces it where HOT removed it, and which HOT version first
// has it. Facts come from Heat 19 (heat/engine/hot/template.py and the
// function classes) and the AWS CloudFormation intrinsic function
// reference; docs/resolve.md lists them.
#pragma once

#include <cstdint>
#include <string_view>

#include "frontend/template.h"
#include "frontend/version_facts.h"

namespace isobar {

// One argument rule per function (or family of functions that share one).
enum class FunctionId : uint8_t {
  // HOT.
  GetParam,
  GetResource,
  GetAttr,
  GetFile,
  // str_replace, str_replace_strict, str_replace_vstrict.
  StrReplace,
  ListJoin,
  Repeat,
  Digest,
  ResourceFacade,
  StrSplit,
  MapMerge,
  MapReplace,
  Yaql,
  Equals,
  If,
  Not,
  // and, or.
  AndOr,
  Filter,
  MakeUrl,
  // list_concat, list_concat_unique.
  ListConcat,
  Contains,
  // CloudFormation, and the Fn:: forms old HOT versions keep.
  Ref,
  FnGetAtt,
  FnJoin,
  FnSelect,
  FnSplit,
  FnIf,
  FnEquals,
  // Fn::And, Fn::Or.
  FnAndOr,
  FnNot,
  FnFindInMap,
  FnGetAZs,
  FnImportValue,
  FnBase64,
  FnCidr,
  FnSub,
  FnLength,
  FnToJsonString,
  FnReplace,
  FnMemberListToMap,
  FnResourceFacade,
  // `{Condition: name}` inside CloudFormation conditions.
  Condition,
  // Known, but with no argument rule: Fn::Transform, Fn::GetStackOutput,
  // Fn::ForEach::*, and the functions of the AWS `Rules` section.
  Other,
  // Not a function name.
  None,
};

// The facts of `tmpl`'s version; for an unknown or missing version (already
// reported) the newest of its format, so calls are still found.
auto EffectiveVersion(const Template& tmpl) -> const TemplateVersionFacts&;

// True when `tmpl`'s version has conditions: a `conditions` section and
// `condition` keys on resources and outputs.
auto HasConditions(const Template& tmpl) -> bool;

// The rule for `name`, whatever the template version; FunctionId::None when
// `name` is no function of HOT or CloudFormation.
auto LookupFunction(std::string_view name) -> FunctionId;

// True for a name CloudFormation or Heat's CFN dialect knows as a function
// (`Ref`, `Condition` and the `Fn::` names, `Fn::ForEach::*` included).
auto IsKnownCfnFunction(std::string_view name) -> bool;

// True for the functions AWS CloudFormation has and Heat's CFN dialects do
// not (`Fn::Sub`, `Fn::ImportValue`, ...).
auto IsAwsOnlyFunction(std::string_view name) -> bool;

// Every `Fn::` name CloudFormation or Heat knows, for spelling suggestions.
auto KnownCfnFunctionNames() -> NameList;

// The oldest HOT version whose function table (or, with `condition`, whose
// condition-function table) has `name`; null when none has it.
auto FirstHotVersionWith(std::string_view name, bool condition)
    -> const TemplateVersionFacts*;

// How to write what a function HOT removed does in current HOT, as a hint
// after `;` ("use `list_join`"); empty when there is no equivalent.
auto HotReplacementHint(std::string_view removed) -> std::string_view;

}  // namespace isobar
