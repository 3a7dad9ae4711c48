#include "analysis/functions/check_functions.h"

#include <optional>
#include <string>
#include <vector>

#include "analysis/functions/argument_rules.h"
#include "common/spelling.h"

namespace isobar {

namespace {

class FunctionChecker {
 public:
  FunctionChecker(const Template& tmpl, const FunctionIndex& index,
                  DiagnosticEmitter& emitter)
      : tmpl_(tmpl),
        doc_(tmpl.document),
        index_(index),
        emitter_(emitter),
        args_(tmpl, index, emitter) {}

  auto Run() -> FunctionCheckResult {
    FunctionCheckResult result;
    result.well_formed.assign(index_.calls().size(), false);
    for (size_t i = 0; i < index_.calls().size(); ++i) {
      const FunctionCall& call = index_.call(static_cast<uint32_t>(i));
      switch (call.status) {
        case CallStatus::Live:
          result.well_formed[i] = CheckArguments(call);
          break;
        case CallStatus::Removed:
          if (!IsShortFormTag(call)) ReportRemoved(call);
          break;
        case CallStatus::NotInVersion:
          if (!IsShortFormTag(call)) ReportNotInVersion(call);
          break;
        case CallStatus::Unknown:
          ReportUnknown(call);
          break;
        case CallStatus::InvalidInCondition:
          ReportInvalidInCondition(call);
          break;
      }
    }
    return result;
  }

 private:
  auto VersionText() const -> std::string {
    const TemplateVersionFacts& facts = args_.facts();
    return fmt::format("{} {}", facts.key, facts.version);
  }

  // True when the call is written as a CloudFormation short form (`!Ref`),
  // which a Heat-only template cannot hold at all: R019 says so already.
  auto IsShortFormTag(const FunctionCall& call) const -> bool {
    for (ByteRange tag : doc_.short_form_tags()) {
      if (tag == call.key_range) return true;
    }
    return false;
  }

  auto CheckArguments(const FunctionCall& call) -> bool {
    // CloudFormation runs the macro of `Fn::Transform` first: its result,
    // not the call, is the argument.
    uint32_t inner = index_.CallAt(call.argument, call.in_condition);
    if (inner != kNoCall && index_.call(inner).name == "Fn::Transform") {
      return true;
    }
    ArgumentRule rule = ArgumentRuleFor(call.id);
    return rule == nullptr || rule(call, args_);
  }

  // The range of the key's name when the key is written as plain text
  // (not a `!Tag`), quotes excluded: where a fix-it may rename it.
  auto KeyNameRange(const FunctionCall& call) const
      -> std::optional<ByteRange> {
    ByteRange r = call.key_range;
    std::string_view text =
        doc_.source().text().substr(r.begin, r.end - r.begin);
    if (text == call.name) return r;
    if (text.size() == call.name.size() + 2 &&
        text.substr(1, call.name.size()) == call.name &&
        (text.front() == '"' || text.front() == '\'')) {
      return ByteRange{r.begin + 1, r.end - 1};
    }
    return std::nullopt;
  }

  // HOT's replacement that takes the same arguments, if there is one.
  auto SameShapeReplacement(const FunctionCall& call) const
      -> std::string_view {
    if (call.name == "Fn::Join") return "list_join";
    if (call.name == "Fn::Split") return "str_split";
    if (call.name != "Ref" || !doc_.IsScalar(call.argument)) return "";
    const std::string& target = doc_.node(call.argument).value;
    for (const Resource& r : tmpl_.resources) {
      if (r.name == target) return "get_resource";
    }
    for (const Parameter& p : tmpl_.parameters) {
      if (p.name == target) return "get_param";
    }
    return "";
  }

