#include "analysis/structure_check.h"

#include <string>

#include "analysis/key_facts.h"
#include "common/spelling.h"

namespace isobar {

namespace {

class StructureChecker {
 public:
  StructureChecker(const Template& tmpl, DiagnosticEmitter& emitter)
      : tmpl_(tmpl),
        doc_(tmpl.document),
        emitter_(emitter),
        keys_(tmpl.format, tmpl.version),
        hot_(tmpl.format == TemplateFormat::Hot) {}

  void Run() {
    ReadTransforms();
    CheckShortFormTags();
    CheckVersion();
    CheckSections();
    CheckParameters();
    CheckResources();
    CheckOutputs();
  }

 private:
  auto VersionText() const -> std::string {
    return fmt::format("{} {}", keys_.version().key, keys_.version().version);
  }

  // Reports `name` (at `range`) as not allowed in `set`, with the best
  // hint: a later version that allows it, or a likely spelling.
  void ReportUnknownKey(DiagnosticKind kind, KeySet set, std::string_view what,
                        const std::string& name, ByteRange range) {
    std::string hint;
    if (tmpl_.version != nullptr) {
      if (const auto* later = keys_.FirstVersionAllowing(set, name)) {
        hint = fmt::format("; it needs {} {} or later", later->key,
                           later->version);
      }
    }
    auto suggestion = keys_.Suggest(set, name);
    if (hint.empty() && suggestion) {
      hint = fmt::format("; did you mean `{}`?", *suggestion);
    }
    if (hint.empty()) {
      hint = fmt::format("; allowed: {}", keys_.Describe(set));
    }
    auto builder = emitter_.Build(kind, doc_.LocationOf(range),
                                  "unknown {} `{}` in {}{}", what, name,
                                  tmpl_.version ? VersionText() : std::string(TemplateFormatName(tmpl_.format)),
                                  hint);
    if (suggestion) {
      builder.Fix(fmt::format("replace with `{}`", *suggestion),
                  {{doc_.LocationOf(range), std::string(*suggestion)}});
    }
    builder.Emit();
  }

  // Reports a value of the wrong kind. `expected` reads "a mapping", ...
  void ReportKind(NodeId node, std::string_view what, std::string_view expected) {
    emitter_.Emit(DiagnosticKind::WrongNodeKind, doc_.LocationOf(node),
                  "{} must be {}, not {}", what, expected,
                  DescribeValue(node));
  }

  auto DescribeValue(NodeId node) const -> std::string {
    const Node& n = doc_.node(node);
    if (n.kind == NodeKind::Scalar) return fmt::format("the scalar `{}`", n.value);
    return std::string(NodeKindDescription(n.kind));
  }

  // True when `map` has a key that looks like a typo of `key`: that key is
  // reported as unknown, with a suggestion, so a missing `key` is not
  // reported again.
  auto HasNearMiss(NodeId map, std::string_view key) const -> bool {
    std::string_view candidates[] = {key};
    for (const MapEntry& e : doc_.node(map).entries) {
      if (SuggestSpelling(e.key, candidates)) return true;
    }
    return false;
  }

  // Mappings and null (an empty section) are both fine.
  auto ExpectMapping(NodeId node, std::string_view what) -> bool {
    if (node == kNoNode || doc_.IsNull(node)) return false;
    if (doc_.IsMapping(node)) return true;
    ReportKind(node, what, "a mapping");
    return false;
  }

  // CloudFormation transforms change what a template may contain: SAM adds
  // resource keys, AWS::LanguageExtensions adds `Fn::ForEach::` loops.
  void ReadTransforms() {
    if (hot_) return;
    const MapEntry* entry = doc_.Find(doc_.root(), "Transform");
    if (entry == nullptr) return;
    auto read = [&](NodeId node) {
      if (!doc_.IsScalar(node)) return;
      const std::string& name = doc_.node(node).value;
      if (name.starts_with("AWS::Serverless")) sam_ = true;
      if (name == "AWS::LanguageExtensions") language_extensions_ = true;
    };
    read(entry->value);
    if (doc_.IsSequence(entry->value)) {
      for (NodeId item : doc_.node(entry->value).items) read(item);
    }
  }

