// What each template version allows: sections, resource and output keys,
// parameter keys and types, functions. Heat's facts are generated from Heat
// 19 (frontend/version_facts_data.inc, by tools/gen_version_facts.py);
// AWS CloudFormation's additions are a reviewed supplement in
// version_facts.cpp.
#pragma once

#include <span>
#include <string_view>

namespace isobar {

enum class TemplateFormat : uint8_t {
  // OpenStack Heat Orchestration Template (`heat_template_version`).
  Hot,
  // CloudFormation, or Heat's CFN-compatible dialect.
  Cfn,
  // A Heat environment file.
  Environment,
  // None of the above.
  NotATemplate,
};

auto TemplateFormatName(TemplateFormat format) -> std::string_view;

using NameList = std::span<const std::string_view>;

struct TemplateVersionFacts {
  // The top-level key that names the version: `heat_template_version`,
  // `AWSTemplateFormatVersion` or `HeatTemplateFormatVersion`.
  std::string_view key;
  // The canonical version (a date).
  std::string_view version;
  TemplateFormat format;
  // Release names that mean the same version (`newton`, ...).
  NameList aliases;
  NameList sections;
  NameList resource_keys;
  NameList output_keys;
  NameList parameter_keys;
  NameList parameter_types;
  // HOT only: the keys allowed inside a parameter's `constraints` items.
  NameList parameter_constraint_keys;
  NameList functions;
  // Functions that still parse but fail in this version.
  NameList removed_functions;
  NameList condition_functions;
  NameList removed_condition_functions;
  NameList deletion_policies;
};

// Every version, HOT and CFN, oldest first within each key.
auto AllTemplateVersions() -> std::span<const TemplateVersionFacts>;

// The version named by `key: value`, accepting release-name aliases;
// null when unknown.
auto FindTemplateVersion(std::string_view key, std::string_view value)
    -> const TemplateVersionFacts*;

// All valid values for `key`, dates and release names, for messages.
auto ValidVersionNames(std::string_view key) -> std::span<const std::string_view>;

// True when `name` is `Contains(list, name)`.
auto Contains(NameList list, std::string_view name) -> bool;

// AWS CloudFormation facts beyond Heat's CFN dialect (template anatomy and
// AWS-specific parameter types, from the CloudFormation User Guide).
// Templates under `AWSTemplateFormatVersion` may be meant for either Heat
// or AWS, so isobar accepts the union.
auto AwsExtraSections() -> NameList;
auto AwsExtraResourceKeys() -> NameList;
auto AwsExtraOutputKeys() -> NameList;
auto AwsExtraDeletionPolicies() -> NameList;
auto IsAwsParameterType(std::string_view type) -> bool;
// The AWS-specific parameter types, without their `List<...>` forms.
auto AwsParameterTypes() -> NameList;

// The sections of a Heat environment file.
auto EnvironmentSections() -> NameList;

}  // namespace isobar
