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
      CheckMemberDefinition(r, types_[i]);
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

  // Heat validates a ResourceGroup's member definition when the group
  // has members (`count` is not 0): the type must exist, and its property
  // names are checked without values (the nested stack is validated
  // non-strictly, with `%index%` replaced). An AutoScalingGroup's member
  // is checked the same way when the group starts with members, since
  // creating them fails.
  void CheckMemberDefinition(const Resource& r, const TypeLookup& type) {
    if (dialect_ != TypeDialect::Heat || type.verdict != TypeVerdict::Known ||
        !type.heat || !doc_.IsMapping(r.properties)) {
      return;
    }
    std::string_view key;
    if (type.heat->name == "OS::Heat::ResourceGroup" &&
        StartsWithMembers(r, "count", 1)) {
      key = "resource_def";
    } else if (type.heat->name == "OS::Heat::AutoScalingGroup" &&
               StartsWithMembers(r, "min_size", 0)) {
      key = "resource";
    }
    if (key.empty()) return;
    const MapEntry* def = doc_.Find(r.properties, key);
    if (!def || !doc_.IsMapping(def->value) || resolution_.functions.IsCall(def->value)) {
      return;
    }
    Resource member;
    member.name = fmt::format("{}.{}", r.name, key);
    member.name_range = def->key_range;
    member.node = def->value;
    if (const MapEntry* t = doc_.Find(def->value, "type")) member.type = t->value;
    if (const MapEntry* p = doc_.Find(def->value, "properties")) {
      member.properties = p->value;
    }
    if (!doc_.IsScalar(member.type)) return;
    std::string_view name = doc_.node(member.type).value;
    TypeLookup member_type = LookUpType(name, dialect_, false, context_);
    CheckType(member, name, member_type);
    if (member_type.verdict == TypeVerdict::Known && member_type.heat) {
      PropertyChecker(tmpl_, resolution_, known_, *member_type.heat, true, findings_)
          .Check(member, false, true);
    }
  }

  // Whether the group starts with members: its size property `key` is a
  // literal above 0, or absent with a default above 0. A size from a
  // function is unknown: no.
  auto StartsWithMembers(const Resource& r, std::string_view key,
                         int default_size) const -> bool {
    const MapEntry* e = doc_.Find(r.properties, key);
    if (!e) return default_size > 0;
    if (!doc_.IsScalar(e->value)) return false;
    double size = 0;
    PyValue value = LoadValue(doc_, e->value, ValueTyping::For(doc_));
    return ToNumber(value, &size) == Verdict::Yes && size > 0;
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