  // A `Fn::ForEach::Name` entry is a loop, not a definition. Returns true
  // when the entry is one (reporting it if the transform is missing).
  auto SkipForEach(const NamedNode& item) -> bool {
    if (hot_ || !item.name.starts_with("Fn::ForEach::")) return false;
    if (!language_extensions_) {
      emitter_.Emit(DiagnosticKind::WrongNodeKind,
                    doc_.LocationOf(item.name_range),
                    "`{}` is a `Fn::ForEach` loop, which needs "
                    "`Transform: AWS::LanguageExtensions`",
                    item.name);
    }
    return true;
  }

  // Heat loads YAML with a loader that knows no tags, so `!Ref` fails in
  // HOT and in Heat's own CFN dialect; only CloudFormation expands them.
  void CheckShortFormTags() {
    bool heat_only = hot_ || tmpl_.IsHeatCfn();
    if (!heat_only) return;
    for (ByteRange tag : doc_.short_form_tags()) {
      std::string_view text =
          doc_.source().text().substr(tag.begin, tag.end - tag.begin);
      std::string_view hot = hot_ ? HotEquivalent(text) : "";
      std::string hint =
          !hot.empty() ? fmt::format("use `{}` instead", hot)
          : hot_       ? std::string("write the function in HOT syntax")
                       : fmt::format("write `{{Fn::...: ...}}` or `{{Ref: ...}}` "
                                     "as a mapping");
      emitter_.Emit(DiagnosticKind::ShortFormTagInHeatTemplate,
                    doc_.LocationOf(tag),
                    "`{}` is a CloudFormation short form, which Heat cannot "
                    "load; {}",
                    text, hint);
    }
  }

  // The HOT function that does what a CloudFormation short form does.
  static auto HotEquivalent(std::string_view tag) -> std::string_view {
    static constexpr std::pair<std::string_view, std::string_view> kTable[] = {
        {"!Ref", "get_resource` or `get_param"},
        {"!GetAtt", "get_attr"},
        {"!Join", "list_join"},
        {"!Sub", "str_replace"},
        {"!Split", "str_split"},
        {"!If", "if"},
        {"!Equals", "equals"},
        {"!And", "and"},
        {"!Or", "or"},
        {"!Not", "not"},
        {"!Condition", "condition"},
    };
    for (auto [cfn, hot] : kTable) {
      if (cfn == tag) return hot;
    }
    return "";
  }

  void CheckVersion() {
    const MapEntry* entry = tmpl_.version_entry;
    if (entry == nullptr) {
      if (!hot_) return;
      // A near-miss of the key is reported as an unknown section instead.
      constexpr std::string_view kKey[] = {"heat_template_version"};
      for (const NamedNode& section : tmpl_.sections) {
        if (SuggestSpelling(section.name, kKey)) return;
      }
      emitter_.Emit(DiagnosticKind::InvalidTemplateVersion,
                    doc_.LocationOf(doc_.root()),
                    "missing `heat_template_version`; add one such as "
                    "`heat_template_version: {}`",
                    keys_.version().version);
      return;
    }
    if (tmpl_.version != nullptr) return;
    std::string_view key = entry->key;
    std::string valid;
    auto names = ValidVersionNames(key);
    for (std::string_view name : names) {
      valid += valid.empty() ? "" : ", ";
      valid += name;
    }
    if (!doc_.IsScalar(entry->value)) {
      emitter_.Emit(DiagnosticKind::InvalidTemplateVersion,
                    doc_.LocationOf(entry->value),
                    "`{}` must be a version string, not {}; valid versions: {}",
                    key, DescribeValue(entry->value), valid);
      return;
    }
    const std::string& value = doc_.node(entry->value).value;
    // Dates are all alike: only a single slip (a digit, a swap) is a
    // plausible typo; anything further is a different version.
    auto suggestion = SuggestSpelling(value, names, /*max_distance=*/1);
    auto builder = emitter_.Build(
        DiagnosticKind::InvalidTemplateVersion, doc_.LocationOf(entry->value),
        "unknown {} `{}`{}; valid versions: {}", key, value,
        suggestion ? fmt::format(" (did you mean `{}`?)", *suggestion) : "",
        valid);
    if (suggestion) {
      builder.Fix(fmt::format("replace with `{}`", *suggestion),
                  {{doc_.LocationOf(entry->value), std::string(*suggestion)}});
    }
    builder.Emit();
  }

