#include "driver/lint.h"

#include <atomic>
#include <exception>
#include <thread>

#include "analysis/conditions/check_conditions.h"
#include "analysis/graph/check_cycles.h"
#include "analysis/parameter_check.h"
#include "analysis/references/resolve.h"
#include "analysis/regions/cross_region.h"
#include "analysis/structure_check.h"
#include "analysis/unused_parameters.h"
#include "diagnostics/emitter.h"
#include "frontend/builtin_profiles.h"

namespace isobar {

namespace {

// CloudFormation templates meant for AWS get the built-in AWS profile when
// none is given; Heat's CFN dialect runs on OpenStack, so it does not.
auto RegionOptionsFor(const Template& tmpl, const LintOptions& options)
    -> RegionOptions {
  RegionOptions regions;
  regions.home_region = options.home_region;
  regions.profile = options.profile;
  bool heat_cfn = tmpl.version_entry &&
                  tmpl.version_entry->key == "HeatTemplateFormatVersion";
  if (!regions.profile && tmpl.format == TemplateFormat::Cfn && !heat_cfn) {
    regions.profile = &BuiltinAwsProfile();
  }
  return regions;
}

void CheckOne(const LintInput& input, const LintOptions& options,
              FileReport& report, DiagnosticEmitter& emitter) {
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
  CheckStructure(*tmpl, emitter);
  CheckParameters(*tmpl, emitter);
  const Resolution resolution = ResolveTemplate(*tmpl, emitter);
  CheckUnusedParameters(*tmpl, resolution, emitter);
  const TemplateContext context;
  // AWS::Region is known to conditions only when the user names it.
  CheckConditions(*tmpl, resolution, context, options.home_region, emitter);
  CheckDependencies(*tmpl, resolution, emitter);
  const RegionOptions regions = RegionOptionsFor(*tmpl, options);
  const RegionPlacement placement =
      PlaceResources(*tmpl, resolution, context, regions, emitter);
  CheckCrossRegionReferences(*tmpl, resolution, placement, regions.profile,
                             emitter);
}

}  // namespace

auto LintFile(const LintInput& input, const LintOptions& options)
    -> FileReport {
  FileReport report;
  report.display_name = input.display_name;
  CollectingConsumer consumer;
  DiagnosticEmitter emitter(consumer);
  std::string failure;
  try {
    CheckOne(input, options, report, emitter);
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

auto LintFiles(std::span<const LintInput> inputs, const LintOptions& options)
    -> std::vector<FileReport> {
  std::vector<FileReport> reports(inputs.size());
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
