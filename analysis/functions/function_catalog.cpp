#include "analysis/functions/function_catalog.h"

#include <utility>

namespace isobar {

namespace {

using Entry = std::pair<std::string_view, FunctionId>;

// Every function name of every HOT version (heat/engine/hot/template.py)
// and of CloudFormation (AWS intrinsic function reference, plus Heat's
// Fn::Replace, Fn::MemberListToMap and Fn::ResourceFacade).
constexpr Entry kFunctions[] = {
    {"get_param", FunctionId::GetParam},
    {"get_resource", FunctionId::GetResource},
    {"get_attr", FunctionId::GetAttr},
    {"get_file", FunctionId::GetFile},
    {"str_replace", FunctionId::StrReplace},
    {"str_replace_strict", FunctionId::StrReplace},
    {"str_replace_vstrict", FunctionId::StrReplace},
    {"list_join", FunctionId::ListJoin},
    {"repeat", FunctionId::Repeat},
    {"digest", FunctionId::Digest},
    {"resource_facade", FunctionId::ResourceFacade},
    {"str_split", FunctionId::StrSplit},
    {"map_merge", FunctionId::MapMerge},
    {"map_replace", FunctionId::MapReplace},
    {"yaql", FunctionId::Yaql},
    {"equals", FunctionId::Equals},
    {"if", FunctionId::If},
    {"not", FunctionId::Not},
    {"and", FunctionId::AndOr},
    {"or", FunctionId::AndOr},
    {"filter", FunctionId::Filter},
    {"make_url", FunctionId::MakeUrl},
    {"list_concat", FunctionId::ListConcat},
    {"list_concat_unique", FunctionId::ListConcat},
    {"contains", FunctionId::Contains},
    {"Ref", FunctionId::Ref},
    {"Condition", FunctionId::Condition},
    {"Fn::GetAtt", FunctionId::FnGetAtt},
    {"Fn::Join", FunctionId::FnJoin},
    {"Fn::Select", FunctionId::FnSelect},
    {"Fn::Split", FunctionId::FnSplit},
    {"Fn::If", FunctionId::FnIf},
    {"Fn::Equals", FunctionId::FnEquals},
    {"Fn::And", FunctionId::FnAndOr},
    {"Fn::Or", FunctionId::FnAndOr},
    {"Fn::Not", FunctionId::FnNot},
    {"Fn::FindInMap", FunctionId::FnFindInMap},
    {"Fn::GetAZs", FunctionId::FnGetAZs},
    {"Fn::ImportValue", FunctionId::FnImportValue},
    {"Fn::Base64", FunctionId::FnBase64},
    {"Fn::Cidr", FunctionId::FnCidr},
    {"Fn::Sub", FunctionId::FnSub},
    {"Fn::Length", FunctionId::FnLength},
    {"Fn::ToJsonString", FunctionId::FnToJsonString},
    {"Fn::Replace", FunctionId::FnReplace},
    {"Fn::MemberListToMap", FunctionId::FnMemberListToMap},
    {"Fn::ResourceFacade", FunctionId::FnResourceFacade},
    {"Fn::Transform", FunctionId::Other},
    {"Fn::GetStackOutput", FunctionId::Other},
    // AWS `Rules` section assertions.
    {"Fn::Contains", FunctionId::Other},
    {"Fn::EachMemberEquals", FunctionId::Other},
    {"Fn::EachMemberIn", FunctionId::Other},
    {"Fn::RefAll", FunctionId::Other},
    {"Fn::ValueOf", FunctionId::Other},
    {"Fn::ValueOfAll", FunctionId::Other},
};

// The Fn:: names, for suggestions (kept in step with kFunctions).
constexpr std::string_view kCfnNames[] = {
    "Fn::GetAtt",
    "Fn::Join",
    "Fn::Select",
    "Fn::Split",
    "Fn::If",
    "Fn::Equals",
    "Fn::And",
    "Fn::Or",
    "Fn::Not",
    "Fn::FindInMap",
    "Fn::GetAZs",
    "Fn::ImportValue",
    "Fn::Base64",
    "Fn::Cidr",
    "Fn::Sub",
    "Fn::Length",
    "Fn::ToJsonString",
    "Fn::Replace",
    "Fn::MemberListToMap",
    "Fn::ResourceFacade",
    "Fn::Transform",
    "Fn::GetStackOutput",
    "Fn::Contains",
    "Fn::EachMemberEquals",
    "Fn::EachMemberIn",
    "Fn::RefAll",
    "Fn::ValueOf",
    "Fn::ValueOfAll",
};

// AWS functions that neither of Heat's CFN template classes has.
constexpr std::string_view kAwsOnly[] = {
    "Fn::ImportValue",    "Fn::Cidr",         "Fn::Sub",
    "Fn::Length",         "Fn::ToJsonString", "Fn::Transform",
    "Fn::GetStackOutput", "Fn::Contains",     "Fn::EachMemberEquals",
    "Fn::EachMemberIn",   "Fn::RefAll",       "Fn::ValueOf",
    "Fn::ValueOfAll",
};

}  // namespace

auto EffectiveVersion(const Template& tmpl) -> const TemplateVersionFacts& {
  if (tmpl.version != nullptr) return *tmpl.version;
  const TemplateVersionFacts* newest = nullptr;
  std::string_view key = tmpl.format == TemplateFormat::Hot
                             ? "heat_template_version"
                             : "AWSTemplateFormatVersion";
  for (const TemplateVersionFacts& facts : AllTemplateVersions()) {
    if (facts.key == key) newest = &facts;
  }
  return *newest;
}

auto HasConditions(const Template& tmpl) -> bool {
  const TemplateVersionFacts& facts = EffectiveVersion(tmpl);
  return Contains(facts.sections, tmpl.format == TemplateFormat::Hot
                                      ? "conditions"
                                      : "Conditions");
}

auto LookupFunction(std::string_view name) -> FunctionId {
  for (const auto& [known, id] : kFunctions) {
    if (known == name) return id;
  }
  if (name.starts_with("Fn::ForEach::")) return FunctionId::Other;
  return FunctionId::None;
}

auto IsKnownCfnFunction(std::string_view name) -> bool {
  if (name == "Ref" || name == "Condition") return true;
  return name.starts_with("Fn::") && LookupFunction(name) != FunctionId::None;
}

auto IsAwsOnlyFunction(std::string_view name) -> bool {
  return Contains(kAwsOnly, name) || name.starts_with("Fn::ForEach::");
}

auto KnownCfnFunctionNames() -> NameList { return kCfnNames; }

auto FirstHotVersionWith(std::string_view name, bool condition)
    -> const TemplateVersionFacts* {
  for (const TemplateVersionFacts& facts : AllTemplateVersions()) {
    if (facts.format != TemplateFormat::Hot) continue;
    if (Contains(condition ? facts.condition_functions : facts.functions,
                 name)) {
      return &facts;
    }
  }
  return nullptr;
}

auto HotReplacementHint(std::string_view removed) -> std::string_view {
  static constexpr std::pair<std::string_view, std::string_view> kHints[] = {
      {"Fn::Join", "use `list_join`"},
      {"Fn::Split", "use `str_split`"},
      {"Fn::Replace", "use `str_replace`"},
      {"Fn::ResourceFacade", "use `resource_facade`"},
      {"Ref",
       "use `get_resource` for a resource or `get_param` for a parameter"},
      {"Fn::Select",
       "select with a `get_param` or `get_attr` path, or `str_split` with an "
       "index"},
      {"Fn::Base64", "Heat passes user data as it is: drop `Fn::Base64`"},
  };
  for (auto [name, hint] : kHints) {
    if (name == removed) return hint;
  }
  return "";
}

}  // namespace isobar
