#include "frontend/config_reader.h"

#include <array>
#include <filesystem>

#include "common/spelling.h"
#include "frontend/key_checks.h"
#include "frontend/yaml_reader.h"

namespace isobar {

namespace {

constexpr std::array<std::string_view, 8> kConfigKeys = {
    "profile", "home_region", "environments", "parameters",
    "strict",  "format",      "ignore",       "rules"};
constexpr std::array<std::string_view, 4> kRuleSettings = {"error", "warning",
                                                           "info", "off"};

class ConfigReader {
 public:
  ConfigReader(const Document& doc, std::string directory,
               DiagnosticEmitter& emitter)
      : doc_(doc), directory_(std::move(directory)), emitter_(emitter) {}

  auto Read() -> std::optional<ProjectConfig> {
    NodeId root = doc_.root();
    config_.directory = directory_;
    // An empty file is a valid configuration that sets nothing.
    if (doc_.IsNull(root)) return std::move(config_);
    if (!doc_.IsMapping(root)) {
      Invalid(root, "the project configuration must be a mapping of "
                    "settings, not {}",
              DescribeNode(doc_, root));
      return std::nullopt;
    }
    CheckKnownKeys(doc_, root, kConfigKeys, "the project configuration",
                   DiagnosticKind::InvalidConfig, emitter_);
    if (auto v = Value(root, "profile", "a path")) {
      config_.profile = Path(*v);
      config_.profile_where = doc_.LocationOf(doc_.Find(root, "profile")->value);
    }
    if (auto v = Value(root, "home_region", "a region name")) {
      config_.home_region = *v;
    }
    for (NodeId item : List(root, "environments", "paths")) {
      config_.environments.push_back(Path(doc_.node(item).value));
      config_.environments_where.push_back(doc_.LocationOf(item));
    }
    for (NodeId item : List(root, "ignore", "glob patterns")) {
      config_.ignore.push_back(doc_.node(item).value);
    }
    if (auto v = Value(root, "format", "a report format")) ReadFormat(*v);
    if (const MapEntry* e = doc_.Find(root, "strict")) ReadStrict(e->value);
    if (const MapEntry* e = doc_.Find(root, "parameters")) {
      ReadParameters(e->value);
    }
    if (const MapEntry* e = doc_.Find(root, "rules")) ReadRules(e->value);
    return std::move(config_);
  }

 private:
  template <typename... Args>
  void Invalid(NodeId node, fmt::format_string<Args...> format,
               Args&&... args) {
    emitter_.Emit(DiagnosticKind::InvalidConfig, doc_.LocationOf(node), format,
                  std::forward<Args>(args)...);
  }

  // A path the file names, relative to the file's own directory.
  auto Path(const std::string& path) const -> std::string {
    return (std::filesystem::path(directory_) / path).lexically_normal().string();
  }

  // The scalar value of `key`, if set and a scalar.
  auto Value(NodeId map, std::string_view key, std::string_view what)
      -> std::optional<std::string> {
    const MapEntry* e = doc_.Find(map, key);
    if (!e) return std::nullopt;
    if (doc_.IsScalar(e->value) && !doc_.node(e->value).value.empty()) {
      return doc_.node(e->value).value;
    }
    Invalid(e->value, "`{}` must be {}, not {}", key, what,
            DescribeNode(doc_, e->value));
    return std::nullopt;
  }

  // The items of the list of scalars under `key`; a single scalar is not
  // a list (as in the profile, so that one mistake reads the same).
  auto List(NodeId map, std::string_view key, std::string_view what)
      -> std::vector<NodeId> {
    const MapEntry* e = doc_.Find(map, key);
    if (!e || doc_.IsNull(e->value)) return {};
    if (!doc_.IsSequence(e->value)) {
      Invalid(e->value, "`{}` must be a list of {}, not {}", key, what,
              DescribeNode(doc_, e->value));
      return {};
    }
    std::vector<NodeId> items;
    for (NodeId item : doc_.node(e->value).items) {
      if (doc_.IsScalar(item)) {
        items.push_back(item);
      } else {
        Invalid(item, "`{}` must be a list of {}; this item is {}", key, what,
                DescribeNode(doc_, item));
      }
    }
    return items;
  }

