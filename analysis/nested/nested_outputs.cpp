#include "analysis/nested/nested_outputs.h"

#include <algorithm>

#include "common/spelling.h"

namespace isobar {

namespace {

// Attributes every nested stack resource has besides its outputs.
constexpr std::string_view kStackAttributes[] = {"show", "OS::stack_id"};
// Attributes of a group itself; any other name is read from each member.
constexpr std::string_view kGroupAttributes[] = {
    "refs", "refs_map", "attributes", "removed_rsrc_list", "show",
    "OS::stack_id", "current_size", "outputs", "outputs_list"};

auto Within(std::span<const std::string_view> list, std::string_view name)
    -> bool {
  return std::find(list.begin(), list.end(), name) != list.end();
}

auto OutputNamed(NestedKind kind, const Document& doc,
                 std::span<const NodeId> args, std::string_view dotted)
    -> OutputRead {
  auto scalar = [&](size_t i) -> std::string_view {
    return i < args.size() && doc.IsScalar(args[i])
               ? std::string_view(doc.node(args[i]).value)
               : std::string_view();
  };
  std::string_view attribute = dotted.empty() ? scalar(1) : dotted;
  NodeId at = args.size() > 1 ? args[1] : (args.empty() ? kNoNode : args[0]);
  if (attribute.empty()) return {};
  switch (kind) {
    case NestedKind::ProviderTemplate:
      if (Within(kStackAttributes, attribute)) return {};
      return {std::string(attribute), at};
    case NestedKind::HeatStack:
      if (attribute != "outputs" || scalar(2).empty()) return {};
      return {std::string(scalar(2)), args[2]};
    case NestedKind::Group:
      if (attribute.starts_with("resource.")) {
        size_t dot = attribute.find('.', 9);
        if (dot == std::string_view::npos) return {};
        return {std::string(attribute.substr(dot + 1)), at};
      }
      if (Within(kGroupAttributes, attribute)) return {};
      return {std::string(attribute), at};
    case NestedKind::CfnStack:
      if (!attribute.starts_with("Outputs.")) return {};
      return {std::string(attribute.substr(8)), at};
  }
  return {};
}

// The arguments of a get_attr / Fn::GetAtt call, the resource first, and
// for `!GetAtt stack.Outputs.x` the dotted attribute.
struct AttributeArgs {
  std::vector<NodeId> args;
  std::string_view dotted;
  std::string resource;
};

auto SplitAttributeCall(const Document& doc, const FunctionCall& call)
    -> AttributeArgs {
  AttributeArgs out;
  if (doc.IsSequence(call.argument)) {
    out.args = doc.node(call.argument).items;
    if (out.args.empty() || !doc.IsScalar(out.args[0])) return {};
    out.resource = doc.node(out.args[0]).value;
  } else if (doc.IsScalar(call.argument)) {
    // `!GetAtt stack.Outputs.x`: the resource, then the attribute.
    std::string_view text = doc.node(call.argument).value;
    size_t dot = text.find('.');
    if (dot == std::string_view::npos) return {};
    out.resource = text.substr(0, dot);
    out.dotted = text.substr(dot + 1);
    out.args = {call.argument};
  }
  return out;
}

// The first `${resource.attribute}` of a Fn::Sub string read as an
// output (at the string: variables have no node of their own).
auto SubOutput(NestedKind kind, const Document& doc, const FunctionCall& call,
               std::string_view resource) -> OutputRead {
  NodeId text = call.argument;
  if (doc.IsSequence(text) && !doc.node(text).items.empty()) {
    text = doc.node(text).items.front();
  }
  if (!doc.IsScalar(text)) return {};
  std::string_view s = doc.node(text).value;
  for (size_t open = s.find("${"); open != std::string_view::npos;
       open = s.find("${", open + 2)) {
    size_t close = s.find('}', open);
    if (close == std::string_view::npos) break;
    std::string_view name = s.substr(open + 2, close - open - 2);
    size_t dot = name.find('.');
    if (dot == std::string_view::npos || name.substr(0, dot) != resource) {
      continue;
    }
    OutputRead read = OutputNamed(kind, doc, {}, name.substr(dot + 1));
    if (!read.name.empty()) return {read.name, text};
  }
  return {};
}

}  // namespace

auto AttributeResource(const Document& doc, const FunctionCall& call)
    -> std::string {
  return SplitAttributeCall(doc, call).resource;
}

auto ReadNestedOutput(NestedKind kind, const Document& doc,
                      const FunctionCall& call, std::string_view resource)
    -> OutputRead {
  if (call.id == FunctionId::FnSub) return SubOutput(kind, doc, call, resource);
  AttributeArgs split = SplitAttributeCall(doc, call);
  if (split.resource != resource) return {};
  return OutputNamed(kind, doc, split.args, split.dotted);
}

void CheckNestedOutputs(const StackTree& tree, const StackNode& node,
                        const NestedUses& uses, DiagnosticEmitter& emitter) {
  const Template& tmpl = *node.tmpl;
  const Document& doc = tmpl.document;
  const Resolution& resolution = node.analysed->resolution;
  std::vector<const NestedUse*> by_resource(tmpl.resources.size());
  for (const NestedUse& use : uses.stacks) by_resource[use.resource] = &use;
  for (const FunctionCall& call : resolution.functions.calls()) {
    if ((call.id != FunctionId::GetAttr && call.id != FunctionId::FnGetAtt) ||
        call.status != CallStatus::Live) {
      continue;
    }
    std::string resource = AttributeResource(doc, call);
    if (resource.empty()) continue;
    auto symbol = resolution.symbols.Find(SymbolKind::Resource, resource);
    if (!symbol || symbol->is_pseudo()) continue;
    const StackNode* child = tree.ChildOf(node, symbol->index);
    const NestedUse* use = by_resource[symbol->index];
    if (child == nullptr || use == nullptr) continue;
    OutputRead read = ReadNestedOutput(use->kind, doc, call, resource);
    if (read.name.empty() || read.node == kNoNode) continue;
    const Template& child_tmpl = *child->tmpl;
    std::vector<std::string_view> names;
    for (const Output& o : child_tmpl.outputs) names.push_back(o.name);
    if (Within(names, read.name)) continue;
    auto suggestion = SuggestSpelling(read.name, names);
    auto builder = emitter.Build(
        DiagnosticKind::UnknownNestedOutput, doc.LocationOf(read.node),
        "`{}` reads output `{}` of nested stack `{}`, but `{}` defines no "
        "such output{}",
        call.name, read.name, resource, child->display_name,
        suggestion ? fmt::format("; did you mean `{}`?", *suggestion)
                   : std::string());
    const Document& child_doc = child_tmpl.document;
    NodeId outputs = child_tmpl.outputs_node != kNoNode ? child_tmpl.outputs_node
                                                        : child_doc.root();
    if (child_tmpl.outputs.empty()) {
      builder.Note(child_doc.LocationOf(outputs), "`{}` defines no outputs",
                   child->display_name);
    } else {
      builder.Note(child_doc.LocationOf(outputs),
                   "`{}` defines its outputs here", child->display_name);
    }
    builder.Emit();
  }
}

}  // namespace isobar
