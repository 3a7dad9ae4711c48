#include "analysis/nested/build_stack_tree.h"

#include <map>

#include "analysis/nested/nested_outputs.h"
#include "analysis/nested/nested_paths.h"
#include "analysis/nested/nested_scope.h"
#include "analysis/nested/nested_uses.h"
#include "analysis/nested/template_passes.h"
#include "analysis/parameter_inputs.h"

namespace isobar {

namespace fs = std::filesystem;

namespace {

// True when `node` holds a `%...%` placeholder (ResourceGroup's
// `index_var`, `%index%` by default) anywhere.
auto HoldsIndexVariable(const Document& doc, NodeId node) -> bool {
  bool found = false;
  ForEachNodeOnce(doc, node, [&](NodeId id) {
    if (!doc.IsScalar(id)) return;
    const std::string& text = doc.node(id).value;
    size_t first = text.find('%');
    found = found || (first != std::string::npos &&
                      text.find('%', first + 1) != std::string::npos);
  });
  return found;
}

}  // namespace

class StackTreeBuilder {
 public:
  StackTreeBuilder(const NestedOptions& options,
                   std::vector<std::unique_ptr<SourceBuffer>>& buffers,
                   std::vector<std::string>& files_read)
      : options_(options), buffers_(buffers), files_read_(files_read) {
    fs::path root = CanonicalPath(options.root_path);
    roots_.push_back(root.parent_path());
    if (!options.root_directory.empty()) {
      roots_.push_back(CanonicalPath(options.root_directory));
    }
    chain_.push_back(root);
  }

  auto Run(const Template& root, const AnalysedTemplate& analysed,
           const TemplateContext& context, DiagnosticEmitter& emitter)
      -> StackTree {
    auto node = std::make_unique<StackNode>();
    node->display_name = options_.root_display_name;
    node->tmpl = &root;
    node->analysed = &analysed;
    node->context = context;
    tree_.nodes_.push_back(std::move(node));
    bases_.push_back({roots_.front(),
                      fs::path(options_.root_display_name).parent_path().string()});
    Visit(0, emitter, 0);
    return std::move(tree_);
  }

 private:
  auto Node(uint32_t index) -> StackNode& { return *tree_.nodes_[index]; }

  void Visit(uint32_t index, DiagnosticEmitter& emitter, int depth) {
    const StackNode& node = Node(index);
    const NestedUses& uses = node.analysed->uses;
    Node(index).children.assign(node.tmpl->resources.size(), kNoStack);
    for (const FileUse& file : uses.files) CheckFile(index, file, emitter);
    for (const NestedUse& use : uses.stacks) {
      UseStack(index, use, emitter, depth);
    }
    CheckNestedOutputs(tree_, Node(index), uses, emitter);
  }

  // A `get_file` read as text: it must be a local, readable file.
  void CheckFile(uint32_t index, const FileUse& file,
                 DiagnosticEmitter& emitter) {
    const Document& doc = Node(index).tmpl->document;
    ResolvedPath path = ResolveNestedPath(file.path, bases_[index], roots_,
                                          options_.allow_outside_root);
    ReportPath(path, file.path, doc.LocationOf(file.node), "`get_file`",
               emitter);
  }

  // Reports a path that cannot be read; true when it can.
  auto ReportPath(const ResolvedPath& path, std::string_view written,
                  Location at, std::string_view what,
                  DiagnosticEmitter& emitter,
                  DiagnosticKind missing_kind =
                      DiagnosticKind::ReferencedFileNotFound) -> bool {
    switch (path.verdict) {
      case PathVerdict::Ok:
        return true;
      case PathVerdict::Url:
        emitter.Emit(DiagnosticKind::RemoteFileNotFetched, at,
                     "{} names `{}` by URL; isobar never fetches files, so "
                     "it is not checked",
                     what, written);
        return false;
      case PathVerdict::OutsideRoot:
        emitter.Emit(DiagnosticKind::PathOutsideRoot, at,
                     "{} names `{}`, outside the root template's directory, "
                     "so it is not read; pass `--allow-outside-root` to "
                     "check it",
                     what, path.display_name);
        return false;
      case PathVerdict::Missing:
        emitter.Emit(missing_kind, at, "{} names `{}`, which does not exist{}",
                     what, written,
                     missing_kind == DiagnosticKind::ReferencedFileNotFound
                         ? ""
                         : "; `aws cloudformation package` would fail");
        return false;
      case PathVerdict::NotAFile:
        emitter.Emit(missing_kind, at, "{} names `{}`, which is not a readable "
                     "file", what, written);
        return false;
    }
    return false;
  }

