#include "analysis/functions/function_index.h"

#include <optional>

namespace isobar {

auto DescribeContext(ValueContext context) -> std::string_view {
  switch (context) {
    case ValueContext::ResourceProperties:
      return "properties";
    case ValueContext::ResourceMetadata:
      return "metadata";
    case ValueContext::ResourceDeletionPolicy:
      return "deletion policy";
    case ValueContext::ResourceUpdatePolicy:
      return "update policy";
    case ValueContext::ResourceCreationPolicy:
      return "creation policy";
    case ValueContext::ResourceUpdateReplacePolicy:
      return "update replace policy";
    case ValueContext::ResourceExternalId:
      return "external id";
    case ValueContext::ResourceRegion:
      return "region";
    case ValueContext::ResourceCondition:
      return "resource condition";
    case ValueContext::ResourceDependsOn:
      return "dependencies";
    case ValueContext::OutputValue:
      return "output value";
    case ValueContext::OutputExport:
      return "output export";
    case ValueContext::OutputCondition:
      return "output condition";
    case ValueContext::ConditionDefinition:
      return "condition definition";
  }
  return "value";
}

auto FunctionIndex::CallAt(NodeId node, bool in_condition) const -> uint32_t {
  auto it = by_node_.find(Key(node, in_condition));
  return it == by_node_.end() ? kNoCall : it->second;
}

// Builds a FunctionIndex; a class so the walk's state has one home.
class FunctionIndexer {
 public:
  explicit FunctionIndexer(const Template& tmpl)
      : tmpl_(tmpl),
        doc_(tmpl.document),
        hot_(tmpl.format == TemplateFormat::Hot),
        facts_(&EffectiveVersion(tmpl)),
        heat_cfn_(!hot_ && facts_->key == "HeatTemplateFormatVersion"),
        has_conditions_(HasConditions(tmpl)) {}

  auto Run() -> FunctionIndex {
    bool cfn = !hot_;
    for (uint32_t i = 0; i < tmpl_.resources.size(); ++i) {
      const Resource& r = tmpl_.resources[i];
      if (!doc_.IsMapping(r.node)) continue;
      if (cfn && r.name.starts_with("Fn::ForEach::")) continue;
      Walk(r.region, ValueContext::ResourceRegion, i, false);
      if (has_conditions_) {
        Walk(r.condition, ValueContext::ResourceCondition, i, true);
      }
      Walk(r.properties, ValueContext::ResourceProperties, i, false);
      Walk(r.metadata, ValueContext::ResourceMetadata, i, false);
      Walk(r.deletion_policy, ValueContext::ResourceDeletionPolicy, i, false);
      Walk(r.update_policy, ValueContext::ResourceUpdatePolicy, i, false);
      Walk(r.external_id, ValueContext::ResourceExternalId, i, false);
      if (cfn) {
        if (const MapEntry* e = doc_.Find(r.node, "CreationPolicy")) {
          Walk(e->value, ValueContext::ResourceCreationPolicy, i, false);
        }
        // `Fn::If` may choose the policy (cfn-lint walks it too).
        if (const MapEntry* e = doc_.Find(r.node, "UpdateReplacePolicy")) {
          Walk(e->value, ValueContext::ResourceUpdateReplacePolicy, i, false);
        }
      }
    }
    for (uint32_t i = 0; i < tmpl_.outputs.size(); ++i) {
      const Output& o = tmpl_.outputs[i];
      if (!doc_.IsMapping(o.node)) continue;
      if (cfn && o.name.starts_with("Fn::ForEach::")) continue;
      if (has_conditions_) {
        Walk(o.condition, ValueContext::OutputCondition, i, true);
      }
      Walk(o.value, ValueContext::OutputValue, i, false);
      if (cfn) {
        if (const MapEntry* e = doc_.Find(o.node, "Export")) {
          Walk(e->value, ValueContext::OutputExport, i, false);
        }
      }
    }
    // A version without conditions gets R102/R103 for them instead.
    for (uint32_t i = 0; has_conditions_ && i < tmpl_.conditions.size(); ++i) {
      Walk(tmpl_.conditions[i].node, ValueContext::ConditionDefinition, i,
           true);
    }
    return std::move(index_);
  }

 private:
  struct Item {
    NodeId node;
    uint32_t parent;
    bool in_condition;
  };

  // What `name` is as the only key of a mapping, or nullopt for plain data.
  auto Classify(std::string_view name, bool in_condition) const
      -> std::optional<CallStatus> {
    return hot_ ? ClassifyHot(name, in_condition)
                : ClassifyCfn(name, in_condition);
  }

  auto ClassifyHot(std::string_view name, bool in_condition) const
      -> std::optional<CallStatus> {
    if (Contains(facts_->removed_functions, name)) return CallStatus::Removed;
    if (in_condition && has_conditions_) {
      // Heat's _parser_condition_functions: the condition table, removed
      // functions as they are, every other function marked Invalid.
      if (Contains(facts_->condition_functions, name)) return CallStatus::Live;
      if (Contains(facts_->functions, name))
        return CallStatus::InvalidInCondition;
      if (FirstHotVersionWith(name, true)) return CallStatus::NotInVersion;
      return std::nullopt;
    }
    if (Contains(facts_->functions, name)) return CallStatus::Live;
    if (FirstHotVersionWith(name, false)) return CallStatus::NotInVersion;
    return std::nullopt;
  }

