#include "analysis/regions/nested_flow.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <memory>
#include <set>
#include <tuple>

#include "analysis/nested/nested_outputs.h"
#include "analysis/nested/nested_scope.h"
#include "analysis/nested/nested_uses.h"
#include "analysis/regions/cross_region.h"
#include "analysis/regions/property_walk.h"

namespace isobar {

namespace {

constexpr uint32_t kNoFrame = ~uint32_t{0};
// Uses of templates followed per root: the tree bounds distinct files and
// depth, this bounds a diamond of shared children.
constexpr size_t kMaxFrames = 1000;

// One use of a template: the root, or a child as one stack resource of
// one use of its parent creates it.
struct Frame {
  uint32_t node = 0;
  uint32_t parent = kNoFrame;
  // The resource of the parent's template creating this stack.
  uint32_t stack = kNoStack;
  // The region this use places resources without a region key in, and
  // where that is decided.
  std::string region;
  Location region_where;
  // Parallel to the template's resources: the frame each one creates.
  std::vector<uint32_t> children;
};

struct FlowNote {
  Location at;
  std::string text;
};

// Where a value that reaches a consumer comes from: a resource of some use.
struct Source {
  uint32_t frame = 0;
  uint32_t producer = 0;
  // False once a function made a new value of it.
  bool identity = true;
  // Where the object crosses a stack boundary, in the template both ends
  // descend from: the diagnostic's location.
  uint32_t entry_frame = 0;
  Location entry;
  std::vector<FlowNote> hops;
};

// Calls whose references to parameters are values of the parameter.
auto ReadsParameters(FunctionId id) -> bool {
  return id == FunctionId::GetParam || id == FunctionId::Ref ||
         id == FunctionId::FnSub;
}

class NestedFlow {
 public:
  NestedFlow(const StackTree& tree, DiagnosticEmitter& emitter)
      : tree_(tree), emitter_(emitter) {
    for (const auto& node : tree.nodes()) {
      std::vector<const NestedUse*> by_resource(node->tmpl->resources.size());
      for (const NestedUse& use : node->analysed->uses.stacks) {
        by_resource[use.resource] = &use;
      }
      use_of_.push_back(std::move(by_resource));
    }
  }

  void Run() {
    AddFrame(Frame{.node = 0});
    std::vector<uint32_t> first_use(tree_.nodes().size(), kNoFrame);
    for (uint32_t f = 0; f < frames_.size(); ++f) {
      CheckConsumers(f);
      uint32_t& first = first_use[frames_[f].node];
      if (first == kNoFrame) {
        first = f;
        CheckUnloaded(f);
      } else if (frames_[f].region != frames_[first].region) {
        CheckOtherUse(f);
      }
    }
  }

 private:
  auto Facts(uint32_t frame) const -> const RegionFacts& {
    return *Node(frame).analysed->facts;
  }
  auto Node(uint32_t frame) const -> const StackNode& {
    return tree_.node(frames_[frame].node);
  }
  auto Name(uint32_t frame, uint32_t resource) const -> const std::string& {
    return Node(frame).tmpl->resources[resource].name;
  }

  // Adds a use and, depth first, the uses its stacks create.
  void AddFrame(Frame frame) {
    uint32_t index = static_cast<uint32_t>(frames_.size());
    const StackNode& node = tree_.node(frame.node);
    frame.children.assign(node.tmpl->resources.size(), kNoFrame);
    frames_.push_back(std::move(frame));
    for (uint32_t r = 0; r < node.tmpl->resources.size(); ++r) {
      const StackNode* child = tree_.ChildOf(node, r);
      if (child == nullptr || frames_.size() >= kMaxFrames) continue;
      auto [region, where] = UseRegion(index, r);
      frames_[index].children[r] = static_cast<uint32_t>(frames_.size());
      AddFrame(Frame{.node = child->index, .parent = index, .stack = r,
                     .region = region, .region_where = where});
    }
  }

  // The region resource `r` is in, in this use of its template.
  auto RegionIn(uint32_t frame, uint32_t r) const -> std::string {
    const Placement& p = Node(frame).analysed->placement.resources[r];
    if (frames_[frame].parent == kNoFrame || p.source == PlacementSource::OwnKey) {
      return p.region;
    }
    return frames_[frame].region;
  }

  // The region the stack resource `r` creates its template in: its
  // `context.region_name`, else its own region.
  auto UseRegion(uint32_t frame, uint32_t r) const
      -> std::pair<std::string, Location> {
    const RegionPlacement& placement = Node(frame).analysed->placement;
    if (r < placement.nested.size() && !placement.nested[r].region.empty()) {
      return {placement.nested[r].region, placement.nested[r].where};
    }
    return {RegionIn(frame, r), PlacementNote(frame, r).at};
  }

