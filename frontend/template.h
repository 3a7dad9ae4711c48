// The typed template model shared by HOT and CloudFormation.
//
// The model names the parts of a template (parameters, resources, ...) and
// keeps the NodeId of every value, so analyses can reach the exact source
// range of anything they report. Values are not interpreted here: a `type`
// that is a list instead of a string is kept as is and reported by the
// structure check, never silently dropped.
#pragma once

#include <string>
#include <vector>

#include "frontend/document.h"
#include "frontend/version_facts.h"

namespace isobar {

// A named entry of a section: its name, where the name is, and its value.
struct NamedNode {
  std::string name;
  ByteRange name_range;
  NodeId node = kNoNode;
};

struct Parameter : NamedNode {
  NodeId type = kNoNode;
  NodeId default_value = kNoNode;
  // HOT `constraints` list; for CFN, null (constraints are plain keys).
  NodeId constraints = kNoNode;
  NodeId hidden = kNoNode;
  NodeId label = kNoNode;
  NodeId description = kNoNode;
};

struct Resource : NamedNode {
  NodeId type = kNoNode;
  NodeId properties = kNoNode;
  NodeId metadata = kNoNode;
  NodeId depends_on = kNoNode;
  NodeId deletion_policy = kNoNode;
  NodeId update_policy = kNoNode;
  NodeId condition = kNoNode;
  NodeId external_id = kNoNode;
  NodeId description = kNoNode;
  // isobar's multi-region dialect: `region` (HOT) or `Region` (CFN).
  NodeId region = kNoNode;
};

struct Output : NamedNode {
  NodeId value = kNoNode;
  NodeId description = kNoNode;
  NodeId condition = kNoNode;
};

struct Template {
  explicit Template(Document doc) : document(std::move(doc)) {}

  TemplateFormat format = TemplateFormat::NotATemplate;
  Document document;

  // The version entry (`heat_template_version: 2018-08-31`), if present.
  const MapEntry* version_entry = nullptr;
  // The facts of that version; null when missing or unknown.
  const TemplateVersionFacts* version = nullptr;

  // Heat's own CloudFormation dialect (`HeatTemplateFormatVersion`): read
  // only by Heat, so checked against Heat's tables alone.
  auto IsHeatCfn() const -> bool {
    return version_entry != nullptr &&
           version_entry->key == "HeatTemplateFormatVersion";
  }

  // Every top-level entry, in source order.
  std::vector<NamedNode> sections;
  NodeId description = kNoNode;
  NodeId parameter_groups = kNoNode;
  NodeId mappings = kNoNode;
  std::vector<Parameter> parameters;
  std::vector<NamedNode> conditions;
  std::vector<Resource> resources;
  std::vector<Output> outputs;

  // The section values themselves, for kind checks (null when absent).
  NodeId parameters_node = kNoNode;
  NodeId conditions_node = kNoNode;
  NodeId resources_node = kNoNode;
  NodeId outputs_node = kNoNode;
};

}  // namespace isobar
