// The keys a template may use, per version, with the CloudFormation
// supplement merged in, plus "did you mean" and "needs a later version"
// lookups for messages.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "frontend/template.h"

namespace isobar {

// Which list of a TemplateVersionFacts a check is about.
enum class KeySet : uint8_t {
  Sections,
  ResourceKeys,
  OutputKeys,
  ParameterKeys,
  ParameterTypes,
  ParameterConstraintKeys,
  DeletionPolicies,
};

class KeyFacts {
 public:
  // `facts` is the template's version; when null (unknown version) the
  // newest version of `format` stands in, so typos are still caught.
  KeyFacts(TemplateFormat format, const TemplateVersionFacts* facts);

  auto version() const -> const TemplateVersionFacts& { return *facts_; }
  auto Allows(KeySet set, std::string_view name) const -> bool;
  // The closest allowed name, if `name` looks like a typo of one.
  auto Suggest(KeySet set, std::string_view name) const
      -> std::optional<std::string_view>;
  // The oldest version of the same kind that allows `name`, if any.
  auto FirstVersionAllowing(KeySet set, std::string_view name) const
      -> const TemplateVersionFacts*;
  // Allowed names, comma separated, for messages.
  auto Describe(KeySet set) const -> std::string;

 private:
  auto Names(KeySet set) const -> const std::vector<std::string_view>&;

  TemplateFormat format_;
  const TemplateVersionFacts* facts_;
  std::vector<std::string_view> names_[7];
};

auto ListOf(const TemplateVersionFacts& facts, KeySet set) -> NameList;

}  // namespace isobar
