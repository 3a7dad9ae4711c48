#include "analysis/resources/attribute_check.h"

#include <fmt/format.h>

#include <algorithm>

#include "common/spelling.h"

namespace isobar {

namespace {

// The attribute a call names: its text and where it is written.
struct AttributeName {
  std::string name;
  Location where;
};

// How one catalog's type answers for an attribute name.
enum class Answer : uint8_t { Valid, Invalid, Deprecated };

// Heat types that override get_attribute: a software deployment's
// attributes are the outputs of its config, so any name may be valid.
auto HasDynamicAttributes(const ResourceType& type) -> bool {
  return type.name.starts_with("OS::Heat::") &&
         (type.name.ends_with("Deployment") || type.name.ends_with("Deployments") ||
          type.name.ends_with("DeploymentGroup"));
}

auto AnswerFor(const ResourceType& type, std::string_view name, bool heat)
    -> Answer {
  if (type.stack_resource || HasDynamicAttributes(type)) return Answer::Valid;
  // Heat's stand-ins without properties (OS::Heat::None, removed types)
  // answer any attribute.
  if (heat && type.properties != kNoSchema && type.root().children.empty()) {
    return Answer::Valid;
  }
  std::string_view first = name.substr(0, name.find('.'));
  if (const AttributeSchema* a = type.FindAttribute(name)) {
    bool old = a->hidden || a->status == SupportStatus::Deprecated ||
               a->status == SupportStatus::Hidden;
    return heat && old ? Answer::Deprecated : Answer::Valid;
  }
  if (heat) {
    // A dotted name Heat might split; not worth an error.
    return first.size() < name.size() ? Answer::Valid : Answer::Invalid;
  }
  if (type.name == "AWS::CloudFormation::Stack" && name.starts_with("Outputs.")) {
    return Answer::Valid;
  }
  if (type.all_properties_are_attributes && type.properties != kNoSchema &&
      type.FindChild(type.root(), first)) {
    return Answer::Valid;
  }
  // `Attr.Nested` below an attribute the data lists without its members
  // (when it lists `Endpoint.Address`, only the listed members exist).
  if (first.size() < name.size() && type.FindAttribute(first)) {
    std::string prefix = std::string(first) + ".";
    bool members_listed = std::ranges::any_of(type.attributes, [&](const AttributeSchema& a) {
      return a.name.starts_with(prefix);
    });
    if (!members_listed) return Answer::Valid;
  }
  return Answer::Invalid;
}

class AttributeChecker {
 public:
  AttributeChecker(const Template& tmpl, const Resolution& resolution,
                   const std::vector<TypeLookup>& types, std::vector<Finding>& out)
      : tmpl_(tmpl), doc_(tmpl.document), resolution_(resolution),
        types_(types), out_(out) {}

  void Run() {
    for (const Reference& ref : resolution_.references.references) {
      if (ref.call == kNoCall || ref.state != ReferenceState::Resolved ||
          !ref.target || ref.target->kind != SymbolKind::Resource ||
          ref.target->is_pseudo() ||
          (ref.function != FunctionId::GetAttr &&
           ref.function != FunctionId::FnGetAtt &&
           ref.function != FunctionId::FnSub)) {
        continue;
      }
      const FunctionCall& call = resolution_.functions.call(ref.call);
      if (call.status != CallStatus::Live) continue;
      auto name = ref.function == FunctionId::FnSub ? SubAttribute(ref)
                                                    : NameOf(call, ref);
      if (!name) continue;
      Check(*name, ref.target->index);
    }
  }

 private:
  // `${Resource.Attribute}` in an `Fn::Sub` string, read from the source
  // after the resource name when the string spells it as is.
  auto SubAttribute(const Reference& ref) const -> std::optional<AttributeName> {
    if (ref.kind != ReferenceKind::Resource || !ref.exact_range) return std::nullopt;
    std::string_view text = doc_.source().text();
    uint32_t begin = ref.exact_range->end + 1;
    if (begin > text.size() || text[begin - 1] != '.') return std::nullopt;
    size_t end = text.find('}', begin);
    if (end == std::string_view::npos || end == begin) return std::nullopt;
    std::string_view name = text.substr(begin, end - begin);
    // Escapes or line breaks: not a name spelled as is.
    if (name.find_first_of("\\\"\n$") != std::string_view::npos) return std::nullopt;
    return AttributeName{std::string(name),
                         {&doc_.source(), {begin, static_cast<uint32_t>(end)}}};
  }

