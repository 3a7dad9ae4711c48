#include "frontend/version_facts.h"

#include <algorithm>
#include <array>
#include <string>
#include <vector>

namespace isobar {

namespace {


#define ISOBAR_LIST(...) __VA_ARGS__

struct RawVersion {
  std::string_view key;
  std::string_view version;
  TemplateFormat format;
  std::vector<std::string_view> lists[12];
};

auto RawVersions() -> const std::vector<RawVersion>& {
  static const std::vector<RawVersion> versions = {
#define ISOBAR_TEMPLATE_VERSION(key, version, format, a, b, c, d, e, f, g, h, \
                                i, j, k, l)                                 \
  RawVersion{key, version, TemplateFormat::format, {a, b, c, d, e, f, g, h, i, j, k, l}},
#include "frontend/version_facts_data.inc"
  };
  return versions;
}

auto BuildTable() -> std::vector<TemplateVersionFacts> {
  std::vector<TemplateVersionFacts> table;
  for (const RawVersion& raw : RawVersions()) {
    auto list = [&](int i) -> NameList { return raw.lists[i]; };
    table.push_back({
        .key = raw.key,
        .version = raw.version,
        .format = raw.format,
        .aliases = list(0),
        .sections = list(1),
        .resource_keys = list(2),
        .output_keys = list(3),
        .parameter_keys = list(4),
        .parameter_types = list(5),
        .parameter_constraint_keys = list(6),
        .functions = list(7),
        .removed_functions = list(8),
        .condition_functions = list(9),
        .removed_condition_functions = list(10),
        .deletion_policies = list(11),
    });
  }
  return table;
}

auto Table() -> const std::vector<TemplateVersionFacts>& {
  static const std::vector<TemplateVersionFacts> table = BuildTable();
  return table;
}

// AWS CloudFormation User Guide, "Template anatomy" and "Resource attribute
// reference" (2026): sections and resource attributes Heat does not know.
constexpr std::string_view kAwsSections[] = {"Metadata", "Rules", "Transform",
                                             "Hooks", "Globals"};
constexpr std::string_view kAwsResourceKeys[] = {
    "CreationPolicy", "UpdateReplacePolicy", "Condition", "Version"};
constexpr std::string_view kAwsOutputKeys[] = {"Export", "Condition"};
constexpr std::string_view kAwsDeletionPolicies[] = {"RetainExceptOnCreate"};
// AWS-specific parameter types ("Parameters", "Supported AWS-specific
// parameter types"); each may also appear as `List<...>`.
constexpr std::string_view kAwsParameterTypes[] = {
    "String",
    "Number",
    "CommaDelimitedList",
    "AWS::EC2::AvailabilityZone::Name",
    "AWS::EC2::Image::Id",
    "AWS::EC2::Instance::Id",
    "AWS::EC2::KeyPair::KeyName",
    "AWS::EC2::SecurityGroup::GroupName",
    "AWS::EC2::SecurityGroup::Id",
    "AWS::EC2::Subnet::Id",
    "AWS::EC2::Volume::Id",
    "AWS::EC2::VPC::Id",
    "AWS::Route53::HostedZone::Id",
    "AWS::SSM::Parameter::Name",
};

constexpr std::string_view kEnvironmentSections[] = {
    "parameters",       "parameter_defaults",  "resource_registry",
    "encrypted_param_names", "event_sinks", "parameter_merge_strategies"};

}  // namespace

auto TemplateFormatName(TemplateFormat format) -> std::string_view {
  switch (format) {
    case TemplateFormat::Hot:
      return "HOT";
    case TemplateFormat::Cfn:
      return "CloudFormation";
    case TemplateFormat::Environment:
      return "Heat environment";
    case TemplateFormat::NotATemplate:
      return "not a template";
  }
  return "unknown";
}

auto AllTemplateVersions() -> std::span<const TemplateVersionFacts> {
  return Table();
}

auto Contains(NameList list, std::string_view name) -> bool {
  return std::find(list.begin(), list.end(), name) != list.end();
}

auto FindTemplateVersion(std::string_view key, std::string_view value)
    -> const TemplateVersionFacts* {
  for (const TemplateVersionFacts& facts : Table()) {
    if (facts.key != key) continue;
    if (facts.version == value || Contains(facts.aliases, value)) return &facts;
  }
  return nullptr;
}

auto ValidVersionNames(std::string_view key)
    -> std::span<const std::string_view> {
  static const auto* names = [] {
    auto* map = new std::vector<std::pair<std::string_view,
                                          std::vector<std::string_view>>>;
    for (const TemplateVersionFacts& facts : Table()) {
      auto it = std::find_if(map->begin(), map->end(),
                             [&](auto& p) { return p.first == facts.key; });
      if (it == map->end()) {
        map->push_back({facts.key, {}});
        it = map->end() - 1;
      }
      it->second.push_back(facts.version);
      for (std::string_view alias : facts.aliases) it->second.push_back(alias);
    }
    return map;
  }();
  for (const auto& [k, values] : *names) {
    if (k == key) return values;
  }
  return {};
}

auto AwsExtraSections() -> NameList { return kAwsSections; }
auto AwsExtraResourceKeys() -> NameList { return kAwsResourceKeys; }
auto AwsExtraOutputKeys() -> NameList { return kAwsOutputKeys; }
auto AwsExtraDeletionPolicies() -> NameList { return kAwsDeletionPolicies; }
auto EnvironmentSections() -> NameList { return kEnvironmentSections; }
auto AwsParameterTypes() -> NameList { return kAwsParameterTypes; }

auto IsAwsParameterType(std::string_view type) -> bool {
  constexpr std::string_view kListPrefix = "List<";
  constexpr std::string_view kSsmPrefix = "AWS::SSM::Parameter::Value<";
  if (type.starts_with(kSsmPrefix) && type.ends_with(">")) {
    type = type.substr(kSsmPrefix.size(), type.size() - kSsmPrefix.size() - 1);
    if (type == "String" || type == "List<String>" ||
        type == "CommaDelimitedList") {
      return true;
    }
  }
  if (type.starts_with(kListPrefix) && type.ends_with(">")) {
    type = type.substr(kListPrefix.size(), type.size() - kListPrefix.size() - 1);
    if (type == "CommaDelimitedList") return false;
  }
  return Contains(kAwsParameterTypes, type);
}

}  // namespace isobar
