#include "analysis/unused_parameters.h"

#include <vector>

namespace isobar {

namespace {

// CloudFormation `Rules` are not function contexts Heat knows, so the
// function index skips them; their `Ref` and `Fn::ValueOf` name
// parameters all the same.
void MarkRuleUses(const Template& tmpl, const SymbolTable& symbols,
                  std::vector<bool>& used) {
  const Document& doc = tmpl.document;
  const MapEntry* rules = doc.Find(doc.root(), "Rules");
  if (!rules) return;
  auto mark = [&](NodeId name) {
    if (name == kNoNode || doc.node(name).kind != NodeKind::Scalar) return;
    if (auto symbol =
            symbols.Find(SymbolKind::Parameter, doc.node(name).value)) {
      if (!symbol->is_pseudo()) used[symbol->index] = true;
    }
  };
  ForEachNodeOnce(doc, rules->value, [&](NodeId id) {
    const Node& node = doc.node(id);
    if (node.kind != NodeKind::Mapping || node.entries.size() != 1) return;
    const MapEntry& call = node.entries.front();
    if (call.key == "Ref") {
      mark(call.value);
    } else if (call.key == "Fn::ValueOf" || call.key == "Fn::ValueOfAll") {
      const Node& args = doc.node(call.value);
      if (args.kind == NodeKind::Sequence && !args.items.empty()) {
        mark(args.items.front());
      }
    }
  });
}

// True when a `get_param` or `Ref` computes the name it reads: then any
// parameter may be the one it reads.
auto ReadsComputedName(const Document& doc, const FunctionIndex& index)
    -> bool {
  for (const FunctionCall& call : index.calls()) {
    if (call.id != FunctionId::GetParam && call.id != FunctionId::Ref) continue;
    NodeId name = call.argument;
    if (call.id == FunctionId::GetParam && doc.IsSequence(name)) {
      const auto& items = doc.node(name).items;
      name = items.empty() ? kNoNode : items.front();
    }
    if (!doc.IsScalar(name)) return true;
  }
  return false;
}

}  // namespace

void CheckUnusedParameters(const Template& tmpl, const Resolution& resolution,
                           DiagnosticEmitter& emitter) {
  if (tmpl.format != TemplateFormat::Hot && tmpl.format != TemplateFormat::Cfn)
    return;
  const Document& doc = tmpl.document;
  if (doc.Find(doc.root(), "Transform")) return;
  if (ReadsComputedName(doc, resolution.functions)) return;
  std::vector<bool> used(tmpl.parameters.size(), false);
  for (const Reference& ref : resolution.references.references) {
    bool may_name_parameter = ref.kind == ReferenceKind::Parameter ||
                              ref.kind == ReferenceKind::ResourceOrParameter;
    if (!may_name_parameter) continue;
    // A name in a section that cannot be read could be any parameter.
    if (ref.state == ReferenceState::Dynamic) return;
    if (ref.state == ReferenceState::Resolved && ref.target &&
        ref.target->kind == SymbolKind::Parameter && !ref.target->is_pseudo()) {
      used[ref.target->index] = true;
    }
  }
  MarkRuleUses(tmpl, resolution.symbols, used);
  const bool hot = tmpl.format == TemplateFormat::Hot;
  for (size_t i = 0; i < tmpl.parameters.size(); ++i) {
    if (used[i]) continue;
    const Parameter& p = tmpl.parameters[i];
    emitter.Emit(DiagnosticKind::UnusedParameter, doc.LocationOf(p.name_range),
                 "parameter `{}` is declared but never used; remove it, or "
                 "read it with `{}`",
                 p.name, hot ? "get_param" : "Ref");
  }
}

}  // namespace isobar
