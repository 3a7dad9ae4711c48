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

// Checks one parameter's default (which must be present and not a
// function) against its type and its usable constraints.
class DefaultChecker {
 public:
  DefaultChecker(const ParamContext& ctx, const ParamSpec& spec)
      : ctx_(ctx), doc_(ctx.doc), spec_(spec),
        node_(spec.param->default_value),
        value_(ctx.Load(node_)),
        heat_rules_(ctx.heat_only || spec.type == ParamType::Json ||
                    spec.type == ParamType::Boolean) {}

  // Reports what is wrong with the default, if anything.
  void Run();

 private:
  // "default `x` of parameter `p`", or "the default of parameter `p`".
  auto Subject() const -> std::string {
    if (spec_.hidden || !doc_.IsScalar(node_)) {
      return fmt::format("the default of parameter `{}`", spec_.param->name);
    }
    if (doc_.node(node_).value.empty()) {
      return fmt::format("the empty default of parameter `{}`", spec_.param->name);
    }
    return fmt::format("default {} of parameter `{}`", ctx_.Show(node_),
                       spec_.param->name);
  }
  template <typename... Args>
  auto Build(DiagnosticKind kind, fmt::format_string<Args...> format,
             Args&&... args) -> DiagnosticBuilder {
    return ctx_.emitter.Build(kind, doc_.LocationOf(node_), format,
                              std::forward<Args>(args)...);
  }
  // A violated constraint, with a note at it.
  template <typename... Args>
  void Violation(const ParamConstraint& c, fmt::format_string<Args...> format,
                 Args&&... args) {
    auto builder = Build(DiagnosticKind::DefaultViolatesConstraint, format,
                         std::forward<Args>(args)...);
    builder.Note(doc_.LocationOf(c.key_range), "`{}` is set here", c.key);
    if (CanQuote() && quote_fix_) {
      builder.Fix("quote the default",
                  {{doc_.LocationOf(node_),
                    fmt::format("\"{}\"", doc_.node(node_).value)}});
    }
    quote_fix_ = false;
    builder.Emit();
  }
  auto CanQuote() const -> bool {
    if (!doc_.IsScalar(node_) || doc_.node(node_).style != ScalarStyle::Plain) {
      return false;
    }
    return doc_.node(node_).value.find_first_of("\"\\") == std::string::npos;
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

  const ParamContext& ctx_;
  const Document& doc_;
  const ParamSpec& spec_;
  NodeId node_;
  PyValue value_;
  bool heat_rules_;
  bool quote_fix_ = false;
};

}  // namespace isobar