  // How resource `r` got its region in this use, for a note.
  auto PlacementNote(uint32_t frame, uint32_t r) const -> FlowNote {
    const Frame& f = frames_[frame];
    const RegionFacts& facts = Facts(frame);
    const Placement& p = Node(frame).analysed->placement.resources[r];
    if (f.parent == kNoFrame || p.source == PlacementSource::OwnKey) {
      return {facts.PlacedAt(r), facts.PlacementNote(r)};
    }
    Location at = f.region_where.buffer ? f.region_where : facts.PlacedAt(r);
    return {at, fmt::format("`{}` is in {}, the region nested stack `{}` is "
                            "created in",
                            Name(frame, r), f.region, Name(f.parent, f.stack))};
  }

  // The frame the stack resource `r` of `frame` creates, or kNoFrame.
  auto ChildFrame(uint32_t frame, uint32_t r) const -> uint32_t {
    return frames_[frame].children[r];
  }

  // What the parent of `frame` passes as parameter `name`.
  auto ParameterSources(uint32_t frame, std::string_view name)
      -> std::vector<Source> {
    const Frame& f = frames_[frame];
    if (f.parent == kNoFrame) return {};
    auto key = std::pair(frame, std::string(name));
    if (auto it = parameter_memo_.find(key); it != parameter_memo_.end()) {
      return it->second;
    }
    parameter_memo_[key] = {};  // a loop through outputs ends here
    std::vector<Source> sources;
    const NestedUse* use = use_of_[frames_[f.parent].node][f.stack];
    const Document& doc = Node(f.parent).tmpl->document;
    if (use != nullptr && doc.IsMapping(use->parameters)) {
      if (const MapEntry* e = doc.Find(use->parameters, name)) {
        sources = ValueSources(f.parent, e->value);
      }
    }
    parameter_memo_[key] = sources;
    return sources;
  }

  // What output `name` of the template of `frame` gives.
  auto OutputSources(uint32_t frame, std::string_view name)
      -> std::vector<Source> {
    auto key = std::pair(frame, std::string(name));
    if (auto it = output_memo_.find(key); it != output_memo_.end()) {
      return it->second;
    }
    output_memo_[key] = {};
    std::vector<Source> sources;
    const StackNode& node = Node(frame);
    for (const Output& o : node.tmpl->outputs) {
      if (o.name != name) continue;
      sources = ValueSources(frame, o.value);
      Location at = node.tmpl->document.LocationOf(o.name_range);
      for (Source& s : sources) {
        s.hops.push_back({at, fmt::format("output `{}` of `{}` gives it",
                                          o.name, node.display_name)});
      }
    }
    output_memo_[key] = sources;
    return sources;
  }

  // The output a get_attr / Fn::GetAtt call reads from a stack of
  // `frame`, with the child frame; empty when it reads no output.
  auto OutputReadBy(uint32_t frame, uint32_t call, uint32_t resource)
      -> std::pair<uint32_t, std::string> {
    uint32_t child = ChildFrame(frame, resource);
    const NestedUse* use = use_of_[frames_[frame].node][resource];
    if (child == kNoFrame || use == nullptr) return {kNoFrame, {}};
    const Resolution& resolution = Node(frame).analysed->resolution;
    OutputRead read =
        ReadNestedOutput(use->kind, Node(frame).tmpl->document,
                         resolution.functions.call(call), Name(frame, resource));
    if (read.name.empty()) return {kNoFrame, {}};
    return {child, read.name};
  }

  // What reference `ref` of value `v` in `frame` names: the resource
  // itself, or for an output of a stack it creates, what the output gives.
  // Either way it crosses into `frame` at `ref`.
  auto ResourceSources(uint32_t frame, const PropertyValue& v,
                       const Reference& ref) -> std::vector<Source> {
    Location at = Facts(frame).doc.LocationOf(ref.range);
    uint32_t resource = ref.target->index;
    FunctionId id = Facts(frame).resolution.functions.call(v.call).id;
    if (id == FunctionId::GetAttr || id == FunctionId::FnGetAtt ||
        id == FunctionId::FnSub) {
      auto [child, output] = OutputReadBy(frame, v.call, resource);
      if (child != kNoFrame) {
        std::vector<Source> sources = OutputSources(child, output);
        for (Source& s : sources) {
          s.identity = s.identity && v.identity;
          s.entry_frame = frame;
          s.entry = at;
        }
        return sources;
      }
    }
    return {Source{.frame = frame, .producer = resource,
                   .identity = v.identity, .entry_frame = frame, .entry = at}};
  }