  void ReportRemoved(const FunctionCall& call) {
    std::string_view hint = HotReplacementHint(call.name);
    auto builder = emitter_.Build(
        DiagnosticKind::RemovedFunction, doc_.LocationOf(call.key_range),
        "`{}` is not supported in this version of HOT ({}){}{}", call.name,
        VersionText(), hint.empty() ? "" : "; ", hint);
    std::string_view replacement = SameShapeReplacement(call);
    if (auto range = KeyNameRange(call); range && !replacement.empty()) {
      builder.Fix(fmt::format("replace with `{}`", replacement),
                  {{doc_.LocationOf(*range), std::string(replacement)}});
    }
    builder.Emit();
  }

  void ReportNotInVersion(const FunctionCall& call) {
    if (tmpl_.format != TemplateFormat::Hot) {
      emitter_.Emit(DiagnosticKind::FunctionNotInVersion,
                    doc_.LocationOf(call.key_range),
                    "`{}` is not a function in Heat's CFN dialect ({}), so "
                    "Heat keeps this mapping as plain data; use "
                    "`AWSTemplateFormatVersion` for CloudFormation's functions",
                    call.name, VersionText());
      return;
    }
    const TemplateVersionFacts* first =
        FirstHotVersionWith(call.name, call.in_condition);
    emitter_.Emit(
        DiagnosticKind::FunctionNotInVersion, doc_.LocationOf(call.key_range),
        "`{}` is not a {}function in {}, so Heat keeps this mapping "
        "as plain data; `{}` needs heat_template_version {} or later",
        call.name, call.in_condition ? "condition " : "", VersionText(),
        call.name, first != nullptr ? first->version : "(newer)");
  }

  void ReportUnknown(const FunctionCall& call) {
    // Compare what follows `Fn::`, so the shared prefix does not make short
    // names look alike (`Fn::Foo`, `Fn::Or`).
    std::vector<std::string_view> tails;
    for (std::string_view name : KnownCfnFunctionNames()) {
      tails.push_back(name.substr(4));
    }
    std::optional<std::string> suggestion;
    if (auto tail = SuggestSpelling(call.name.substr(4), tails)) {
      suggestion = fmt::format("Fn::{}", *tail);
    }
    auto builder = emitter_.Build(
        DiagnosticKind::UnknownFunction, doc_.LocationOf(call.key_range),
        "unknown function `{}`{}", call.name,
        suggestion ? fmt::format("; did you mean `{}`?", *suggestion) : "");
    if (auto range = KeyNameRange(call); range && suggestion) {
      builder.Fix(fmt::format("replace with `{}`", *suggestion),
                  {{doc_.LocationOf(*range), std::string(*suggestion)}});
    }
    builder.Emit();
  }

  void ReportInvalidInCondition(const FunctionCall& call) {
    std::string hint;
    if (tmpl_.format == TemplateFormat::Hot) {
      for (std::string_view name : args_.facts().condition_functions) {
        hint += fmt::format("{}`{}`", hint.empty() ? "" : ", ", name);
      }
      hint = "conditions can use " + hint;
    } else if (call.name == "Fn::GetAtt") {
      hint = "conditions cannot depend on resources";
    } else {
      hint = "combine conditions with `Fn::And`, `Fn::Or` and `Fn::Not`";
    }
    emitter_.Emit(DiagnosticKind::FunctionInvalidInCondition,
                  doc_.LocationOf(call.key_range),
                  "`{}` cannot be used in a condition; {}", call.name, hint);
  }

  const Template& tmpl_;
  const Document& doc_;
  const FunctionIndex& index_;
  DiagnosticEmitter& emitter_;
  ArgumentContext args_;
};

}  // namespace

auto CheckFunctions(const Template& tmpl, const FunctionIndex& index,
                    DiagnosticEmitter& emitter) -> FunctionCheckResult {
  if (tmpl.format != TemplateFormat::Hot &&
      tmpl.format != TemplateFormat::Cfn) {
    return {};
  }
  return FunctionChecker(tmpl, index, emitter).Run();
}

}  // namespace isobar
