#include "analysis/references/reference_index.h"

#include "analysis/references/sub_names.h"

namespace isobar {

namespace {

// YAML 1.1 booleans written plain: `condition: true` names no condition.
auto IsBoolean(const Document& doc, NodeId node) -> bool {
  static constexpr std::string_view kBooleans[] = {
      "true", "True", "TRUE", "false", "False", "FALSE", "yes", "Yes", "YES",
      "no",   "No",   "NO",   "on",    "On",    "ON",    "off", "Off", "OFF"};
  const Node& n = doc.node(node);
  return n.kind == NodeKind::Scalar && n.style == ScalarStyle::Plain &&
         Contains(kBooleans, n.value);
}

// The range of a scalar's value characters when the source spells the value
// out as is (plain, or quoted without escapes).
auto ExactRange(const Document& doc, NodeId node) -> std::optional<ByteRange> {
  const Node& n = doc.node(node);
  ByteRange r = n.range;
  std::string_view text = doc.source().text().substr(r.begin, r.end - r.begin);
  if (text == n.value) return r;
  if (n.style == ScalarStyle::Quoted && text.size() == n.value.size() + 2 &&
      text.substr(1, n.value.size()) == n.value) {
    return ByteRange{r.begin + 1, r.end - 1};
  }
  return std::nullopt;
}

class Resolver {
 public:
  Resolver(const Template& tmpl, const FunctionIndex& index,
           const FunctionCheckResult& checked, const SymbolTable& symbols)
      : tmpl_(tmpl),
        doc_(tmpl.document),
        index_(index),
        checked_(checked),
        symbols_(symbols),
        hot_(tmpl.format == TemplateFormat::Hot) {}

  auto Run() -> ReferenceIndex {
    for (uint32_t i = 0; i < index_.calls().size(); ++i) {
      if (i < checked_.well_formed.size() && checked_.well_formed[i]) {
        FromCall(i, index_.call(i));
      }
    }
    for (uint32_t i = 0; i < tmpl_.resources.size(); ++i) {
      const Resource& r = tmpl_.resources[i];
      if (!doc_.IsMapping(r.node)) continue;
      if (!hot_ && r.name.starts_with("Fn::ForEach::")) continue;
      Site site{kNoCall,
                FunctionId::None,
                hot_ ? "depends_on" : "DependsOn",
                ValueContext::ResourceDependsOn,
                i,
                false};
      Name(ReferenceKind::Resource, r.depends_on, site);
      for (NodeId item : Items(r.depends_on)) {
        Name(ReferenceKind::Resource, item, site);
      }
      if (!HasConditions(tmpl_)) continue;
      Name(ReferenceKind::Condition, r.condition,
           {kNoCall, FunctionId::None, hot_ ? "condition" : "Condition",
            ValueContext::ResourceCondition, i, true});
    }
    for (uint32_t i = 0; i < tmpl_.outputs.size(); ++i) {
      const Output& o = tmpl_.outputs[i];
      if (!doc_.IsMapping(o.node) || !HasConditions(tmpl_)) continue;
      Name(ReferenceKind::Condition, o.condition,
           {kNoCall, FunctionId::None, hot_ ? "condition" : "Condition",
            ValueContext::OutputCondition, i, true});
    }
    return std::move(result_);
  }

 private:
  // Where a reference is written.
  struct Site {
    uint32_t call;
    FunctionId function;
    std::string_view via;
    ValueContext context;
    uint32_t owner;
    bool in_condition;
  };

  auto Items(NodeId node) const -> std::span<const NodeId> {
    if (!doc_.IsSequence(node)) return {};
    return doc_.node(node).items;
  }

