#include "analysis/resources/check_resources.h"

#include <fmt/format.h>

#include "analysis/resources/attribute_check.h"
#include "analysis/resources/property_checker.h"
#include "analysis/resources/resource_types.h"
#include "analysis/resources/type_messages.h"

namespace isobar {

namespace {

class ResourceChecker {
 public:
  ResourceChecker(const Template& tmpl, const Resolution& resolution,
                  const TemplateContext& context, DiagnosticEmitter& emitter)
      : tmpl_(tmpl),
        doc_(tmpl.document),
        resolution_(resolution),
        context_(context),
        emitter_(emitter),
        dialect_(DialectOf(tmpl)),
        transform_(HasTransform(tmpl)),
        // cfn-lint checks values that come from parameters only as
        // warnings, so for AWS-meant templates they stay unknown.
        known_(tmpl, resolution, context, dialect_ == TypeDialect::Heat) {}

  void Run() {
    types_.resize(tmpl_.resources.size());
    for (size_t i = 0; i < tmpl_.resources.size(); ++i) {
      const Resource& r = tmpl_.resources[i];
      if (!doc_.IsScalar(r.type)) continue;
      std::string_view name = doc_.node(r.type).value;
      types_[i] = LookUpType(name, dialect_, transform_, context_);
      CheckType(r, name, types_[i]);
      CheckProperties(r, types_[i]);
      EmitFindings(findings_, emitter_);
    }
    CheckAttributes(tmpl_, resolution_, types_, findings_);
    EmitFindings(findings_, emitter_);
  }

 private:
  void CheckType(const Resource& r, std::string_view name,
                 const TypeLookup& type) {
    Location where = doc_.LocationOf(r.type);
    if (type.verdict == TypeVerdict::Unknown) {
      findings_.push_back(UnknownTypeFinding(name, where, dialect_, context_));
      return;
    }
    // Heat's support status matters where Heat is what runs the type.
    if (type.verdict == TypeVerdict::Known && type.heat_entry && !type.cfn) {
      if (auto f = DeprecatedTypeFinding(name, *type.heat_entry, *type.heat, where)) {
        findings_.push_back(std::move(*f));
      }
    }
  }

  void CheckProperties(const Resource& r, const TypeLookup& type) {
    // A Transform (SAM, macros) rewrites properties before anyone checks them.
    if (transform_) return;
    if (type.verdict == TypeVerdict::Custom) {
      const ResourceType* custom =
          ResourceCatalog::Cfn().Resolve("AWS::CloudFormation::CustomResource");
      if (custom) {
        PropertyChecker(tmpl_, resolution_, known_, *custom, false, findings_)
            .Check(r, true);
      }
      return;
    }
    if (type.verdict != TypeVerdict::Known) return;
    std::vector<Finding> heat;
    std::vector<Finding> cfn;
    if (type.heat) {
      PropertyChecker(tmpl_, resolution_, known_, *type.heat, true, heat)
          .Check(r, false);
    }
    if (type.cfn) {
      PropertyChecker(tmpl_, resolution_, known_, *type.cfn, false, cfn)
          .Check(r, false);
    }
    // Both catalogs know the type: report what both call wrong.
    std::vector<Finding> agreed =
        type.heat && type.cfn ? KeepAgreed(std::move(cfn), heat)
                              : std::move(type.cfn ? cfn : heat);
    for (Finding& f : agreed) findings_.push_back(std::move(f));
  }

  const Template& tmpl_;
  const Document& doc_;
  const Resolution& resolution_;
  const TemplateContext& context_;
  DiagnosticEmitter& emitter_;
  TypeDialect dialect_;
  bool transform_;
  KnownValues known_;
  std::vector<TypeLookup> types_;
  std::vector<Finding> findings_;
};

}  // namespace

void CheckResources(const Template& tmpl, const Resolution& resolution,
                    const TemplateContext& context, DiagnosticEmitter& emitter) {
  if (tmpl.format != TemplateFormat::Hot && tmpl.format != TemplateFormat::Cfn) {
    return;
  }
  ResourceChecker(tmpl, resolution, context, emitter).Run();
}

}  // namespace isobar
