#include "driver/lint.h"

#include <atomic>
#include <set>
#include <exception>
#include <thread>

#include "analysis/nested/build_stack_tree.h"
#include "analysis/nested/nested_paths.h"
#include "analysis/nested/template_passes.h"
#include "analysis/parameter_inputs.h"
#include "analysis/regions/nested_flow.h"
#include "diagnostics/emitter.h"
#include "diagnostics/render.h"
#include "frontend/builtin_profiles.h"

namespace isobar {

namespace {

// CloudFormation templates meant for AWS get the built-in AWS profile
// unless an AWS profile is given: one run may lint a tree of HOT and CFN
// templates with an OpenStack profile. Heat's CFN dialect runs on
// OpenStack, so it keeps the given profile.
auto RegionOptionsFor(const Template& tmpl, const LintOptions& options)
    -> RegionOptions {
  RegionOptions regions;
  regions.home_region = options.home_region;
  regions.profile = options.profile;
  bool heat_cfn = tmpl.IsHeatCfn();
  bool aws_given = regions.profile &&
                   regions.profile->provider == CloudProvider::Aws;
  if (tmpl.format == TemplateFormat::Cfn && !heat_cfn && !aws_given) {
    regions.profile = &BuiltinAwsProfile();
    // An OpenStack home region means nothing on AWS.
    if (options.profile) regions.home_region.clear();
  }
  return regions;
}

void CheckOne(const LintInput& input, const LintOptions& options,
              const CheckedTemplateVisitor* visit, FileReport& report,
              DiagnosticEmitter& emitter) {
  ReadResult read =
      ReadSourceFile(input.path, input.display_name, options.load, emitter);
  const SourceBuffer& source = *read.buffer;
  report.buffers.push_back(std::move(read.buffer));
  if (!read.ok) return;
  LoadOptions load = options.load;
  load.empty_is_error = input.named;
  size_t errors_before = emitter.error_count();
  std::optional<Template> tmpl = LoadTemplate(source, load, emitter);
  if (!tmpl) {
    // Nothing reported: an empty file met in a walk, skipped.
    if (emitter.error_count() == errors_before && !input.named) {
      report.checked = false;
    }
    return;
  }
  if (tmpl->format == TemplateFormat::NotATemplate) {
    if (!input.named) {
      report.checked = false;
      return;
    }
    emitter.Emit(DiagnosticKind::NotATemplate,
                 tmpl->document.LocationOf(tmpl->document.root()),
                 "`{}` is not a template: no `heat_template_version`, "
                 "`AWSTemplateFormatVersion` or `Resources`, and not a Heat "
                 "environment",
                 input.display_name);
    return;
  }
  const TemplateContext context = options.environment
                                      ? options.environment->RootContext()
                                      : TemplateContext();
  CheckParameterInputs(
      *tmpl, context,
      {.require_values = options.environment &&
                         options.environment->values_supplied},
      emitter);
  auto region_options = [&](const Template& t) {
    return RegionOptionsFor(t, options);
  };
  std::unique_ptr<AnalysedTemplate> analysed =
      RunTemplatePasses(*tmpl, context, region_options(*tmpl), emitter, visit);
  if (tmpl->format == TemplateFormat::Environment) return;
  NestedOptions nested{.root_path = input.path,
                       .root_display_name = input.display_name,
                       .root_directory = input.root_directory,
                       .allow_outside_root = options.allow_outside_root,
                       .environment = options.environment,
                       .standalone_inputs = options.standalone_inputs,
                       .load = options.load,
                       .region_options = region_options};
  const StackTree tree = BuildStackTree(*tmpl, *analysed, context, nested,
                                        report.buffers, report.nested_files,
                                        emitter);
  // Values crossing regions through nested-stack parameters and outputs.
  CheckNestedCrossRegion(tree, emitter);
}

}  // namespace

auto LintFile(const LintInput& input, const LintOptions& options,
              const CheckedTemplateVisitor* visit) -> FileReport {
  FileReport report;
  report.display_name = input.display_name;
  CollectingConsumer consumer;
  DiagnosticEmitter emitter(consumer);
  std::string failure;
  try {
    CheckOne(input, options, visit, report, emitter);
  } catch (const std::exception& e) {
    failure = e.what();
  } catch (...) {
    failure = "unknown exception";
  }
  report.diagnostics = std::move(consumer.diagnostics());
  for (const Diagnostic& d : report.diagnostics) {
    if (d.kind == DiagnosticKind::FileUnreadable ||
        d.kind == DiagnosticKind::InternalError) {
      report.input_failure = true;
    }
  }
  // After the input-failure scan, so that turning a rule off never turns
  // an unreadable file into success.
  if (options.rule_severities) options.rule_severities->Apply(report.diagnostics);
  if (!failure.empty()) {
    // Contain the failure, but never let it pass for success.
    if (report.buffers.empty()) {
      report.buffers.push_back(
          std::make_unique<SourceBuffer>(input.display_name, ""));
    }
    CollectingConsumer internal;
    DiagnosticEmitter internal_emitter(internal);
    internal_emitter.Emit(DiagnosticKind::InternalError,
                          {report.buffers.front().get(), {}},
                          "isobar failed while checking this file ({}); "
                          "please report it with the file attached",
                          failure);
    for (Diagnostic& d : internal.diagnostics()) {
      report.diagnostics.push_back(std::move(d));
    }
    report.input_failure = true;
  }
  return report;
}

auto GatherDiagnostics(std::span<const FileReport* const> reports,
                       bool& input_failure) -> std::vector<const Diagnostic*> {
  std::vector<const Diagnostic*> diagnostics;
  for (const FileReport* report : reports) {
    input_failure |= report->input_failure;
    if (!report->checked) continue;
    std::vector<const Diagnostic*> file_diagnostics;
    for (const Diagnostic& d : report->diagnostics) file_diagnostics.push_back(&d);
    SortDiagnostics(file_diagnostics);
    diagnostics.insert(diagnostics.end(), file_diagnostics.begin(),
                       file_diagnostics.end());
  }
  return diagnostics;
}

auto LintFiles(std::span<const LintInput> inputs, const LintOptions& given)
    -> std::vector<FileReport> {
  std::vector<FileReport> reports(inputs.size());
  // A nested template that is also an input is reported as its own file.
  std::set<std::filesystem::path> standalone;
  for (const LintInput& input : inputs) standalone.insert(CanonicalPath(input.path));
  LintOptions options = given;
  options.standalone_inputs = &standalone;
  unsigned jobs = std::max(1u, std::min<unsigned>(
                                   options.jobs, static_cast<unsigned>(inputs.size())));
  if (jobs <= 1) {
    for (size_t i = 0; i < inputs.size(); ++i) {
      reports[i] = LintFile(inputs[i], options);
    }
    return reports;
  }
  std::atomic<size_t> next{0};
  std::vector<std::thread> workers;
  for (unsigned t = 0; t < jobs; ++t) {
    workers.emplace_back([&] {
      for (size_t i = next++; i < inputs.size(); i = next++) {
        reports[i] = LintFile(inputs[i], options);
      }
    });
  }
  for (std::thread& worker : workers) worker.join();
  return reports;
}

}  // namespace isobar