  void CheckSections() {
    for (const NamedNode& section : tmpl_.sections) {
      if (!keys_.Allows(KeySet::Sections, section.name)) {
        ReportUnknownKey(DiagnosticKind::UnknownSection, KeySet::Sections,
                         "section", section.name, section.name_range);
      }
    }
    if (tmpl_.description != kNoNode && !doc_.IsScalar(tmpl_.description) &&
        !doc_.IsNull(tmpl_.description)) {
      ReportKind(tmpl_.description, "the description", "a string");
    }
    if (tmpl_.parameter_groups != kNoNode &&
        !doc_.IsSequence(tmpl_.parameter_groups) &&
        !doc_.IsNull(tmpl_.parameter_groups)) {
      ReportKind(tmpl_.parameter_groups, "`parameter_groups`", "a list");
    }
    ExpectMapping(tmpl_.mappings, "`Mappings`");
    ExpectMapping(tmpl_.conditions_node,
                  hot_ ? "`conditions`" : "`Conditions`");
    if (!hot_ && tmpl_.resources_node == kNoNode &&
        tmpl_.version_entry != nullptr &&
        tmpl_.version_entry->key == "AWSTemplateFormatVersion") {
      emitter_.Emit(DiagnosticKind::MissingResourcesSection,
                    doc_.LocationOf(tmpl_.version_entry->key_range),
                    "the template has no `Resources` section; CloudFormation "
                    "requires at least one resource");
    }
  }

  void CheckParameters() {
    if (!ExpectMapping(tmpl_.parameters_node,
                       hot_ ? "`parameters`" : "`Parameters`")) {
      return;
    }
    std::string_view type_key = hot_ ? "type" : "Type";
    for (const Parameter& p : tmpl_.parameters) {
      if (!ExpectMapping(p.node, fmt::format("parameter `{}`", p.name))) {
        if (doc_.IsNull(p.node)) {
          emitter_.Emit(DiagnosticKind::MissingParameterType,
                        doc_.LocationOf(p.name_range),
                        "parameter `{}` has no definition; give it at least "
                        "a `{}`",
                        p.name, type_key);
        }
        continue;
      }
      for (const MapEntry& e : doc_.node(p.node).entries) {
        if (!keys_.Allows(KeySet::ParameterKeys, e.key)) {
          ReportUnknownKey(DiagnosticKind::UnknownParameterKey,
                           KeySet::ParameterKeys, "parameter key", e.key,
                           e.key_range);
        }
      }
      CheckParameterType(p, type_key);
      if (hot_) CheckConstraints(p);
    }
  }