  auto NameOf(const FunctionCall& call, const Reference& ref) const
      -> std::optional<AttributeName> {
    const Node& arg = doc_.node(call.argument);
    if (arg.kind == NodeKind::Sequence) {
      if (arg.items.size() < 2) return std::nullopt;
      NodeId attr = arg.items[1];
      if (!doc_.IsScalar(attr)) return std::nullopt;
      return AttributeName{doc_.node(attr).value, doc_.LocationOf(attr)};
    }
    // `Fn::GetAtt: Resource.Attribute` (and `!GetAtt a.b`).
    if (arg.kind != NodeKind::Scalar) return std::nullopt;
    std::string_view text = arg.value;
    size_t dot = text.find('.');
    if (dot == std::string_view::npos) return std::nullopt;
    AttributeName out{std::string(text.substr(dot + 1)), doc_.LocationOf(call.argument)};
    if (ref.exact_range) {
      uint32_t begin = ref.exact_range->end + 1;
      uint32_t end = begin + static_cast<uint32_t>(out.name.size());
      if (end <= arg.range.end) out.where.range = {begin, end};
    }
    return out;
  }

  void Check(const AttributeName& attr, uint32_t resource) {
    const TypeLookup& type = types_[resource];
    if (type.verdict != TypeVerdict::Known) return;
    const ResourceType* heat = type.heat;
    const ResourceType* cfn = type.cfn;
    Answer heat_answer = heat ? AnswerFor(*heat, attr.name, true) : Answer::Invalid;
    Answer cfn_answer = cfn ? AnswerFor(*cfn, attr.name, false) : Answer::Invalid;
    if (heat_answer == Answer::Valid || cfn_answer == Answer::Valid) return;
    const Resource& r = tmpl_.resources[resource];
    if (heat_answer == Answer::Deprecated) {
      const AttributeSchema* a = heat->FindAttribute(attr.name);
      std::string why = a->message.empty()
                            ? std::string("it may be removed in a later release")
                            : AsHint(a->message);
      out_.push_back({DiagnosticKind::DeprecatedAttribute, attr.where,
                      fmt::format("attribute `{}` of `{}` ({}) is deprecated; {}",
                                  attr.name, r.name, heat->name, why),
                      {}, std::nullopt});
      return;
    }
    const ResourceType& shown = cfn ? *cfn : *heat;
    std::vector<std::string_view> names;
    for (const ResourceType* t : {cfn, heat}) {
      if (!t) continue;
      for (const AttributeSchema& a : t->attributes) {
        if (!a.hidden) names.push_back(a.name);
      }
      // cfn-lint's types whose properties are attributes too.
      if (t->all_properties_are_attributes && t->properties != kNoSchema) {
        for (const auto& child : t->root().children) names.push_back(child.name);
      }
    }
    Finding finding{DiagnosticKind::UnknownAttribute, attr.where, "", {}, std::nullopt};
    if (auto close = SuggestSpelling(attr.name, names)) {
      finding.message = fmt::format("`{}` ({}) has no attribute `{}`; did you mean `{}`?",
                                    r.name, shown.name, attr.name, *close);
      finding.replacement = ReplacementFor(attr.where, attr.name, *close);
    } else {
      std::string list = QuotedList(names);
      finding.message = names.empty()
          ? fmt::format("`{}` ({}) has no attribute `{}`; it has no attributes",
                        r.name, shown.name, attr.name)
          : fmt::format("`{}` ({}) has no attribute `{}`; it has: {}", r.name,
                        shown.name, attr.name, list);
    }
    finding.notes.push_back({doc_.LocationOf(r.name_range),
                             fmt::format("`{}` declared here", r.name)});
    out_.push_back(std::move(finding));
  }

  const Template& tmpl_;
  const Document& doc_;
  const Resolution& resolution_;
  const std::vector<TypeLookup>& types_;
  std::vector<Finding>& out_;
};

}  // namespace

void CheckAttributes(const Template& tmpl, const Resolution& resolution,
                     const std::vector<TypeLookup>& types,
                     std::vector<Finding>& out) {
  AttributeChecker(tmpl, resolution, types, out).Run();
}

}  // namespace isobar
