#include "analysis/parameter_inputs.h"

#include "analysis/functions/function_catalog.h"
#include "analysis/parameter_default_checker.h"
#include "common/spelling.h"

namespace isobar {

namespace {

// A parent's property given as a function call (`{get_param: x}`) has a
// value only at deployment: it is not checked.
auto IsCall(const Document& doc, NodeId node) -> bool {
  if (!doc.IsMapping(node) || doc.node(node).entries.size() != 1) return false;
  return LookupFunction(doc.node(node).entries[0].key) != FunctionId::None;
}

auto OriginText(const KnownValue& value) -> std::string {
  switch (value.origin) {
    case ValueOrigin::CommandLine:
      return "given with -P";
    case ValueOrigin::Environment:
      return fmt::format("from `parameters` of `{}`",
                         value.where.buffer->filename());
    case ValueOrigin::EnvironmentDefault:
      return fmt::format("from `parameter_defaults` of `{}`",
                         value.where.buffer->filename());
    case ValueOrigin::ParentStack:
      return "passed by the parent stack";
  }
  return "";
}

class InputChecker {
 public:
  InputChecker(const Template& tmpl, const TemplateContext& context,
               const ParameterInputOptions& options, DiagnosticEmitter& emitter)
      : tmpl_(tmpl),
        context_(context),
        options_(options),
        emitter_(emitter),
        quiet_emitter_(quiet_),
        quiet_ctx_(tmpl, quiet_emitter_),
        ctx_(tmpl, emitter) {}

  void Run() {
    for (const auto& [name, value] : context_.parameters) {
      if (!Declared(name)) ReportUndeclared(name, value);
    }
    for (const Parameter& p : tmpl_.parameters) {
      const KnownValue* value = context_.FindParameter(p.name);
      if (value == nullptr) {
        bool required = p.default_value == kNoNode ||
                        tmpl_.document.IsNull(p.default_value);
        if (required && options_.require_values) ReportMissing(p);
        continue;
      }
      if (value->document == nullptr || value->node == kNoNode ||
          IsCall(*value->document, value->node)) {
        continue;
      }
      // Specs are read quietly: the parameter check already reported
      // their own problems.
      std::optional<ParamSpec> spec = ReadParamSpec(quiet_ctx_, p);
      if (!spec) continue;
      ValueUnderCheck checked{.doc = value->document,
                              .node = value->node,
                              .typing = ValueTyping::For(*value->document),
                              .origin = OriginText(*value)};
      DefaultChecker(ctx_, *spec, checked).Run();
    }
  }

 private:
  auto Declared(std::string_view name) const -> bool {
    for (const Parameter& p : tmpl_.parameters) {
      if (p.name == name) return true;
    }
    return false;
  }

  auto Suggestion(std::string_view name) const -> std::string {
    std::vector<std::string_view> names;
    for (const Parameter& p : tmpl_.parameters) names.push_back(p.name);
    auto best = SuggestSpelling(name, names);
    return best ? fmt::format("; did you mean `{}`?", *best) : std::string();
  }

  void ReportUndeclared(const std::string& name, const KnownValue& value) {
    // Heat ignores parameter_defaults it has no parameter for.
    if (value.origin == ValueOrigin::EnvironmentDefault) return;
    const std::string& file = tmpl_.document.source().filename();
    std::string hint = Suggestion(name);
    DiagnosticBuilder builder = [&] {
      switch (value.origin) {
        case ValueOrigin::CommandLine:
          return emitter_.Build(
              DiagnosticKind::ValueForUndeclaredParameter, value.where,
              "`-P {}` names no parameter of `{}`, and Heat rejects the stack{}",
              name, file, hint);
        case ValueOrigin::ParentStack:
          return emitter_.Build(
              DiagnosticKind::ValueForUndeclaredParameter, value.where,
              "nested stack `{}` passes `{}`, which `{}` does not declare as a "
              "parameter{}",
              options_.stack_name, name, file, hint);
        default:
          return emitter_.Build(
              DiagnosticKind::ValueForUndeclaredParameter, value.where,
              "`parameters` gives `{}`, which `{}` does not declare, and Heat "
              "rejects the stack{}",
              name, file,
              hint.empty() ? "; values that may not apply belong in "
                             "`parameter_defaults`"
                           : hint);
      }
    }();
    if (tmpl_.parameters_node != kNoNode) {
      builder.Note(tmpl_.document.LocationOf(tmpl_.parameters_node),
                   "`{}` declares its parameters here", file);
    }
    NoteMapping(builder);
    builder.Emit();
  }

  void ReportMissing(const Parameter& p) {
    const Document& doc = tmpl_.document;
    if (options_.created_at.buffer != nullptr) {
      auto builder =
          emitter_.Build(DiagnosticKind::MissingParameterValue,
                         options_.created_at,
                         "nested stack `{}` passes no value for parameter `{}` "
                         "of `{}`, which has no default",
                         options_.stack_name, p.name, doc.source().filename());
      builder.Note(doc.LocationOf(p.name_range), "`{}` is declared here", p.name);
      NoteMapping(builder);
      builder.Emit();
      return;
    }
    emitter_.Emit(DiagnosticKind::MissingParameterValue,
                  doc.LocationOf(p.name_range),
                  "parameter `{}` has no default and this run gives it no "
                  "value; pass `-P {}=VALUE` or set it in an environment file",
                  p.name, p.name);
  }

  void NoteMapping(DiagnosticBuilder& builder) const {
    if (options_.mapped_at.buffer == nullptr) return;
    builder.Note(options_.mapped_at,
                 "the environment maps the type of `{}` to `{}` here",
                 options_.stack_name,
                 tmpl_.document.source().filename());
  }

  const Template& tmpl_;
  const TemplateContext& context_;
  const ParameterInputOptions& options_;
  DiagnosticEmitter& emitter_;
  CollectingConsumer quiet_;
  DiagnosticEmitter quiet_emitter_;
  ParamContext quiet_ctx_;
  ParamContext ctx_;
};

}  // namespace

void CheckParameterInputs(const Template& tmpl, const TemplateContext& context,
                          const ParameterInputOptions& options,
                          DiagnosticEmitter& emitter) {
  if (tmpl.format != TemplateFormat::Hot && tmpl.format != TemplateFormat::Cfn) {
    return;
  }
  InputChecker(tmpl, context, options, emitter).Run();
}

}  // namespace isobar