  auto StackName(uint32_t index, const NestedUse& use) -> std::string_view {
    return Node(index).tmpl->resources[use.resource].name;
  }

  void UseStack(uint32_t index, const NestedUse& use,
                DiagnosticEmitter& emitter, int depth) {
    uint32_t child = kNoStack;
    if (use.inline_template != kNoNode) {
      child = LoadInline(index, use, emitter, depth);
    } else {
      PathBase base = bases_[index];
      std::vector<fs::path> roots = roots_;
      if (!use.base_directory.empty()) {
        base = {use.base_directory, use.base_directory};
        roots.push_back(CanonicalPath(use.base_directory));
      }
      ResolvedPath path = ResolveNestedPath(use.path, base, roots,
                                            options_.allow_outside_root);
      std::string what = fmt::format("nested stack `{}`", StackName(index, use));
      // CloudFormation deploys only URLs: a local TemplateURL is for
      // `aws cloudformation package`, and cfn-lint lets a missing one pass.
      DiagnosticKind missing = use.kind == NestedKind::CfnStack
                                   ? DiagnosticKind::LocalTemplateUrlNotFound
                                   : DiagnosticKind::ReferencedFileNotFound;
      if (!ReportPath(path, use.path, use.named_at, what, emitter, missing)) {
        return;
      }
      child = LoadFile(index, use, path, emitter, depth);
    }
    if (child == kNoStack) return;
    Node(index).children[use.resource] = child;
    if (use.parameters_unknown) return;
    // Every use, not only the first, must fit the child's interface.
    const Resource& r = Node(index).tmpl->resources[use.resource];
    TemplateContext context = ChildContext(index, use);
    CheckParameterInputs(
        *Node(child).tmpl, context,
        {.require_values = true,
         .stack_name = r.name,
         .created_at = Node(index).tmpl->document.LocationOf(r.name_range),
         .mapped_at = use.from_registry ? use.named_at : Location()},
        emitter);
  }

  // The child's values: the environment's `parameter_defaults`, then the
  // parent's properties; the registry is inherited.
  auto ChildContext(uint32_t index, const NestedUse& use) -> TemplateContext {
    const StackNode& parent = Node(index);
    TemplateContext context;
    if (options_.environment) {
      context.parameters = options_.environment->parameter_defaults;
    }
    context.registered_types = parent.context.registered_types;
    context.resource_types = parent.context.resource_types;
    const Document& doc = parent.tmpl->document;
    if (doc.IsMapping(use.parameters)) {
      for (const MapEntry& e : doc.node(use.parameters).entries) {
        KnownValue value{.origin = ValueOrigin::ParentStack,
                         .document = &doc,
                         .node = e.value,
                         .where = doc.LocationOf(e.key_range)};
        // A group member's `%index%` is replaced before Heat validates it:
        // the value is not known here.
        if (use.kind == NestedKind::Group && HoldsIndexVariable(doc, e.value)) {
          value.document = nullptr;
          value.node = kNoNode;
        } else if (auto passed = PassedOn(parent, e.value)) {
          value = *passed;
        }
        context.parameters[e.key] = value;
      }
    }
    return context;
  }

