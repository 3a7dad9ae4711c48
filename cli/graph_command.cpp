// `isobar graph TEMPLATE`: the resource graph as DOT on stdout, resources
// clustered by region; the template's diagnostics go to stderr, so the
// graph can be piped to `dot` while problems stay visible.
#include <fmt/format.h>

#include <filesystem>
#include <iostream>

#include "analysis/graph/region_graph.h"
#include "cli/commands.h"
#include "cli/run_options.h"
#include "diagnostics/render.h"
#include "driver/load_profile.h"

namespace isobar {

namespace {

constexpr const char* kGraphHelp = R"(usage: isobar graph [OPTIONS] TEMPLATE

Prints the resource graph of TEMPLATE as Graphviz DOT on stdout: one
cluster per region, each resource labelled with its name and type, an edge
from each resource to every resource it needs. Edges between regions show
what crosses: identity references (red, bold; an error), data (blue,
dashed; the plan passes the value) and ordering only (grey, dotted). A
nested stack (OS::Heat::Stack with context.region_name) is drawn in the
cluster of the region it creates its resources in.

  isobar graph --profile cloud.yaml main.yaml | dot -Tsvg > main.svg

options:
)";
constexpr const char* kGraphHelpAfter = R"(  -h, --help             this help

The template's diagnostics are printed to stderr, as `isobar lint` would.
exit status: 0 no error, 1 errors in the template (the graph is still
printed when it could be built), 2 usage error or unreadable input
)";

struct GraphArgs {
  LintOptions options;
  RunOptions run;
  std::string template_path;
  bool help = false;
};

auto ParseGraphArgs(std::span<const std::string> args, GraphArgs& out)
    -> std::string {
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (arg == "-h" || arg == "--help") {
      out.help = true;
    } else if (auto shared = ParseRunOption(args, i, out.run, out.options)) {
      if (!shared->empty()) return *shared;
    } else if (arg.starts_with("-") && arg != "-") {
      return fmt::format("unknown option `{}` for `graph`", arg);
    } else if (!out.template_path.empty()) {
      return "`graph` takes one template";
    } else {
      out.template_path = arg;
    }
  }
  if (!out.help && out.template_path.empty()) return "`graph` needs a template";
  return "";
}

}  // namespace

auto RunGraph(std::span<const std::string> args) -> int {
  GraphArgs parsed;
  if (std::string error = ParseGraphArgs(args, parsed); !error.empty()) {
    return UsageError(error);
  }
  if (parsed.help) {
    std::cout << kGraphHelp << kRunOptionsHelp << kGraphHelpAfter;
    return kExitOk;
  }
  if (std::filesystem::is_directory(parsed.template_path)) {
    return UsageError(fmt::format("`{}` is a directory; `graph` takes one template",
                                  parsed.template_path));
  }
  // The profile's own problems come first: they change every verdict.
  std::vector<const FileReport*> reports;
  LoadedRun loaded;
  LoadRunOptions(parsed.run, parsed.options, loaded, reports);
  LintInput input{parsed.template_path, parsed.template_path, true};
  std::string dot;
  bool environment = false;
  CheckedTemplateVisitor visit = [&](const RegionFacts& facts) {
    if (facts.tmpl.format == TemplateFormat::Environment) {
      environment = true;
      return;
    }
    DependencyGraph graph =
        BuildDependencyGraph(facts.tmpl, facts.resolution.references);
    dot = RenderRegionGraph(
        facts, graph,
        std::filesystem::path(parsed.template_path).filename().string());
  };
  FileReport report = LintFile(input, parsed.options, &visit);
  reports.push_back(&report);

  bool input_failure = false;
  std::vector<const Diagnostic*> diagnostics =
      GatherDiagnostics(reports, input_failure);
  Summary summary;
  for (const Diagnostic* d : diagnostics) summary.Add(d->severity);
  RenderText(std::cerr, diagnostics, {.color = false});
  if (!diagnostics.empty()) {
    std::cerr << fmt::format("{} error{}, {} warning{}\n", summary.errors,
                             summary.errors == 1 ? "" : "s", summary.warnings,
                             summary.warnings == 1 ? "" : "s");
  }
  if (environment) {
    return UsageError(fmt::format(
        "`{}` is a Heat environment file; `graph` takes a template (pass "
        "the environment's parameters with -P)",
        parsed.template_path));
  }
  std::cout << dot;
  std::cout.flush();
  if (input_failure) return kExitUsage;
  return summary.errors > 0 ? kExitFindings : kExitOk;
}

}  // namespace isobar
