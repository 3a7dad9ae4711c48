// The default checker behind CheckDefault (analysis/parameter_model.h):
// type checks and numeric constraints in parameter_default.cpp, allowed
// values and patterns in parameter_default_match.cpp. Internal to the
// parameter check.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "analysis/parameter_model.h"

namespace isobar {

// Where a checked value comes from. A default is read from the template
// itself; a value given with -P, in an environment file or by a parent
// stack lives in another document and is reported there, with its own
// diagnostic kinds so users can tell a bad default from a bad input.
struct ValueUnderCheck {
  const Document* doc = nullptr;
  NodeId node = kNoNode;
  ValueTyping typing;
  // "given with -P", "set in `env.yaml`", "passed by nested stack `x`".
  std::string origin;
};

// Checks one parameter's default (which must be present and not a
// function), or a value given for it, against its type and its usable
// constraints.
class DefaultChecker {
 public:
  DefaultChecker(const ParamContext& ctx, const ParamSpec& spec)
      : ctx_(ctx), doc_(ctx.doc), vdoc_(ctx.doc), vtyping_(ctx.typing),
        spec_(spec),
        node_(spec.param->default_value),
        value_(ctx.Load(node_)),
        heat_rules_(ctx.heat_only || spec.type == ParamType::Json ||
                    spec.type == ParamType::Boolean) {}
  DefaultChecker(const ParamContext& ctx, const ParamSpec& spec,
                 const ValueUnderCheck& value)
      : ctx_(ctx), doc_(ctx.doc), vdoc_(*value.doc), vtyping_(value.typing),
        spec_(spec), node_(value.node),
        value_(isobar::LoadValue(*value.doc, value.node, value.typing)),
        heat_rules_(ctx.heat_only || spec.type == ParamType::Json ||
                    spec.type == ParamType::Boolean),
        origin_(value.origin),
        kinds_{DiagnosticKind::InvalidParameterValue,
               DiagnosticKind::ParameterValueViolatesConstraint} {}

  // Reports what is wrong with the default, if anything.
  void Run();

 private:
  // "default `x` of parameter `p`", "the default of parameter `p`", or
  // "value `x` of parameter `p` (given with -P)".
  auto Subject() const -> std::string {
    std::string origin = origin_.empty() ? "" : fmt::format(" ({})", origin_);
    if (spec_.hidden || !vdoc_.IsScalar(node_)) {
      return fmt::format("the {} of parameter `{}`{}", Noun(), spec_.param->name,
                         origin);
    }
    if (vdoc_.node(node_).value.empty()) {
      return fmt::format("the empty {} of parameter `{}`{}", Noun(),
                         spec_.param->name, origin);
    }
    return fmt::format("{} {} of parameter `{}`{}", Noun(),
                       ShowNode(vdoc_, node_, vtyping_), spec_.param->name,
                       origin);
  }
  auto Noun() const -> std::string_view {
    return origin_.empty() ? "default" : "value";
  }
  auto LoadValue(NodeId id) const -> PyValue {
    return isobar::LoadValue(vdoc_, id, vtyping_);
  }
  template <typename... Args>
  auto Build(DiagnosticKind kind, fmt::format_string<Args...> format,
             Args&&... args) -> DiagnosticBuilder {
    return ctx_.emitter.Build(kind, vdoc_.LocationOf(node_), format,
                              std::forward<Args>(args)...);
  }
  // A violated constraint, with a note at it.
  template <typename... Args>
  void Violation(const ParamConstraint& c, fmt::format_string<Args...> format,
                 Args&&... args) {
    auto builder = Build(kinds_.constraint, format,
                         std::forward<Args>(args)...);
    builder.Note(doc_.LocationOf(c.key_range), "`{}` is set here", c.key);
    if (CanQuote() && quote_fix_) {
      builder.Fix("quote the default",
                  {{vdoc_.LocationOf(node_),
                    fmt::format("\"{}\"", vdoc_.node(node_).value)}});
    }
    quote_fix_ = false;
    builder.Emit();
  }
  auto CanQuote() const -> bool {
    if (!vdoc_.IsScalar(node_) || vdoc_.node(node_).style != ScalarStyle::Plain) {
      return false;
    }
    return vdoc_.node(node_).value.find_first_of("\"\\") == std::string::npos;
  }
  auto TypeNote() const -> std::string {
    return fmt::format("`{}` is declared `{}` here", spec_.param->name,
                       spec_.type_name);
  }

  // False after reporting a default that is not of its type (R150).
  auto CheckType() -> bool;
  auto CheckNumberList() -> bool;
  // One check per constraint kind (R151); parameter_default_match.cpp has
  // allowed values and patterns.
  void CheckRange(const ParamConstraint& c);
  void CheckModulo(const ParamConstraint& c);
  void CheckLength(const ParamConstraint& c);
  void CheckAllowedValues(const ParamConstraint& c);
  void CheckScalarAllowed(const ParamConstraint& c);
  void CheckListAllowed(const ParamConstraint& c);
  void CheckPattern(const ParamConstraint& c);
  // The list Heat checks a comma_delimited_list default as; nullopt when
  // an item cannot be known.
  auto ListItems() const -> std::optional<std::vector<std::string>>;
  // The allowed values as written, for messages.
  auto AllowedTexts(const ParamConstraint& c) const -> std::string;

  struct Kinds {
    DiagnosticKind type = DiagnosticKind::InvalidParameterDefault;
    DiagnosticKind constraint = DiagnosticKind::DefaultViolatesConstraint;
  };

  const ParamContext& ctx_;
  // The template's document (the parameter and its constraints) and the
  // checked value's (the same for a default).
  const Document& doc_;
  const Document& vdoc_;
  ValueTyping vtyping_;
  const ParamSpec& spec_;
  NodeId node_;
  PyValue value_;
  bool heat_rules_;
  std::string origin_;
  Kinds kinds_;
  bool quote_fix_ = false;
};

}  // namespace isobar
