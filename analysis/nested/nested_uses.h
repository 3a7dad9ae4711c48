// Where one template names other files: the resources that create a nested
// stack from a template (provider templates, `resource_registry` entries,
// OS::Heat::Stack, the `resource_def` / `resource` of
// OS::Heat::ResourceGroup and OS::Heat::AutoScalingGroup,
// AWS::CloudFormation::Stack), and the `get_file` calls that only read a
// file. Pure lookup over the template: nothing is read or reported here.
#pragma once

#include <string>
#include <vector>

#include "analysis/references/resolve.h"
#include "analysis/template_context.h"

namespace isobar {

enum class NestedKind : uint8_t {
  // `type: child.yaml`, or a type the registry maps to a template: the
  // resource's properties are the child's parameters, its attributes the
  // child's outputs.
  ProviderTemplate,
  // OS::Heat::Stack: `parameters`, and `get_attr: [s, outputs, name]`.
  HeatStack,
  // ResourceGroup / AutoScalingGroup members made from a template.
  Group,
  // AWS::CloudFormation::Stack (`TemplateURL`) and
  // AWS::Serverless::Application (`Location`): `Parameters`,
  // `Fn::GetAtt [s, Outputs.x]`.
  CfnStack,
};

struct NestedUse {
  NestedKind kind = NestedKind::ProviderTemplate;
  // Index into Template::resources.
  uint32_t resource = 0;
  // The template's path (or URL) as written; empty for an inline template.
  std::string path;
  // What `path` is relative to: empty for the template's own directory, or
  // the environment file's directory for a registry entry.
  std::string base_directory;
  bool from_registry = false;
  // Where the file is named (the type, the `get_file` argument, the
  // `TemplateURL`, or the registry entry); for an inline template, the
  // template string.
  Location named_at;
  // OS::Heat::Stack `template:` given as a string holding the template.
  NodeId inline_template = kNoNode;
  // The mapping of values passed as the child's parameters; kNoNode when
  // none is given, and `parameters_unknown` when they are computed.
  NodeId parameters = kNoNode;
  bool parameters_unknown = false;
};

// A `get_file` whose file is only read as text.
struct FileUse {
  std::string path;
  NodeId node = kNoNode;
};

struct NestedUses {
  std::vector<NestedUse> stacks;
  std::vector<FileUse> files;
};

auto FindNestedUses(const Template& tmpl, const Resolution& resolution,
                    const TemplateContext& context) -> NestedUses;

// True for `http://...`, `https://...`, `file://...`: never fetched.
auto IsUrl(std::string_view path) -> bool;

}  // namespace isobar
