// The conditions pass: HOT `conditions` (heat_template_version 2016-10-14
// and later) and CloudFormation `Conditions`, after the resolve phase.
//
//   ConditionValues values =
//       CheckConditions(tmpl, resolution, context, region, emitter);
//
// It reports definitions of the wrong shape (R230), conditions that refer
// to themselves (R231), unused conditions (R232), and resources and outputs
// whose condition is false whatever the parameters (R233) or with their
// defaults (R234), and references to such resources (R235, R236). Names
// that resolve to nothing are R223, reported by the resolve phase. docs/conditions.md describes the design.
#pragma once

#include <string_view>
#include <vector>

#include "analysis/conditions/condition_values.h"
#include "diagnostics/emitter.h"

namespace isobar {

// The value of every condition, resource and output condition (Unknown
// where there is none to evaluate) with the parameters' defaults and the
// values of the context: what the deployment that lint describes does.
struct ConditionValues {
  std::vector<Evaluation> conditions;
  std::vector<Evaluation> resources;
  std::vector<Evaluation> outputs;
  // The same, with only the values given (no defaults): what holds for
  // every deployment with those values.
  std::vector<Evaluation> resources_given;
  std::vector<Evaluation> outputs_given;
};

auto CheckConditions(const Template& tmpl, const Resolution& resolution,
                     const TemplateContext& context, std::string_view region,
                     DiagnosticEmitter& emitter) -> ConditionValues;

// The parts of the pass, one file each.
void CheckConditionDefinitions(const Template& tmpl,
                               const Resolution& resolution,
                               DiagnosticEmitter& emitter);
void CheckConditionCycles(const Template& tmpl, const Resolution& resolution,
                          DiagnosticEmitter& emitter);
void CheckUnusedConditions(const Template& tmpl, const Resolution& resolution,
                           DiagnosticEmitter& emitter);
// R233 and R234, from an evaluation with only `given` values and one with
// the defaults too; returns both.
auto CheckDisabledByConditions(const Template& tmpl,
                               const Resolution& resolution,
                               const ConditionInputs& given,
                               const ConditionInputs& with_defaults,
                               DiagnosticEmitter& emitter) -> ConditionValues;
// R235 and R236: references to resources that `values` leave out.
void CheckReferencesToDisabled(const Template& tmpl,
                               const Resolution& resolution,
                               const ConditionValues& values,
                               DiagnosticEmitter& emitter);

}  // namespace isobar
