// R233 and R234: resources and outputs that a false condition removes.
// Heat and CloudFormation skip them silently; a reader of the template
// may not see it. R233 (warning) when the condition is false for every
// value a deployer could pass, the way cfn-lint's W8003 flags an
// `Fn::Equals` that is always false; R234 (info) when it is false only
// with the parameters' defaults, which a deployer may override, or with
// the values given for this run. A
// condition written as a literal boolean is deliberate and not reported.
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "analysis/conditions/check_conditions.h"
#include "analysis/conditions/condition_shape.h"

namespace isobar {

namespace {

struct Subject {
  std::string_view what;  // "resource", "output"
  std::string_view name;
  NodeId condition;
};

// R233, at the resource's or output's `condition`.
void ReportAlwaysFalse(const Template& tmpl, const Resolution& resolution,
                       const Subject& subject, DiagnosticEmitter& emitter) {
  const Document& doc = tmpl.document;
  bool named = doc.IsScalar(subject.condition);
  std::string condition =
      named ? fmt::format("condition `{}`", doc.node(subject.condition).value)
            : std::string("condition");
  auto builder = emitter.Build(
      DiagnosticKind::ConditionAlwaysFalse, doc.LocationOf(subject.condition),
      "{} `{}` is never {}: its {} is false whatever the parameter values",
      subject.what, subject.name,
      subject.what == "resource" ? "created" : "given a value", condition);
  auto declared =
      named ? resolution.symbols.Find(SymbolKind::Condition,
                                      doc.node(subject.condition).value)
            : std::nullopt;
  if (declared) {
    builder.Note(doc.LocationOf(resolution.symbols.DeclarationRange(*declared)),
                 "`{}` is defined here", declared->name);
  }
  builder.Emit();
}

// R234, once per condition (a template may hang dozens of resources on
// one), at its definition, with notes at the first few users. A condition
// written inline on a resource is reported there.
void ReportFalseWithDefaults(const Template& tmpl, ByteRange where,
                             std::string_view condition, bool given,
                             std::span<const Subject> subjects,
                             DiagnosticEmitter& emitter) {
  constexpr size_t kShown = 3;
  const Document& doc = tmpl.document;
  std::string names;
  for (size_t i = 0; i < subjects.size() && i < kShown; ++i) {
    if (i > 0) names += i + 1 == subjects.size() ? " and " : ", ";
    names += fmt::format("{} `{}`", subjects[i].what, subjects[i].name);
  }
  if (subjects.size() > kShown) {
    names += fmt::format(" and {} more", subjects.size() - kShown);
  }
  auto builder = emitter.Build(
      DiagnosticKind::ConditionFalseWithDefaults, doc.LocationOf(where),
      "{} is false with {}; {} {} not created", condition,
      given ? "the values given" : "the parameters' default values", names,
      subjects.size() == 1 ? "is" : "are");
  for (size_t i = 0; i < subjects.size() && i < kShown; ++i) {
    builder.Note(doc.LocationOf(subjects[i].condition), "`{}` uses it here",
                 subjects[i].name);
  }
  builder.Emit();
}

}  // namespace

auto CheckDisabledByConditions(const Template& tmpl,
                               const Resolution& resolution,
                               const ConditionInputs& given,
                               const ConditionInputs& with_defaults,
                               DiagnosticEmitter& emitter) -> ConditionValues {
  ConditionValues values;
  ConditionEvaluator fixed(tmpl, resolution, given);
  ConditionEvaluator defaults(tmpl, resolution, with_defaults);
  for (uint32_t i = 0; i < tmpl.conditions.size(); ++i) {
    values.conditions.push_back(defaults.OfCondition(i));
  }
  // Per condition, the subjects it disables with the defaults.
  std::vector<std::vector<Subject>> disabled(tmpl.conditions.size());
  const Document& doc = tmpl.document;
  // Evaluates a subject both ways (given values only; with defaults) and
  // reports it; returns both evaluations.
  auto check = [&](Subject subject) -> std::pair<Evaluation, Evaluation> {
    if (subject.condition == kNoNode) {
      return {{Truth::True, false}, {Truth::True, false}};
    }
    Evaluation always = fixed.OfNode(subject.condition);
    Evaluation value = defaults.OfNode(subject.condition);
    if (ConditionBoolean(tmpl, subject.condition)) return {always, value};
    // False only because of values given for this run (-P, the region) is
    // a choice of the deployment, not a mistake: an info, as with defaults.
    if (always.truth == Truth::False && !always.given) {
      ReportAlwaysFalse(tmpl, resolution, subject, emitter);
    } else if (value.truth == Truth::False) {
      auto declared =
          doc.IsScalar(subject.condition)
              ? resolution.symbols.Find(SymbolKind::Condition,
                                        doc.node(subject.condition).value)
              : std::nullopt;
      if (declared) {
        disabled[declared->index].push_back(subject);
      } else {
        ReportFalseWithDefaults(tmpl, doc.node(subject.condition).range,
                                "this condition", value.given, {&subject, 1},
                                emitter);
      }
    }
    return {always, value};
  };
  for (const Resource& r : tmpl.resources) {
    auto [always, value] = check({"resource", r.name, r.condition});
    values.resources_given.push_back(always);
    values.resources.push_back(value);
  }
  for (const Output& o : tmpl.outputs) {
    auto [always, value] = check({"output", o.name, o.condition});
    values.outputs_given.push_back(always);
    values.outputs.push_back(value);
  }
  for (size_t i = 0; i < disabled.size(); ++i) {
    if (disabled[i].empty()) continue;
    ReportFalseWithDefaults(
        tmpl, tmpl.conditions[i].name_range,
        fmt::format("condition `{}`", tmpl.conditions[i].name),
        values.conditions[i].given, disabled[i], emitter);
  }
  return values;
}

}  // namespace isobar
