#include "analysis/references/check_references.h"

#include <string>
#include <vector>

#include "common/spelling.h"

namespace isobar {

namespace {

struct KindText {
  DiagnosticKind kind;
  // "resource", "parameter", ...
  std::string_view noun;
  std::string_view plural;
  SymbolKind symbols[2];
  size_t symbol_count;
};

auto TextFor(ReferenceKind kind) -> KindText {
  switch (kind) {
    case ReferenceKind::Resource:
      return {DiagnosticKind::UnknownResource,
              "resource",
              "resources",
              {SymbolKind::Resource},
              1};
    case ReferenceKind::Parameter:
      return {DiagnosticKind::UnknownParameter,
              "parameter",
              "parameters",
              {SymbolKind::Parameter},
              1};
    case ReferenceKind::ResourceOrParameter:
      return {DiagnosticKind::UnknownRefTarget,
              "parameter or resource",
              "parameters and resources",
              {SymbolKind::Parameter, SymbolKind::Resource},
              2};
    case ReferenceKind::Condition:
      return {DiagnosticKind::UnknownCondition,
              "condition",
              "conditions",
              {SymbolKind::Condition},
              1};
    case ReferenceKind::Mapping:
    case ReferenceKind::MappingKey:
    case ReferenceKind::MappingSecondKey:
      return {DiagnosticKind::UnknownMapping,
              "mapping",
              "mappings",
              {SymbolKind::Mapping},
              1};
  }
  return {DiagnosticKind::UnknownResource, "name", "names", {}, 0};
}

class ReferenceReporter {
 public:
  ReferenceReporter(const Template& tmpl, const SymbolTable& symbols,
                    DiagnosticEmitter& emitter)
      : tmpl_(tmpl),
        doc_(tmpl.document),
        symbols_(symbols),
        emitter_(emitter),
        hot_(tmpl.format == TemplateFormat::Hot),
        heat_outputs_(ReadsOutputsLate(tmpl)) {}

  void Report(const Reference& ref) {
    if (ref.kind == ReferenceKind::MappingKey ||
        ref.kind == ReferenceKind::MappingSecondKey) {
      return ReportMappingKey(ref);
    }
    // `Ref` in a condition can name only a parameter.
    if (ref.kind == ReferenceKind::Parameter && !hot_ && ref.in_condition) {
      if (auto resource = symbols_.Find(SymbolKind::Resource, ref.name)) {
        emitter_
            .Build(DiagnosticKind::FunctionInvalidInCondition,
                   doc_.LocationOf(ref.range),
                   "`Ref` to resource `{}` in a condition; conditions can "
                   "refer only to parameters",
                   ref.name)
            .Note(doc_.LocationOf(symbols_.DeclarationRange(*resource)),
                  "`{}` is declared here", ref.name)
            .Emit();
        return;
      }
    }
    if (ref.sub_variables != kNoNode && ReportSubVariableTypo(ref)) return;
    KindText text = TextFor(ref.kind);
    std::span<const SymbolKind> kinds(text.symbols, text.symbol_count);
    auto suggestion = symbols_.Suggest(kinds, ref.name);
    std::string hint =
        suggestion ? fmt::format("; did you mean `{}`?", suggestion->name)
                   : OtherKindHint(ref);
    if (hint.empty()) hint = NothingDeclaredHint(ref, text);
    if (LateFailure(ref)) {
      hint = fmt::format(
          "; Heat creates the stack, but reading output `{}` "
          "fails{}",
          tmpl_.outputs[ref.owner].name, hint);
    }
    auto builder = emitter_.Build(
        LateFailure(ref) ? DiagnosticKind::UnknownNameInOutput : text.kind,
        doc_.LocationOf(ref.range), "unknown {} `{}` in {}{}", text.noun,
        ref.name, Via(ref), hint);
    if (suggestion) {
      if (ref.exact_range) {
        builder.Fix(fmt::format("replace with `{}`", suggestion->name),
                    {{doc_.LocationOf(*ref.exact_range),
                      std::string(suggestion->name)}});
      }
      if (!suggestion->is_pseudo()) {
        builder.Note(doc_.LocationOf(symbols_.DeclarationRange(*suggestion)),
                     "`{}` is declared here", suggestion->name);
      }
    } else {
      // The first section that declares names of the kinds looked for.
      for (SymbolKind kind : kinds) {
        auto section = symbols_.SectionRange(kind);
        if (!section || symbols_.Count(kind) == 0) continue;
        builder.Note(doc_.LocationOf(*section), "{} are declared here",
                     text.plural);
        break;
      }
    }
    builder.Emit();
  }

