// The reader behind ReadParamSpec (analysis/parameter_model.h): one
// parameter's constraints, HOT (parameter_spec.cpp) or CloudFormation, and
// their arguments (parameter_spec_args.cpp). Internal to the parameter
// check.
#pragma once

#include <utility>

#include "analysis/parameter_model.h"

namespace isobar {

// Reads one parameter's constraints into `spec.constraints`, reporting
// each one Heat (or, where AWS may deploy, both Heat and CloudFormation)
// would refuse, and leaving it out. `spec.type` must be set.
class SpecReader {
 public:
  SpecReader(const ParamContext& ctx, const Parameter& p, ParamSpec& spec)
      : ctx_(ctx), doc_(ctx.doc), p_(p), spec_(spec) {}

  // HOT: the `constraints` list.
  void ReadHot();
  // CloudFormation: MinValue/MaxValue, MinLength/MaxLength, AllowedValues,
  // AllowedPattern.
  void ReadCfn();

 private:
  template <typename... Args>
  void Report(DiagnosticKind kind, ByteRange range,
              fmt::format_string<Args...> format, Args&&... args) {
    ctx_.emitter.Emit(kind, doc_.LocationOf(range), format,
                      std::forward<Args>(args)...);
  }
  // The node's range, or `fallback` when it is empty (an omitted value).
  auto RangeOf(NodeId id, ByteRange fallback) const -> ByteRange {
    ByteRange r = doc_.node(id).range;
    return r.begin == r.end ? fallback : r;
  }

  // One item of a HOT `constraints` list.
  void ReadHotItem(NodeId item, bool modulo_allowed);
  // The argument readers: each returns true when `c` is usable, after
  // reporting what makes it unusable.
  auto ReadBounds(ParamConstraint& c, const MapEntry& entry) -> bool;
  auto ReadBound(ParamConstraint& c, NodeId node, std::string_view bound,
                 std::optional<double>* out) -> bool;
  auto CheckModulo(ParamConstraint& c, const MapEntry& entry) -> bool;
  auto ReadAllowedValues(ParamConstraint& c, ByteRange key_range) -> bool;
  auto CheckListValues(const ParamConstraint& c) -> bool;
  auto ReadPattern(ParamConstraint& c) -> bool;
  auto ReadCustom(ParamConstraint& c) -> bool;
  void ReadCfnBounds(ConstraintKind kind, std::string_view min_key,
                     std::string_view max_key);
  auto CheckMinMax(const ParamConstraint& c, NodeId min_node, NodeId max_node,
                   ByteRange where) -> bool;
  // Keeps `c` when it applies to the type, else reports R154.
  void Keep(ParamConstraint c);

  const ParamContext& ctx_;
  const Document& doc_;
  const Parameter& p_;
  ParamSpec& spec_;
};

}  // namespace isobar