  void CheckParameterType(const Parameter& p, std::string_view type_key) {
    if (p.type == kNoNode) {
      if (HasNearMiss(p.node, type_key)) return;
      emitter_.Emit(DiagnosticKind::MissingParameterType,
                    doc_.LocationOf(p.name_range),
                    "parameter `{}` has no `{}`; allowed types: {}", p.name,
                    type_key, keys_.Describe(KeySet::ParameterTypes));
      return;
    }
    if (!doc_.IsScalar(p.type)) {
      ReportKind(p.type, fmt::format("the type of parameter `{}`", p.name),
                 "a string");
      return;
    }
    const std::string& type = doc_.node(p.type).value;
    if (keys_.Allows(KeySet::ParameterTypes, type)) return;
    auto suggestion = keys_.Suggest(KeySet::ParameterTypes, type);
    auto builder = emitter_.Build(
        DiagnosticKind::InvalidParameterType, doc_.LocationOf(p.type),
        "parameter `{}` has invalid type `{}`; {}", p.name, type,
        suggestion ? fmt::format("did you mean `{}`?", *suggestion)
                   : fmt::format("allowed types: {}",
                                 keys_.Describe(KeySet::ParameterTypes)));
    if (suggestion) {
      builder.Fix(fmt::format("replace with `{}`", *suggestion),
                  {{doc_.LocationOf(p.type), std::string(*suggestion)}});
    }
    builder.Emit();
  }

  void CheckConstraints(const Parameter& p) {
    if (p.constraints == kNoNode || doc_.IsNull(p.constraints)) return;
    if (!doc_.IsSequence(p.constraints)) {
      ReportKind(p.constraints,
                 fmt::format("the constraints of parameter `{}`", p.name),
                 "a list");
      return;
    }
    for (NodeId item : doc_.node(p.constraints).items) {
      if (!ExpectMapping(item, "a parameter constraint")) continue;
      for (const MapEntry& e : doc_.node(item).entries) {
        if (!keys_.Allows(KeySet::ParameterConstraintKeys, e.key)) {
          ReportUnknownKey(DiagnosticKind::UnknownParameterConstraint,
                           KeySet::ParameterConstraintKeys,
                           "parameter constraint", e.key, e.key_range);
        }
      }
    }
  }

  void CheckResources() {
    if (!ExpectMapping(tmpl_.resources_node,
                       hot_ ? "`resources`" : "`Resources`")) {
      return;
    }
    std::string_view type_key = hot_ ? "type" : "Type";
    for (const Resource& r : tmpl_.resources) {
      if (SkipForEach(r)) continue;
      std::string what = fmt::format("resource `{}`", r.name);
      if (doc_.IsNull(r.node)) {
        emitter_.Emit(DiagnosticKind::MissingResourceType,
                      doc_.LocationOf(r.name_range),
                      "resource `{}` has no definition; it needs a `{}`",
                      r.name, type_key);
        continue;
      }
      if (!ExpectMapping(r.node, what)) continue;
      for (const MapEntry& e : doc_.node(r.node).entries) {
        if (sam_ && e.key == "IgnoreGlobals") continue;
        if (!keys_.Allows(KeySet::ResourceKeys, e.key)) {
          ReportUnknownKey(DiagnosticKind::UnknownResourceKey,
                           KeySet::ResourceKeys, "resource key", e.key,
                           e.key_range);
        }
      }
      if (r.type == kNoNode) {
        if (HasNearMiss(r.node, type_key)) continue;
        emitter_.Emit(DiagnosticKind::MissingResourceType,
                      doc_.LocationOf(r.name_range),
                      "resource `{}` has no `{}`; every resource needs one",
                      r.name, type_key);
      } else if (!doc_.IsScalar(r.type)) {
        ReportKind(r.type, fmt::format("the type of {}", what), "a string");
      }
      ExpectMapping(r.properties, fmt::format("the properties of {}", what));
      ExpectMapping(r.metadata, fmt::format("the metadata of {}", what));
      ExpectMapping(r.update_policy,
                    fmt::format("the update policy of {}", what));
      CheckDependsOn(r, what);
      CheckDeletionPolicy(r);
    }
  }

  void CheckDependsOn(const Resource& r, const std::string& what) {
    if (r.depends_on == kNoNode || doc_.IsNull(r.depends_on) ||
        doc_.IsScalar(r.depends_on)) {
      return;
    }
    if (!doc_.IsSequence(r.depends_on)) {
      ReportKind(r.depends_on, fmt::format("the dependencies of {}", what),
                 "a resource name or a list of names");
      return;
    }
    for (NodeId item : doc_.node(r.depends_on).items) {
      if (!doc_.IsScalar(item)) {
        ReportKind(item, fmt::format("a dependency of {}", what),
                   "a resource name");
      }
    }
  }

