// The names a template declares (resources, parameters, conditions,
// mappings) and the pseudo parameters its engine provides, indexed for the
// reference checks: lookup, "did you mean", and where each is declared.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "frontend/template.h"

namespace isobar {

enum class SymbolKind : uint8_t { Resource, Parameter, Condition, Mapping };

// One declared (or pseudo) name.
struct Symbol {
  SymbolKind kind = SymbolKind::Resource;
  // Index into the Template's list of that kind; for mappings, the index of
  // the entry in the `Mappings` section. kNoIndex for a pseudo parameter.
  uint32_t index = 0;
  std::string_view name;

  static constexpr uint32_t kNoIndex = ~uint32_t{0};
  auto is_pseudo() const -> bool { return index == kNoIndex; }
};

class SymbolTable {
 public:
  explicit SymbolTable(const Template& tmpl);

  auto Find(SymbolKind kind, std::string_view name) const
      -> std::optional<Symbol>;
  // The closest name of one of `kinds` (pseudo parameters included with
  // Parameter) when `name` looks like a typo of it.
  auto Suggest(std::span<const SymbolKind> kinds, std::string_view name) const
      -> std::optional<Symbol>;
  // Where a declared symbol's name is written.
  auto DeclarationRange(const Symbol& symbol) const -> ByteRange;
  // The key of the section that declares `kind` (`resources:`, ...), if the
  // template has that section.
  auto SectionRange(SymbolKind kind) const -> std::optional<ByteRange>;
  auto Count(SymbolKind kind) const -> size_t;
  // The pseudo parameters of the template's engine: OS::stack_name, ... for
  // HOT; AWS::Region, ... for CloudFormation.
  auto pseudo_parameters() const -> std::span<const std::string_view> {
    return pseudo_;
  }

 private:
  void Add(SymbolKind kind, uint32_t index, std::string_view name);

  const Template& tmpl_;
  std::span<const std::string_view> pseudo_;
  std::unordered_map<std::string_view, uint32_t> maps_[4];
  std::vector<Symbol> all_;
};

// The entry for `key` in `map` when `map` is a mapping, else null: the key
// lookups of Fn::FindInMap.
auto FindMapEntry(const Document& doc, NodeId map, std::string_view key)
    -> const MapEntry*;

}  // namespace isobar