 private:
  // True for a reference that Heat resolves only when an output is read
  // (get_resource, get_param, Ref, Fn::FindInMap in an output value): Heat
  // creates the stack and the output shows the error. get_attr is checked
  // by Heat's validation, so it stays an error. CloudFormation validates
  // every output when the template is submitted, so for a template meant
  // for AWS these are errors too.
  auto LateFailure(const Reference& ref) const -> bool {
    bool output = ref.context == ValueContext::OutputValue ||
                  ref.context == ValueContext::OutputExport;
    return heat_outputs_ && output &&
           (ref.function == FunctionId::GetResource ||
            ref.function == FunctionId::GetParam ||
            ref.function == FunctionId::Ref ||
            ref.function == FunctionId::FnFindInMap);
  }

  // Whether Heat is the engine that reads the outputs: HOT, Heat's CFN
  // dialect, or a CloudFormation template with Heat's own `OS::` types
  // (AWS has none, so only Heat can deploy it).
  static auto ReadsOutputsLate(const Template& tmpl) -> bool {
    if (tmpl.format == TemplateFormat::Hot) return true;
    if (tmpl.IsHeatCfn()) {
      return true;
    }
    const Document& doc = tmpl.document;
    for (const Resource& r : tmpl.resources) {
      if (doc.IsScalar(r.type) && doc.node(r.type).value.starts_with("OS::")) {
        return true;
      }
    }
    return false;
  }

  // "`get_resource`", or "the `depends_on` of resource `a`" for a key.
  auto Via(const Reference& ref) const -> std::string {
    if (ref.call != kNoCall) return fmt::format("`{}`", ref.via);
    bool output = ref.context == ValueContext::OutputCondition;
    std::string_view owner = output ? tmpl_.outputs[ref.owner].name
                                    : tmpl_.resources[ref.owner].name;
    return fmt::format("the `{}` of {} `{}`", ref.via,
                       output ? "output" : "resource", owner);
  }

  // A name of the other kind: `get_resource` of a parameter, ...
  auto OtherKindHint(const Reference& ref) const -> std::string {
    if (ref.kind == ReferenceKind::Resource &&
        symbols_.Find(SymbolKind::Parameter, ref.name)) {
      return fmt::format("; `{}` is a parameter{}", ref.name,
                         hot_ ? ": use `get_param`" : ": use `Ref`");
    }
    if (ref.kind == ReferenceKind::Parameter &&
        symbols_.Find(SymbolKind::Resource, ref.name)) {
      return fmt::format(
          "; `{}` is a resource: use `get_resource` or "
          "`get_attr`",
          ref.name);
    }
    return "";
  }

  auto NothingDeclaredHint(const Reference& ref, const KindText& text) const
      -> std::string {
    // `condition: "true"` is a string, so a condition name.
    if (ref.kind == ReferenceKind::Condition &&
        (ref.name == "true" || ref.name == "false")) {
      return fmt::format("; for a boolean, write `{}` without quotes",
                         ref.name);
    }
    bool pseudo_like =
        ref.name.starts_with("OS::") || ref.name.starts_with("AWS::");
    if ((ref.kind == ReferenceKind::Parameter ||
         ref.kind == ReferenceKind::ResourceOrParameter) &&
        pseudo_like) {
      std::string names;
      for (std::string_view name : symbols_.pseudo_parameters()) {
        names += fmt::format("{}`{}`", names.empty() ? "" : ", ", name);
      }
      return fmt::format("; the pseudo parameters {} are {}",
                         hot_ ? "of Heat" : "here", names);
    }
    if (symbols_.Count(text.symbols[0]) == 0 &&
        (text.symbol_count == 1 || symbols_.Count(text.symbols[1]) == 0)) {
      return fmt::format("; the template declares no {}", text.plural);
    }
    return "";
  }