  void ReadFormat(const std::string& name) {
    const MapEntry* e = doc_.Find(doc_.root(), "format");
    if (std::find(std::begin(kReportFormatNames), std::end(kReportFormatNames),
                  name) != std::end(kReportFormatNames)) {
      config_.format = name;
      return;
    }
    auto suggestion = SuggestSpelling(name, kReportFormatNames);
    Invalid(e->value, "unknown report format `{}`; {}", name,
            suggestion ? fmt::format("did you mean `{}`?", *suggestion)
                       : fmt::format("use `{}`",
                                     fmt::join(kReportFormatNames, "`, `")));
  }

  void ReadStrict(NodeId node) {
    config_.strict = PlainBoolean(doc_, node);
    if (!config_.strict) {
      Invalid(node, "`strict` must be `true` or `false`, not {}",
              DescribeNode(doc_, node));
    }
  }

  // The entries of a mapping; none (reported as `what`) for anything else.
  auto Entries(NodeId node, std::string_view what)
      -> std::span<const MapEntry> {
    if (doc_.IsMapping(node)) return doc_.node(node).entries;
    if (!doc_.IsNull(node)) Invalid(node, "{}, not {}", what, DescribeNode(doc_, node));
    return {};
  }

  void ReadParameters(NodeId node) {
    for (const MapEntry& entry :
         Entries(node, "`parameters` must map each parameter's name to its value")) {
      // Values are strings, as with -P: Heat converts them to the
      // parameter's type, and a list is written `a,b`.
      if (!doc_.IsScalar(entry.value) && !doc_.IsNull(entry.value)) {
        Invalid(entry.value, "parameter `{}` must have a single value, as "
                             "with -P, not {}",
                entry.key, DescribeNode(doc_, entry.value));
        continue;
      }
      config_.parameters.emplace_back(entry.key, doc_.node(entry.value).value);
      // Like an environment file's `parameters`: Heat sees both the same.
      config_.parameter_values.emplace_back(
          entry.key, KnownValue{.origin = ValueOrigin::Environment,
                                .document = &doc_,
                                .node = entry.value,
                                .where = doc_.LocationOf(entry.key_range)});
    }
  }

  void ReadRules(NodeId node) {
    for (const MapEntry& entry :
         Entries(node, "`rules` must map rule codes or names to `error`, "
                       "`warning`, `info` or `off`")) {
      const DiagnosticKindInfo* kind = FindRule(entry);
      auto setting = doc_.IsScalar(entry.value)
                         ? ParseRuleSetting(doc_.node(entry.value).value)
                         : std::nullopt;
      if (!setting) {
        std::string text = doc_.IsScalar(entry.value)
                               ? doc_.node(entry.value).value
                               : std::string();
        auto suggestion = SuggestSpelling(text, kRuleSettings);
        Invalid(entry.value, "rule `{}` must be set to `error`, `warning`, "
                             "`info` or `off`, not {}{}",
                entry.key, DescribeNode(doc_, entry.value),
                suggestion ? fmt::format("; did you mean `{}`?", *suggestion)
                           : std::string());
        continue;
      }
      if (kind) config_.rules.Set(kind->kind, *setting);
    }
  }

  auto FindRule(const MapEntry& entry) -> const DiagnosticKindInfo* {
    if (const DiagnosticKindInfo* kind = FindDiagnosticKind(entry.key)) {
      return kind;
    }
    // Only names get "did you mean": every code is a digit or two from
    // another, so a near code is a guess, not a typo fixed.
    std::vector<std::string_view> names;
    for (const DiagnosticKindInfo& info : AllDiagnosticKinds()) {
      names.push_back(info.name);
    }
    EmitMisspelling(emitter_, DiagnosticKind::InvalidConfig,
                    doc_.LocationOf(entry.key_range),
                    fmt::format("unknown rule `{}` in `rules`", entry.key),
                    SuggestSpelling(entry.key, names),
                    "`isobar rules` lists every rule");
    return nullptr;
  }

  const Document& doc_;
  std::string directory_;
  DiagnosticEmitter& emitter_;
  ProjectConfig config_;
};

}  // namespace

auto ReadProjectConfig(const SourceBuffer& source, const std::string& directory,
                       const ParseOptions& options, DiagnosticEmitter& emitter)
    -> std::optional<ProjectConfig> {
  std::optional<Document> parsed = ParseYaml(source, options, emitter);
  if (!parsed) return std::nullopt;
  // Shared, so that the parameter values' nodes outlive the reader.
  auto doc = std::make_shared<const Document>(std::move(*parsed));
  std::optional<ProjectConfig> config =
      ConfigReader(*doc, directory, emitter).Read();
  if (config) config->document = std::move(doc);
  return config;
}

}  // namespace isobar
