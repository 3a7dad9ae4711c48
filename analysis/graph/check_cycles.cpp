#include "analysis/graph/check_cycles.h"

#include <fmt/format.h>

#include "analysis/graph/report_cycles.h"

namespace isobar {

auto CheckDependencies(const Template& tmpl, const Resolution& resolution,
                       DiagnosticEmitter& emitter) -> DependencyGraph {
  DependencyGraph graph = BuildDependencyGraph(tmpl, resolution.references);
  const Document& doc = tmpl.document;
  // SAM and AWS::LanguageExtensions rewrite the resources before
  // CloudFormation orders them (sam_w_conditions.yaml in cfn-lint's
  // fixtures has an alarm and a function naming each other).
  if (tmpl.format == TemplateFormat::Cfn &&
      doc.Find(doc.root(), "Transform") != nullptr) {
    return graph;
  }
  CycleWording wording{
      DiagnosticKind::DependencyCycle,
      [](std::string_view name, std::string_view path) {
        return fmt::format("resource `{}` depends on itself: `{}`", name, path);
      },
      [](std::string_view path) {
        return fmt::format(
            "dependency cycle `{}`; none of these resources can be created",
            path);
      },
      "depends on"};
  ReportCycles(
      doc, graph, resolution.references,
      [&](uint32_t r) -> const NamedNode& { return tmpl.resources[r]; },
      wording, emitter);
  return graph;
}

}  // namespace isobar
