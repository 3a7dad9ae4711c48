// The dependency graph of a template's resources: an edge `a -> b` when
// resource `a` must be created after `b`.
//
//   DependencyGraph graph = BuildDependencyGraph(tmpl, resolution.references);
//   for (uint32_t dep : graph.DependenciesOf(i)) ...
//
// Edges come from the resolve phase's Resolved resource references, in the
// places each engine takes them from:
// - `depends_on` / `DependsOn` entries (string or list);
// - get_resource, get_attr, Ref, Fn::GetAtt and `${Name}` / `${Name.Attr}`
//   of Fn::Sub anywhere in the resource's properties and metadata: Heat's
//   ResourceDefinition.dependencies() (heat/engine/rsrc_defn.py) chains the
//   explicit, properties and metadata dependencies, for HOT and CFN alike,
//   and cfn-lint's E3004 counts `Metadata` references too.
// References in both branches of `if` / `Fn::If` count: the graph is the
// template's, for every value of its conditions.
// A resource with a HOT `external_id` depends on nothing (Heat ignores its
// references). Nodes are indices into Template::resources.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "analysis/references/reference_index.h"

namespace isobar {

// One edge, and the reference that creates it (the first one, when several
// references make the same edge).
struct DependencyEdge {
  // The dependent resource and the resource it needs.
  uint32_t from = 0;
  uint32_t to = 0;
  // Index into ReferenceIndex::references.
  uint32_t reference = 0;
};

class DependencyGraph {
 public:
  DependencyGraph() = default;
  explicit DependencyGraph(uint32_t resource_count);

  // Adds `from -> to` unless that edge exists already.
  void AddEdge(uint32_t from, uint32_t to, uint32_t reference);

  auto resource_count() const -> uint32_t { return count_; }
  // The resources `resource` needs, each once, in the order first written.
  auto DependenciesOf(uint32_t resource) const -> std::span<const uint32_t> {
    return out_[resource];
  }
  // The resources that need `resource`, each once.
  auto DependentsOf(uint32_t resource) const -> std::span<const uint32_t> {
    return in_[resource];
  }
  // The edge `from -> to`, if any.
  auto FindEdge(uint32_t from, uint32_t to) const -> const DependencyEdge*;
  auto edges() const -> std::span<const DependencyEdge> { return edges_; }

  // The resources in an order that creates every dependency first (ties in
  // declaration order), or nullopt when the graph has a cycle.
  auto TopologicalOrder() const -> std::optional<std::vector<uint32_t>>;
  // The strongly connected components that hold a cycle (more than one
  // resource, or one that depends on itself), each sorted, in order of
  // their first resource. Linear: an iterative Tarjan.
  auto CyclicComponents() const -> std::vector<std::vector<uint32_t>>;
  // A shortest cycle through `start` within `component` (one of
  // CyclicComponents()), as resources: start, ..., (back to start implied).
  auto CycleThrough(uint32_t start, std::span<const uint32_t> component) const
      -> std::vector<uint32_t>;

 private:
  uint32_t count_ = 0;
  std::vector<std::vector<uint32_t>> out_;
  std::vector<std::vector<uint32_t>> in_;
  // Per resource, indices into edges_ parallel to out_.
  std::vector<std::vector<uint32_t>> out_edges_;
  std::vector<DependencyEdge> edges_;
};

// Builds the graph of a HOT or CloudFormation template from its resolved
// references; empty for anything else.
auto BuildDependencyGraph(const Template& tmpl, const ReferenceIndex& refs)
    -> DependencyGraph;

}  // namespace isobar
