// The references of a template, as data: every name a function call, a
// `depends_on` or a `condition` key uses to point at a resource, parameter,
// condition or mapping, and what it resolves to.
//
// A reference is Resolved (to a Symbol), Unresolved (the name is declared
// nowhere: the one case the reference check reports), or Dynamic (the name
// is computed by a call, or the call around it is malformed or not one Heat
// evaluates). Dynamic is the sentinel that keeps one mistake to one
// diagnostic: a bad function shape is reported by the function check and
// its references are left alone, while a bad name used ten times is ten
// Unresolved references.
#pragma once

#include <cstdint>
#include <deque>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "analysis/functions/check_functions.h"
#include "analysis/functions/function_index.h"
#include "analysis/references/symbol_table.h"

namespace isobar {

enum class ReferenceKind : uint8_t {
  // get_resource, get_attr, Fn::GetAtt, `${Resource.Attribute}` in Fn::Sub,
  // depends_on, DependsOn.
  Resource,
  // get_param; Ref inside a condition.
  Parameter,
  // Ref outside conditions, and `${Name}` in Fn::Sub: a resource first,
  // else a parameter (Heat's cfn Ref).
  ResourceOrParameter,
  // if / Fn::If, not / and / or operands, Condition, `condition` keys.
  Condition,
  // Fn::FindInMap: the map, its top-level key, its second-level key.
  Mapping,
  MappingKey,
  MappingSecondKey,
};

enum class ReferenceState : uint8_t { Resolved, Unresolved, Dynamic };

struct Reference {
  ReferenceKind kind = ReferenceKind::Resource;
  ReferenceState state = ReferenceState::Dynamic;
  // What a Resolved reference names (for mapping keys: the mapping).
  std::optional<Symbol> target;
  // The name as written (for `!GetAtt a.b`, `a`), pointing into the
  // Document.
  std::string_view name;
  // The scalar holding the name, and the name's range (the whole scalar,
  // or the resource part of `"a.b"`).
  NodeId node = kNoNode;
  ByteRange range;
  // The range of exactly the name's characters, without quotes, when the
  // source spells it out as is: where a fix-it may replace it.
  std::optional<ByteRange> exact_range;
  // The call that holds it (kNoCall for `depends_on` and `condition` keys),
  // and what to call it in messages (`get_resource`, `depends_on`, ...).
  uint32_t call = kNoCall;
  FunctionId function = FunctionId::None;
  std::string_view via;
  ValueContext context = ValueContext::ResourceProperties;
  uint32_t owner = 0;
  bool in_condition = false;
  // Fn::FindInMap keys: the mapping node the key is looked up in, and the
  // names above it (the map; for a second-level key, the top-level key).
  NodeId map_node = kNoNode;
  // Fn::Sub `${Name}`: the call's variable map, when it has one; a typo
  // may be of one of its keys.
  NodeId sub_variables = kNoNode;
  std::string_view map_name;
  std::string_view parent_key;
};

struct ReferenceIndex {
  std::vector<Reference> references;
  // Names that no Document string holds as is (an `Fn::Sub` variable);
  // references point into these. A deque keeps them in place.
  std::deque<std::string> names;
};

// Resolves the references of every well-formed call of `index` and of the
// resources' `depends_on` and `condition` keys and the outputs' `condition`.
auto ResolveReferences(const Template& tmpl, const FunctionIndex& index,
                       const FunctionCheckResult& checked,
                       const SymbolTable& symbols) -> ReferenceIndex;

}  // namespace isobar