  // What a parent's `{get_param: p}` / `{Ref: p}` passes on: the value the
  // parent itself has for `p`, else `p`'s default.
  auto PassedOn(const StackNode& parent, NodeId node) const
      -> std::optional<KnownValue> {
    const Document& doc = parent.tmpl->document;
    const FunctionIndex& functions = parent.analysed->resolution.functions;
    uint32_t index = functions.CallAt(node, false);
    if (index == kNoCall) return std::nullopt;
    const FunctionCall& call = functions.call(index);
    if ((call.id != FunctionId::GetParam && call.id != FunctionId::Ref) ||
        !doc.IsScalar(call.argument)) {
      return std::nullopt;
    }
    std::string_view name = doc.node(call.argument).value;
    if (const KnownValue* known = parent.context.FindParameter(name)) {
      // Passed on, it is the parent's value; where it is written (for -P,
      // the command line) stays the place to show.
      KnownValue passed = *known;
      passed.origin = ValueOrigin::ParentStack;
      if (passed.document != nullptr) passed.text.reset();
      return passed;
    }
    for (const Parameter& p : parent.tmpl->parameters) {
      if (p.name != name || p.default_value == kNoNode) continue;
      return KnownValue{.origin = ValueOrigin::ParentStack,
                        .document = &doc,
                        .node = p.default_value,
                        .where = doc.LocationOf(p.default_value)};
    }
    return std::nullopt;
  }

  // Refuses to go deeper or wider than the limits; true when allowed.
  auto MayLoad(uint32_t index, const NestedUse& use, DiagnosticEmitter& emitter,
               int depth) -> bool {
    if (depth + 1 > options_.max_depth) {
      emitter.Emit(DiagnosticKind::NestedStackTooDeep, use.named_at,
                   "nested stack `{}` would be nested {} deep, and Heat "
                   "refuses more than {} (max_nested_stack_depth)",
                   StackName(index, use), depth + 1, options_.max_depth);
      return false;
    }
    if (tree_.nodes_.size() > options_.max_templates) {
      if (!work_limit_reported_) {
        work_limit_reported_ = true;
        emitter.Emit(DiagnosticKind::NestedWorkLimit, use.named_at,
                     "more than {} nested templates; isobar stops loading "
                     "them here, and the rest is not checked",
                     options_.max_templates);
      }
      return false;
    }
    return true;
  }

  auto LoadFile(uint32_t index, const NestedUse& use, const ResolvedPath& path,
                DiagnosticEmitter& emitter, int depth) -> uint32_t {
    for (size_t i = 0; i < chain_.size(); ++i) {
      if (chain_[i] != path.canonical) continue;
      std::string cycle;
      for (size_t j = i; j < chain_.size(); ++j) {
        cycle += j == 0 ? options_.root_display_name : chain_names_[j - 1];
        cycle += " -> ";
      }
      cycle += path.display_name;
      emitter.Emit(DiagnosticKind::NestedTemplateCycle, use.named_at,
                   "nested stack `{}` creates `{}` again inside itself: {}; "
                   "Heat stops at its depth limit",
                   StackName(index, use), path.display_name, cycle);
      return kNoStack;
    }
    if (auto it = loaded_.find(path.canonical); it != loaded_.end()) {
      return it->second;
    }
    if (!MayLoad(index, use, emitter, depth)) return kNoStack;
    loaded_[path.canonical] = kNoStack;
    CollectingConsumer quiet;
    DiagnosticEmitter quiet_emitter(quiet);
    ReadResult read =
        ReadSourceFile(path.canonical, path.display_name, options_.load,
                       quiet_emitter);
    if (!read.ok) {
      emitter.Emit(DiagnosticKind::ReferencedFileNotFound, use.named_at,
                   "nested stack `{}` names `{}`, which cannot be read",
                   StackName(index, use), path.display_name);
      return kNoStack;
    }
    const SourceBuffer& source = *read.buffer;
    buffers_.push_back(std::move(read.buffer));
    files_read_.push_back(path.display_name);
    bool standalone = options_.standalone_inputs &&
                      options_.standalone_inputs->contains(path.canonical);
    chain_.push_back(path.canonical);
    chain_names_.push_back(path.display_name);
    uint32_t child = Analyse(index, use, source,
                             {path.canonical.parent_path(),
                              fs::path(path.display_name).parent_path().string()},
                             standalone, emitter, depth);
    chain_.pop_back();
    chain_names_.pop_back();
    loaded_[path.canonical] = child;
    return child;
  }

