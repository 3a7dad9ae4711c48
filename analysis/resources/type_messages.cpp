#include "analysis/resources/type_messages.h"

#include <fmt/format.h>

#include <algorithm>
#include <vector>

#include "common/spelling.h"

namespace isobar {

namespace {

// Every name a type could be: the catalogs that apply (glob aliases
// left out) and the environment's registry.
auto Candidates(TypeDialect dialect, const TemplateContext& context)
    -> std::vector<std::string_view> {
  std::vector<std::string_view> names;
  auto add = [&](const ResourceCatalog& catalog) {
    for (std::string_view name : catalog.names()) {
      if (!name.ends_with('*')) names.push_back(name);
    }
  };
  add(ResourceCatalog::Heat());
  if (dialect == TypeDialect::Either) add(ResourceCatalog::Cfn());
  for (const RegisteredType& entry : context.registered_types) {
    if (!entry.name.ends_with('*')) names.push_back(entry.name);
  }
  return names;
}

auto StatusWord(const ResourceType& type) -> std::string_view {
  if (type.hidden || type.status == SupportStatus::Hidden) return "hidden";
  if (type.status == SupportStatus::Unsupported) return "unsupported";
  if (type.status == SupportStatus::Deprecated) return "deprecated";
  return "";
}

// A suggestion must be close part by part: `Rackspace::AutoScale::X` is
// a few edits from `AWS::AutoScaling::X` overall, but no typo of it.
auto IsPlausible(std::string_view type, std::string_view candidate) -> bool {
  auto split = [](std::string_view text) {
    std::vector<std::string_view> parts;
    for (size_t at = 0;;) {
      size_t next = text.find("::", at);
      parts.push_back(text.substr(at, next - at));
      if (next == std::string_view::npos) return parts;
      at = next + 2;
    }
  };
  auto a = split(type);
  auto b = split(candidate);
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (EditDistance(a[i], b[i]) > std::max<size_t>(1, (a[i].size() + 2) / 3)) {
      return false;
    }
  }
  return true;
}

}  // namespace

auto UnknownTypeFinding(std::string_view type, Location where,
                        TypeDialect dialect, const TemplateContext& context)
    -> Finding {
  Finding f{DiagnosticKind::UnknownResourceType, where, "", {}, std::nullopt};
  std::vector<std::string_view> names = Candidates(dialect, context);
  auto close = SuggestSpelling(type, names);
  if (close && IsPlausible(type, *close)) {
    f.message = fmt::format("unknown resource type `{}`; did you mean `{}`?",
                            type, *close);
    f.replacement = ReplacementFor(where, type, *close);
    return f;
  }
  std::string_view hint =
      dialect == TypeDialect::Heat
          ? "Heat has no such type: map it in an environment's "
            "`resource_registry` (-e) or give a template path"
          : "neither CloudFormation nor Heat has such a type";
  f.message = fmt::format("unknown resource type `{}`; {}", type, hint);
  return f;
}

auto DeprecatedTypeFinding(std::string_view type, const ResourceType& entry,
                           const ResourceType& resolved, Location where)
    -> std::optional<Finding> {
  const ResourceType* source = &entry;
  if (StatusWord(entry).empty()) source = &resolved;
  std::string_view word = StatusWord(*source);
  if (word.empty()) return std::nullopt;
  std::string hint = AsHint(source->message);
  if (hint.empty()) hint = "it may be removed in a later release";
  return Finding{DiagnosticKind::DeprecatedResourceType, where,
                 fmt::format("resource type `{}` is {} in Heat; {}", type,
                             word, hint),
                 {}, std::nullopt};
}

}  // namespace isobar
