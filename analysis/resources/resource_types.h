// What a resource's `type` names: a catalog type (Heat's, CloudFormation's
// or both), a provider template, a type an environment registers, a
// custom resource, or nothing known.
//
// Which catalogs apply (docs/catalog.md, "Checks"): HOT and Heat's CFN
// dialect (`HeatTemplateFormatVersion`) run on Heat, so Heat's catalog
// alone. An `AWSTemplateFormatVersion` template may be meant for AWS or for
// Heat: a type either catalog knows is known, and property problems are
// reported only where every catalog that knows the type agrees.
#pragma once

#include <string_view>

#include "analysis/template_context.h"
#include "catalog/catalog.h"
#include "frontend/template.h"

namespace isobar {

enum class TypeDialect : uint8_t {
  // HOT, HeatTemplateFormatVersion: Heat's catalog.
  Heat,
  // AWSTemplateFormatVersion or no version: either catalog.
  Either,
};

auto DialectOf(const Template& tmpl) -> TypeDialect;

// True when the template has a `Transform` section (SAM, macros): the
// types and properties it rewrites are not what isobar reads.
auto HasTransform(const Template& tmpl) -> bool;

enum class TypeVerdict : uint8_t {
  // `heat` and/or `cfn` describe it.
  Known,
  // A template path or URL, or a registry entry mapping to one: its
  // parameters are its properties, its outputs its attributes.
  Provider,
  // An environment maps it to something isobar does not know.
  Registered,
  // `Custom::X`, `AWS::CloudFormation::CustomResource`: any property
  // beyond `ServiceToken`, any attribute.
  Custom,
  // Made by a Transform (`AWS::Serverless::*`) or a CloudFormation module
  // (`Org::Service::Thing::MODULE`): not checked.
  Transformed,
  Unknown,
};

struct TypeLookup {
  TypeVerdict verdict = TypeVerdict::Unknown;
  // The catalog entries as written (aliases not followed), for support
  // status, and the types they resolve to, for schemas. Null when that
  // catalog does not know the type (or does not apply).
  const ResourceType* heat_entry = nullptr;
  const ResourceType* heat = nullptr;
  const ResourceType* cfn = nullptr;
  // The environment entry that defines the type, if any.
  const RegisteredType* registered = nullptr;
};

// A type that is a provider template: ends in .yaml, .yml, .template or
// .json, or is a URL.
auto IsTemplatePath(std::string_view type) -> bool;

auto LookUpType(std::string_view type, TypeDialect dialect, bool transform,
                const TemplateContext& context) -> TypeLookup;

}  // namespace isobar