  // OS::Heat::Stack `template:` given as text: a buffer of its own.
  auto LoadInline(uint32_t index, const NestedUse& use,
                  DiagnosticEmitter& emitter, int depth) -> uint32_t {
    if (!MayLoad(index, use, emitter, depth)) return kNoStack;
    const StackNode& parent = Node(index);
    std::string name = fmt::format("{}#{}", parent.display_name,
                                   StackName(index, use));
    buffers_.push_back(std::make_unique<SourceBuffer>(
        name, parent.tmpl->document.node(use.inline_template).value));
    const SourceBuffer& source = *buffers_.back();
    files_read_.push_back(name);
    // On the chain under a name no file has, so a cycle through it shows it.
    chain_.push_back(fs::path("#inline") / name);
    chain_names_.push_back(name);
    uint32_t child =
        Analyse(index, use, source, bases_[index], false, emitter, depth);
    chain_.pop_back();
    chain_names_.pop_back();
    return child;
  }

  // Parses and analyses a child in its own scope, then walks into it.
  auto Analyse(uint32_t index, const NestedUse& use, const SourceBuffer& source,
               PathBase base, bool standalone, DiagnosticEmitter& emitter,
               int depth) -> uint32_t {
    const Resource& r = Node(index).tmpl->resources[use.resource];
    NestedScope scope(standalone ? nullptr : &emitter, r.name,
                      Node(index).tmpl->document.LocationOf(r.name_range));
    DiagnosticEmitter& inner = scope.emitter();
    std::optional<Template> tmpl = LoadTemplate(source, options_.load, inner);
    if (!tmpl) return kNoStack;
    if (tmpl->format != TemplateFormat::Hot &&
        tmpl->format != TemplateFormat::Cfn) {
      emitter.Emit(DiagnosticKind::NestedFileNotATemplate, use.named_at,
                   "nested stack `{}` is created from `{}`, which is {}, not "
                   "a HOT or CloudFormation template",
                   r.name, source.filename(),
                   tmpl->format == TemplateFormat::Environment
                       ? "a Heat environment"
                       : "neither");
      return kNoStack;
    }
    auto& kept = tree_.templates_.emplace_back(
        std::make_unique<Template>(std::move(*tmpl)));
    auto node = std::make_unique<StackNode>();
    uint32_t child = static_cast<uint32_t>(tree_.nodes_.size());
    node->index = child;
    node->display_name = source.filename();
    node->tmpl = kept.get();
    node->context = ChildContext(index, use);
    node->parent = index;
    node->parent_resource = use.resource;
    node->stack_path = Node(index).stack_path;
    node->stack_path.push_back(r.name);
    RegionOptions regions = options_.region_options(*kept);
    const RegionPlacement& placement = Node(index).analysed->placement;
    for (const auto* from : {&placement.nested, &placement.resources}) {
      if (use.resource < from->size() && !(*from)[use.resource].region.empty()) {
        regions.inherited_region = (*from)[use.resource].region;
        regions.inherited_where = (*from)[use.resource].where;
        break;
      }
    }
    auto& analysed = tree_.analysed_.emplace_back(
        RunTemplatePasses(*kept, node->context, regions, inner));
    node->analysed = analysed.get();
    tree_.nodes_.push_back(std::move(node));
    bases_.push_back(std::move(base));
    Visit(child, inner, depth + 1);
    return child;
  }

  const NestedOptions& options_;
  std::vector<std::unique_ptr<SourceBuffer>>& buffers_;
  std::vector<std::string>& files_read_;
  StackTree tree_;
  // Parallel to the tree's nodes: where each one's relative paths start.
  std::vector<PathBase> bases_;
  std::vector<fs::path> roots_;
  // The files being created, root first, for cycles; names shown for all
  // but the root.
  std::vector<fs::path> chain_;
  std::vector<std::string> chain_names_;
  // Every file met, by canonical path: its node, or kNoStack if unusable.
  std::map<fs::path, uint32_t> loaded_;
  bool work_limit_reported_ = false;
};

auto BuildStackTree(const Template& root, const AnalysedTemplate& analysed,
                    const TemplateContext& root_context,
                    const NestedOptions& options,
                    std::vector<std::unique_ptr<SourceBuffer>>& buffers,
                    std::vector<std::string>& files_read,
                    DiagnosticEmitter& emitter) -> StackTree {
  return StackTreeBuilder(options, buffers, files_read)
      .Run(root, analysed, root_context, emitter);
}

}  // namespace isobar
