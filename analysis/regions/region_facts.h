// What every region rule needs to know about one template, computed once:
// the catalog its types come from, each resource's type and placement,
// whether that placement is a fact or a guess, and the references each
// function call makes. The rules (region_rules.h) only read it.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "analysis/regions/placement.h"
#include "catalog/catalog.h"
#include "diagnostics/emitter.h"

namespace isobar {

class RegionFacts {
 public:
  RegionFacts(const Template& tmpl, const Resolution& resolution,
              const TemplateContext& context, const RegionOptions& options,
              const RegionPlacement& placement);

  const Template& tmpl;
  const Document& doc;
  const Resolution& resolution;
  const TemplateContext& context;
  const RegionPlacement& placement;
  // The profile the template is checked against (the built-in AWS one for
  // CloudFormation), or null.
  const CloudProfile* profile;
  const ResourceCatalog& catalog;
  // True for a CloudFormation template that runs on AWS (not Heat's CFN,
  // and not checked against an OpenStack profile).
  bool aws = false;
  // True for a template Heat runs (HOT, or Heat's CFN dialect).
  bool heat = false;

  // The catalog entry of resource `index`'s type, or null.
  auto TypeOf(uint32_t index) const -> const ResourceType*;
  auto TypeName(uint32_t index) const -> std::string_view;
  auto RegionOf(uint32_t index) const -> const std::string& {
    return placement.resources[index].region;
  }
  // True when the resource's region is a fact rather than the default
  // `home`: a single-region template with no region keys and no home
  // region given runs wherever it is deployed, so zone and ARN rules must
  // not guess.
  auto RegionKnown(uint32_t index) const -> bool;
  // Where the resource's region is decided (its region key, the parent's
  // context), else its name.
  auto PlacedAt(uint32_t index) const -> Location;
  // The note that goes at PlacedAt: how the resource got its region.
  auto PlacementNote(uint32_t index) const -> std::string;
  // The resolved references to resources that call `call` makes.
  auto ResourceRefsOf(uint32_t call) const -> std::vector<const Reference*>;
  // The resolved references to symbols of `kind` that `call` makes (the
  // parameter a get_param or Ref reads).
  auto RefsOf(uint32_t call, SymbolKind kind) const
      -> std::vector<const Reference*>;
  // The resource references anywhere under `node` (calls nested in calls).
  auto ResourceRefsUnder(NodeId node) const -> std::vector<const Reference*>;
  // The value of `node` when it is a literal or a parameter with a known
  // value (from -P, an environment, or its default); nullopt otherwise.
  auto LiteralOrParameter(NodeId node) const -> std::optional<RegionValue>;
  // When `value` (read at `node`) came through a parameter, a note at the
  // value's source: the default or environment entry, else -P.
  void NoteParameterValue(DiagnosticBuilder& builder, const RegionValue& value,
                          NodeId node) const;

 private:
  bool home_known_ = false;
  std::vector<const ResourceType*> types_;
  std::vector<std::vector<uint32_t>> refs_by_call_;
};

// The region field of an ARN (`arn:aws:acm:eu-west-1:...` -> `eu-west-1`),
// or nullopt when `text` is no ARN; empty for a global service's ARN.
auto ArnRegion(std::string_view text) -> std::optional<std::string_view>;

}  // namespace isobar
