#include "analysis/resources/property_checker.h"

#include <fmt/format.h>

#include <algorithm>

#include "analysis/resources/cfn_packaging.h"
#include "analysis/resources/scalar_checks.h"
#include "common/spelling.h"

namespace isobar {

namespace {

// A scalar as messages show it, shortened when long.
auto ShowScalar(std::string_view text) -> std::string {
  constexpr size_t kMax = 60;
  if (text.size() <= kMax) return fmt::format("`{}`", text);
  return fmt::format("`{}...`", text.substr(0, kMax));
}

auto NamesOf(const PropertySchema& map, const ResourceType& type, bool heat)
    -> std::vector<std::string_view> {
  std::vector<std::string_view> names;
  for (const PropertySchema::Child& child : map.children) {
    const PropertySchema& schema = type.node(child.node);
    if (heat && (schema.hidden || !schema.implemented)) continue;
    if (schema.read_only) continue;
    names.push_back(child.name);
  }
  return names;
}

}  // namespace

// OS::Heat::Stack's `template` is a string in Heat's schema, but isobar
// reads an inline template there (SPEC.md §2); the nested-stack pass
// checks it.
auto PropertyChecker::IsInlineTemplate(const std::string& path) const -> bool {
  return heat_ && path == "template" && type_.name == "OS::Heat::Stack";
}

PropertyChecker::PropertyChecker(const Template& tmpl,
                                 const Resolution& resolution,
                                 const KnownValues& known,
                                 const ResourceType& type, bool heat,
                                 std::vector<Finding>& out)
    : heat_(heat),
      doc_(tmpl.document),
      resolution_(resolution),
      known_(known),
      type_(type),
      typing_(ValueTyping::For(tmpl.document)),
      out_(out) {}

void PropertyChecker::Check(const Resource& resource, bool open_root,
                            bool names_only) {
  resource_ = &resource;
  names_only_ = names_only;
  seen_.clear();
  if (type_.properties == kNoSchema) return;
  const PropertySchema& root = type_.root();
  // Heat's stand-ins without properties (OS::Heat::None, removed types
  // such as OS::Designate::Domain) accept any properties.
  if (heat_ && root.children.empty()) return;
  // Heat adopts an existing object and never reads its properties.
  if (resource.external_id != kNoNode) return;
  NodeId props = resource.properties;
  // Required properties are reported at the `properties` key, or at the
  // resource's name when there is none.
  Location anchor = doc_.LocationOf(resource.name_range);
  for (std::string_view key : {"properties", "Properties"}) {
    if (const MapEntry* e = doc_.Find(resource.node, key)) {
      anchor = doc_.LocationOf(e->key_range);
    }
  }
  if (props != kNoNode && resolution_.functions.IsCall(props)) return;
  if (props == kNoNode || doc_.IsNull(props)) {
    if (!names_only_) Required(kNoNode, anchor, root, "");
    return;
  }
  if (!doc_.IsMapping(props)) return;
  Map(props, root, "", open_root);
  if (!names_only_) Required(props, anchor, root, "");
}

void PropertyChecker::Add(DiagnosticKind kind, Location where,
                          std::string message,
                          std::optional<Replacement> replacement) {
  out_.push_back({kind, where, std::move(message), {}, std::move(replacement)});
}

void PropertyChecker::ItemFormats(NodeId list, std::string_view format,
                                  const std::string& path) {
  const auto& items = doc_.node(list).items;
  for (size_t i = 0; i < items.size(); ++i) {
    const Node& n = doc_.node(items[i]);
    if (n.kind != NodeKind::Scalar || n.value.find("{{resolve:") != std::string::npos) {
      continue;
    }
    auto problem = CheckScalarFormat(LoadValue(doc_, items[i], typing_), format,
                                     ShowScalar(n.value));
    if (!problem) continue;
    Add(problem->kind, doc_.LocationOf(items[i]),
        fmt::format("{} {}", Subject(fmt::format("{}[{}]", path, i)), problem->problem));
  }
}

auto PropertyChecker::EntryRange(const MapEntry& entry) const -> ByteRange {
  uint32_t end = entry.key_range.end;
  if (entry.value != kNoNode) end = std::max(end, doc_.node(entry.value).range.end);
  return {entry.key_range.begin, end};
}

auto PropertyChecker::Subject(const std::string& path) const -> std::string {
  if (path.empty()) return fmt::format("`{}`", resource_->name);
  return fmt::format("`{}` of `{}`", path, resource_->name);
}

void PropertyChecker::Value(NodeId node, const PropertySchema& schema,
                            const std::string& path) {
  if (schema.unchecked || node == kNoNode) return;
  if (!seen_.insert({node, &schema}).second) return;
  if (uint32_t call = resolution_.functions.CallAt(node, false);
      call != kNoCall) {
    return Call(call, schema, path);
  }
  const Node& n = doc_.node(node);
  bool any = schema.types & kAnyValue;
  switch (n.kind) {
    case NodeKind::Null:
      // Heat and CloudFormation treat a null property as not set.
      return;
    case NodeKind::Scalar: {
      if (!heat_ && IsPackagedProperty(type_.name, path)) return;
      // A CloudFormation dynamic reference is resolved at deployment.
      if (!heat_ && n.value.find("{{resolve:") != std::string::npos) return;
      PyValue value = LoadValue(doc_, node, typing_);
      auto problem = CheckScalar(value, schema, heat_, ShowScalar(n.value));
      if (!problem) return;
      Location where = doc_.LocationOf(node);
      std::optional<Replacement> fix;
      if (problem->suggestion) {
        fix = ReplacementFor(where, n.value, *problem->suggestion);
      }
      return Add(problem->kind, where,
                 fmt::format("{} {}", Subject(path), problem->problem), fix);
    }
    case NodeKind::Sequence:
      if (any || (schema.types & kListValue)) return List(node, schema, path);
      // allow_conversion: Heat serializes a list given for a map.
      if (heat_ && schema.allow_conversion && (schema.types & kMapValue)) return;
      return Add(DiagnosticKind::WrongPropertyType, doc_.LocationOf(node),
                 fmt::format("{} must be {}, not a list", Subject(path),
                             DescribeValueTypes(schema.types)));
    case NodeKind::Mapping:
      if (any || IsInlineTemplate(path)) return;
      if (schema.types & kMapValue) {
        Map(node, schema, path, false);
        return Required(node, doc_.LocationOf(node), schema, path);
      }
      return Add(DiagnosticKind::WrongPropertyType, doc_.LocationOf(node),
                 fmt::format("{} must be {}, not a map", Subject(path),
                             DescribeValueTypes(schema.types)));
  }
}

void PropertyChecker::Call(uint32_t index, const PropertySchema& schema,
                           const std::string& path) {
  const FunctionCall& call = resolution_.functions.call(index);
  if (call.id == FunctionId::If || call.id == FunctionId::FnIf) {
    // Either branch may be the value.
    if (!doc_.IsSequence(call.argument)) return;
    const auto& items = doc_.node(call.argument).items;
    for (size_t i = 1; i < items.size(); ++i) Value(items[i], schema, path);
    return;
  }
  auto known = known_.Evaluate(index);
  if (!known) return;
  auto problem = CheckScalar(
      known->value, schema, heat_,
      fmt::format("the value of parameter `{}`", known->parameter));
  if (!problem) return;
  Finding finding{problem->kind, doc_.LocationOf(call.range),
                  fmt::format("{} {}", Subject(path), problem->problem), {},
                  std::nullopt};
  if (known->origin.buffer) {
    finding.notes.push_back(
        {known->origin,
         known->is_default
             ? fmt::format("the default of parameter `{}`", known->parameter)
             : fmt::format("parameter `{}` gets its value here",
                           known->parameter)});
  }
  out_.push_back(std::move(finding));
}

void PropertyChecker::Map(NodeId node, const PropertySchema& schema,
                          const std::string& path, bool open) {
  for (const MapEntry& entry : doc_.node(node).entries) {
    // Keys such as `Fn::If` in a mapping of several keys are no property
    // (and no call); the function checks speak for them.
    if (entry.key.starts_with("Fn::")) continue;
    if (const PropertySchema* child = type_.FindChild(schema, entry.key)) {
      Key(entry, schema, *child, path);
    } else if (!schema.open && !open) {
      Unknown(entry, schema, path);
    }
  }
  if (heat_ && !names_only_) Conflicts(node, schema, path);
}

// Heat's translation copies a deprecated spelling (`network_id`) into its
// replacement (`network`) and refuses the template when both are set:
// "Cannot define the following properties at the same time".
void PropertyChecker::Conflicts(NodeId node, const PropertySchema& map,
                                const std::string& path) {
  // Heat tests both values for truth: null and "" do not count.
  auto set = [&](std::string_view key) -> const MapEntry* {
    const MapEntry* e = doc_.Find(node, key);
    if (!e || doc_.IsNull(e->value)) return nullptr;
    if (doc_.IsScalar(e->value) && doc_.node(e->value).value.empty()) return nullptr;
    return e;
  };
  for (const PropertySchema::Child& child : map.children) {
    const MapEntry* kept = set(child.name);
    if (!kept) continue;
    for (const std::string& old : type_.node(child.node).alternatives) {
      const MapEntry* dropped = set(old);
      if (!dropped) continue;
      std::string where = path.empty() ? "" : fmt::format(" in `{}`", path);
      Finding f{DiagnosticKind::ConflictingProperties, doc_.LocationOf(dropped->key_range),
                fmt::format("`{}` and `{}` of `{}`{} are both set, and Heat refuses "
                            "both at once; keep `{}`",
                            old, child.name, resource_->name, where, child.name),
                {}, std::nullopt};
      f.notes.push_back({doc_.LocationOf(kept->key_range),
                         fmt::format("`{}` set here", child.name)});
      out_.push_back(std::move(f));
    }
  }
}

void PropertyChecker::Key(const MapEntry& entry, const PropertySchema& map,
                          const PropertySchema& child,
                          const std::string& path) {
  std::string child_path = path.empty() ? entry.key : path + "." + entry.key;
  Location where = doc_.LocationOf(entry.key_range);
  if (heat_ && !child.implemented) {
    Add(DiagnosticKind::PropertyNotImplemented, where,
        fmt::format("Heat does not implement property `{}` of `{}` "
                    "({}), and refuses it when set; remove it",
                    entry.key, resource_->name, type_.name));
    out_.back().scope = EntryRange(entry);
    return;
  }
  if (heat_ && child.hidden) {
    // The property Heat's translation copies this one into.
    std::string_view replacement;
    for (const PropertySchema::Child& other : map.children) {
      const auto& alternatives = type_.node(other.node).alternatives;
      if (std::ranges::find(alternatives, entry.key) != alternatives.end()) {
        replacement = other.name;
      }
    }
    if (replacement.empty()) {
      Add(DiagnosticKind::DeprecatedProperty, where,
          fmt::format("property `{}` of `{}` is deprecated and hidden in "
                      "Heat; it may be removed in a later release",
                      child_path, resource_->name));
    } else {
      Add(DiagnosticKind::DeprecatedProperty, where,
          fmt::format("property `{}` of `{}` is deprecated; use `{}`",
                      child_path, resource_->name, replacement),
          ReplacementFor(where, entry.key, replacement));
    }
  }
  if (!names_only_) Value(entry.value, child, child_path);
}

void PropertyChecker::Unknown(const MapEntry& entry, const PropertySchema& map,
                              const std::string& path) {
  std::vector<std::string_view> names = NamesOf(map, type_, heat_);
  Location where = doc_.LocationOf(entry.key_range);
  auto close = SuggestSpelling(entry.key, names);
  std::string place = path.empty()
                          ? fmt::format("`{}` ({})", resource_->name, type_.name)
                          : Subject(path);
  if (close) {
    Add(DiagnosticKind::UnknownProperty, where,
        fmt::format("unknown property `{}` in {}; did you mean `{}`?",
                    entry.key, place, *close),
        ReplacementFor(where, entry.key, *close));
  } else {
    Add(DiagnosticKind::UnknownProperty, where,
        names.empty()
            ? fmt::format("unknown property `{}` in {}; it takes no properties",
                          entry.key, place)
            : fmt::format("unknown property `{}` in {}; allowed: {}", entry.key,
                          place, QuotedList(names)));
  }
  out_.back().scope = EntryRange(entry);
}

void PropertyChecker::Required(NodeId node, Location anchor,
                               const PropertySchema& map,
                               const std::string& path) {
  auto present = [&](std::string_view key) {
    return node != kNoNode && doc_.Find(node, key) != nullptr;
  };
  for (const PropertySchema::Child& child : map.children) {
    const PropertySchema& schema = type_.node(child.node);
    if (!schema.required || present(child.name)) continue;
    // Heat's translation rules fill it from a deprecated spelling.
    if (std::ranges::any_of(schema.alternatives, present)) continue;
    std::string place = path.empty()
                            ? fmt::format("`{}` ({})", resource_->name, type_.name)
                            : Subject(path);
    Add(DiagnosticKind::MissingRequiredProperty, anchor,
        fmt::format("missing required property `{}` in {}; add it", child.name,
                    place));
  }
}

void PropertyChecker::List(NodeId node, const PropertySchema& schema,
                           const std::string& path) {
  const auto& items = doc_.node(node).items;
  double count = static_cast<double>(items.size());
  // Heat's Length constraint counts a list's items.
  std::optional<double> min = schema.min_items;
  std::optional<double> max = schema.max_items;
  if (heat_ && !min) min = schema.min_length;
  if (heat_ && !max) max = schema.max_length;
  bool has_calls = std::ranges::any_of(
      items, [&](NodeId item) { return resolution_.functions.IsCall(item); });
  // A call among the items may expand or vanish (AWS::NoValue).
  if (!has_calls && min && count < *min) {
    Add(DiagnosticKind::PropertyValueOutOfRange, doc_.LocationOf(node),
        fmt::format("{} has {} items, fewer than the minimum {}", Subject(path),
                    items.size(), FormatBound(*min)));
  } else if (!has_calls && max && count > *max) {
    Add(DiagnosticKind::PropertyValueOutOfRange, doc_.LocationOf(node),
        fmt::format("{} has {} items, more than the maximum {}", Subject(path),
                    items.size(), FormatBound(*max)));
  }
  // Unless the item schema carries the id format itself.
  bool item_format = schema.item != kNoSchema && !type_.node(schema.item).format.empty();
  if (!heat_ && !item_format && schema.format.ends_with(".Ids")) {
    ItemFormats(node, schema.format, path);
  }
  if (schema.item == kNoSchema) return;
  const PropertySchema& item = type_.node(schema.item);
  for (size_t i = 0; i < items.size(); ++i) {
    Value(items[i], item, fmt::format("{}[{}]", path, i));
  }
}

}  // namespace isobar
