#include "frontend/environment.h"

#include <algorithm>

#include "frontend/document_builder.h"

namespace isobar {

namespace {

// Sets `name` in the registry list, replacing an earlier entry; a null
// target removes it (Heat deletes a mapping to None).
void SetEntry(std::vector<RegisteredType>& entries, RegisteredType entry,
              bool remove) {
  std::erase_if(entries, [&](const RegisteredType& e) {
    return e.name == entry.name;
  });
  if (!remove) entries.push_back(std::move(entry));
}

// Registry keys that are settings, not types (hooks, and heatclient's
// base_url); Heat reads them elsewhere.
auto IsRegistrySetting(std::string_view key) -> bool {
  return key == "hooks" || key == "restricted_actions" || key == "base_url";
}

class RegistryReader {
 public:
  RegistryReader(Environment& env, const Document& doc,
                 const std::string& directory, DiagnosticEmitter& emitter)
      : env_(env), doc_(doc), directory_(directory), emitter_(emitter) {}

  void Read(NodeId registry) {
    if (!doc_.IsMapping(registry)) return;
    for (const MapEntry& e : doc_.node(registry).entries) {
      if (e.key == "resources") {
        ReadResources(e.value);
      } else if (!IsRegistrySetting(e.key)) {
        ReadEntry(env_.registry, e, "");
      }
    }
  }

 private:
  void ReadResources(NodeId resources) {
    if (doc_.IsNull(resources)) return;
    if (!doc_.IsMapping(resources)) {
      Invalid(resources, "`resources` in `resource_registry` must map "
                         "resource names to their own registries");
      return;
    }
    for (const MapEntry& r : doc_.node(resources).entries) {
      if (doc_.IsNull(r.value)) continue;
      if (!doc_.IsMapping(r.value)) {
        Invalid(r.value, "the registry of resource `" + r.key +
                             "` must be a mapping of types to types or "
                             "templates");
        continue;
      }
      auto& entries = env_.resource_types[r.key];
      for (const MapEntry& e : doc_.node(r.value).entries) {
        if (!IsRegistrySetting(e.key)) ReadEntry(entries, e, r.key);
      }
    }
  }

  void ReadEntry(std::vector<RegisteredType>& entries, const MapEntry& e,
                 std::string_view resource) {
    bool remove = doc_.IsNull(e.value);
    if (!remove && (!doc_.IsScalar(e.value) || doc_.node(e.value).value.empty())) {
      Invalid(e.value,
              "`" + e.key + "` in `resource_registry`" +
                  (resource.empty() ? std::string()
                                    : " of `" + std::string(resource) + "`") +
                  " must map to a type name or a template path");
      return;
    }
    RegisteredType entry{.name = e.key,
                         .target = remove ? "" : doc_.node(e.value).value,
                         .where = doc_.LocationOf(e.value),
                         .base_directory = directory_};
    SetEntry(entries, std::move(entry), remove);
  }

  void Invalid(NodeId node, const std::string& message) {
    emitter_.Emit(DiagnosticKind::InvalidResourceRegistry, doc_.LocationOf(node),
                  "{}", message);
  }

  Environment& env_;
  const Document& doc_;
  const std::string& directory_;
  DiagnosticEmitter& emitter_;
};

}  // namespace

auto Environment::RootContext() const -> TemplateContext {
  TemplateContext context;
  context.parameters = parameter_defaults;
  for (const auto& [name, value] : parameters) context.parameters[name] = value;
  context.registered_types = registry;
  context.resource_types = resource_types;
  return context;
}

void MergeEnvironmentFile(Environment& env, const Template& file,
                          const std::string& directory,
                          DiagnosticEmitter& emitter) {
  const Document& doc = file.document;
  for (const NamedNode& section : file.sections) {
    bool defaults = section.name == "parameter_defaults";
    if (section.name == "parameters" || defaults) {
      if (!doc.IsMapping(section.node)) continue;
      auto& into = defaults ? env.parameter_defaults : env.parameters;
      for (const MapEntry& e : doc.node(section.node).entries) {
        into[e.key] = KnownValue{
            .origin = defaults ? ValueOrigin::EnvironmentDefault
                               : ValueOrigin::Environment,
            .document = &doc,
            .node = e.value,
            .where = doc.LocationOf(e.key_range)};
        env.values_supplied = true;
      }
    } else if (section.name == "resource_registry") {
      RegistryReader(env, doc, directory, emitter).Read(section.node);
    }
  }
}

auto SplitAssignment(std::string_view text)
    -> std::optional<std::pair<std::string, std::string>> {
  size_t eq = text.find('=');
  if (eq == std::string_view::npos || eq == 0) return std::nullopt;
  return std::pair{std::string(text.substr(0, eq)),
                   std::string(text.substr(eq + 1))};
}

auto BuildCommandLineParameters(
    std::span<const std::pair<std::string, std::string>> assignments)
    -> CommandLineParameters {
  CommandLineParameters result;
  std::string text;
  struct Span {
    uint32_t begin, value, end;
  };
  std::vector<Span> spans;
  for (const auto& [name, value] : assignments) {
    text += "-P ";
    uint32_t begin = static_cast<uint32_t>(text.size());
    text += name + "=";
    uint32_t value_begin = static_cast<uint32_t>(text.size());
    text += value;
    spans.push_back({begin, value_begin, static_cast<uint32_t>(text.size())});
    text += "\n";
  }
  result.buffer = std::make_unique<SourceBuffer>("<command line>", text);
  CollectingConsumer ignored;
  DiagnosticEmitter emitter(ignored);
  DocumentBuilder builder(*result.buffer, emitter, 8);
  builder.BeginSequence(0);
  for (size_t i = 0; i < assignments.size(); ++i) {
    NodeId node = builder.AddScalar({spans[i].value, spans[i].end},
                                    assignments[i].second, ScalarStyle::Quoted);
    result.entries.push_back({assignments[i].first, node,
                              {spans[i].begin, spans[i].end}});
  }
  builder.EndCollection(static_cast<uint32_t>(text.size()));
  result.document = builder.Finish();
  return result;
}

void MergeCommandLineParameters(Environment& env,
                                const CommandLineParameters& parameters) {
  if (!parameters.document) return;
  const Document& doc = *parameters.document;
  for (const auto& entry : parameters.entries) {
    env.parameters[entry.name] = KnownValue{
        .origin = ValueOrigin::CommandLine,
        .text = doc.node(entry.node).value,
        .document = &doc,
        .node = entry.node,
        .where = doc.LocationOf(entry.assignment)};
    env.values_supplied = true;
  }
}

auto IsTemplateType(std::string_view type) -> bool {
  return type.ends_with(".yaml") || type.ends_with(".template");
}

}  // namespace isobar
