// The intrinsic function calls of a template, as data: every `{get_param:
// x}`, `{Ref: x}`, `!GetAtt a.b`, ... with its name, ranges, argument and
// where in the template it sits. Built once per template by IndexFunctions;
// the function checks, the reference checks and later passes (dependency
// graph, regions) query it instead of walking the template again.
//
// What counts as a call follows Heat's parser (heat/engine/template.py
// `parse`): a mapping with exactly one key that names a function of the
// template's version. Inside a condition (Heat's `parse_condition`: the
// `conditions` section, a resource's or output's `condition`, the first
// argument of `if`) the table of condition functions applies instead.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "analysis/functions/function_catalog.h"
#include "frontend/template.h"

namespace isobar {

inline constexpr uint32_t kNoCall = ~uint32_t{0};

// Where a value sits; `owner` of a call indexes the matching list of the
// Template (resources, outputs or conditions).
enum class ValueContext : uint8_t {
  ResourceProperties,
  ResourceMetadata,
  ResourceDeletionPolicy,
  ResourceUpdatePolicy,
  // CloudFormation's CreationPolicy and UpdateReplacePolicy.
  ResourceCreationPolicy,
  ResourceUpdateReplacePolicy,
  ResourceExternalId,
  // isobar's region dialect (`region` / `Region`).
  ResourceRegion,
  ResourceCondition,
  // `depends_on` / `DependsOn`: names, never calls (used by references).
  ResourceDependsOn,
  OutputValue,
  // CloudFormation's output `Export`.
  OutputExport,
  OutputCondition,
  ConditionDefinition,
};

// "the properties of resource `a`", ... for messages.
auto DescribeContext(ValueContext context) -> std::string_view;

// What Heat (or CloudFormation) makes of the call's key.
enum class CallStatus : uint8_t {
  // A function of this template version.
  Live,
  // A function this HOT version removed: Heat fails validation with "not
  // supported in this version of HOT".
  Removed,
  // HOT: a function of a later version only; Heat keeps the mapping as
  // plain data. Also an AWS-only function under HeatTemplateFormatVersion.
  NotInVersion,
  // CloudFormation: an `Fn::` name no one knows.
  Unknown,
  // A function Heat refuses inside a condition ("is invalid in this
  // context"), or that CloudFormation refuses there (`Fn::GetAtt`, `Fn::If`).
  InvalidInCondition,
};

struct FunctionCall {
  // The key as written (`get_attr`, `Fn::GetAtt` for `!GetAtt`). Points into
  // the template's Document, which outlives the index.
  std::string_view name;
  FunctionId id = FunctionId::None;
  CallStatus status = CallStatus::Live;
  ValueContext context = ValueContext::ResourceProperties;
  // True when parsed as a condition.
  bool in_condition = false;
  // Index into Template::resources, outputs or conditions (per `context`).
  uint32_t owner = 0;
  // The single-key mapping, its whole range and its key's range.
  NodeId mapping = kNoNode;
  ByteRange range;
  ByteRange key_range;
  // The key's value: the arguments.
  NodeId argument = kNoNode;
  // The innermost call whose arguments contain this one, or kNoCall.
  uint32_t parent = kNoCall;
};

// A subtree reached again from another owner through a YAML alias. It was
// indexed under its first owner only; passes that care which resource uses
// which call (dependencies) add these owners.
struct SharedUse {
  NodeId node = kNoNode;
  ValueContext context = ValueContext::ResourceProperties;
  uint32_t owner = 0;
};

class FunctionIndex {
 public:
  // Every call, in walk order: resources, outputs, then conditions, each
  // in source order, a call before the calls in its arguments.
  auto calls() const -> std::span<const FunctionCall> { return calls_; }
  auto call(uint32_t index) const -> const FunctionCall& {
    return calls_[index];
  }
  // The call whose mapping is `node` (in a condition or not), or kNoCall.
  auto CallAt(NodeId node, bool in_condition) const -> uint32_t;
  // True when `node` is a call in either kind of context: a value that
  // functions accept wherever they accept data.
  auto IsCall(NodeId node) const -> bool {
    return by_node_.contains(Key(node, false)) ||
           by_node_.contains(Key(node, true));
  }
  auto shared_uses() const -> std::span<const SharedUse> { return shared_; }

 private:
  friend class FunctionIndexer;
  static auto Key(NodeId node, bool in_condition) -> uint64_t {
    return (uint64_t{node} << 1) | (in_condition ? 1 : 0);
  }

  std::vector<FunctionCall> calls_;
  std::unordered_map<uint64_t, uint32_t> by_node_;
  std::vector<SharedUse> shared_;
};

// Walks every value Heat or CloudFormation evaluates (resource properties,
// metadata, policies, conditions, outputs; not parameter defaults, which
// are data) iteratively, visiting each node once per kind of context.
auto IndexFunctions(const Template& tmpl) -> FunctionIndex;

}  // namespace isobar
