// Loading and checking the templates a root template nests (SPEC.md §2):
// provider templates and registry mappings, OS::Heat::Stack (inline or
// `get_file`), ResourceGroup / AutoScalingGroup members,
// AWS::CloudFormation::Stack with a local TemplateURL, and `get_file`.
//
// Each distinct file is read and analysed once, with the parent's values
// as its parameters; every use is checked against the child's interface
// (R250 undeclared values, R253 required parameters left without one,
// R251/R252 values against types and constraints, R265 outputs read but
// not defined). Diagnostics inside a child are reported in the child's
// file with its `stack_path` and an "in nested stack `X` created here"
// note. Files are read only locally, inside the root directory unless
// allowed (R260-R262); cycles (R263), depth beyond Heat's limit (R264) and
// too many templates (R267) stop the walk.
#pragma once

#include <filesystem>
#include <functional>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "analysis/nested/stack_tree.h"
#include "frontend/environment.h"
#include "frontend/load.h"

namespace isobar {

struct NestedOptions {
  // The root template's file, as on disk and as displayed.
  std::filesystem::path root_path;
  std::string root_display_name;
  // A directory files may be read under besides the root template's own
  // (the directory a walk started from); empty for none.
  std::filesystem::path root_directory;
  // `--allow-outside-root`.
  bool allow_outside_root = false;
  // The run's environment: its `parameter_defaults` reach every nested
  // stack (Heat passes them down); its files' directories are roots too.
  const Environment* environment = nullptr;
  // Canonical paths of the files the run checks on their own: a child
  // that is one is not reported again inside its parent, only its use.
  const std::set<std::filesystem::path>* standalone_inputs = nullptr;
  LoadOptions load;
  // The region options for a template (profile, home region).
  std::function<RegionOptions(const Template&)> region_options;
  // Heat's default max_nested_stack_depth.
  int max_depth = 5;
  // Distinct templates loaded per root at most: hostile inputs stay cheap.
  size_t max_templates = 100;
};

// Builds the tree under `root` (already analysed with `root_context`).
// Buffers of the files read are appended to `buffers`, which must outlive
// the diagnostics; their names to `files_read`.
auto BuildStackTree(const Template& root, const AnalysedTemplate& analysed,
                    const TemplateContext& root_context,
                    const NestedOptions& options,
                    std::vector<std::unique_ptr<SourceBuffer>>& buffers,
                    std::vector<std::string>& files_read,
                    DiagnosticEmitter& emitter) -> StackTree;

}  // namespace isobar
