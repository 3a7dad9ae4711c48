// Reads each parameter's type and constraints (ReadParamSpec), reporting
// constraints Heat or CloudFormation would refuse on their own: malformed
// arguments (R152), patterns Python cannot compile (R153), constraints for
// another type (R154), unknown custom constraints (R155), and constraint
// items Heat only half reads (R159).
#include <algorithm>
#include <cmath>

#include "analysis/parameter_spec_reader.h"

namespace isobar {

namespace {

auto TypeFromName(std::string_view name, bool hot) -> std::optional<ParamType> {
  struct Entry {
    std::string_view hot, cfn;
    ParamType type;
  };
  static constexpr Entry kTypes[] = {
      {"string", "String", ParamType::String},
      {"number", "Number", ParamType::Number},
      {"comma_delimited_list", "CommaDelimitedList", ParamType::List},
      {"json", "Json", ParamType::Json},
      {"boolean", "Boolean", ParamType::Boolean},
  };
  for (const Entry& e : kTypes) {
    if (name == (hot ? e.hot : e.cfn)) return e.type;
  }
  if (hot) return std::nullopt;
  if (name == "List<Number>") return ParamType::NumberList;
  if (!IsAwsParameterType(name)) return std::nullopt;
  // A single AWS-specific value (`AWS::EC2::KeyPair::KeyName`, ...) is a
  // string to CloudFormation, whose constraints apply to its default as
  // to a String's (cfn-lint E2015). Lists and SSM types (whose default is
  // a Parameter Store key, not the value) keep their allowed values
  // unchecked.
  if (name.starts_with("List<") || name.starts_with("AWS::SSM::")) {
    return ParamType::Other;
  }
  return ParamType::String;
}

// Heat's valid_types of each constraint class, in parameter types.
auto HeatAllows(ConstraintKind kind, ParamType type) -> bool {
  using enum ParamType;
  switch (kind) {
    case ConstraintKind::Range:
    case ConstraintKind::Modulo:
      return type == Number;
    case ConstraintKind::Length:
      return type == String || type == List || type == Json;
    case ConstraintKind::AllowedPattern:
      return type == String;
    case ConstraintKind::AllowedValues:
    case ConstraintKind::CustomConstraint:
      return type == String || type == Number || type == Boolean || type == List;
  }
  return false;
}

// The keys CloudFormation allows per type (cfn-lint 1.51, E2001):
// MinValue/MaxValue on numbers only, MinLength/MaxLength and
// AllowedPattern on anything but numbers.
auto AwsAllows(ConstraintKind kind, ParamType type) -> bool {
  if (kind == ConstraintKind::Range) return type == ParamType::Number;
  return type != ParamType::Number;
}

}  // namespace

void SpecReader::ReadHot() {
  if (p_.constraints == kNoNode || !doc_.IsSequence(p_.constraints)) return;
  bool modulo_allowed =
      ctx_.tmpl.version == nullptr ||
      Contains(ctx_.tmpl.version->parameter_constraint_keys, "modulo");
  for (NodeId item : doc_.node(p_.constraints).items) {
    ReadHotItem(item, modulo_allowed);
  }
}

// Heat reads one constraint per item, the first of these it finds
// (HOTParamSchema._constraint_from_def), and ignores the rest.
void SpecReader::ReadHotItem(NodeId item, bool modulo_allowed) {
  if (!doc_.IsMapping(item)) return;
  static constexpr std::pair<std::string_view, ConstraintKind> kOrder[] = {
      {"modulo", ConstraintKind::Modulo},
      {"range", ConstraintKind::Range},
      {"length", ConstraintKind::Length},
      {"allowed_values", ConstraintKind::AllowedValues},
      {"allowed_pattern", ConstraintKind::AllowedPattern},
      {"custom_constraint", ConstraintKind::CustomConstraint},
  };
  const MapEntry* used = nullptr;
  ConstraintKind kind = ConstraintKind::Range;
  for (auto [key, k] : kOrder) {
    if (key == "modulo" && !modulo_allowed) continue;
    const MapEntry* e = doc_.Find(item, key);
    if (e == nullptr) continue;
    if (used == nullptr) {
      used = e;
      kind = k;
      continue;
    }
    ctx_.emitter
        .Build(DiagnosticKind::IgnoredParameterConstraint,
               doc_.LocationOf(e->key_range),
               "this constraint item also holds `{}`, so Heat ignores `{}`; "
               "move `{}` to an item of its own",
               used->key, e->key, e->key)
        .Note(doc_.LocationOf(used->key_range), "Heat uses this `{}`", used->key)
        .Emit();
  }
  if (used == nullptr) {
    const auto& entries = doc_.node(item).entries;
    bool only_description = std::all_of(
        entries.begin(), entries.end(),
        [](const MapEntry& e) { return e.key == "description"; });
    if (only_description) {
      Report(DiagnosticKind::InvalidConstraintArgument, doc_.node(item).range,
             "this constraint item {}; add a constraint such as `length`, "
             "`range` or `allowed_values`",
             entries.empty() ? "is empty" : "has only a `description`");
    }
    return;
  }
  ParamConstraint c{.kind = kind, .key = used->key, .key_range = used->key_range,
                    .value = used->value};
  bool ok = false;
  switch (kind) {
    case ConstraintKind::Range:
    case ConstraintKind::Length:
      ok = ReadBounds(c, *used);
      break;
    case ConstraintKind::Modulo:
      ok = ReadBounds(c, *used) && CheckModulo(c, *used);
      break;
    case ConstraintKind::AllowedValues:
      ok = ReadAllowedValues(c, used->key_range);
      break;
    case ConstraintKind::AllowedPattern:
      ok = ReadPattern(c);
      break;
    case ConstraintKind::CustomConstraint:
      ok = ReadCustom(c);
      break;
  }
  if (ok) Keep(std::move(c));
}

void SpecReader::Keep(ParamConstraint c) {
  ParamType type = spec_.type;
  bool heat_rules = ctx_.heat_only || type == ParamType::Json ||
                    type == ParamType::Boolean;
  bool refused = heat_rules ? !HeatAllows(c.kind, type)
                            : !HeatAllows(c.kind, type) && !AwsAllows(c.kind, type);
  if (!refused) {
    spec_.constraints.push_back(std::move(c));
    return;
  }
  // What the type does take, under the same rules.
  std::vector<std::string_view> takes;
  for (ConstraintKind kind :
       {ConstraintKind::Range, ConstraintKind::Modulo, ConstraintKind::Length,
        ConstraintKind::AllowedValues, ConstraintKind::AllowedPattern,
        ConstraintKind::CustomConstraint}) {
    bool hot_only = kind == ConstraintKind::Modulo ||
                    kind == ConstraintKind::CustomConstraint;
    if (hot_only && !ctx_.hot) continue;
    if (kind == ConstraintKind::Modulo && ctx_.tmpl.version != nullptr &&
        !Contains(ctx_.tmpl.version->parameter_constraint_keys, "modulo")) {
      continue;
    }
    bool ok = HeatAllows(kind, type) || (!heat_rules && AwsAllows(kind, type));
    if (ok) takes.push_back(ConstraintKindName(kind, ctx_.hot));
  }
  std::string list;
  for (size_t i = 0; i < takes.size(); ++i) {
    list += fmt::format("{}{}", i == 0 ? "" : i + 1 == takes.size() ? " and " : ", ",
                        takes[i]);
  }
  Report(DiagnosticKind::ConstraintNotForType, c.key_range,
         "`{}` does not apply to `{}` parameters; they take {}", c.key,
         spec_.type_name, list.empty() ? std::string("no constraints") : list);
}

// CloudFormation: MinValue/MaxValue make one Range, MinLength/MaxLength
// one Length (heat/engine/parameters.py, Schema.from_dict).
void SpecReader::ReadCfn() {
  ReadCfnBounds(ConstraintKind::Range, "MinValue", "MaxValue");
  ReadCfnBounds(ConstraintKind::Length, "MinLength", "MaxLength");
  if (const MapEntry* e = doc_.Find(p_.node, "AllowedValues")) {
    ParamConstraint c{.kind = ConstraintKind::AllowedValues, .key = e->key,
                      .key_range = e->key_range, .value = e->value};
    if (ReadAllowedValues(c, e->key_range)) Keep(std::move(c));
  }
  if (const MapEntry* e = doc_.Find(p_.node, "AllowedPattern")) {
    ParamConstraint c{.kind = ConstraintKind::AllowedPattern, .key = e->key,
                      .key_range = e->key_range, .value = e->value};
    if (ReadPattern(c)) Keep(std::move(c));
  }
}

// Each bound becomes its own constraint, so a note can point at the one a
// default violates.
void SpecReader::ReadCfnBounds(ConstraintKind kind, std::string_view min_key,
                               std::string_view max_key) {
  const MapEntry* lo = doc_.Find(p_.node, min_key);
  const MapEntry* hi = doc_.Find(p_.node, max_key);
  if (lo == nullptr && hi == nullptr) return;
  ParamConstraint both{.kind = kind};
  for (const MapEntry* e : {lo, hi}) {
    if (e == nullptr) continue;
    both.key = e->key;
    double number = 0;
    bool integral = false;
    Verdict v = ToNumber(ctx_.Load(e->value), &number, &integral);
    if (v == Verdict::Unknown || doc_.IsNull(e->value)) return;
    // CloudFormation wants numbers here; Heat converts strings.
    if (v == Verdict::No) {
      Report(DiagnosticKind::InvalidConstraintArgument, doc_.node(e->value).range,
             "`{}` must be a number, not {}", e->key, ctx_.Show(e->value));
      return;
    }
    if (kind == ConstraintKind::Length && !integral) {
      if (ctx_.heat_only) {
        Report(DiagnosticKind::InvalidConstraintArgument,
               doc_.node(e->value).range, "`{}` must be a whole number, not {}",
               e->key, ctx_.Show(e->value));
      }
      return;
    }
    (e == lo ? both.min : both.max) = number;
  }
  if (lo && hi) {
    both.key = fmt::format("{}`/`{}", min_key, max_key);
    if (!CheckMinMax(both, lo->value, hi->value, doc_.node(lo->value).range)) {
      return;
    }
  }
  for (const MapEntry* e : {lo, hi}) {
    if (e == nullptr) continue;
    ParamConstraint c{.kind = kind, .key = e->key, .key_range = e->key_range,
                      .value = e->value};
    (e == lo ? c.min : c.max) = e == lo ? both.min : both.max;
    Keep(std::move(c));
  }
}


ParamContext::ParamContext(const Template& t, DiagnosticEmitter& e)
    : tmpl(t),
      doc(t.document),
      emitter(e),
      typing(ValueTyping::For(t.document)),
      hot(t.format == TemplateFormat::Hot),
      heat_only(hot || t.IsHeatCfn()) {}

auto ParamContext::Show(NodeId id) const -> std::string {
  return ShowNode(doc, id, typing);
}

auto ShowNode(const Document& doc, NodeId id, ValueTyping typing)
    -> std::string {
  if (id == kNoNode || !doc.IsScalar(id)) {
    return std::string(PyTypeDescription(LoadValue(doc, id, typing).type));
  }
  std::string_view text = doc.node(id).value;
  if (text.empty()) return "an empty string";
  // One line, at most about 40 characters.
  constexpr size_t kMax = 40;
  std::string shown;
  size_t count = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    auto c = static_cast<unsigned char>(text[i]);
    if ((c & 0xC0) != 0x80 && ++count > kMax) {
      shown += "...";
      break;
    }
    if (c == '\n') {
      shown += "\\n";
    } else if (c == '\t') {
      shown += "\\t";
    } else if (c < 0x20 || c == 0x7F) {
      shown += fmt::format("\\x{:02x}", c);
    } else if (c == '`') {
      shown += '\'';
    } else {
      shown += text[i];
    }
  }
  return fmt::format("`{}`", shown);
}

