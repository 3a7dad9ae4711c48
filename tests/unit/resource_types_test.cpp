// What a resource `type` names (analysis/resources/resource_types.h):
// catalogs per dialect, environment registry entries, provider templates,
// custom resources, modules and Transform types.
#include <catch2/catch.hpp>

#include "analysis/resources/resource_types.h"

namespace isobar {
namespace {

auto VerdictOf(std::string_view type, TypeDialect dialect = TypeDialect::Heat,
               bool transform = false, const TemplateContext& context = {})
    -> TypeVerdict {
  return LookUpType(type, dialect, transform, context).verdict;
}

TEST_CASE("types known to the catalogs of the dialect", "[resources]") {
  const TemplateContext none;
  TypeLookup server = LookUpType("OS::Nova::Server", TypeDialect::Heat, false, none);
  CHECK(server.verdict == TypeVerdict::Known);
  REQUIRE(server.heat != nullptr);
  CHECK(server.cfn == nullptr);
  // Heat's CFN dialect sees only Heat's catalog; AWS templates see both.
  CHECK(VerdictOf("AWS::SQS::Queue", TypeDialect::Heat, false) == TypeVerdict::Unknown);
  TypeLookup instance = LookUpType("AWS::EC2::Instance", TypeDialect::Either, false, none);
  CHECK(instance.heat != nullptr);
  CHECK(instance.cfn != nullptr);
  // Aliases keep their own entry and resolve to the implementation.
  TypeLookup alarm = LookUpType("OS::Ceilometer::Alarm", TypeDialect::Heat, false, none);
  REQUIRE(alarm.heat_entry != nullptr);
  CHECK(alarm.heat_entry->kind == TypeKind::Alias);
  CHECK(alarm.heat->name == "OS::Aodh::Alarm");
}

TEST_CASE("provider templates, custom resources, modules, transforms", "[resources]") {
  const TemplateContext none;
  CHECK(IsTemplatePath("server.yaml"));
  CHECK(IsTemplatePath("nested/Server.TEMPLATE"));
  CHECK(IsTemplatePath("https://example.com/x"));
  CHECK(!IsTemplatePath("OS::Nova::Server"));
  CHECK(VerdictOf("child.yml", TypeDialect::Heat, false) == TypeVerdict::Provider);
  CHECK(VerdictOf("Custom::Thing", TypeDialect::Either, false) == TypeVerdict::Custom);
  CHECK(VerdictOf("Org::Svc::Thing::MODULE", TypeDialect::Either, false) == TypeVerdict::Transformed);
  CHECK(VerdictOf("AWS::Serverless::Function", TypeDialect::Either, true) == TypeVerdict::Transformed);
  CHECK(VerdictOf("AWS::Serverless::Function", TypeDialect::Either, false) == TypeVerdict::Unknown);
}

TEST_CASE("an environment's resource_registry defines types", "[resources]") {
  TemplateContext context;
  context.registered_types = {
      {"My::Server", "OS::Nova::Server", {}},
      {"My::App", "app.yaml", {}},
      {"Site::*", "OS::Heat::None", {}},
      {"My::Odd", "Vendor::Thing", {}},
  };
  TypeLookup alias = LookUpType("My::Server", TypeDialect::Heat, false, context);
  CHECK(alias.verdict == TypeVerdict::Known);
  REQUIRE(alias.heat != nullptr);
  CHECK(alias.heat->name == "OS::Nova::Server");
  CHECK(alias.registered == &context.registered_types[0]);
  CHECK(VerdictOf("My::App", TypeDialect::Heat, false, context) == TypeVerdict::Provider);
  CHECK(VerdictOf("Site::Anything", TypeDialect::Heat, false, context) == TypeVerdict::Known);
  CHECK(VerdictOf("My::Odd", TypeDialect::Heat, false, context) == TypeVerdict::Registered);
  CHECK(VerdictOf("My::Other", TypeDialect::Heat, false, context) == TypeVerdict::Unknown);
}

}  // namespace
}  // namespace isobar
