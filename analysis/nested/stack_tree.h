// The nested structure of one run, for passes that look across stacks
// (regions, plans): every template the root template creates stacks from,
// each with its own Template, Resolution, TemplateContext and region
// placement, linked to the parent resource that creates it.
//
//   const StackTree tree = BuildStackTree(...);   // analysis/nested/
//   for (const StackNode& node : tree.nodes()) ...
//   const StackNode* child = tree.ChildOf(tree.root(), resource_index);
//
// Each distinct template file is one node, analysed once with the values
// of its first use (SPEC: a child is analysed once per distinct path);
// later uses of the same file link to the same node.
#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "analysis/nested/nested_uses.h"
#include "analysis/references/resolve.h"
#include "analysis/regions/placement.h"
#include "analysis/regions/region_facts.h"
#include "analysis/template_context.h"
#include "frontend/template.h"

namespace isobar {

inline constexpr uint32_t kNoStack = ~uint32_t{0};

// One template and what the passes found in it, computed once and read
// by the stack tree and the cross-stack region pass.
struct AnalysedTemplate {
  explicit AnalysedTemplate(Resolution r) : resolution(std::move(r)) {}
  Resolution resolution;
  RegionPlacement placement;
  // The nested stacks and files the template names.
  NestedUses uses;
  // Points into `resolution` and `placement` (this object is never moved:
  // it lives behind a unique_ptr) and into the context it was checked with.
  std::unique_ptr<RegionFacts> facts;
};

struct StackNode {
  // This node's index in StackTree::nodes().
  uint32_t index = 0;
  // The file as shown to users (for an inline template, a name for it).
  std::string display_name;
  const Template* tmpl = nullptr;
  const AnalysedTemplate* analysed = nullptr;
  // Its parameter values: the parent's properties and the environment's
  // `parameter_defaults`; the -P / -e values for the root.
  TemplateContext context;
  // The parent node and the index of the parent's resource that creates
  // this stack (first use); kNoStack for the root.
  uint32_t parent = kNoStack;
  uint32_t parent_resource = kNoStack;
  // Names of the creating resources from the root down (empty for the root).
  std::vector<std::string> stack_path;
  // Parallel to tmpl->resources: the child node each resource creates,
  // or kNoStack.
  std::vector<uint32_t> children;
};

class StackTree {
 public:
  auto nodes() const -> std::span<const std::unique_ptr<StackNode>> {
    return nodes_;
  }
  auto root() const -> const StackNode& { return *nodes_.front(); }
  auto node(uint32_t index) const -> const StackNode& { return *nodes_[index]; }
  // The stack resource `resource` of `parent` creates, or null.
  auto ChildOf(const StackNode& parent, uint32_t resource) const
      -> const StackNode* {
    if (resource >= parent.children.size() ||
        parent.children[resource] == kNoStack) {
      return nullptr;
    }
    return nodes_[parent.children[resource]].get();
  }

 private:
  friend class StackTreeBuilder;
  std::vector<std::unique_ptr<StackNode>> nodes_;
  // Owned children (the root's are the caller's).
  std::vector<std::unique_ptr<Template>> templates_;
  std::vector<std::unique_ptr<AnalysedTemplate>> analysed_;
};

}  // namespace isobar
