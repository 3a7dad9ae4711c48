#include "analysis/resources/resource_types.h"

#include "common/text.h"

namespace isobar {

auto DialectOf(const Template& tmpl) -> TypeDialect {
  if (tmpl.format == TemplateFormat::Hot) return TypeDialect::Heat;
  return tmpl.IsHeatCfn() ? TypeDialect::Heat : TypeDialect::Either;
}

auto HasTransform(const Template& tmpl) -> bool {
  for (const NamedNode& section : tmpl.sections) {
    if (section.name == "Transform") return true;
  }
  return false;
}

auto IsTemplatePath(std::string_view type) -> bool {
  if (type.find("://") != std::string_view::npos) return true;
  for (std::string_view suffix : {".yaml", ".yml", ".template", ".json"}) {
    if (EndsWithIgnoreCase(type, suffix)) return true;
  }
  return false;
}

namespace {

auto IsCustom(std::string_view type) -> bool {
  return type.starts_with("Custom::") ||
         type == "AWS::CloudFormation::CustomResource";
}

// Fills the catalog entries of `type`; true when one knows it.
auto FindInCatalogs(std::string_view type, TypeDialect dialect,
                    TypeLookup& out) -> bool {
  const ResourceCatalog& heat = ResourceCatalog::Heat();
  out.heat_entry = heat.Find(type);
  out.heat = out.heat_entry ? heat.Resolve(type) : nullptr;
  if (dialect == TypeDialect::Either) {
    out.cfn = ResourceCatalog::Cfn().Resolve(type);
  }
  return out.heat || out.cfn;
}

}  // namespace

auto LookUpType(std::string_view type, TypeDialect dialect, bool transform,
                const TemplateContext& context) -> TypeLookup {
  TypeLookup out;
  // Heat consults the environment's registry before its own types, so a
  // registry entry can replace a built-in type.
  if (const RegisteredType* entry = context.FindRegisteredType(type)) {
    out.registered = entry;
    if (IsTemplatePath(entry->target)) {
      out.verdict = TypeVerdict::Provider;
    } else if (FindInCatalogs(entry->target, dialect, out)) {
      out.verdict = TypeVerdict::Known;
    } else {
      out.verdict = TypeVerdict::Registered;
    }
    return out;
  }
  if (IsTemplatePath(type)) {
    out.verdict = TypeVerdict::Provider;
  } else if (dialect == TypeDialect::Either && IsCustom(type)) {
    out.verdict = TypeVerdict::Custom;
  } else if ((transform && type.starts_with("AWS::Serverless::")) ||
             (dialect == TypeDialect::Either && type.ends_with("::MODULE"))) {
    out.verdict = TypeVerdict::Transformed;
  } else if (FindInCatalogs(type, dialect, out)) {
    out.verdict = TypeVerdict::Known;
  }
  return out;
}

}  // namespace isobar