  auto ClassifyCfn(std::string_view name, bool in_condition) const
      -> std::optional<CallStatus> {
    if (name == "Condition") {
      if (!in_condition) return std::nullopt;
      return heat_cfn_ ? CallStatus::NotInVersion : CallStatus::Live;
    }
    if (name != "Ref" && !name.starts_with("Fn::")) return std::nullopt;
    if (!IsKnownCfnFunction(name)) return CallStatus::Unknown;
    // Neither Heat nor CloudFormation resolves resources in a condition.
    if (in_condition && (name == "Fn::GetAtt" || name == "Fn::If")) {
      return CallStatus::InvalidInCondition;
    }
    if (heat_cfn_ && !Contains(facts_->functions, name)) {
      return CallStatus::NotInVersion;
    }
    return CallStatus::Live;
  }

  void Walk(NodeId root, ValueContext context, uint32_t owner,
            bool in_condition) {
    if (root == kNoNode) return;
    stack_.push_back({root, kNoCall, in_condition});
    while (!stack_.empty()) {
      Item item = stack_.back();
      stack_.pop_back();
      const Node& node = doc_.node(item.node);
      if (node.kind != NodeKind::Mapping && node.kind != NodeKind::Sequence) {
        continue;
      }
      if (!FirstVisit(item, context, owner)) continue;
      if (node.kind == NodeKind::Sequence) {
        PushAll(node.items, item.parent, item.in_condition);
        continue;
      }
      if (node.entries.size() == 1) {
        const MapEntry& entry = node.entries.front();
        if (auto status = Classify(entry.key, item.in_condition)) {
          AddCall(item, entry, *status, context, owner);
          continue;
        }
      }
      for (auto it = node.entries.rbegin(); it != node.entries.rend(); ++it) {
        stack_.push_back({it->value, item.parent, item.in_condition});
      }
    }
  }

  // Records a visit; false when this node was already walked in this kind
  // of context (an alias), noting the new owner if it differs.
  auto FirstVisit(const Item& item, ValueContext context, uint32_t owner)
      -> bool {
    auto [it, inserted] =
        visited_.try_emplace(FunctionIndex::Key(item.node, item.in_condition),
                             Owner{context, owner});
    if (inserted) return true;
    if (it->second.context != context || it->second.owner != owner) {
      index_.shared_.push_back({item.node, context, owner});
    }
    return false;
  }

  void AddCall(const Item& item, const MapEntry& entry, CallStatus status,
               ValueContext context, uint32_t owner) {
    auto index = static_cast<uint32_t>(index_.calls_.size());
    FunctionCall call{
        .name = entry.key,
        .id = LookupFunction(entry.key),
        .status = status,
        .context = context,
        .in_condition = item.in_condition,
        .owner = owner,
        .mapping = item.node,
        .range = doc_.node(item.node).range,
        .key_range = entry.key_range,
        .argument = entry.value,
        .parent = item.parent,
    };
    index_.calls_.push_back(call);
    index_.by_node_[FunctionIndex::Key(item.node, item.in_condition)] = index;
    // `if`: the first argument is a condition (Heat's If.parse_args).
    bool is_if = call.id == FunctionId::If || call.id == FunctionId::FnIf;
    if (is_if && doc_.IsSequence(entry.value)) {
      if (!FirstVisit({entry.value, index, item.in_condition}, context,
                      owner)) {
        return;
      }
      const auto& items = doc_.node(entry.value).items;
      PushAll(std::span(items).subspan(items.empty() ? 0 : 1), index,
              item.in_condition);
      if (!items.empty()) stack_.push_back({items.front(), index, true});
      return;
    }
    stack_.push_back({entry.value, index, item.in_condition});
  }

  void PushAll(std::span<const NodeId> items, uint32_t parent,
               bool in_condition) {
    for (auto it = items.rbegin(); it != items.rend(); ++it) {
      stack_.push_back({*it, parent, in_condition});
    }
  }

  struct Owner {
    ValueContext context;
    uint32_t owner;
  };

  const Template& tmpl_;
  const Document& doc_;
  bool hot_;
  const TemplateVersionFacts* facts_;
  bool heat_cfn_;
  bool has_conditions_;
  FunctionIndex index_;
  std::vector<Item> stack_;
  std::unordered_map<uint64_t, Owner> visited_;
};

auto IndexFunctions(const Template& tmpl) -> FunctionIndex {
  if (tmpl.format != TemplateFormat::Hot &&
      tmpl.format != TemplateFormat::Cfn) {
    return {};
  }
  return FunctionIndexer(tmpl).Run();
}

}  // namespace isobar
