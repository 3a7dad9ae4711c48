#include "frontend/model_builder.h"

#include <array>

#include "common/spelling.h"

namespace isobar {

namespace {

// The spelling of each model key in HOT and in CloudFormation.
struct KeyNames {
  std::string_view version_key;
  std::string_view description, parameter_groups, mappings, parameters,
      conditions, resources, outputs;
  std::string_view type, default_value, constraints, hidden, label;
  std::string_view properties, metadata, depends_on, deletion_policy,
      update_policy, condition, external_id, region;
  std::string_view value;
};

constexpr KeyNames kHotKeys = {
    "heat_template_version", "description", "parameter_groups", "",
    "parameters", "conditions", "resources", "outputs",
    "type", "default", "constraints", "hidden", "label",
    "properties", "metadata", "depends_on", "deletion_policy",
    "update_policy", "condition", "external_id", "region",
    "value"};

constexpr KeyNames kCfnKeys = {
    "AWSTemplateFormatVersion", "Description", "", "Mappings",
    "Parameters", "Conditions", "Resources", "Outputs",
    "Type", "Default", "", "NoEcho", "Label",
    "Properties", "Metadata", "DependsOn", "DeletionPolicy",
    "UpdatePolicy", "Condition", "", "Region",
    "Value"};

auto Get(const Document& doc, NodeId map, std::string_view key) -> NodeId {
  if (key.empty()) return kNoNode;
  const MapEntry* entry = doc.Find(map, key);
  return entry ? entry->value : kNoNode;
}

// A section by name, recovering from a typo the way a compiler recovers
// from a misspelled name: when `key` is absent and a top-level key that is
// no known section looks like a misspelling of it, that key's value is read
// as the section. The structure check still reports the typo (R102); later
// passes then check what the author meant instead of reporting every
// reference into the misspelled section as dangling.
auto GetSection(const Document& doc, NodeId root, const KeyNames& k,
                std::string_view key) -> NodeId {
  if (key.empty()) return kNoNode;
  if (const MapEntry* entry = doc.Find(root, key)) return entry->value;
  const std::string_view known[] = {
      k.version_key, "HeatTemplateFormatVersion", k.description,
      k.parameter_groups, k.mappings, k.parameters, k.conditions,
      k.resources, k.outputs,
      // AWS sections isobar accepts (frontend/version_facts.cpp).
      "Metadata", "Rules", "Transform", "Hooks", "Globals"};
  const std::string_view wanted[] = {key};
  for (const MapEntry& entry : doc.node(root).entries) {
    if (Contains(known, entry.key)) continue;
    if (SuggestSpelling(entry.key, wanted)) return entry.value;
  }
  return kNoNode;
}

template <typename T>
auto Entries(const Document& doc, NodeId section) -> std::vector<T> {
  std::vector<T> result;
  if (!doc.IsMapping(section)) return result;
  for (const MapEntry& entry : doc.node(section).entries) {
    T item;
    item.name = entry.key;
    item.name_range = entry.key_range;
    item.node = entry.value;
    result.push_back(std::move(item));
  }
  return result;
}

}  // namespace

auto DetectFormat(const Document& doc) -> TemplateFormat {
  NodeId root = doc.root();
  if (!doc.IsMapping(root)) return TemplateFormat::NotATemplate;
  const auto& entries = doc.node(root).entries;
  if (entries.empty()) return TemplateFormat::NotATemplate;
  // An environment has only environment sections, allowing near-misses
  // (reported by the structure check) next to at least one exact match.
  size_t env_exact = 0;
  size_t env_near = 0;
  for (const MapEntry& entry : entries) {
    if (entry.key == "heat_template_version") return TemplateFormat::Hot;
    if (entry.key == "AWSTemplateFormatVersion" ||
        entry.key == "HeatTemplateFormatVersion") {
      return TemplateFormat::Cfn;
    }
    if (Contains(EnvironmentSections(), entry.key)) {
      ++env_exact;
    } else if (SuggestSpelling(entry.key, EnvironmentSections())) {
      ++env_near;
    }
  }
  // No version key: decide by the resources section, then by a misspelled
  // version key, so that a typo is reported rather than the file skipped.
  if (doc.IsMapping(Get(doc, root, "Resources"))) return TemplateFormat::Cfn;
  if (doc.IsMapping(Get(doc, root, "resources"))) return TemplateFormat::Hot;
  if (env_exact > 0 && env_exact + env_near == entries.size()) {
    return TemplateFormat::Environment;
  }
  constexpr std::string_view kHot[] = {"heat_template_version"};
  for (const MapEntry& entry : entries) {
    if (SuggestSpelling(entry.key, kHot)) return TemplateFormat::Hot;
  }
  return TemplateFormat::NotATemplate;
}

auto BuildTemplate(Document document) -> Template {
  Template tmpl(std::move(document));
  const Document& doc = tmpl.document;
  tmpl.format = DetectFormat(doc);
  if (tmpl.format == TemplateFormat::NotATemplate ||
      tmpl.format == TemplateFormat::Environment) {
    tmpl.sections = Entries<NamedNode>(doc, doc.root());
    return tmpl;
  }
  NodeId root = doc.root();
  const KeyNames& k = tmpl.format == TemplateFormat::Hot ? kHotKeys : kCfnKeys;
  tmpl.sections = Entries<NamedNode>(doc, root);

  for (std::string_view key :
       {k.version_key, std::string_view("HeatTemplateFormatVersion")}) {
    if (const MapEntry* entry = doc.Find(root, key)) {
      tmpl.version_entry = entry;
      if (doc.IsScalar(entry->value)) {
        tmpl.version = FindTemplateVersion(key, doc.node(entry->value).value);
      }
      break;
    }
  }
  if (tmpl.format == TemplateFormat::Cfn && tmpl.version_entry == nullptr) {
    // CloudFormation's only version is the default when none is given.
    tmpl.version = FindTemplateVersion("AWSTemplateFormatVersion", "2010-09-09");
  }

  tmpl.description = Get(doc, root, k.description);
  tmpl.parameter_groups = Get(doc, root, k.parameter_groups);
  tmpl.mappings = GetSection(doc, root, k, k.mappings);
  tmpl.parameters_node = GetSection(doc, root, k, k.parameters);
  tmpl.conditions_node = GetSection(doc, root, k, k.conditions);
  tmpl.resources_node = GetSection(doc, root, k, k.resources);
  tmpl.outputs_node = GetSection(doc, root, k, k.outputs);

  tmpl.parameters = Entries<Parameter>(doc, tmpl.parameters_node);
  for (Parameter& p : tmpl.parameters) {
    p.type = Get(doc, p.node, k.type);
    p.default_value = Get(doc, p.node, k.default_value);
    p.constraints = Get(doc, p.node, k.constraints);
    p.hidden = Get(doc, p.node, k.hidden);
    p.label = Get(doc, p.node, k.label);
    p.description = Get(doc, p.node, k.description);
  }
  tmpl.conditions = Entries<NamedNode>(doc, tmpl.conditions_node);
  tmpl.resources = Entries<Resource>(doc, tmpl.resources_node);
  for (Resource& r : tmpl.resources) {
    r.type = Get(doc, r.node, k.type);
    r.properties = Get(doc, r.node, k.properties);
    r.metadata = Get(doc, r.node, k.metadata);
    r.depends_on = Get(doc, r.node, k.depends_on);
    r.deletion_policy = Get(doc, r.node, k.deletion_policy);
    r.update_policy = Get(doc, r.node, k.update_policy);
    r.condition = Get(doc, r.node, k.condition);
    r.external_id = Get(doc, r.node, k.external_id);
    r.description = Get(doc, r.node, k.description);
    r.region = Get(doc, r.node, k.region);
  }
  tmpl.outputs = Entries<Output>(doc, tmpl.outputs_node);
  for (Output& o : tmpl.outputs) {
    o.value = Get(doc, o.node, k.value);
    o.description = Get(doc, o.node, k.description);
    o.condition = Get(doc, o.node, k.condition);
  }
  return tmpl;
}

}  // namespace isobar
