// Walks one resource's `properties` against one catalog schema (Heat's or
// CloudFormation's) and collects what is wrong: unknown and missing
// properties, values of the wrong type, out of range or not allowed,
// nested maps and lists of maps (`networks`, `SecurityGroupIngress`).
//
// A value that is a function call is checked only when KnownValues knows
// what it evaluates to; `if` / `Fn::If` branches are values themselves.
// Anything under an `unchecked` schema node is skipped.
#pragma once

#include <set>
#include <string>
#include <utility>
#include <vector>

#include "analysis/references/resolve.h"
#include "analysis/resources/findings.h"
#include "analysis/resources/known_values.h"
#include "catalog/catalog.h"

namespace isobar {

class PropertyChecker {
 public:
  // `heat`: the schema is Heat's, with Heat's conversions and its
  // hidden / not-implemented properties.
  PropertyChecker(const Template& tmpl, const Resolution& resolution,
                  const KnownValues& known, const ResourceType& type, bool heat,
                  std::vector<Finding>& out);

  // Checks `resource`'s properties. `open_root`: properties beyond the
  // schema are allowed (CloudFormation custom resources). `names_only`:
  // only the top-level names, as Heat's non-strict validation of a
  // group's member does (unknown and unimplemented properties).
  void Check(const Resource& resource, bool open_root, bool names_only = false);

 private:
  void Value(NodeId node, const PropertySchema& schema, const std::string& path);
  void Call(uint32_t call, const PropertySchema& schema, const std::string& path);
  void Map(NodeId node, const PropertySchema& schema, const std::string& path,
           bool open);
  void Conflicts(NodeId node, const PropertySchema& map, const std::string& path);
  void Key(const MapEntry& entry, const PropertySchema& map,
           const PropertySchema& child, const std::string& path);
  void Unknown(const MapEntry& entry, const PropertySchema& map,
               const std::string& path);
  void Required(NodeId node, Location anchor, const PropertySchema& map,
                const std::string& path);
  void List(NodeId node, const PropertySchema& schema, const std::string& path);
  // CloudFormation lists of ids (`AWS::EC2::Subnet.Ids`): each item's shape.
  void ItemFormats(NodeId list, std::string_view format, const std::string& path);
  void Add(DiagnosticKind kind, Location where, std::string message,
           std::optional<Replacement> replacement = std::nullopt);

  // The key and value of `entry`, for Finding::scope.
  auto EntryRange(const MapEntry& entry) const -> ByteRange;
  auto IsInlineTemplate(const std::string& path) const -> bool;
  // "`networks[0].port` of `server`", or "`server`" for the root.
  auto Subject(const std::string& path) const -> std::string;

  bool heat_;
  const Document& doc_;
  const Resolution& resolution_;
  const KnownValues& known_;
  const ResourceType& type_;
  ValueTyping typing_;
  std::vector<Finding>& out_;
  const Resource* resource_ = nullptr;
  bool names_only_ = false;
  // Aliases make the tree a DAG: each (node, schema) once.
  std::set<std::pair<NodeId, const PropertySchema*>> seen_;
};

}  // namespace isobar
