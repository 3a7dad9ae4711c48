#include "catalog/decode.h"

#include <algorithm>
#include <map>
#include <stdexcept>

#include <nlohmann/json.hpp>

namespace isobar {

namespace {

using Json = nlohmann::json;

auto TypeBits(std::string_view letters) -> uint8_t {
  uint8_t bits = 0;
  for (char c : letters) {
    switch (c) {
      case 's': bits |= kStringValue; break;
      case 'i': bits |= kIntegerValue; break;
      case 'n': bits |= kNumberValue; break;
      case 'b': bits |= kBooleanValue; break;
      case 'l': bits |= kListValue; break;
      case 'm': bits |= kMapValue; break;
      default: bits |= kAnyValue; break;
    }
  }
  return bits == 0 ? uint8_t{kAnyValue} : bits;
}

auto ParseStatus(const Json& record) -> SupportStatus {
  auto it = record.find("st");
  if (it == record.end()) return SupportStatus::Supported;
  const std::string& text = it->get_ref<const std::string&>();
  if (text == "DEPRECATED") return SupportStatus::Deprecated;
  if (text == "HIDDEN") return SupportStatus::Hidden;
  if (text == "UNSUPPORTED") return SupportStatus::Unsupported;
  return SupportStatus::Unknown;
}

void ReadBounds(const Json& node, const char* key, std::optional<double>& min,
                std::optional<double>& max) {
  auto it = node.find(key);
  if (it == node.end() || !it->is_array() || it->size() != 2) return;
  if ((*it)[0].is_number()) min = (*it)[0].get<double>();
  if ((*it)[1].is_number()) max = (*it)[1].get<double>();
}

auto ReadAllowed(const Json& value) -> AllowedValue {
  AllowedValue allowed;
  if (value.is_string()) {
    allowed.kind = AllowedValue::Kind::String;
    allowed.text = value.get<std::string>();
  } else if (value.is_boolean()) {
    allowed.kind = AllowedValue::Kind::Boolean;
    allowed.boolean = value.get<bool>();
  } else if (value.is_number()) {
    allowed.kind = AllowedValue::Kind::Number;
    allowed.number = value.get<double>();
    allowed.text = value.dump();
  }
  return allowed;
}

auto StringOr(const Json& node, const char* key) -> std::string {
  auto it = node.find(key);
  return it != node.end() && it->is_string() ? it->get<std::string>() : std::string();
}

// Decodes the nodes of one record into ResourceType::nodes.
class Decoder {
 public:
  Decoder(ResourceType& type, const Json* defs) : type_(type), defs_(defs) {}

  auto Node(const Json& json) -> uint32_t {
    if (auto ref = json.find("$"); ref != json.end()) return Reference(json, *ref);
    PropertySchema schema;
    if (auto t = json.find("t"); t != json.end()) {
      schema.types = TypeBits(t->get_ref<const std::string&>());
    }
    ApplyUseFlags(json, schema);
    schema.hidden = json.contains("h");
    schema.implemented = !json.contains("ni");
    schema.allow_conversion = json.contains("ac");
    schema.unchecked = json.contains("u");
    schema.open = json.contains("o");
    schema.pattern_search = json.contains("ps");
    if (auto e = json.find("e"); e != json.end()) {
      for (const Json& v : *e) schema.allowed_values.push_back(ReadAllowed(v));
    }
    ReadBounds(json, "rg", schema.min, schema.max);
    ReadBounds(json, "ln", schema.min_length, schema.max_length);
    ReadBounds(json, "li", schema.min_items, schema.max_items);
    schema.pattern = StringOr(json, "pt");
    schema.custom_constraint = StringOr(json, "cc");
    schema.format = StringOr(json, "fm");
    schema.identity_kind = StringOr(json, "id");
    schema.required_region = StringOr(json, "rr");
    if (auto al = json.find("al"); al != json.end()) {
      for (const Json& v : *al) schema.alternatives.push_back(v.get<std::string>());
    }
    if (auto i = json.find("i"); i != json.end()) schema.item = Node(*i);
    if (auto p = json.find("p"); p != json.end()) {
      for (auto& [key, value] : p->items()) {
        schema.children.push_back({key, Node(value)});
      }
      // JSON objects are read in key order already; keep the invariant
      // FindChild relies on even if that changes.
      std::sort(schema.children.begin(), schema.children.end(),
                [](const auto& a, const auto& b) { return a.name < b.name; });
    } else if (schema.types & (kMapValue | kAnyValue)) {
      schema.open = true;
    }
    type_.nodes.push_back(std::move(schema));
    return static_cast<uint32_t>(type_.nodes.size() - 1);
  }

