// Checks a parameter's default against its type (R150) and its
// constraints (R151), the way Heat validates a default
// (parameters.Schema._validate_default, then Parameter._validate). For a
// template AWS CloudFormation may deploy too, a finding is reported only
// when CloudFormation (as cfn-lint 1.51 models it) would also refuse it.
#include <cmath>

#include "analysis/parameter_default_checker.h"

namespace isobar {

namespace {

auto FormatNumber(double n) -> std::string {
  if (std::isfinite(n) && n == std::trunc(n) && std::abs(n) < 1e15) {
    return fmt::format("{}", static_cast<int64_t>(n));
  }
  return PythonFloatRepr(n);
}

// Python's `x % step` (the result takes the sign of step).
auto PythonModulo(double x, double step) -> double {
  double r = std::fmod(x, step);
  if (r != 0 && ((r < 0) != (step < 0))) r += step;
  return r;
}

}  // namespace

void DefaultChecker::Run() {
  if (value_.type == PyType::Unknown || !CheckType()) return;
  for (const ParamConstraint& c : spec_.constraints) {
    switch (c.kind) {
      case ConstraintKind::Range: CheckRange(c); break;
      case ConstraintKind::Modulo: CheckModulo(c); break;
      case ConstraintKind::Length: CheckLength(c); break;
      case ConstraintKind::AllowedValues: CheckAllowedValues(c); break;
      case ConstraintKind::AllowedPattern: CheckPattern(c); break;
      case ConstraintKind::CustomConstraint: break;
    }
  }
}

auto DefaultChecker::CheckType() -> bool {
  std::string problem;
  std::string hint;
  switch (spec_.type) {
    case ParamType::Number: {
      double ignored = 0;
      if (ToNumber(value_, &ignored) != Verdict::No) return true;
      // What CloudFormation makes of an empty default is not known here.
      if (!heat_rules_ && value_.type == PyType::Str &&
          value_.text.find_first_not_of(" \t\n\r") == std::string::npos) {
        return true;
      }
      problem = "is not a number";
      hint = "write a number such as `5` or `0.5`";
      break;
    }
    case ParamType::Boolean:
      if (IsHeatBoolean(value_) != Verdict::No) return true;
      problem = "is not a boolean";
      hint = "write `true` or `false` (Heat also reads `yes`/`no`, `on`/`off`, "
             "`y`/`n`, `t`/`f` and `1`/`0`)";
      break;
    case ParamType::Json:
      if (value_.type != PyType::Str || value_.text.empty() ||
          IsPythonJson(value_.text) != Verdict::No) {
        return true;
      }
      problem = "is a string that is not valid JSON";
      hint = "write a mapping or a list, or a string that holds JSON";
      break;
    case ParamType::List: {
      bool scalar = value_.type == PyType::Int || value_.type == PyType::Float ||
                    value_.type == PyType::Bool;
      if (!(value_.type == PyType::Map || (scalar && ctx_.heat_only))) return true;
      problem = fmt::format("is {}, not a string or a list",
                            PyTypeDescription(value_.type));
      hint = scalar ? "quote it" : "write a string such as `a,b` or a list";
      quote_fix_ = scalar;
      break;
    }
    case ParamType::NumberList:
      return CheckNumberList();
    default:
      return true;
  }
  auto builder = Build(kinds_.type, "{} {}; {}",
                       Subject(), problem, hint);
  builder.Note(doc_.LocationOf(spec_.param->type), "{}", TypeNote());
  if (quote_fix_ && CanQuote()) {
    builder.Fix(fmt::format("quote the {}", Noun()),
                {{vdoc_.LocationOf(node_),
                  fmt::format("\"{}\"", vdoc_.node(node_).value)}});
  }
  builder.Emit();
  return false;
}

// AWS `List<Number>`: a comma-separated string of numbers.
auto DefaultChecker::CheckNumberList() -> bool {
  if (value_.type != PyType::Str) return true;
  std::string_view text = value_.text;
  size_t start = 0;
  while (start <= text.size()) {
    size_t comma = std::min(text.find(',', start), text.size());
    std::string_view item = text.substr(start, comma - start);
    double ignored = 0;
    bool blank = item.find_first_not_of(" \t\n\r") == std::string_view::npos;
    if (!blank && ParsePythonNumber(item, &ignored) == Verdict::No) {
      Build(kinds_.type,
            "{} has an item that is not a number{}; a `List<Number>` {} "
            "is numbers separated by commas",
            Subject(),
            spec_.hidden ? std::string() : fmt::format(" (`{}`)", item), Noun())
          .Note(doc_.LocationOf(spec_.param->type), "{}", TypeNote())
          .Emit();
      return false;
    }
    start = comma + 1;
  }
  return true;
}

void DefaultChecker::CheckRange(const ParamConstraint& c) {
  double n = 0;
  if (ToNumber(value_, &n) != Verdict::Yes) return;
  if (c.min && n < *c.min) {
    Violation(c, "{} is below the minimum {}; choose a {} within the range",
              Subject(), FormatNumber(*c.min), Noun());
  } else if (c.max && n > *c.max) {
    Violation(c, "{} is above the maximum {}; choose a {} within the range",
              Subject(), FormatNumber(*c.max), Noun());
  }
}

void DefaultChecker::CheckModulo(const ParamConstraint& c) {
  double n = 0;
  if (ToNumber(value_, &n) != Verdict::Yes) return;
  // A huge int is rounded here, where Python computes exactly; inf and nan
  // give nan, never the offset.
  if (value_.type == PyType::Int && std::abs(n) > 9007199254740992.0) return;
  if (PythonModulo(n, c.step) == c.offset) return;
  Violation(c, "{} is not a multiple of {} with an offset of {}, as `{}` "
            "requires; change the {} or the constraint",
            Subject(), FormatNumber(c.step), FormatNumber(c.offset), c.key, Noun());
}

// The lengths Heat measures: the default as given (Schema._validate_default)
// and, for lists and json, as parsed (Parameter._validate).
void DefaultChecker::CheckLength(const ParamConstraint& c) {
  // Each length with what it counts; JSON-parsed ones are marked.
  struct Measured {
    size_t length;
    PyType of;
    bool parsed_json = false;
  };
  std::vector<Measured> lengths;
  if (!heat_rules_) {
    // CloudFormation measures the text; Heat fails on a non-string anyway.
    if (!vdoc_.IsScalar(node_) || spec_.type != ParamType::String) return;
    lengths.push_back({CodePointCount(vdoc_.node(node_).value), PyType::Str});
  } else if (spec_.type == ParamType::List) {
    auto items = ListItems();
    if (!items) return;
    lengths.push_back({items->size(), PyType::List});
    // Parsed, "" is an empty list.
    if (value_.type == PyType::Str && value_.text.empty()) {
      lengths.push_back({0, PyType::List});
    }
  } else if (value_.type == PyType::Str) {
    lengths.push_back({CodePointCount(value_.text), PyType::Str});
    if (spec_.type == ParamType::Json && !value_.text.empty()) {
      PyType parsed = PyType::Unknown;
      size_t length = 0;
      Verdict v = LoadJsonForLength(value_.text, &parsed, &length);
      if (v == Verdict::No) {
        return Violation(c, "{} is JSON for {}, which has no length, but `{}` "
                         "measures it",
                         Subject(), PyTypeDescription(parsed), c.key);
      }
      if (v == Verdict::Yes) lengths.push_back({length, parsed, true});
    }
  } else if (value_.type == PyType::List || value_.type == PyType::Map) {
    lengths.push_back({value_.size, value_.type});
  } else {
    quote_fix_ = true;
    Violation(c, "{} is {}, but `{}` measures strings, lists and mappings only; "
              "quote it",
              Subject(), PyTypeDescription(value_.type), c.key);
    return;
  }
  for (auto [length, of, parsed_json] : lengths) {
    bool short_ = c.min && static_cast<double>(length) < *c.min;
    bool long_ = c.max && static_cast<double>(length) > *c.max;
    if (!short_ && !long_) continue;
    std::string_view bound = short_ ? "minimum" : "maximum";
    double limit = short_ ? *c.min : *c.max;
    // Not even the length of a hidden default is shown.
    if (spec_.hidden) {
      return Violation(c, "{} is {} than the {} length {}; change the {} "
                       "or the limit",
                       Subject(), short_ ? "shorter" : "longer", bound,
                       FormatNumber(limit), Noun());
    }
    std::string_view unit = of == PyType::Str  ? (length == 1 ? "character" : "characters")
                            : of == PyType::Map ? (length == 1 ? "entry" : "entries")
                                                : (length == 1 ? "item" : "items");
    return Violation(c, "{} {} {} {}, {} than the {} length {}; change the "
                     "{} or the limit",
                     Subject(),
                     parsed_json ? "holds JSON with" : "has",
                     length, unit, short_ ? "fewer" : "more", bound,
                     FormatNumber(limit), Noun());
  }
}


void CheckDefault(const ParamContext& ctx, const ParamSpec& spec) {
  NodeId node = spec.param->default_value;
  if (node == kNoNode || ctx.doc.IsNull(node)) return;
  // A function (`{get_param: x}`, `{Ref: x}`) is not resolved here.
  if (ctx.doc.IsMapping(node) && ctx.doc.node(node).entries.size() == 1) {
    const std::string& key = ctx.doc.node(node).entries[0].key;
    bool function =
        ctx.hot ? (ctx.tmpl.version != nullptr &&
                   (Contains(ctx.tmpl.version->functions, key) ||
                    Contains(ctx.tmpl.version->removed_functions, key)))
                : key == "Ref" || key.starts_with("Fn::");
    if (function) return;
  }
  DefaultChecker(ctx, spec).Run();
}

}  // namespace isobar