  // The resources a value written in `frame` carries, followed into the
  // outputs of the stacks it reads and up through the parameters it
  // passes on.
  auto ValueSources(uint32_t frame, NodeId value) -> std::vector<Source> {
    std::vector<Source> sources;
    const RegionFacts& facts = Facts(frame);
    const Document& doc = facts.doc;
    WalkValue(facts, value, "", [&](const PropertyValue& v) {
      if (v.call == kNoCall) return;
      FunctionId id = facts.resolution.functions.call(v.call).id;
      for (const Reference* ref : facts.ResourceRefsOf(v.call)) {
        for (Source& s : ResourceSources(frame, v, *ref)) {
          sources.push_back(std::move(s));
        }
      }
      if (!ReadsParameters(id)) return;
      for (const Reference* ref : facts.RefsOf(v.call, SymbolKind::Parameter)) {
        for (Source s : ParameterSources(frame, ref->target->name)) {
          s.identity = s.identity && v.identity;
          s.hops.push_back({doc.LocationOf(ref->range),
                            fmt::format("`{}` passes it on in `{}`",
                                        ref->target->name,
                                        Node(frame).display_name)});
          sources.push_back(std::move(s));
        }
      }
    });
    return Distinct(std::move(sources));
  }

  // One source per producer and kind of use: a value naming the same
  // object twice (or through many paths) crosses once, and hostile
  // templates cannot multiply paths level by level.
  static auto Distinct(std::vector<Source> sources) -> std::vector<Source> {
    std::set<std::tuple<uint32_t, uint32_t, bool>> seen;
    std::vector<Source> kept;
    for (Source& s : sources) {
      if (seen.insert({s.frame, s.producer, s.identity}).second) {
        kept.push_back(std::move(s));
      }
    }
    return kept;
  }

  // A nested stack resource whose template is not loaded (a URL, a
  // missing file): the template passes left its crossings to this pass,
  // which cannot see inside, so they are reported as within one template.
  auto Unloaded(uint32_t frame, uint32_t r) const -> bool {
    return use_of_[frames_[frame].node][r] != nullptr &&
           tree_.ChildOf(Node(frame), r) == nullptr;
  }
  auto Loaded(uint32_t frame, uint32_t r) const -> bool {
    return use_of_[frames_[frame].node][r] != nullptr &&
           tree_.ChildOf(Node(frame), r) != nullptr;
  }

  void CheckUnloaded(uint32_t frame) {
    std::vector<std::unique_ptr<NestedScope>> scopes;
    CheckCrossRegionReferences(
        Facts(frame), ScopedEmitter(frame, scopes),
        [&](const RegionCrossing& c) {
          return !Loaded(frame, c.consumer) && !Loaded(frame, c.producer) &&
                 (Unloaded(frame, c.consumer) || Unloaded(frame, c.producer));
        });
  }

  // A template analysed with its first use's regions, used again from a
  // stack in another region: the crossings inside it in this use.
  void CheckOtherUse(uint32_t frame) {
    UseRegions use{
        .region_of = [&](uint32_t r) { return RegionIn(frame, r); },
        .placement_note =
            [&](uint32_t r) {
              FlowNote note = PlacementNote(frame, r);
              return std::pair(note.at, note.text);
            },
    };
    std::vector<std::unique_ptr<NestedScope>> scopes;
    CheckCrossRegionReferences(
        Facts(frame), ScopedEmitter(frame, scopes),
        [&](const RegionCrossing& c) {
          return !Loaded(frame, c.consumer) && !Loaded(frame, c.producer);
        },
        &use);
  }

  // Every property of every resource of this use that reads a parameter
  // of the template (values of the parent) or an output of a stack it
  // creates. Stack resources pass values on: their children report.
  void CheckConsumers(uint32_t frame) {
    // Values cross a stack boundary only from a parent or into a loaded
    // child: a template with neither (most) has nothing to walk here.
    const Frame& f = frames_[frame];
    if (f.parent == kNoFrame &&
        std::ranges::all_of(f.children, [](uint32_t c) { return c == kNoFrame; })) {
      return;
    }
    const RegionFacts& facts = Facts(frame);
    const Document& doc = facts.doc;
    for (uint32_t c = 0; c < facts.tmpl.resources.size(); ++c) {
      if (use_of_[frames_[frame].node][c] != nullptr) continue;
      WalkProperties(facts, c, [&](const PropertyValue& v) {
        if (v.call == kNoCall) return;
        FunctionId id = facts.resolution.functions.call(v.call).id;
        if (ReadsParameters(id)) {
          for (const Reference* ref :
               facts.RefsOf(v.call, SymbolKind::Parameter)) {
            Location used = doc.LocationOf(ref->range);
            for (const Source& s : ParameterSources(frame, ref->target->name)) {
              Report(frame, c, v, used, s);
            }
          }
        }
        // References to other resources are the template passes' own;
        // those to a stack it creates are this pass's.
        for (const Reference* ref : facts.ResourceRefsOf(v.call)) {
          if (!Loaded(frame, ref->target->index)) continue;
          for (const Source& s : ResourceSources(frame, v, *ref)) {
            Report(frame, c, v, s.entry, s);
          }
        }
      });
    }
  }