 private:
  // Flags that belong to the use of a schema, not to a shared definition.
  static void ApplyUseFlags(const Json& json, PropertySchema& schema) {
    schema.required = json.contains("r");
    schema.read_only = json.contains("ro");
  }

  auto Reference(const Json& json, const Json& ref) -> uint32_t {
    const std::string& name = ref.get_ref<const std::string&>();
    uint32_t target = kNoSchema;
    if (auto done = defined_.find(name); done != defined_.end()) {
      target = done->second;
    } else if (defs_ && defs_->contains(name) && !in_progress_.contains(name)) {
      in_progress_[name] = true;
      target = Node((*defs_)[name]);
      in_progress_.erase(name);
      defined_[name] = target;
    }
    PropertySchema schema;
    if (target == kNoSchema) {
      // A recursive or missing definition: accept anything below it.
      schema.unchecked = true;
    } else {
      schema = type_.nodes[target];
    }
    ApplyUseFlags(json, schema);
    type_.nodes.push_back(std::move(schema));
    return static_cast<uint32_t>(type_.nodes.size() - 1);
  }

  ResourceType& type_;
  const Json* defs_;
  std::map<std::string, uint32_t> defined_;
  std::map<std::string, bool> in_progress_;
};

}  // namespace

auto DecodeResourceType(std::string_view name, std::string_view record)
    -> std::unique_ptr<ResourceType> {
  Json json = Json::parse(record.begin(), record.end(), nullptr, false);
  if (!json.is_object()) throw std::runtime_error("corrupt resource catalog record");
  auto type = std::make_unique<ResourceType>();
  type->name = std::string(name);
  std::string kind = StringOr(json, "k");
  type->kind = kind == "alias"      ? TypeKind::Alias
               : kind == "template" ? TypeKind::Template
                                    : TypeKind::Class;
  type->alias_of = StringOr(json, "a");
  type->status = ParseStatus(json);
  type->hidden = json.contains("h");
  type->message = StringOr(json, "m");
  type->service = StringOr(json, "sv");
  std::string scope = StringOr(json, "sc");
  type->scope = scope == "global"  ? ResourceScope::Global
                : scope == "zonal" ? ResourceScope::Zonal
                                   : ResourceScope::Regional;
  type->stack_resource = json.contains("stk");
  type->all_properties_are_attributes = json.contains("ap");
  if (std::string mask = StringOr(json, "rgn"); !mask.empty()) {
    type->regions = std::stoull(mask, nullptr, 16);
  }
  auto defs = json.find("d");
  Decoder decoder(*type, defs == json.end() ? nullptr : &*defs);
  Json root = {{"t", "m"}, {"p", json.value("p", Json::object())}};
  type->properties = decoder.Node(root);
  type->nodes[type->properties].open = false;
  if (auto at = json.find("at"); at != json.end()) {
    for (auto& [key, value] : at->items()) {
      AttributeSchema attribute{key};
      if (value.is_object()) {
        attribute.status = ParseStatus(value);
        attribute.hidden = value.contains("h");
        attribute.message = StringOr(value, "m");
      }
      type->attributes.push_back(std::move(attribute));
    }
    std::sort(type->attributes.begin(), type->attributes.end(),
              [](const auto& a, const auto& b) { return a.name < b.name; });
  }
  return type;
}

}  // namespace isobar
