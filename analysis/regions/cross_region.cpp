#include "analysis/regions/cross_region.h"

#include <fmt/format.h>

#include <set>
#include <utility>

#include "catalog/catalog.h"

namespace isobar {

namespace {

class CrossRegionChecker {
 public:
  CrossRegionChecker(const Template& tmpl, const Resolution& resolution,
                     const RegionPlacement& placement,
                     const CloudProfile* profile, DiagnosticEmitter& emitter)
      : tmpl_(tmpl),
        doc_(tmpl.document),
        resolution_(resolution),
        placement_(placement),
        profile_(profile),
        emitter_(emitter),
        catalog_(tmpl.format == TemplateFormat::Hot || IsHeatCfn(tmpl)
                     ? ResourceCatalog::Heat()
                     : ResourceCatalog::Cfn()),
        refs_by_call_(resolution.functions.calls().size()) {
    const auto& refs = resolution.references.references;
    for (uint32_t i = 0; i < refs.size(); ++i) {
      if (refs[i].call != kNoCall) refs_by_call_[refs[i].call].push_back(i);
    }
  }

  void Run() {
    for (owner_ = 0; owner_ < tmpl_.resources.size(); ++owner_) {
      const Resource& r = tmpl_.resources[owner_];
      if (placement_.resources[owner_].region.empty() ||
          !doc_.IsMapping(r.properties)) {
        continue;
      }
      type_ = TypeOf(r);
      seen_.clear();
      const PropertySchema* root = type_ ? &type_->root() : nullptr;
      Visit(r.properties, root, "", true);
    }
  }

 private:
  static auto IsHeatCfn(const Template& tmpl) -> bool {
    return tmpl.version_entry &&
           tmpl.version_entry->key == "HeatTemplateFormatVersion";
  }

  auto TypeOf(const Resource& r) const -> const ResourceType* {
    if (!doc_.IsScalar(r.type)) return nullptr;
    return catalog_.Resolve(doc_.node(r.type).value);
  }

  auto Child(const PropertySchema* map, std::string_view key) const
      -> const PropertySchema* {
    if (!map || !type_) return nullptr;
    return type_->FindChild(*map, key);
  }

  auto Item(const PropertySchema* list) const -> const PropertySchema* {
    if (!list || !type_ || list->item == kNoSchema) return nullptr;
    return &type_->node(list->item);
  }

  // `schema` is the property schema at `node` (null when unknown);
  // `identity` is false once a function has made a new value.
  void Visit(NodeId node, const PropertySchema* schema, const std::string& path,
             bool identity) {
    // Aliases make the tree a DAG: visit each (node, schema) once.
    if (!seen_.insert({node, schema}).second) return;
    if (uint32_t call = resolution_.functions.CallAt(node, false);
        call != kNoCall) {
      return VisitCall(call, schema, path, identity);
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
    }
  }

  void VisitCall(uint32_t index, const PropertySchema* schema,
                 const std::string& path, bool identity) {
    const FunctionCall& call = resolution_.functions.call(index);
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
        Uses(index, schema, path, identity);
        // get_attr paths may hold calls of their own.
        return Arguments(call, path);
      case FunctionId::FnSub:
        return Uses(index, schema, path, identity && IsOneVariable(call));
      default:
        Uses(index, schema, path, false);
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

  void Uses(uint32_t call, const PropertySchema* schema,
            const std::string& path, bool identity) {
    for (uint32_t ref_index : refs_by_call_[call]) {
      const Reference& ref = resolution_.references.references[ref_index];
      if (ref.state != ReferenceState::Resolved || !ref.target ||
          ref.target->kind != SymbolKind::Resource) {
        continue;
      }
      Check(ref, ref.target->index, schema, path, identity);
    }
  }

  void Check(const Reference& ref, uint32_t producer,
             const PropertySchema* schema, const std::string& path,
             bool identity) {
    const Placement& mine = placement_.resources[owner_];
    const Placement& theirs = placement_.resources[producer];
    if (theirs.region.empty() || theirs.region == mine.region) return;
    const Resource& consumer = tmpl_.resources[owner_];
    const Resource& source = tmpl_.resources[producer];
    const ResourceType* source_type = TypeOf(source);
    std::string_view kind = schema && identity ? schema->identity_kind
                                               : std::string_view();
    if (!kind.empty() && !IsReachable(kind, source_type)) {
      auto builder = emitter_.Build(
          DiagnosticKind::CrossRegionIdentityReference,
          doc_.LocationOf(ref.range),
          "`{}` of `{}` names `{}` in region {}, but `{}` is in region {}; "
          "`{}` ({}) can only use objects of its own region: move one of them, "
          "or create a copy in {}",
          path, consumer.name, source.name, theirs.region, consumer.name,
          mine.region, consumer.name, TypeName(consumer), mine.region);
      builder.Region(mine.region).OtherRegion(theirs.region);
      builder.Note(PlacedAt(source, theirs), "`{}` is placed in {} here",
                   source.name, theirs.region);
      builder.Note(PlacedAt(consumer, mine), "`{}` is placed in {} here",
                   consumer.name, mine.region);
      builder.Emit();
      return;
    }
    emitter_
        .Build(DiagnosticKind::CrossRegionDataReference,
               doc_.LocationOf(ref.range),
               "`{}` of `{}` ({}) reads a value of `{}` ({}); the plan "
               "passes it across as an output of the {} stack",
               path, consumer.name, mine.region, source.name, theirs.region,
               theirs.region)
        .Region(mine.region)
        .OtherRegion(theirs.region)
        .Note(PlacedAt(source, theirs), "`{}` is placed in {} here",
              source.name, theirs.region)
        .Emit();
  }

  // An object any region may use: a global type, a global kind (Keystone),
  // or a service the profile shares across regions.
  auto IsReachable(std::string_view kind, const ResourceType* source) const
      -> bool {
    if (kind.starts_with("keystone.")) return true;
    if (!source) return false;
    if (source->scope == ResourceScope::Global) return true;
    return profile_ && profile_->IsShared(source->service);
  }

  auto TypeName(const Resource& r) const -> std::string {
    if (doc_.IsScalar(r.type)) return doc_.node(r.type).value;
    return "resource";
  }

  auto PlacedAt(const Resource& r, const Placement& p) const -> Location {
    if (p.where.buffer) return p.where;
    return doc_.LocationOf(r.name_range);
  }

  const Template& tmpl_;
  const Document& doc_;
  const Resolution& resolution_;
  const RegionPlacement& placement_;
  const CloudProfile* profile_;
  DiagnosticEmitter& emitter_;
  const ResourceCatalog& catalog_;
  std::vector<std::vector<uint32_t>> refs_by_call_;
  uint32_t owner_ = 0;
  const ResourceType* type_ = nullptr;
  std::set<std::pair<NodeId, const PropertySchema*>> seen_;
};

}  // namespace

void CheckCrossRegionReferences(const Template& tmpl,
                                const Resolution& resolution,
                                const RegionPlacement& placement,
                                const CloudProfile* profile,
                                DiagnosticEmitter& emitter) {
  if (!placement.multi_region()) return;
  CrossRegionChecker(tmpl, resolution, placement, profile, emitter).Run();
}

}  // namespace isobar