  void Report(uint32_t frame, uint32_t consumer, const PropertyValue& v,
              Location used, const Source& s) {
    std::string mine = RegionIn(frame, consumer);
    std::string theirs = RegionIn(s.frame, s.producer);
    if (mine.empty() || theirs.empty() || mine == theirs) return;
    const RegionFacts& facts = Facts(frame);
    CrossingKind kind =
        ClassifyValue(facts, v.schema, v.identity && s.identity, theirs,
                      Facts(s.frame).TypeOf(s.producer));
    // The us-east-1 rule (R409) reports what must live there.
    if (kind == CrossingKind::Identity && v.schema &&
        !v.schema->required_region.empty()) {
      return;
    }
    // Once per crossing: one value to change, one consumer, one producer.
    auto key = std::tuple(s.entry.buffer, s.entry.range.begin, frames_[frame].node,
                          consumer, *v.path, frames_[s.frame].node, s.producer);
    if (!reported_.insert(key).second) return;
    const std::string& name = Name(frame, consumer);
    const std::string& source = Name(s.frame, s.producer);
    std::vector<std::unique_ptr<NestedScope>> scopes;
    DiagnosticEmitter& out = ScopedEmitter(s.entry_frame, scopes);
    bool identity = kind == CrossingKind::Identity;
    auto builder =
        identity
            ? out.Build(DiagnosticKind::CrossRegionIdentityReference, s.entry,
                        "`{}` of `{}` ({}) names `{}` of region {} through a "
                        "nested stack, but `{}` is in region {}; `{}` ({}) can "
                        "only use objects of its own region: move one of "
                        "them, or create a copy in {}",
                        *v.path, name, Node(frame).display_name, source,
                        theirs, name, mine, name, facts.TypeName(consumer),
                        mine)
            : out.Build(DiagnosticKind::CrossRegionDataReference, s.entry,
                        "`{}` of `{}` ({}, {}) reads a value of `{}` ({}) "
                        "through a nested stack; the plan passes it across "
                        "as an output of the {} stack",
                        *v.path, name, Node(frame).display_name, mine, source,
                        theirs, theirs);
    builder.Region(mine).OtherRegion(theirs);
    if (used.buffer != s.entry.buffer || used.range.begin != s.entry.range.begin) {
      builder.Note(used, "`{}` of `{}` reads it here", *v.path, name);
    }
    // Hops were gathered from the producer outwards; show them from the
    // consumer's side in, as the value travels backwards.
    for (auto it = s.hops.rbegin(); it != s.hops.rend(); ++it) {
      builder.Note(it->at, "{}", it->text);
    }
    FlowNote placed = PlacementNote(s.frame, s.producer);
    builder.Note(placed.at, "{}", placed.text);
    if (identity) {
      FlowNote here = PlacementNote(frame, consumer);
      builder.Note(here.at, "{}", here.text);
    }
    builder.Emit();
  }

  // The emitter for a diagnostic inside the template of `frame`: one
  // NestedScope per level, so it carries stack_path and "created here"
  // notes like every other diagnostic of a child.
  auto ScopedEmitter(uint32_t frame,
                     std::vector<std::unique_ptr<NestedScope>>& scopes)
      -> DiagnosticEmitter& {
    std::vector<uint32_t> chain;
    for (uint32_t f = frame; frames_[f].parent != kNoFrame; f = frames_[f].parent) {
      chain.push_back(f);
    }
    DiagnosticEmitter* out = &emitter_;
    for (auto it = chain.rbegin(); it != chain.rend(); ++it) {
      const Frame& f = frames_[*it];
      const Resource& r = Node(f.parent).tmpl->resources[f.stack];
      scopes.push_back(std::make_unique<NestedScope>(
          out, r.name, Node(f.parent).tmpl->document.LocationOf(r.name_range)));
      out = &scopes.back()->emitter();
    }
    return *out;
  }

  const StackTree& tree_;
  DiagnosticEmitter& emitter_;
  // Per node of the tree.
  std::vector<std::vector<const NestedUse*>> use_of_;
  std::vector<Frame> frames_;
  std::map<std::pair<uint32_t, std::string>, std::vector<Source>>
      parameter_memo_;
  std::map<std::pair<uint32_t, std::string>, std::vector<Source>> output_memo_;
  std::set<std::tuple<const SourceBuffer*, uint32_t, uint32_t, uint32_t,
                      std::string, uint32_t, uint32_t>>
      reported_;
};

}  // namespace

void CheckNestedCrossRegion(const StackTree& tree, DiagnosticEmitter& emitter) {
  NestedFlow(tree, emitter).Run();
}

}  // namespace isobar
