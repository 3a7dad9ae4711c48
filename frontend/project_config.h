// The project configuration, `.isobar.yaml` (docs/config.md): defaults for
// the command-line options, so that a repository states once which cloud
// it targets. Paths in it are relative to the file's own directory; the
// reader resolves them, so everything here is ready to use.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "analysis/template_context.h"
#include "diagnostics/rule_severities.h"
#include "frontend/document.h"

namespace isobar {

// The report formats `format:` may name, as `--format` spells them.
inline constexpr std::string_view kReportFormatNames[] = {
    "text", "json", "sarif", "junit", "github"};

struct ProjectConfig {
  // Each is empty (or nullopt) when the file does not set it.
  std::string profile;
  // Where `profile` and each of `environments` is written, for a note on
  // a file that cannot be read.
  Location profile_where;
  std::vector<Location> environments_where;
  std::string home_region;
  std::vector<std::string> environments;
  std::vector<std::pair<std::string, std::string>> parameters;
  // The same values as the environment sees them: nodes of `document`, so
  // a value's diagnostics point into .isobar.yaml.
  std::vector<std::pair<std::string, KnownValue>> parameter_values;
  std::shared_ptr<const Document> document;
  std::optional<bool> strict;
  std::string format;
  // Glob patterns (fnmatch) of files and directories a directory walk
  // skips: a pattern without `/` matches a name anywhere, one with `/`
  // the path relative to `directory`.
  std::vector<std::string> ignore;
  // The config file's directory, as the user would write it ("" for the
  // working directory): what `ignore` patterns are relative to.
  std::string directory;
  RuleSeverities rules;
};

}  // namespace isobar
