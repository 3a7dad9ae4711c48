#include "analysis/references/sub_names.h"

#include "analysis/sub_string.h"

namespace isobar {

auto SubNames(const Document& doc, const FunctionCall& call)
    -> std::vector<SubName> {
  std::vector<SubName> names;
  NodeId string_node = call.argument;
  NodeId variables = kNoNode;
  if (doc.IsSequence(call.argument)) {
    const auto& items = doc.node(call.argument).items;
    if (items.size() != 2) return names;
    string_node = items[0];
    variables = items[1];
  }
  if (!doc.IsScalar(string_node)) return names;
  SubParseResult parsed = ParseSubString(doc, string_node);
  for (const SubVariable& v : parsed.variables) {
    // `${Name-${Other}` is a syntax error (R206), not a name.
    if (v.name.find("${") != std::string::npos) continue;
    // The variable map of `[string, {name: value}]` comes first.
    if (doc.IsMapping(variables) && doc.Find(variables, v.name) != nullptr) {
      continue;
    }
    SubName name{.name = v.has_dot ? v.resource : v.name,
                 .dotted = v.has_dot,
                 .node = string_node,
                 .variables = doc.IsMapping(variables) ? variables : kNoNode,
                 .range = v.name_range};
    if (v.has_dot) {
      // So are `${.Attr}` and `${Res.}`.
      if (v.resource.empty() || v.attribute.empty()) continue;
      if (parsed.exact_ranges) {
        name.range = {
            v.name_range.begin,
            v.name_range.begin + static_cast<uint32_t>(v.resource.size())};
      }
    }
    if (parsed.exact_ranges) name.exact_range = name.range;
    names.push_back(std::move(name));
  }
  return names;
}

}  // namespace isobar