  void CheckDeletionPolicy(const Resource& r) {
    // Only literal policies are checked; HOT allows functions here.
    if (!doc_.IsScalar(r.deletion_policy)) return;
    const std::string& policy = doc_.node(r.deletion_policy).value;
    if (keys_.Allows(KeySet::DeletionPolicies, policy)) return;
    ReportUnknownKey(DiagnosticKind::InvalidDeletionPolicy,
                     KeySet::DeletionPolicies, "deletion policy", policy,
                     doc_.node(r.deletion_policy).range);
  }

  void CheckOutputs() {
    if (!ExpectMapping(tmpl_.outputs_node, hot_ ? "`outputs`" : "`Outputs`")) {
      return;
    }
    for (const Output& o : tmpl_.outputs) {
      if (SkipForEach(o)) continue;
      std::string what = fmt::format("output `{}`", o.name);
      if (doc_.IsNull(o.node) || !ExpectMapping(o.node, what)) {
        if (doc_.IsNull(o.node)) ReportMissingValue(o);
        continue;
      }
      for (const MapEntry& e : doc_.node(o.node).entries) {
        if (!keys_.Allows(KeySet::OutputKeys, e.key)) {
          ReportUnknownKey(DiagnosticKind::UnknownOutputKey,
                           KeySet::OutputKeys, "output key", e.key,
                           e.key_range);
        }
      }
      if (o.value == kNoNode && !HasNearMiss(o.node, hot_ ? "value" : "Value")) {
        ReportMissingValue(o);
      }
    }
  }

  void ReportMissingValue(const Output& o) {
    emitter_.Emit(DiagnosticKind::MissingOutputValue,
                  doc_.LocationOf(o.name_range),
                  "output `{}` has no `{}`; an output must say what it returns",
                  o.name, hot_ ? "value" : "Value");
  }

  const Template& tmpl_;
  const Document& doc_;
  DiagnosticEmitter& emitter_;
  KeyFacts keys_;
  bool hot_;
  bool sam_ = false;
  bool language_extensions_ = false;
};

void CheckEnvironment(const Template& tmpl, DiagnosticEmitter& emitter) {
  const Document& doc = tmpl.document;
  for (const NamedNode& section : tmpl.sections) {
    if (Contains(EnvironmentSections(), section.name)) {
      bool list = section.name == "encrypted_param_names" ||
                  section.name == "event_sinks";
      bool ok = doc.IsNull(section.node) ||
                (list ? doc.IsSequence(section.node) : doc.IsMapping(section.node));
      if (!ok) {
        emitter.Emit(DiagnosticKind::WrongNodeKind, doc.LocationOf(section.node),
                     "environment section `{}` must be {}", section.name,
                     list ? "a list" : "a mapping");
      }
      continue;
    }
    auto suggestion = SuggestSpelling(section.name, EnvironmentSections());
    emitter.Emit(DiagnosticKind::UnknownEnvironmentSection,
                 doc.LocationOf(section.name_range),
                 "unknown environment section `{}`{}", section.name,
                 suggestion ? fmt::format("; did you mean `{}`?", *suggestion)
                            : "");
  }
}

}  // namespace

void CheckStructure(const Template& tmpl, DiagnosticEmitter& emitter) {
  switch (tmpl.format) {
    case TemplateFormat::Hot:
    case TemplateFormat::Cfn:
      StructureChecker(tmpl, emitter).Run();
      return;
    case TemplateFormat::Environment:
      CheckEnvironment(tmpl, emitter);
      return;
    case TemplateFormat::NotATemplate:
      return;
  }
}

}  // namespace isobar
