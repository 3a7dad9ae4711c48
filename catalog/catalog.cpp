#include "catalog/catalog.h"

#include <algorithm>
#include <charconv>
#include <stdexcept>

#include "catalog/decode.h"

namespace isobar {

extern const char kHeatCatalog[];
extern const size_t kHeatCatalogSize;
extern const char kCfnCatalog[];
extern const size_t kCfnCatalogSize;

struct ResourceCatalog::Entry {
  uint32_t offset = 0;
  uint32_t length = 0;
  std::once_flag once;
  std::unique_ptr<ResourceType> type;
};

namespace {

auto NextLine(std::string_view& data) -> std::string_view {
  size_t end = data.find('\n');
  std::string_view line = data.substr(0, end);
  data.remove_prefix(end == std::string_view::npos ? data.size() : end + 1);
  return line;
}

auto ParseNumber(std::string_view text) -> uint32_t {
  uint32_t value = 0;
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || ptr != text.data() + text.size()) {
    throw std::runtime_error("corrupt resource catalog index");
  }
  return value;
}

auto Split(std::string_view text, char separator) -> std::vector<std::string_view> {
  std::vector<std::string_view> parts;
  while (true) {
    size_t at = text.find(separator);
    parts.push_back(text.substr(0, at));
    if (at == std::string_view::npos) return parts;
    text.remove_prefix(at + 1);
  }
}

}  // namespace

ResourceCatalog::ResourceCatalog(std::string_view data, std::string_view name)
    : name_(name) {
  std::string_view rest = data;
  const char* header_begin = rest.data();
  std::string_view line;
  constexpr std::string_view kRegions = "# regions (rgn bit order): ";
  while (!rest.empty() && rest.front() == '#') {
    line = NextLine(rest);
    if (line.starts_with(kRegions)) {
      regions_ = Split(line.substr(kRegions.size()), ' ');
    }
  }
  header_ = std::string_view(header_begin, rest.data() - header_begin);
  line = NextLine(rest);
  constexpr std::string_view kIndex = "@index ";
  if (!line.starts_with(kIndex)) throw std::runtime_error("corrupt resource catalog");
  size_t count = ParseNumber(line.substr(kIndex.size()));
  names_.reserve(count);
  entries_ = std::make_unique<Entry[]>(count);
  for (size_t i = 0; i < count; ++i) {
    std::vector<std::string_view> fields = Split(NextLine(rest), '\t');
    if (fields.size() != 3) throw std::runtime_error("corrupt resource catalog index");
    names_.push_back(fields[0]);
    entries_[i].offset = ParseNumber(fields[1]);
    entries_[i].length = ParseNumber(fields[2]);
  }
  if (NextLine(rest) != "@records") throw std::runtime_error("corrupt resource catalog");
  records_ = rest;
}

ResourceCatalog::~ResourceCatalog() = default;

auto ResourceCatalog::Heat() -> const ResourceCatalog& {
  static const ResourceCatalog catalog(
      std::string_view(kHeatCatalog, kHeatCatalogSize), "Heat");
  return catalog;
}

auto ResourceCatalog::Cfn() -> const ResourceCatalog& {
  static const ResourceCatalog catalog(
      std::string_view(kCfnCatalog, kCfnCatalogSize), "CloudFormation");
  return catalog;
}

auto ResourceCatalog::Decode(size_t index) const -> const ResourceType* {
  Entry& entry = entries_[index];
  std::call_once(entry.once, [&] {
    if (size_t{entry.offset} + entry.length > records_.size()) {
      throw std::runtime_error("corrupt resource catalog index");
    }
    entry.type = DecodeResourceType(
        names_[index], records_.substr(entry.offset, entry.length));
  });
  return entry.type.get();
}

auto ResourceCatalog::Find(std::string_view type) const -> const ResourceType* {
  auto it = std::lower_bound(names_.begin(), names_.end(), type);
  if (it != names_.end() && *it == type) return Decode(it - names_.begin());
  // Glob aliases (`OS::Quantum*`): few, so a scan is cheap.
  for (size_t i = 0; i < names_.size(); ++i) {
    std::string_view name = names_[i];
    if (name.ends_with('*') && type.starts_with(name.substr(0, name.size() - 1))) {
      return Decode(i);
    }
  }
  return nullptr;
}

auto ResourceCatalog::ResolvedName(std::string_view type) const -> std::string {
  std::string name(type);
  // Aliases chain at most a few steps; the bound guards a corrupt cycle.
  for (int step = 0; step < 8; ++step) {
    const ResourceType* found = Find(name);
    if (!found) return {};
    if (found->kind != TypeKind::Alias) return name;
    const std::string& target = found->alias_of;
    if (found->name.ends_with('*') && target.ends_with('*')) {
      name = target.substr(0, target.size() - 1) +
             name.substr(found->name.size() - 1);
    } else {
      name = target;
    }
  }
  return {};
}

auto ResourceCatalog::Resolve(std::string_view type) const -> const ResourceType* {
  std::string name = ResolvedName(type);
  return name.empty() ? nullptr : Find(name);
}

auto ResourceType::FindChild(const PropertySchema& map, std::string_view name) const
    -> const PropertySchema* {
  auto it = std::lower_bound(
      map.children.begin(), map.children.end(), name,
      [](const PropertySchema::Child& c, std::string_view n) { return c.name < n; });
  if (it == map.children.end() || it->name != name) return nullptr;
  return &nodes[it->node];
}

auto ResourceType::FindAttribute(std::string_view name) const
    -> const AttributeSchema* {
  auto it = std::lower_bound(
      attributes.begin(), attributes.end(), name,
      [](const AttributeSchema& a, std::string_view n) { return a.name < n; });
  if (it == attributes.end() || it->name != name) return nullptr;
  return &*it;
}

auto DescribeValueTypes(uint8_t types) -> std::string {
  if (types & kAnyValue) return "any value";
  static constexpr std::pair<uint8_t, std::string_view> kNames[] = {
      {kStringValue, "a string"}, {kIntegerValue, "an integer"},
      {kNumberValue, "a number"}, {kBooleanValue, "a boolean"},
      {kListValue, "a list"},     {kMapValue, "a map"},
  };
  std::string out;
  for (auto [bit, name] : kNames) {
    if (!(types & bit)) continue;
    if (!out.empty()) out += " or ";
    out += name;
  }
  return out;
}

auto ScopeName(ResourceScope scope) -> std::string_view {
  switch (scope) {
    case ResourceScope::Regional: return "regional";
    case ResourceScope::Global: return "global";
    case ResourceScope::Zonal: return "zonal";
  }
  return "regional";
}

}  // namespace isobar
