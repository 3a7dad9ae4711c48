// Heat environments as one run sees them: the environment files given with
// `-e`, merged in order the way Heat merges them
// (heat/engine/environment.py, merge_environments: each section of a later
// file is laid over the earlier ones, key by key), then the `-P` values on
// top (the API's `parameters` win over the environment's).
//
// The merged Environment points into the files' documents and the
// command-line document; whoever merges keeps those alive.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "analysis/template_context.h"
#include "diagnostics/emitter.h"
#include "frontend/template.h"

namespace isobar {

struct Environment {
  // `parameters` of every file, then -P; the later value wins. Heat rejects
  // a name here that the template does not declare.
  std::map<std::string, KnownValue, std::less<>> parameters;
  // `parameter_defaults`; the later file wins. Heat ignores names the
  // template does not declare and passes them down to nested stacks.
  std::map<std::string, KnownValue, std::less<>> parameter_defaults;
  // The global `resource_registry`; a later entry for a name replaces the
  // earlier one, and a null one removes it.
  std::vector<RegisteredType> registry;
  // `resource_registry: resources: NAME: ...`, per resource name.
  std::map<std::string, std::vector<RegisteredType>, std::less<>>
      resource_types;
  // Some file or -P gave parameter values: the run describes a deployment,
  // so a required parameter left without a value is an error (R253).
  bool values_supplied = false;

  // The context of a root template: `parameters` over
  // `parameter_defaults`, and the registry.
  auto RootContext() const -> TemplateContext;
};

// Lays one environment file (format Environment) over `env`. Template
// paths in its registry are relative to `directory`. Reports registry
// entries of the wrong shape (R254).
void MergeEnvironmentFile(Environment& env, const Template& file,
                          const std::string& directory,
                          DiagnosticEmitter& emitter);

// `-P NAME=VALUE` values, as a document of their own so they are checked
// and reported like any other value: one line `-P NAME=VALUE` each in a
// buffer named `<command line>`, the value a quoted string (Heat receives
// text).
struct CommandLineParameters {
  std::unique_ptr<SourceBuffer> buffer;
  std::optional<Document> document;
  // Name, the value's node, and the range of `NAME=VALUE`.
  struct Entry {
    std::string name;
    NodeId node = kNoNode;
    ByteRange assignment;
  };
  std::vector<Entry> entries;
};

// Splits `NAME=VALUE` at the first `=`; nullopt without one or with an
// empty name.
auto SplitAssignment(std::string_view text)
    -> std::optional<std::pair<std::string, std::string>>;

auto BuildCommandLineParameters(
    std::span<const std::pair<std::string, std::string>> assignments)
    -> CommandLineParameters;

// Lays the -P values over `env.parameters`.
void MergeCommandLineParameters(Environment& env,
                                const CommandLineParameters& parameters);

// Heat treats a type as a provider template when its name ends in `.yaml`
// or `.template` (heat/engine/environment.py, and a URL likewise).
auto IsTemplateType(std::string_view type) -> bool;

}  // namespace isobar
