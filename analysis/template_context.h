// What a run knows about a template beyond its own text: parameter values
// (from `-P`, environment files, or the properties of the parent stack
// that nests it) and the resource types an environment's
// `resource_registry` adds. Every analysis that reads values takes one;
// an empty context means "the template alone", which is what `isobar lint
// FILE` sees without options.
//
// The values point into documents (an environment file, the parent
// template) or hold text (`-P name=value`); whoever builds the context
// keeps those documents alive for as long as the context is used.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "diagnostics/diagnostic.h"
#include "frontend/document.h"

namespace isobar {

// Where a known value comes from, for messages ("given by -P").
enum class ValueOrigin : uint8_t {
  CommandLine,       // -P name=value
  Environment,       // `parameters:` of an environment file
  EnvironmentDefault,  // `parameter_defaults:` of an environment file
  ParentStack,       // a property of the resource that nests this template
};

struct KnownValue {
  ValueOrigin origin = ValueOrigin::CommandLine;
  // -P values are text, as Heat receives them.
  std::optional<std::string> text;
  // Values from a document: the node, in `document`.
  const Document* document = nullptr;
  NodeId node = kNoNode;
  // Where the value is written, for notes; empty for -P.
  Location where;
};

// A resource type an environment maps: an alias (`OS::Nova::Server` ->
// another type) or a provider template (`My::Server: server.yaml`).
// A name ending in `*` is a glob, as Heat allows (`OS::Quantum*`).
struct RegisteredType {
  std::string name;
  // What it maps to, as written (a type name or a template path).
  std::string target;
  Location where;
  // The directory a relative template path is resolved against: the
  // environment file's, as heatclient resolves it.
  std::string base_directory;
};

struct TemplateContext {
  // Parameter name -> value, after Heat's merge order (environment files
  // in order, then -P); a parent stack's properties for a nested template.
  std::map<std::string, KnownValue, std::less<>> parameters;
  std::vector<RegisteredType> registered_types;
  // `resource_registry: resources: NAME: {TYPE: TARGET}`: entries that
  // apply to one resource name only, before the global ones.
  std::map<std::string, std::vector<RegisteredType>, std::less<>>
      resource_types;

  auto FindParameter(std::string_view name) const -> const KnownValue* {
    auto it = parameters.find(name);
    return it == parameters.end() ? nullptr : &it->second;
  }

  // The registry entry that covers `type`, exact names before globs;
  // with `resource`, that resource's own entries first, as Heat looks
  // them up.
  auto FindRegisteredType(std::string_view type,
                          std::string_view resource = {}) const
      -> const RegisteredType* {
    if (!resource.empty()) {
      auto it = resource_types.find(resource);
      if (it != resource_types.end()) {
        if (const RegisteredType* found = FindIn(it->second, type)) {
          return found;
        }
      }
    }
    return FindIn(registered_types, type);
  }

 private:
  static auto FindIn(const std::vector<RegisteredType>& entries,
                     std::string_view type) -> const RegisteredType* {
    const RegisteredType* glob = nullptr;
    for (const RegisteredType& entry : entries) {
      std::string_view name = entry.name;
      if (name == type) return &entry;
      if (!glob && !name.empty() && name.back() == '*' &&
          type.substr(0, name.size() - 1) == name.substr(0, name.size() - 1)) {
        glob = &entry;
      }
    }
    return glob;
  }
};

}  // namespace isobar