auto ConstraintKindName(ConstraintKind kind, bool hot) -> std::string_view {
  switch (kind) {
    case ConstraintKind::Range: return hot ? "`range`" : "`MinValue`/`MaxValue`";
    case ConstraintKind::Length: return hot ? "`length`" : "`MinLength`/`MaxLength`";
    case ConstraintKind::Modulo: return "`modulo`";
    case ConstraintKind::AllowedValues: return hot ? "`allowed_values`" : "`AllowedValues`";
    case ConstraintKind::AllowedPattern: return hot ? "`allowed_pattern`" : "`AllowedPattern`";
    case ConstraintKind::CustomConstraint: return "`custom_constraint`";
  }
  return "";
}

auto ReadParamSpec(const ParamContext& ctx, const Parameter& p)
    -> std::optional<ParamSpec> {
  const Document& doc = ctx.doc;
  if (!doc.IsMapping(p.node) || !doc.IsScalar(p.type)) return std::nullopt;
  ParamSpec spec{.param = &p, .type_name = doc.node(p.type).value};
  auto type = TypeFromName(spec.type_name, ctx.hot);
  if (!type) return std::nullopt;
  spec.type = *type;
  if (p.hidden != kNoNode) {
    // Heat: any true value of `hidden`; `NoEcho` compares its text with
    // `true`. Shown only when plainly false.
    PyValue hidden = ctx.Load(p.hidden);
    bool plainly_false =
        hidden.type == PyType::None ||
        (hidden.type == PyType::Bool && !hidden.boolean) ||
        (hidden.type == PyType::Str &&
         (hidden.text.empty() || (!ctx.hot && (hidden.text == "false" ||
                                               hidden.text == "False"))));
    spec.hidden = !plainly_false;
  }
  SpecReader reader(ctx, p, spec);
  if (ctx.hot) {
    reader.ReadHot();
  } else {
    reader.ReadCfn();
  }
  return spec;
}

}  // namespace isobar
