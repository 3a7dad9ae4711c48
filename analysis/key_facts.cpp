#include "analysis/key_facts.h"

#include <fmt/format.h>

#include "common/check.h"
#include "common/spelling.h"

namespace isobar {

auto ListOf(const TemplateVersionFacts& facts, KeySet set) -> NameList {
  switch (set) {
    case KeySet::Sections:
      return facts.sections;
    case KeySet::ResourceKeys:
      return facts.resource_keys;
    case KeySet::OutputKeys:
      return facts.output_keys;
    case KeySet::ParameterKeys:
      return facts.parameter_keys;
    case KeySet::ParameterTypes:
      return facts.parameter_types;
    case KeySet::ParameterConstraintKeys:
      return facts.parameter_constraint_keys;
    case KeySet::DeletionPolicies:
      return facts.deletion_policies;
  }
  return {};
}

namespace {

auto Newest(std::string_view key) -> const TemplateVersionFacts* {
  const TemplateVersionFacts* newest = nullptr;
  for (const TemplateVersionFacts& facts : AllTemplateVersions()) {
    if (facts.key == key) newest = &facts;
  }
  return newest;
}

// What isobar itself adds to every version: the region dialect.
constexpr std::string_view kHotDialectKeys[] = {"region"};
constexpr std::string_view kCfnDialectKeys[] = {"Region"};
// HOT constraint entries may carry a description.
constexpr std::string_view kHotConstraintExtras[] = {"description"};

}  // namespace

KeyFacts::KeyFacts(TemplateFormat format, const TemplateVersionFacts* facts)
    : format_(format), facts_(facts) {
  bool cfn = format == TemplateFormat::Cfn;
  if (facts_ == nullptr) {
    facts_ = Newest(cfn ? "AWSTemplateFormatVersion" : "heat_template_version");
  }
  ISOBAR_CHECK(facts_ != nullptr, "no version facts");
  // Heat's CFN dialect (HeatTemplateFormatVersion) is Heat-only; templates
  // under AWSTemplateFormatVersion may target AWS, so accept its keys too.
  bool aws = cfn && facts_->key == "AWSTemplateFormatVersion";
  for (int i = 0; i < 7; ++i) {
    auto set = static_cast<KeySet>(i);
    auto& names = names_[i];
    NameList base = ListOf(*facts_, set);
    names.assign(base.begin(), base.end());
    auto add = [&](NameList extra) {
      for (std::string_view name : extra) {
        if (!Contains(names, name)) names.push_back(name);
      }
    };
    if (set == KeySet::ResourceKeys) add(cfn ? NameList(kCfnDialectKeys) : NameList(kHotDialectKeys));
    if (set == KeySet::ParameterConstraintKeys && !cfn) add(kHotConstraintExtras);
    if (!aws) continue;
    if (set == KeySet::Sections) add(AwsExtraSections());
    if (set == KeySet::ResourceKeys) add(AwsExtraResourceKeys());
    if (set == KeySet::OutputKeys) add(AwsExtraOutputKeys());
    if (set == KeySet::DeletionPolicies) add(AwsExtraDeletionPolicies());
    if (set == KeySet::ParameterTypes) add(AwsParameterTypes());
  }
}

auto KeyFacts::Names(KeySet set) const
    -> const std::vector<std::string_view>& {
  return names_[static_cast<int>(set)];
}

auto KeyFacts::Allows(KeySet set, std::string_view name) const -> bool {
  if (set == KeySet::ParameterTypes && format_ == TemplateFormat::Cfn &&
      facts_->key == "AWSTemplateFormatVersion" && IsAwsParameterType(name)) {
    return true;
  }
  return Contains(Names(set), name);
}

auto KeyFacts::Suggest(KeySet set, std::string_view name) const
    -> std::optional<std::string_view> {
  return SuggestSpelling(name, Names(set));
}

auto KeyFacts::FirstVersionAllowing(KeySet set, std::string_view name) const
    -> const TemplateVersionFacts* {
  for (const TemplateVersionFacts& facts : AllTemplateVersions()) {
    if (facts.key == facts_->key && Contains(ListOf(facts, set), name)) {
      return &facts;
    }
  }
  return nullptr;
}

auto KeyFacts::Describe(KeySet set) const -> std::string {
  std::string out;
  for (std::string_view name : Names(set)) {
    if (!out.empty()) out += ", ";
    out += fmt::format("`{}`", name);
  }
  return out;
}

}  // namespace isobar
