// The lint driver: which files to check, and checking each one through
// the frontend and the analysis passes. It never prints; the CLI renders.
#pragma once

#include <filesystem>
#include <functional>
#include <memory>
#include <set>
#include <span>
#include <string>
#include <vector>

#include "analysis/nested/template_passes.h"
#include "diagnostics/diagnostic.h"
#include "frontend/cloud_profile.h"
#include "frontend/environment.h"
#include "frontend/load.h"
#include "frontend/project_config.h"

namespace isobar {

struct LintOptions {
  LoadOptions load;
  // Worker threads; results come back in input order whatever the count.
  unsigned jobs = 1;
  // The cloud profile (`--profile`), if any; it outlives the run.
  const CloudProfile* profile = nullptr;
  // `--home-region`: overrides the profile's home region when not empty.
  std::string home_region;
  // The merged `-e` files and `-P` values, if any; they outlive the run.
  const Environment* environment = nullptr;
  // The project configuration's `rules:`, if any: applied to each file's
  // diagnostics as its check ends. It outlives the run.
  const RuleSeverities* rule_severities = nullptr;
  // `--allow-outside-root`: nested templates and `get_file` may read files
  // outside the root template's directory.
  bool allow_outside_root = false;
  // Canonical paths of every input (LintFiles sets it): a nested template
  // that is one is reported as its own file, not again in its parent.
  const std::set<std::filesystem::path>* standalone_inputs = nullptr;
};

// One file to check.
struct LintInput {
  std::filesystem::path path;
  // The name shown to users: as given on the command line, or joined onto
  // the directory argument during a walk.
  std::string display_name;
  // Named on the command line: a non-template is then an error, not skipped.
  bool named = false;
  // Found in a walk: the directory named on the command line, which nested
  // templates and `get_file` may read under (SPEC.md §2); empty: the
  // file's own directory.
  std::filesystem::path root_directory;
};

// What checking one input produced.
struct FileReport {
  std::string display_name;
  // Owns every buffer the diagnostics point into.
  std::vector<std::unique_ptr<SourceBuffer>> buffers;
  std::vector<Diagnostic> diagnostics;
  // Nested templates read while checking it, as displayed.
  std::vector<std::string> nested_files;
  // False when the file was skipped (not a template, found by a walk).
  bool checked = true;
  // False for a path that is no file read (a missing path, a directory
  // loop): its diagnostics are reported, but it is not in the file list.
  bool listed = true;
  // The input could not be read, or isobar failed: exit status 2.
  bool input_failure = false;
};

// Expands command-line paths: files are taken as named; directories are
// walked recursively for *.yaml, *.yml, *.json and *.template, in sorted
// order. Problems met on the way (an unreadable path, a symlink loop)
// come back as reports of their own, in place.
struct CollectedInputs {
  std::vector<LintInput> inputs;
  // Reports for paths that could not be walked, each with the index of
  // the input it precedes, so output order follows the command line.
  std::vector<std::pair<size_t, FileReport>> problems;
};
// `config`'s `ignore` patterns, if given, skip files and directories in a
// walk; a path named on the command line is always checked.
auto CollectInputs(std::span<const std::string> paths,
                   const ProjectConfig* config = nullptr) -> CollectedInputs;

using CheckedTemplateVisitor = TemplateVisitor;

// Checks one file, then calls `visit` (if given) when it was a template.
// Exceptions are contained and reported as R900.
auto LintFile(const LintInput& input, const LintOptions& options,
              const CheckedTemplateVisitor* visit = nullptr) -> FileReport;

// The diagnostics of the checked reports, each report's sorted by
// position, in report order; `input_failure` is set when any report had
// one (exit status 2).
auto GatherDiagnostics(std::span<const FileReport* const> reports,
                       bool& input_failure) -> std::vector<const Diagnostic*>;

// Checks all inputs on `options.jobs` threads; reports in input order.
auto LintFiles(std::span<const LintInput> inputs, const LintOptions& options)
    -> std::vector<FileReport>;

}  // namespace isobar
