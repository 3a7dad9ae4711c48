// The resource catalogs: every resource type Heat 19 and the CloudFormation
// registry know, with property schemas, attributes, support status and
// region facts (service, scope, which properties name regional objects).
//
//   const ResourceType* server = ResourceCatalog::Heat().Resolve("OS::Nova::Server");
//
// The data is compiled by tools/gen_catalog.py into catalog/*.cat and
// embedded in the binary. Nothing is parsed at start-up: the first call of
// Heat() or Cfn() reads that catalog's index (type name -> offset), and a
// type's schema is decoded on first use. Both are thread-safe; decoded
// types live as long as the process. docs/catalog.md describes the format.
#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace isobar {

// Value types a property accepts, as a bit set; kAnyValue accepts all.
enum ValueTypeBit : uint8_t {
  kStringValue = 1,
  kIntegerValue = 2,
  kNumberValue = 4,
  kBooleanValue = 8,
  kListValue = 16,
  kMapValue = 32,
  kAnyValue = 64,
};

// "a string", "an integer or a string", ... for messages.
auto DescribeValueTypes(uint8_t types) -> std::string;

// Where a resource lives, for region checks.
enum class ResourceScope : uint8_t { Regional, Global, Zonal };

auto ScopeName(ResourceScope scope) -> std::string_view;

inline constexpr uint32_t kNoSchema = ~uint32_t{0};

// An allowed value (Heat AllowedValues, CloudFormation enum).
struct AllowedValue {
  enum class Kind : uint8_t { String, Number, Boolean, Other } kind = Kind::Other;
  std::string text;
  double number = 0;
  bool boolean = false;
};

struct PropertySchema {
  uint8_t types = kAnyValue;
  bool required = false;
  // Heat: accepted but not shown (often deprecated); not implemented:
  // accepted by the schema, refused when set.
  bool hidden = false;
  bool implemented = true;
  // CloudFormation: a read-only property (an attribute), never set.
  bool read_only = false;
  // Heat's allow_conversion: a list property takes a delimited string, a
  // map property a string or a list.
  bool allow_conversion = false;
  // Too loose to check (anyOf/oneOf, `$ref` outside the type): skip it
  // and everything under it.
  bool unchecked = false;
  // A map whose keys are not all listed (no schema, additionalProperties).
  bool open = false;
  // The pattern is searched (CloudFormation) rather than matched at the
  // start (Heat's re.match).
  bool pattern_search = false;
  std::vector<AllowedValue> allowed_values;
  std::optional<double> min, max;
  std::optional<double> min_length, max_length;
  std::optional<double> min_items, max_items;
  std::string pattern;
  // Heat custom constraint (`nova.flavor`, `ip_addr`) or cfn-lint format.
  std::string custom_constraint;
  std::string format;
  // Region facts: the kind of object the value names, when it lives in a
  // regional service (`cinder.volume`, `AWS::EC2::Subnet.Id`), and the
  // region it must live in when fixed (`us-east-1`).
  std::string identity_kind;
  std::string required_region;
  // Heat translation: siblings whose value Heat copies into this property
  // (a deprecated spelling such as `network_id`), so they satisfy `required`.
  std::vector<std::string> alternatives;
  // Map children, sorted by name; indices into ResourceType::nodes.
  struct Child {
    std::string name;
    uint32_t node = kNoSchema;
  };
  std::vector<Child> children;
  // List item schema.
  uint32_t item = kNoSchema;
};

enum class SupportStatus : uint8_t { Supported, Deprecated, Hidden, Unsupported, Unknown };

struct AttributeSchema {
  std::string name;
  SupportStatus status = SupportStatus::Supported;
  bool hidden = false;
  std::string message;
};

enum class TypeKind : uint8_t { Class, Template, Alias };

struct ResourceType {
  std::string name;
  TypeKind kind = TypeKind::Class;
  // Alias: the type it stands for (`OS::Neutron*` for the glob `OS::Quantum*`).
  std::string alias_of;
  SupportStatus status = SupportStatus::Supported;
  bool hidden = false;
  // Heat's support message, which usually names the replacement.
  std::string message;
  // OpenStack service type (`compute`, `block-storage`, `network`, ...,
  // `orchestration` for Heat's own types) or AWS service prefix (`ec2`).
  std::string service;
  ResourceScope scope = ResourceScope::Regional;
  // Heat: a nested stack (OS::Heat::Stack, groups, template resources):
  // attributes are its outputs, any name may be valid.
  bool stack_resource = false;
  // CloudFormation (cfn-lint): every property is also an attribute.
  bool all_properties_are_attributes = false;
  // CloudFormation: bit i set when the type exists in region i of
  // ResourceCatalog::regions().
  uint64_t regions = 0;

  std::vector<PropertySchema> nodes;
  // The map node of the top-level properties.
  uint32_t properties = kNoSchema;
  // Sorted by name.
  std::vector<AttributeSchema> attributes;

  auto node(uint32_t index) const -> const PropertySchema& { return nodes[index]; }
  auto root() const -> const PropertySchema& { return nodes[properties]; }
  // The child `name` of a map node, or null.
  auto FindChild(const PropertySchema& map, std::string_view name) const
      -> const PropertySchema*;
  auto FindAttribute(std::string_view name) const -> const AttributeSchema*;
};

class ResourceCatalog {
 public:
  static auto Heat() -> const ResourceCatalog&;
  static auto Cfn() -> const ResourceCatalog&;

  // Builds a catalog over data in the catalog file format (for tests).
  ResourceCatalog(std::string_view data, std::string_view name);
  ResourceCatalog(const ResourceCatalog&) = delete;
  auto operator=(const ResourceCatalog&) -> ResourceCatalog& = delete;
  ~ResourceCatalog();

  // The entry for `type` as written (aliases not followed; a glob alias
  // such as `OS::Quantum*` covers `OS::Quantum::Net`), or null. Decodes
  // the entry on first use. Throws std::runtime_error when the embedded
  // data is corrupt.
  auto Find(std::string_view type) const -> const ResourceType*;
  // As Find, following aliases to the type that implements them.
  auto Resolve(std::string_view type) const -> const ResourceType*;
  // The name `type` stands for after aliases (`OS::Neutron::Net` for
  // `OS::Quantum::Net`), or empty when the catalog does not know it.
  auto ResolvedName(std::string_view type) const -> std::string;

  // Every entry name, sorted (glob aliases end in `*`).
  auto names() const -> std::span<const std::string_view> { return names_; }
  // The `#` header lines: sources and versions.
  auto header() const -> std::string_view { return header_; }
  // CloudFormation: the region names of ResourceType::regions' bits.
  auto regions() const -> std::span<const std::string_view> { return regions_; }
  auto name() const -> std::string_view { return name_; }

 private:
  struct Entry;
  auto Decode(size_t index) const -> const ResourceType*;

  std::string_view name_;
  std::string_view header_;
  std::string_view records_;
  std::vector<std::string_view> names_;
  std::vector<std::string_view> regions_;
  std::unique_ptr<Entry[]> entries_;
};

}  // namespace isobar
