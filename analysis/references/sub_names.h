// The names a well-formed `Fn::Sub` call uses: each `${Name}` (a parameter,
// resource or pseudo parameter, unless the call's variable map defines it)
// and each `${Resource.Attribute}` (a resource), with their ranges in the
// template. The string grammar is analysis/sub_string.h's.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "analysis/functions/function_index.h"

namespace isobar {

struct SubName {
  // The name to resolve: the whole variable, or its resource part.
  std::string name;
  // True for `${Resource.Attribute}`.
  bool dotted = false;
  // The scalar holding the Fn::Sub string, and the variable map of
  // `[string, {name: value}]` (kNoNode without one).
  NodeId node = kNoNode;
  NodeId variables = kNoNode;
  // The name in the source (the whole scalar when the string is not
  // spelled out as is), and exactly its characters when it is.
  ByteRange range;
  std::optional<ByteRange> exact_range;
};

auto SubNames(const Document& doc, const FunctionCall& call)
    -> std::vector<SubName>;

}  // namespace isobar
