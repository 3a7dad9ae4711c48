// The embedded resource catalogs: every type decodes, aliases resolve,
// schemas and region facts read as the generator wrote them.
#include <catch2/catch.hpp>

#include "catalog/catalog.h"

#include <algorithm>
#include <optional>
#include <set>
#include <string>

namespace isobar {
namespace {

TEST_CASE("every catalog type decodes", "[catalog]") {
  for (const ResourceCatalog* catalog :
       {&ResourceCatalog::Heat(), &ResourceCatalog::Cfn()}) {
    INFO(catalog->name());
    CHECK(catalog->header().starts_with("# isobar resource catalog"));
    for (std::string_view name : catalog->names()) {
      INFO(name);
      const ResourceType* type = catalog->Find(name);
      REQUIRE(type != nullptr);
      CHECK(type->name == name);
      if (type->kind == TypeKind::Alias) {
        CHECK(!type->alias_of.empty());
        continue;
      }
      CHECK(type->properties != kNoSchema);
      CHECK(!type->service.empty());
      for (const PropertySchema& node : type->nodes) {
        for (const auto& child : node.children) CHECK(child.node < type->nodes.size());
        CHECK((node.item == kNoSchema || node.item < type->nodes.size()));
      }
    }
  }
  CHECK(ResourceCatalog::Heat().names().size() == 207);
  CHECK(ResourceCatalog::Cfn().names().size() > 1600);
  CHECK(ResourceCatalog::Cfn().regions().size() == 46);
}

TEST_CASE("every client-backed Heat custom constraint maps to a service", "[catalog]") {
  const ResourceCatalog& heat = ResourceCatalog::Heat();
  size_t identities = 0;
  for (std::string_view name : heat.names()) {
    const ResourceType* type = heat.Find(name);
    if (type->kind == TypeKind::Alias) continue;
    for (const PropertySchema& node : type->nodes) {
      if (node.identity_kind.empty()) continue;
      ++identities;
      INFO(name << " " << node.identity_kind);
      // `client.object`: the client names the service.
      CHECK(node.identity_kind.find('.') != std::string::npos);
      CHECK(type->service != "");
    }
  }
  CHECK(identities > 264);
}

TEST_CASE("every catalog type resolves to a decoded schema", "[catalog]") {
  for (const ResourceCatalog* catalog :
       {&ResourceCatalog::Heat(), &ResourceCatalog::Cfn()}) {
    INFO(catalog->name());
    for (std::string_view name : catalog->names()) {
      // A glob alias (`OS::Quantum*`) stands for the names it covers.
      if (name.ends_with('*')) continue;
      INFO(name);
      const ResourceType* type = catalog->Resolve(name);
      REQUIRE(type != nullptr);
      CHECK(type->kind != TypeKind::Alias);
      REQUIRE(type->properties != kNoSchema);
      CHECK((type->root().types & kMapValue) != 0);
      for (const auto& child : type->root().children) {
        CHECK(type->FindChild(type->root(), child.name) == &type->node(child.node));
      }
    }
  }
  CHECK(ResourceCatalog::Heat().Resolve("OS::Quantum::Router") ==
        ResourceCatalog::Heat().Find("OS::Neutron::Router"));
}

// The OpenStack service type behind the client of a Heat custom
// constraint (`nova.flavor` -> compute); the offline ones (`ip_addr`)
// need no service and map to the empty string.
auto ServiceOfConstraint(std::string_view constraint)
    -> std::optional<std::string_view> {
  static constexpr std::pair<std::string_view, std::string_view> kClients[] = {
      {"barbican", "key-manager"},    {"blazar", "reservation"},
      {"cinder", "block-storage"},    {"designate", "dns"},
      {"glance", "image"},            {"ironic", "baremetal"},
      {"keystone", "identity"},       {"magnum", "container-infra"},
      {"manila", "shared-file-system"}, {"mistral", "workflow"},
      {"monasca", "monitoring"},      {"neutron", "network"},
      {"nova", "compute"},            {"octavia", "load-balancer"},
      {"sahara", "data-processing"},  {"senlin", "clustering"},
      {"trove", "database"},          {"zaqar", "messaging"},
  };
  static constexpr std::string_view kOffline[] = {
      "cron_expression", "dns_domain", "dns_name",  "expiration",
      "ip_addr",         "ip_or_cidr", "iso_8601",  "mac_addr",
      "net_cidr",        "rel_dns_name", "timezone",
      // Heat's own test plugin constraint, shipped in the dump.
      "test_constr",
  };
  size_t dot = constraint.find('.');
  if (dot == std::string_view::npos) {
    if (std::ranges::find(kOffline, constraint) == std::end(kOffline)) {
      return std::nullopt;
    }
    return std::string_view();
  }
  std::string_view client = constraint.substr(0, dot);
  for (auto [name, service] : kClients) {
    if (name == client) return service;
  }
  return std::nullopt;
}

TEST_CASE("every Heat custom constraint in the catalog maps to a service", "[catalog]") {
  const ResourceCatalog& heat = ResourceCatalog::Heat();
  std::set<std::string, std::less<>> constraints;
  for (std::string_view name : heat.names()) {
    const ResourceType* type = heat.Find(name);
    if (type->kind == TypeKind::Alias) continue;
    for (const PropertySchema& node : type->nodes) {
      if (!node.custom_constraint.empty()) constraints.insert(node.custom_constraint);
    }
  }
  CHECK(constraints.size() > 70);
  for (const std::string& constraint : constraints) {
    INFO(constraint);
    CHECK(ServiceOfConstraint(constraint).has_value());
  }
  CHECK(ServiceOfConstraint("cinder.volume") == "block-storage");
  CHECK(ServiceOfConstraint("ip_addr") == "");
  CHECK(!ServiceOfConstraint("unknown.thing").has_value());
}

TEST_CASE("Heat schemas, aliases and region facts", "[catalog]") {
  const ResourceCatalog& heat = ResourceCatalog::Heat();
  const ResourceType* server = heat.Resolve("OS::Nova::Server");
  REQUIRE(server != nullptr);
  CHECK(server->service == "compute");
  CHECK(server->scope == ResourceScope::Regional);
  const PropertySchema* flavor = server->FindChild(server->root(), "flavor");
  REQUIRE(flavor != nullptr);
  CHECK(flavor->required);
  CHECK(flavor->identity_kind == "nova.flavor");
  const PropertySchema* networks = server->FindChild(server->root(), "networks");
  REQUIRE(networks != nullptr);
  CHECK(networks->types == kListValue);
  const PropertySchema& item = server->node(networks->item);
  const PropertySchema* network = server->FindChild(item, "network");
  REQUIRE(network != nullptr);
  CHECK(network->identity_kind == "neutron.network");
  CHECK(server->FindAttribute("show") != nullptr);

  CHECK(heat.ResolvedName("OS::Quantum::Net") == "OS::Neutron::Net");
  CHECK(heat.Resolve("OS::Quantum::Net") == heat.Find("OS::Neutron::Net"));
  CHECK(heat.ResolvedName("OS::Ceilometer::Alarm") == "OS::Aodh::Alarm");
  CHECK(heat.Find("OS::Nova::Sever") == nullptr);

  const ResourceType* attachment = heat.Resolve("OS::Cinder::VolumeAttachment");
  CHECK(attachment->service == "block-storage");
  CHECK(attachment->FindChild(attachment->root(), "instance_uuid")->identity_kind ==
        "nova.server");
  CHECK(heat.Resolve("OS::Keystone::Project")->scope == ResourceScope::Global);
  const ResourceType* port = heat.Resolve("OS::Neutron::Port");
  const PropertySchema* port_network = port->FindChild(port->root(), "network");
  REQUIRE(port_network != nullptr);
  CHECK(port_network->alternatives == std::vector<std::string>{"network_id"});
  CHECK(heat.Resolve("OS::Designate::Domain")->status == SupportStatus::Hidden);
}

TEST_CASE("CloudFormation schemas, definitions and region facts", "[catalog]") {
  const ResourceCatalog& cfn = ResourceCatalog::Cfn();
  const ResourceType* group = cfn.Resolve("AWS::EC2::SecurityGroup");
  REQUIRE(group != nullptr);
  CHECK(group->service == "ec2");
  CHECK(group->all_properties_are_attributes);
  const PropertySchema* ingress = group->FindChild(group->root(), "SecurityGroupIngress");
  REQUIRE(ingress != nullptr);
  const PropertySchema& rule = group->node(ingress->item);
  CHECK(!rule.open);
  CHECK(group->FindChild(rule, "IpProtocol")->required);
  CHECK(group->FindChild(rule, "FromPort")->types == kIntegerValue);
  CHECK(group->FindChild(group->root(), "VpcId")->identity_kind == "AWS::EC2::VPC.Id");
  CHECK(group->FindAttribute("GroupId") != nullptr);

  CHECK(cfn.Resolve("AWS::IAM::Role")->scope == ResourceScope::Global);
  CHECK(cfn.Resolve("AWS::EC2::Subnet")->scope == ResourceScope::Zonal);
  const ResourceType* distribution = cfn.Resolve("AWS::CloudFront::Distribution");
  const PropertySchema* config = distribution->FindChild(distribution->root(), "DistributionConfig");
  const PropertySchema* viewer = distribution->FindChild(*config, "ViewerCertificate");
  const PropertySchema* cert = distribution->FindChild(*viewer, "AcmCertificateArn");
  REQUIRE(cert != nullptr);
  CHECK(cert->required_region == "us-east-1");

  auto regions = cfn.regions();
  auto bit = [&](std::string_view region) {
    return uint64_t{1} << (std::find(regions.begin(), regions.end(), region) - regions.begin());
  };
  CHECK((distribution->regions & bit("us-east-1")) != 0);
  CHECK((distribution->regions & bit("us-gov-west-1")) == 0);
}

}  // namespace
}  // namespace isobar