  // `${QueueNme}` next to a variable map defining `QueueName`: the typo is
  // of the map's key, which wins over any declared name. False when no
  // key is close.
  auto ReportSubVariableTypo(const Reference& ref) -> bool {
    std::vector<std::string_view> keys;
    for (const MapEntry& e : doc_.node(ref.sub_variables).entries) {
      keys.push_back(e.key);
    }
    auto suggestion = SuggestSpelling(ref.name, keys);
    if (!suggestion) return false;
    const MapEntry* entry = doc_.Find(ref.sub_variables, *suggestion);
    auto builder = emitter_.Build(
        TextFor(ref.kind).kind, doc_.LocationOf(ref.range),
        "unknown parameter, resource or variable `{}` in `Fn::Sub`; did you "
        "mean `{}`?",
        ref.name, *suggestion);
    if (ref.exact_range) {
      builder.Fix(fmt::format("replace with `{}`", *suggestion),
                  {{doc_.LocationOf(*ref.exact_range),
                    std::string(*suggestion)}});
    }
    builder
        .Note(doc_.LocationOf(entry->key_range),
              "variable `{}` is defined here", *suggestion)
        .Emit();
    return true;
  }

  void ReportMappingKey(const Reference& ref) {
    bool second = ref.kind == ReferenceKind::MappingSecondKey;
    std::vector<std::string_view> keys;
    for (const MapEntry& e : doc_.node(ref.map_node).entries)
      keys.push_back(e.key);
    auto suggestion = SuggestSpelling(ref.name, keys);
    std::string where = second ? fmt::format("`{}` of mapping `{}`",
                                             ref.parent_key, ref.map_name)
                               : fmt::format("mapping `{}`", ref.map_name);
    auto builder = emitter_.Build(
        LateFailure(ref) ? DiagnosticKind::UnknownNameInOutput
                         : DiagnosticKind::UnknownMappingKey,
        doc_.LocationOf(ref.range), "{} has no key `{}`{}", where, ref.name,
        suggestion ? fmt::format("; did you mean `{}`?", *suggestion) : "");
    if (suggestion && ref.exact_range) {
      builder.Fix(
          fmt::format("replace with `{}`", *suggestion),
          {{doc_.LocationOf(*ref.exact_range), std::string(*suggestion)}});
    }
    const MapEntry* entry =
        suggestion ? doc_.Find(ref.map_node, *suggestion) : nullptr;
    if (entry != nullptr) {
      builder.Note(doc_.LocationOf(entry->key_range), "`{}` is declared here",
                   entry->key);
    } else {
      builder.Note(doc_.LocationOf(doc_.node(ref.map_node).range),
                   "{} is defined here", where);
    }
    builder.Emit();
  }

  const Template& tmpl_;
  const Document& doc_;
  const SymbolTable& symbols_;
  DiagnosticEmitter& emitter_;
  bool hot_;
  bool heat_outputs_;
};

}  // namespace

void CheckReferences(const Template& tmpl, const SymbolTable& symbols,
                     const ReferenceIndex& references,
                     DiagnosticEmitter& emitter) {
  if (tmpl.format == TemplateFormat::Cfn &&
      tmpl.document.Find(tmpl.document.root(), "Transform") != nullptr) {
    return;
  }
  ReferenceReporter reporter(tmpl, symbols, emitter);
  for (const Reference& ref : references.references) {
    if (ref.state == ReferenceState::Unresolved) reporter.Report(ref);
  }
}

}  // namespace isobar