  void FromCall(uint32_t index, const FunctionCall& call) {
    Site site{index,        call.id,    call.name,
              call.context, call.owner, call.in_condition};
    NodeId arg = call.argument;
    auto items = Items(arg);
    NodeId first = items.empty() ? kNoNode : items[0];
    switch (call.id) {
      case FunctionId::GetResource:
        return Name(ReferenceKind::Resource, arg, site);
      case FunctionId::GetAttr:
        return Name(ReferenceKind::Resource, first, site);
      case FunctionId::FnGetAtt:
        if (doc_.IsScalar(arg)) return DottedName(arg, site);
        return Name(ReferenceKind::Resource, first, site);
      case FunctionId::GetParam:
        return Name(ReferenceKind::Parameter, doc_.IsScalar(arg) ? arg : first,
                    site);
      case FunctionId::Ref:
        return Name(call.in_condition ? ReferenceKind::Parameter
                                      : ReferenceKind::ResourceOrParameter,
                    arg, site);
      case FunctionId::If:
      case FunctionId::FnIf:
      case FunctionId::FnNot:
        return Name(ReferenceKind::Condition, first, site);
      case FunctionId::Not:
      case FunctionId::Condition:
        return Name(ReferenceKind::Condition, arg, site);
      case FunctionId::AndOr:
      case FunctionId::FnAndOr:
        for (NodeId item : items) Name(ReferenceKind::Condition, item, site);
        return;
      case FunctionId::FnFindInMap:
        return FindInMap(items, site);
      case FunctionId::FnSub:
        return SubVariables(call, site);
      default:
        return;
    }
  }

  // A reference whose name is the scalar `node`; nothing for a call (the
  // name is computed), a boolean condition, or no node at all.
  void Name(ReferenceKind kind, NodeId node, const Site& site) {
    if (!doc_.IsScalar(node)) return;
    if (kind == ReferenceKind::Condition && IsBoolean(doc_, node)) return;
    Reference ref = Make(kind, node, site);
    ref.exact_range = ExactRange(doc_, node);
    Resolve(ref);
    result_.references.push_back(ref);
  }

  // `"Fn::GetAtt": "Resource.Attribute"` (AWS): the part before the dot.
  void DottedName(NodeId node, const Site& site) {
    Reference ref = Make(ReferenceKind::Resource, node, site);
    size_t dot = ref.name.find('.');
    if (dot == std::string_view::npos) return;
    ref.name = ref.name.substr(0, dot);
    if (auto exact = ExactRange(doc_, node)) {
      ref.exact_range =
          ByteRange{exact->begin, exact->begin + static_cast<uint32_t>(dot)};
      ref.range = *ref.exact_range;
    }
    Resolve(ref);
    result_.references.push_back(ref);
  }

  void SubVariables(const FunctionCall& call, const Site& site) {
    for (SubName& sub : SubNames(doc_, call)) {
      Reference ref = Make(sub.dotted ? ReferenceKind::Resource
                                      : ReferenceKind::ResourceOrParameter,
                           sub.node, site);
      result_.names.push_back(std::move(sub.name));
      ref.name = result_.names.back();
      ref.range = sub.range;
      ref.exact_range = sub.exact_range;
      if (!sub.dotted) ref.sub_variables = sub.variables;
      Resolve(ref);
      result_.references.push_back(ref);
    }
  }

  void FindInMap(std::span<const NodeId> items, const Site& site) {
    if (items.size() < 3 || !doc_.IsScalar(items[0])) return;
    Name(ReferenceKind::Mapping, items[0], site);
    // A copy: the push_backs below may reallocate the vector.
    const Reference map = result_.references.back();
    if (map.state != ReferenceState::Resolved || !doc_.IsScalar(items[1]))
      return;
    const MapEntry* top = FindMapEntry(doc_, tmpl_.mappings, map.name);
    if (top == nullptr) return;
    Reference key = Make(ReferenceKind::MappingKey, items[1], site);
    key.exact_range = ExactRange(doc_, items[1]);
    key.target = map.target;
    key.map_node = top->value;
    key.map_name = map.name;
    const MapEntry* found = FindMapEntry(doc_, top->value, key.name);
    // A mapping that is not a mapping is the structure check's to report.
    key.state = !doc_.IsMapping(top->value) ? ReferenceState::Dynamic
                : found != nullptr          ? ReferenceState::Resolved
                                            : ReferenceState::Unresolved;
    result_.references.push_back(key);
    if (found == nullptr || !doc_.IsScalar(items[2])) return;
    Reference second = Make(ReferenceKind::MappingSecondKey, items[2], site);
    second.exact_range = ExactRange(doc_, items[2]);
    second.target = map.target;
    second.map_node = found->value;
    second.map_name = map.name;
    second.parent_key = key.name;
    second.state = !doc_.IsMapping(found->value) ? ReferenceState::Dynamic
                   : FindMapEntry(doc_, found->value, second.name) != nullptr
                       ? ReferenceState::Resolved
                       : ReferenceState::Unresolved;
    result_.references.push_back(second);
  }

