#include "analysis/regions/property_walk.h"

#include <fmt/format.h>

#include <set>
#include <utility>

namespace isobar {

namespace {

class PropertyWalker {
 public:
  // `type` null: values without a schema.
  PropertyWalker(const RegionFacts& facts, const ResourceType* type,
                 const std::function<void(const PropertyValue&)>& visit)
      : facts_(facts), doc_(facts.doc), type_(type), visit_(visit) {}

  void Run(NodeId properties, const std::string& path = "") {
    const PropertySchema* root = type_ ? &type_->root() : nullptr;
    Visit(properties, root, path, true);
  }

 private:
  auto Child(const PropertySchema* map, std::string_view key) const
      -> const PropertySchema* {
    if (!map || !type_) return nullptr;
    return type_->FindChild(*map, key);
  }

  auto Item(const PropertySchema* list) const -> const PropertySchema* {
    if (!list || !type_ || list->item == kNoSchema) return nullptr;
    return &type_->node(list->item);
  }

  void Visit(NodeId node, const PropertySchema* schema, const std::string& path,
             bool identity) {
    // Aliases make the tree a DAG: visit each (node, schema) once.
    if (!seen_.insert({node, schema}).second) return;
    if (uint32_t call = facts_.resolution.functions.CallAt(node, false);
        call != kNoCall) {
      return VisitCall(node, call, schema, path, identity);
    }
    const Node& n = doc_.node(node);
    if (n.kind == NodeKind::Mapping) {
      for (const MapEntry& entry : n.entries) {
        std::string child = path.empty() ? entry.key : path + "." + entry.key;
        Visit(entry.value, Child(schema, entry.key), child, identity);
      }
    } else if (n.kind == NodeKind::Sequence) {
      for (size_t i = 0; i < n.items.size(); ++i) {
        Visit(n.items[i], Item(schema), fmt::format("{}[{}]", path, i),
              identity);
      }
    } else if (n.kind == NodeKind::Scalar) {
      visit_({node, kNoCall, schema, &path, identity});
    }
  }

  void VisitCall(NodeId node, uint32_t index, const PropertySchema* schema,
                 const std::string& path, bool identity) {
    const FunctionCall& call = facts_.resolution.functions.call(index);
    switch (call.id) {
      case FunctionId::If:
      case FunctionId::FnIf: {
        // The chosen branch is the value itself.
        if (!doc_.IsSequence(call.argument)) return;
        const auto& items = doc_.node(call.argument).items;
        for (size_t i = 1; i < items.size(); ++i) {
          Visit(items[i], schema, path, identity);
        }
        return;
      }
      case FunctionId::GetResource:
      case FunctionId::GetAttr:
      case FunctionId::Ref:
      case FunctionId::FnGetAtt:
      case FunctionId::GetParam:
        visit_({node, index, schema, &path, identity});
        // get_attr paths may hold calls of their own.
        return Arguments(call, path);
      case FunctionId::FnSub:
        visit_({node, index, schema, &path, identity && IsOneVariable(call)});
        return;
      default:
        visit_({node, index, schema, &path, false});
        return Arguments(call, path);
    }
  }

  // Whatever the arguments read is data for the value being built.
  void Arguments(const FunctionCall& call, const std::string& path) {
    const Node& arg = doc_.node(call.argument);
    if (arg.kind == NodeKind::Sequence) {
      for (NodeId item : arg.items) Visit(item, nullptr, path, false);
    } else if (arg.kind == NodeKind::Mapping) {
      for (const MapEntry& entry : arg.entries) {
        Visit(entry.value, nullptr, path, false);
      }
    } else if (arg.kind == NodeKind::Scalar && call.id == FunctionId::FnGetAZs) {
      // The region Fn::GetAZs names matters to the zone rules.
      Visit(call.argument, nullptr, path, false);
    }
  }

  // `Fn::Sub: "${Name}"` is the named value itself.
  auto IsOneVariable(const FunctionCall& call) const -> bool {
    NodeId text = call.argument;
    if (doc_.IsSequence(text) && !doc_.node(text).items.empty()) {
      text = doc_.node(text).items.front();
    }
    if (!doc_.IsScalar(text)) return false;
    std::string_view s = doc_.node(text).value;
    return s.starts_with("${") && s.ends_with("}") &&
           s.find('$', 1) == std::string_view::npos;
  }

  const RegionFacts& facts_;
  const Document& doc_;
  const ResourceType* type_;
  const std::function<void(const PropertyValue&)>& visit_;
  std::set<std::pair<NodeId, const PropertySchema*>> seen_;
};

}  // namespace

void WalkProperties(const RegionFacts& facts, uint32_t index,
                    const std::function<void(const PropertyValue&)>& visit) {
  NodeId properties = facts.tmpl.resources[index].properties;
  if (!facts.doc.IsMapping(properties)) return;
  PropertyWalker(facts, facts.TypeOf(index), visit).Run(properties);
}

void WalkValue(const RegionFacts& facts, NodeId value, const std::string& path,
               const std::function<void(const PropertyValue&)>& visit) {
  if (value == kNoNode) return;
  PropertyWalker(facts, nullptr, visit).Run(value, path);
}

}  // namespace isobar
