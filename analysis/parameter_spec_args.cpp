// The arguments of each constraint kind, checked as Heat builds the
// constraint (heat/engine/hot/parameters.py, constraints.py): R152, R153
// and R155.
#include <cmath>

#include "analysis/parameter_spec_reader.h"
#include "common/spelling.h"

namespace isobar {

namespace {

constexpr std::string_view kCustomConstraints[] = {
#define ISOBAR_CUSTOM_CONSTRAINT(name) name,
#include "analysis/parameter_custom_constraints.inc"
};

}  // namespace

// `range`, `length` and `modulo` take a mapping of numbers.
auto SpecReader::ReadBounds(ParamConstraint& c, const MapEntry& entry) -> bool {
  bool modulo = c.kind == ConstraintKind::Modulo;
  std::string_view first = modulo ? "step" : "min";
  std::string_view second = modulo ? "offset" : "max";
  if (!doc_.IsMapping(entry.value)) {
    Report(DiagnosticKind::InvalidConstraintArgument,
           RangeOf(entry.value, entry.key_range),
           "`{}` must be a mapping with `{}` {} `{}`, not {}", entry.key, first,
           modulo ? "and" : "and/or", second,
           PyTypeDescription(ctx_.Load(entry.value).type));
    return false;
  }
  bool ok = true;
  for (const MapEntry& e : doc_.node(entry.value).entries) {
    if (e.key == first || e.key == second) continue;
    std::string_view candidates[] = {first, second};
    auto suggestion = SuggestSpelling(e.key, candidates);
    auto builder = ctx_.emitter.Build(
        DiagnosticKind::InvalidConstraintArgument, doc_.LocationOf(e.key_range),
        "unknown key `{}` in `{}`; {}", e.key, entry.key,
        suggestion ? fmt::format("did you mean `{}`?", *suggestion)
                   : fmt::format("allowed: `{}`, `{}`", first, second));
    if (suggestion) {
      builder.Fix(fmt::format("replace with `{}`", *suggestion),
                  {{doc_.LocationOf(e.key_range), std::string(*suggestion)}});
    }
    builder.Emit();
    ok = false;
  }
  if (!ok) return false;
  const MapEntry* lo = doc_.Find(entry.value, first);
  const MapEntry* hi = doc_.Find(entry.value, second);
  if (lo && !ReadBound(c, lo->value, first, &c.min)) return false;
  if (hi && !ReadBound(c, hi->value, second, &c.max)) return false;
  if (modulo && (!c.min || !c.max)) {
    Report(DiagnosticKind::InvalidConstraintArgument, entry.key_range,
           "`modulo` needs both `step` and `offset`");
    return false;
  }
  if (!c.min && !c.max) {
    Report(DiagnosticKind::InvalidConstraintArgument, entry.key_range,
           "`{}` sets neither `min` nor `max`; give it at least one", entry.key);
    return false;
  }
  return modulo || CheckMinMax(c, lo ? lo->value : kNoNode,
                               hi ? hi->value : kNoNode,
                               doc_.node(entry.value).range);
}

// One bound, read as Heat's Schema.get_num does; null means absent.
auto SpecReader::ReadBound(ParamConstraint& c, NodeId node,
                           std::string_view bound, std::optional<double>* out)
    -> bool {
  if (doc_.IsNull(node)) return true;
  double number = 0;
  bool integral = false;
  switch (ToNumber(ctx_.Load(node), &number, &integral)) {
    case Verdict::Unknown:
      return false;
    case Verdict::No:
      Report(DiagnosticKind::InvalidConstraintArgument, doc_.node(node).range,
             "`{}` of `{}` must be a number, not {}", bound, c.key,
             ctx_.Show(node));
      return false;
    case Verdict::Yes:
      break;
  }
  bool whole = c.kind == ConstraintKind::Length ? integral
               : c.kind == ConstraintKind::Modulo
                   ? std::isfinite(number) && number == std::trunc(number)
                   : true;
  if (!whole) {
    Report(DiagnosticKind::InvalidConstraintArgument, doc_.node(node).range,
           "`{}` of `{}` must be a whole number, not {}", bound, c.key,
           ctx_.Show(node));
    return false;
  }
  *out = number;
  return true;
}

// Heat's Modulo: step and offset integers, step not 0, |offset| < |step|,
// and the same sign.
auto SpecReader::CheckModulo(ParamConstraint& c, const MapEntry& entry) -> bool {
  c.step = *c.min;
  c.offset = *c.max;
  c.min.reset();
  c.max.reset();
  std::string_view problem;
  if (c.step == 0) {
    problem = "`step` of `modulo` cannot be 0";
  } else if (std::abs(c.offset) >= std::abs(c.step)) {
    problem = "`offset` of `modulo` must be smaller than `step` in absolute value";
  } else if (c.step * c.offset < 0) {
    problem = "`step` and `offset` of `modulo` must have the same sign";
  }
  if (problem.empty()) return true;
  Report(DiagnosticKind::InvalidConstraintArgument,
         RangeOf(entry.value, entry.key_range), "{}", problem);
  return false;
}

// No value is both at least `min` and at most `max` when min > max.
// Reported at `where`, with a note at the maximum when it is elsewhere.
auto SpecReader::CheckMinMax(const ParamConstraint& c, NodeId min_node,
                             NodeId max_node, ByteRange where) -> bool {
  if (!c.min || !c.max || *c.min <= *c.max) return true;
  auto builder = ctx_.emitter.Build(
      DiagnosticKind::InvalidConstraintArgument, doc_.LocationOf(where),
      "the minimum {} is greater than the maximum {}; no value can satisfy "
      "this `{}`",
      ctx_.Show(min_node), ctx_.Show(max_node), c.key);
  ByteRange max_range = doc_.node(max_node).range;
  if (max_range.end <= where.begin || max_range.begin >= where.end) {
    builder.Note(doc_.LocationOf(max_range), "the maximum is set here");
  }
  builder.Emit();
  return false;
}

auto SpecReader::ReadAllowedValues(ParamConstraint& c, ByteRange key_range)
    -> bool {
  if (!doc_.IsSequence(c.value)) {
    Report(DiagnosticKind::InvalidConstraintArgument, RangeOf(c.value, key_range),
           "`{}` must be a list, not {}", c.key,
           PyTypeDescription(ctx_.Load(c.value).type));
    return false;
  }
  const auto& items = doc_.node(c.value).items;
  if (items.empty()) {
    // cfn-lint reads an empty list as no constraint at all.
    if (ctx_.heat_only) {
      Report(DiagnosticKind::InvalidConstraintArgument, doc_.node(c.value).range,
             "`{}` is empty; no value can satisfy it", c.key);
    }
    return false;
  }
  if (spec_.type == ParamType::List && ctx_.heat_only) return CheckListValues(c);
  // Heat converts every allowed value to a number or boolean parameter's
  // type before comparing, and fails on any that does not convert.
  bool number = spec_.type == ParamType::Number;
  bool boolean = spec_.type == ParamType::Boolean;
  if (!(number || boolean) || !(ctx_.heat_only || boolean)) return true;
  for (NodeId item : items) {
    PyValue value = ctx_.Load(item);
    double ignored = 0;
    Verdict ok = number ? ToNumber(value, &ignored) : IsHeatBoolean(value);
    if (ok == Verdict::Unknown) return false;
    if (ok == Verdict::Yes) continue;
    Report(DiagnosticKind::InvalidConstraintArgument, doc_.node(item).range,
           "allowed value {} is not a {}; Heat converts every allowed value "
           "of a {} parameter and fails on this one",
           ctx_.Show(item), number ? "number" : "boolean", spec_.type_name);
    return false;
  }
  return true;
}

// Heat compares the items of a list, always strings, with the allowed
// values as loaded: when none is a string, no value can pass.
auto SpecReader::CheckListValues(const ParamConstraint& c) -> bool {
  for (NodeId item : doc_.node(c.value).items) {
    PyType type = ctx_.Load(item).type;
    if (type == PyType::Str || type == PyType::Unknown || type == PyType::List ||
        type == PyType::Map) {
      return true;
    }
  }
  Report(DiagnosticKind::InvalidConstraintArgument, doc_.node(c.value).range,
         "no allowed value is a string, so no item of a `{}` can match; "
         "quote the allowed values",
         spec_.type_name);
  return false;
}

auto SpecReader::ReadPattern(ParamConstraint& c) -> bool {
  PyValue value = ctx_.Load(c.value);
  if (value.type == PyType::Unknown) return false;
  if (value.type != PyType::Str) {
    bool collection = value.type == PyType::List || value.type == PyType::Map;
    if (ctx_.heat_only || collection) {
      Report(DiagnosticKind::InvalidConstraintArgument,
             RangeOf(c.value, c.key_range), "`{}` must be a string, not {}{}",
             c.key, PyTypeDescription(value.type),
             collection ? "" : "; quote it");
    }
    return false;
  }
  c.pattern_text = value.text;
  PythonPattern pattern = PythonPattern::Compile(value.text);
  switch (pattern.status()) {
    case PythonPattern::Status::Ok:
      c.pattern = std::move(pattern);
      return true;
    case PythonPattern::Status::Unsupported:
      // Still a constraint; only defaults are not matched against it.
      return true;
    case PythonPattern::Status::Invalid:
      if (ctx_.heat_only) {
        Report(DiagnosticKind::InvalidAllowedPattern, doc_.node(c.value).range,
               "`{}` is not a valid Python regular expression ({}); Heat "
               "compiles it with Python's `re` module",
               c.key, pattern.error());
      }
      return false;
  }
  return false;
}

auto SpecReader::ReadCustom(ParamConstraint& c) -> bool {
  PyValue value = ctx_.Load(c.value);
  if (value.type == PyType::Unknown) return false;
  if (value.type != PyType::Str) {
    Report(DiagnosticKind::InvalidConstraintArgument,
           RangeOf(c.value, c.key_range),
           "`custom_constraint` must be the name of a constraint, not {}",
           PyTypeDescription(value.type));
    return false;
  }
  if (Contains(kCustomConstraints, value.text)) return true;
  auto suggestion = SuggestSpelling(value.text, kCustomConstraints);
  auto builder = ctx_.emitter.Build(
      DiagnosticKind::UnknownCustomConstraint, doc_.LocationOf(c.value),
      "unknown custom constraint `{}`; {}", value.text,
      suggestion ? fmt::format("did you mean `{}`?", *suggestion)
                 : std::string("Heat refuses every value of this parameter"));
  if (suggestion) {
    builder.Fix(fmt::format("replace with `{}`", *suggestion),
                {{doc_.LocationOf(c.value), std::string(*suggestion)}});
  }
  builder.Emit();
  return false;
}


}  // namespace isobar