  auto Make(ReferenceKind kind, NodeId node, const Site& site) const
      -> Reference {
    Reference ref;
    ref.kind = kind;
    ref.name = doc_.node(node).value;
    ref.node = node;
    ref.range = doc_.node(node).range;
    ref.call = site.call;
    ref.function = site.function;
    ref.via = site.via;
    ref.context = site.context;
    ref.owner = site.owner;
    ref.in_condition = site.in_condition;
    return ref;
  }

  // True when the section declaring `kind` is there but is not a mapping:
  // the structure check reports it, and nothing can be looked up in it.
  auto Broken(NodeId section) const -> bool {
    return section != kNoNode && !doc_.IsMapping(section) &&
           !doc_.IsNull(section);
  }

  void Resolve(Reference& ref) const {
    NodeId section =
        ref.kind == ReferenceKind::Resource    ? tmpl_.resources_node
        : ref.kind == ReferenceKind::Parameter ? tmpl_.parameters_node
        : ref.kind == ReferenceKind::Condition ? tmpl_.conditions_node
        : ref.kind == ReferenceKind::Mapping   ? tmpl_.mappings
                                               : kNoNode;
    if (Broken(section) ||
        (ref.kind == ReferenceKind::ResourceOrParameter &&
         (Broken(tmpl_.resources_node) || Broken(tmpl_.parameters_node)))) {
      ref.state = ReferenceState::Dynamic;
      return;
    }
    switch (ref.kind) {
      case ReferenceKind::Resource:
        ref.target = symbols_.Find(SymbolKind::Resource, ref.name);
        break;
      case ReferenceKind::Parameter:
        ref.target = symbols_.Find(SymbolKind::Parameter, ref.name);
        break;
      case ReferenceKind::ResourceOrParameter:
        ref.target = symbols_.Find(SymbolKind::Resource, ref.name);
        if (!ref.target)
          ref.target = symbols_.Find(SymbolKind::Parameter, ref.name);
        break;
      case ReferenceKind::Condition:
        ref.target = symbols_.Find(SymbolKind::Condition, ref.name);
        break;
      case ReferenceKind::Mapping:
        ref.target = symbols_.Find(SymbolKind::Mapping, ref.name);
        break;
      case ReferenceKind::MappingKey:
      case ReferenceKind::MappingSecondKey:
        return;
    }
    ref.state =
        ref.target ? ReferenceState::Resolved : ReferenceState::Unresolved;
  }

  const Template& tmpl_;
  const Document& doc_;
  const FunctionIndex& index_;
  const FunctionCheckResult& checked_;
  const SymbolTable& symbols_;
  bool hot_;
  ReferenceIndex result_;
};

}  // namespace

auto ResolveReferences(const Template& tmpl, const FunctionIndex& index,
                       const FunctionCheckResult& checked,
                       const SymbolTable& symbols) -> ReferenceIndex {
  if (tmpl.format != TemplateFormat::Hot &&
      tmpl.format != TemplateFormat::Cfn) {
    return {};
  }
  return Resolver(tmpl, index, checked, symbols).Run();
}

}  // namespace isobar
