// HOT `parameter_groups`, as Heat validates them
// (heat/engine/parameter_groups.py): every group a mapping with a
// `parameters` list (R158), every listed name a declared parameter (R156),
// and no parameter in two groups, or twice in one (R157).
#include <map>

#include "analysis/parameter_model.h"
#include "common/spelling.h"

namespace isobar {

namespace {

// Heat counts its pseudo parameters as declared (OS::stack_name only once
// a stack has a name, so not while validating).
constexpr std::string_view kPseudoParameters[] = {"OS::stack_id",
                                                   "OS::project_id"};

struct Grouped {
  std::string group;
  NodeId group_node;
  ByteRange where;
};

class GroupChecker {
 public:
  explicit GroupChecker(const ParamContext& ctx) : ctx_(ctx), doc_(ctx.doc) {
    for (const Parameter& p : ctx.tmpl.parameters) names_.push_back(p.name);
  }

  void Run() {
    for (NodeId group : doc_.node(ctx_.tmpl.parameter_groups).items) {
      CheckGroup(group);
    }
  }

 private:
  void CheckGroup(NodeId group) {
    if (!doc_.IsMapping(group)) {
      ctx_.emitter.Emit(DiagnosticKind::InvalidParameterGroup,
                        doc_.LocationOf(group),
                        "a parameter group must be a mapping with a "
                        "`parameters` list, not {}",
                        PyTypeDescription(ctx_.Load(group).type));
      return;
    }
    const MapEntry* label = doc_.Find(group, "label");
    std::string name = label && doc_.IsScalar(label->value)
                           ? fmt::format("parameter group `{}`",
                                         doc_.node(label->value).value)
                           : std::string("this parameter group");
    const MapEntry* params = doc_.Find(group, "parameters");
    if (params == nullptr || doc_.IsNull(params->value)) {
      ctx_.emitter.Emit(DiagnosticKind::InvalidParameterGroup,
                        doc_.LocationOf(params ? params->key_range
                                               : doc_.node(group).range),
                        "{} has no `parameters`; list the parameters it groups",
                        name);
      return;
    }
    if (!doc_.IsSequence(params->value)) {
      ctx_.emitter.Emit(DiagnosticKind::InvalidParameterGroup,
                        doc_.LocationOf(params->value),
                        "the `parameters` of {} must be a list, not {}", name,
                        PyTypeDescription(ctx_.Load(params->value).type));
      return;
    }
    for (NodeId item : doc_.node(params->value).items) CheckItem(item, group, name);
  }

  void CheckItem(NodeId item, NodeId group_node, const std::string& group) {
    if (!doc_.IsScalar(item)) {
      ctx_.emitter.Emit(DiagnosticKind::UnknownGroupedParameter,
                        doc_.LocationOf(item),
                        "{} lists {}, not the name of a parameter", group,
                        PyTypeDescription(ctx_.Load(item).type));
      return;
    }
    const std::string& name = doc_.node(item).value;
    ByteRange where = doc_.node(item).range;
    if (auto it = grouped_.find(name); it != grouped_.end()) {
      bool same = it->second.group_node == group_node;
      ctx_.emitter
          .Build(DiagnosticKind::ParameterInSeveralGroups, doc_.LocationOf(where),
                 "parameter `{}` is {} {}; {}", name,
                 same ? "listed twice in" : "already in", it->second.group,
                 same ? "remove one of them"
                      : "a parameter may belong to one group only")
          .Note(doc_.LocationOf(it->second.where), "`{}` first grouped here", name)
          .Emit();
      return;
    }
    grouped_.emplace(name, Grouped{group, group_node, where});
    if (Contains(names_, name) || Contains(kPseudoParameters, name)) return;
    auto suggestion = SuggestSpelling(name, names_);
    auto builder = ctx_.emitter.Build(
        DiagnosticKind::UnknownGroupedParameter, doc_.LocationOf(where),
        "{} lists `{}`, which is not a declared parameter; {}", group, name,
        suggestion ? fmt::format("did you mean `{}`?", *suggestion)
                   : std::string("declare it under `parameters` or remove it "
                                 "from the group"));
    if (suggestion) {
      builder.Fix(fmt::format("replace with `{}`", *suggestion),
                  {{doc_.LocationOf(where), std::string(*suggestion)}});
      for (const Parameter& p : ctx_.tmpl.parameters) {
        if (p.name == *suggestion) {
          builder.Note(doc_.LocationOf(p.name_range), "`{}` is declared here",
                       p.name);
          break;
        }
      }
    }
    builder.Emit();
  }

  const ParamContext& ctx_;
  const Document& doc_;
  std::vector<std::string_view> names_;
  std::map<std::string, Grouped, std::less<>> grouped_;
};

}  // namespace

void CheckParameterGroups(const ParamContext& ctx) {
  if (!ctx.hot || !ctx.doc.IsSequence(ctx.tmpl.parameter_groups)) return;
  GroupChecker(ctx).Run();
}

}  // namespace isobar
