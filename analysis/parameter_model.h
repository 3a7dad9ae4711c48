// The parameter check's view of a template's parameters: each parameter's
// type, default and constraints, read the way Heat reads them
// (heat/engine/parameters.py, hot/parameters.py, constraints.py), with
// the checks that need nothing but the definitions themselves. Internal to
// the parameter check (analysis/parameter_check.h).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "analysis/parameter_pattern.h"
#include "analysis/parameter_values.h"
#include "diagnostics/emitter.h"
#include "frontend/template.h"

namespace isobar {

// Parameter types, named after HOT's; CloudFormation's map onto them.
enum class ParamType : uint8_t {
  String,
  Number,
  // comma_delimited_list / CommaDelimitedList
  List,
  Json,
  Boolean,
  // AWS `List<Number>`
  NumberList,
  // Any other AWS-specific type: not checked.
  Other,
};

enum class ConstraintKind : uint8_t {
  Range, Length, Modulo, AllowedValues, AllowedPattern, CustomConstraint,
};

// A constraint whose arguments are valid and that applies to its
// parameter's type: one a default can be checked against.
struct ParamConstraint {
  ConstraintKind kind = ConstraintKind::Range;
  // The key that names it (`range`, `MinValue`), for notes.
  std::string key;
  ByteRange key_range;
  // The argument: `{min: 1}`, the list of allowed values, the pattern.
  NodeId value = kNoNode;
  // Range and Length bounds; Modulo step and offset.
  std::optional<double> min;
  std::optional<double> max;
  double step = 0;
  double offset = 0;
  // AllowedPattern.
  std::optional<PythonPattern> pattern;
  std::string pattern_text;
};

struct ParamSpec {
  const Parameter* param = nullptr;
  ParamType type = ParamType::Other;
  // As written: `number`, `CommaDelimitedList`.
  std::string type_name;
  // `hidden` (HOT) or `NoEcho` (CFN): never show the default.
  bool hidden = false;
  std::vector<ParamConstraint> constraints;
};

struct ParamContext {
  ParamContext(const Template& t, DiagnosticEmitter& e);

  const Template& tmpl;
  const Document& doc;
  DiagnosticEmitter& emitter;
  ValueTyping typing;
  bool hot;
  // Only Heat reads the template (HOT, HeatTemplateFormatVersion). When
  // false, AWS CloudFormation may deploy it too, and a finding is reported
  // only when both would refuse the template.
  bool heat_only;

  auto Load(NodeId id) const -> PyValue { return LoadValue(doc, id, typing); }
  // `value` written out for a message, or "the value" for a collection.
  auto Show(NodeId id) const -> std::string;
};

// `id` written out for a message (one line, about 40 characters, in
// backticks), or what it loads as for a collection.
auto ShowNode(const Document& doc, NodeId id, ValueTyping typing)
    -> std::string;

// The parameter's type and constraints. Reports constraints whose
// arguments are malformed (R152, R153, R155), that do not apply to the
// type (R154) or that Heat ignores (R159); those are left out of the
// result. Nullopt when the type is missing or unknown (the structure check
// reports that).
auto ReadParamSpec(const ParamContext& ctx, const Parameter& p)
    -> std::optional<ParamSpec>;

// Checks the default against the type (R150) and the constraints (R151).
void CheckDefault(const ParamContext& ctx, const ParamSpec& spec);

// HOT `parameter_groups` (R156, R157, R158).
void CheckParameterGroups(const ParamContext& ctx);

// A constraint kind as messages name it, in backticks: `range`, or
// `MinValue`/`MaxValue` in CloudFormation.
auto ConstraintKindName(ConstraintKind kind, bool hot) -> std::string_view;

}  // namespace isobar
