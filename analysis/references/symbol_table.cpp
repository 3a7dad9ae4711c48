#include "analysis/references/symbol_table.h"

#include "common/spelling.h"

namespace isobar {

namespace {

// Heat 19, heat/engine/hot/parameters.py HOTParameters: OS::region is in
// its list but never created, so `get_param: OS::region` fails.
constexpr std::string_view kHotPseudo[] = {"OS::stack_name", "OS::stack_id",
                                           "OS::project_id"};
// AWS pseudo parameters reference (2026).
constexpr std::string_view kAwsPseudo[] = {
    "AWS::AccountId", "AWS::NotificationARNs", "AWS::NoValue",
    "AWS::Partition", "AWS::Region",           "AWS::StackId",
    "AWS::StackName", "AWS::URLSuffix"};
// Heat 19, heat/engine/cfn/parameters.py CfnParameters.
constexpr std::string_view kHeatCfnPseudo[] = {"AWS::StackId", "AWS::StackName",
                                               "AWS::Region"};

auto SectionName(SymbolKind kind, bool hot) -> std::string_view {
  switch (kind) {
    case SymbolKind::Resource:
      return hot ? "resources" : "Resources";
    case SymbolKind::Parameter:
      return hot ? "parameters" : "Parameters";
    case SymbolKind::Condition:
      return hot ? "conditions" : "Conditions";
    case SymbolKind::Mapping:
      return "Mappings";
  }
  return "";
}

}  // namespace

SymbolTable::SymbolTable(const Template& tmpl) : tmpl_(tmpl) {
  bool hot = tmpl.format == TemplateFormat::Hot;
  bool heat_cfn = tmpl.IsHeatCfn();
  using Names = std::span<const std::string_view>;
  pseudo_ = hot        ? Names(kHotPseudo)
            : heat_cfn ? Names(kHeatCfnPseudo)
                       : Names(kAwsPseudo);
  for (uint32_t i = 0; i < tmpl.resources.size(); ++i) {
    Add(SymbolKind::Resource, i, tmpl.resources[i].name);
  }
  for (uint32_t i = 0; i < tmpl.parameters.size(); ++i) {
    Add(SymbolKind::Parameter, i, tmpl.parameters[i].name);
  }
  for (std::string_view name : pseudo_) {
    Add(SymbolKind::Parameter, Symbol::kNoIndex, name);
  }
  for (uint32_t i = 0; i < tmpl.conditions.size(); ++i) {
    Add(SymbolKind::Condition, i, tmpl.conditions[i].name);
  }
  const Document& doc = tmpl.document;
  if (doc.IsMapping(tmpl.mappings)) {
    const auto& entries = doc.node(tmpl.mappings).entries;
    for (uint32_t i = 0; i < entries.size(); ++i) {
      Add(SymbolKind::Mapping, i, entries[i].key);
    }
  }
}

void SymbolTable::Add(SymbolKind kind, uint32_t index, std::string_view name) {
  // The first declaration wins, as a duplicate key is reported already.
  if (maps_[static_cast<int>(kind)].try_emplace(name, all_.size()).second) {
    all_.push_back({kind, index, name});
  }
}

auto SymbolTable::Find(SymbolKind kind, std::string_view name) const
    -> std::optional<Symbol> {
  const auto& map = maps_[static_cast<int>(kind)];
  auto it = map.find(name);
  if (it == map.end()) return std::nullopt;
  return all_[it->second];
}

auto SymbolTable::Suggest(std::span<const SymbolKind> kinds,
                          std::string_view name) const
    -> std::optional<Symbol> {
  std::vector<std::string_view> candidates;
  std::vector<const Symbol*> symbols;
  for (const Symbol& symbol : all_) {
    for (SymbolKind kind : kinds) {
      if (symbol.kind == kind) {
        candidates.push_back(symbol.name);
        symbols.push_back(&symbol);
      }
    }
  }
  auto best = SuggestSpelling(name, candidates);
  if (!best) return std::nullopt;
  for (size_t i = 0; i < candidates.size(); ++i) {
    if (candidates[i].data() == best->data()) return *symbols[i];
  }
  return std::nullopt;
}

auto SymbolTable::DeclarationRange(const Symbol& symbol) const -> ByteRange {
  switch (symbol.kind) {
    case SymbolKind::Resource:
      return tmpl_.resources[symbol.index].name_range;
    case SymbolKind::Parameter:
      return tmpl_.parameters[symbol.index].name_range;
    case SymbolKind::Condition:
      return tmpl_.conditions[symbol.index].name_range;
    case SymbolKind::Mapping:
      return tmpl_.document.node(tmpl_.mappings)
          .entries[symbol.index]
          .key_range;
  }
  return {};
}

auto SymbolTable::SectionRange(SymbolKind kind) const
    -> std::optional<ByteRange> {
  std::string_view name =
      SectionName(kind, tmpl_.format == TemplateFormat::Hot);
  for (const NamedNode& section : tmpl_.sections) {
    if (section.name == name) return section.name_range;
  }
  return std::nullopt;
}

auto SymbolTable::Count(SymbolKind kind) const -> size_t {
  size_t count = 0;
  for (const Symbol& symbol : all_) {
    count += symbol.kind == kind && !symbol.is_pseudo();
  }
  return count;
}

auto FindMapEntry(const Document& doc, NodeId map, std::string_view key)
    -> const MapEntry* {
  if (!doc.IsMapping(map)) return nullptr;
  return doc.Find(map, key);
}

}  // namespace isobar
