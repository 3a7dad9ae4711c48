#include "analysis/nested/nested_uses.h"

#include <cctype>
#include <unordered_set>

#include "frontend/environment.h"

namespace isobar {

namespace {

class UseFinder {
 public:
  UseFinder(const Template& tmpl, const Resolution& resolution,
            const TemplateContext& context)
      : tmpl_(tmpl), doc_(tmpl.document), resolution_(resolution),
        context_(context) {}

  auto Run() -> NestedUses {
    for (uint32_t i = 0; i < tmpl_.resources.size(); ++i) {
      const Resource& r = tmpl_.resources[i];
      if (doc_.IsScalar(r.type)) AddResource(i, r);
    }
    for (const FunctionCall& call : resolution_.functions.calls()) {
      if (call.id != FunctionId::GetFile || call.status != CallStatus::Live ||
          !doc_.IsScalar(call.argument)) {
        continue;
      }
      if (stack_templates_.contains(call.mapping)) continue;
      uses_.files.push_back({doc_.node(call.argument).value, call.argument});
    }
    return std::move(uses_);
  }

 private:
  auto Property(NodeId map, std::string_view key) const -> NodeId {
    if (!doc_.IsMapping(map)) return kNoNode;
    const MapEntry* e = doc_.Find(map, key);
    return e ? e->value : kNoNode;
  }

  void AddResource(uint32_t index, const Resource& r) {
    std::string_view type = doc_.node(r.type).value;
    NodeId props = r.properties;
    if (type == "OS::Heat::Stack") return AddHeatStack(index, props);
    if (type == "AWS::CloudFormation::Stack") {
      return AddCfnStack(index, props, "TemplateURL");
    }
    // SAM's nested application: a local `Location` is a template too (a
    // mapping names an application in the Serverless Application
    // Repository, which is not read).
    if (type == "AWS::Serverless::Application") {
      return AddCfnStack(index, props, "Location");
    }
    if (type == "OS::Heat::ResourceGroup" ||
        type == "OS::Heat::AutoScalingGroup") {
      NodeId def = Property(props, type == "OS::Heat::ResourceGroup"
                                       ? "resource_def"
                                       : "resource");
      NodeId member_type = Property(def, "type");
      if (!doc_.IsScalar(member_type)) return;
      NestedUse use{.kind = NestedKind::Group, .resource = index};
      if (!ResolveType(use, doc_.node(member_type).value, {}, member_type)) {
        return;
      }
      SetParameters(use, Property(def, "properties"));
      uses_.stacks.push_back(std::move(use));
      return;
    }
    NestedUse use{.kind = NestedKind::ProviderTemplate, .resource = index};
    if (!ResolveType(use, type, r.name, r.type)) return;
    SetParameters(use, props);
    uses_.stacks.push_back(std::move(use));
  }

  // Follows the registry (aliases, at most a few steps, as chains are
  // short in practice and a loop must end) to a template, if any.
  auto ResolveType(NestedUse& use, std::string_view type,
                   std::string_view resource, NodeId type_node) -> bool {
    std::string current(type);
    for (int step = 0; step < 8; ++step) {
      const RegisteredType* entry =
          context_.FindRegisteredType(current, resource);
      if (entry == nullptr || entry->target == current) break;
      if (IsTemplateType(entry->target) || IsUrl(entry->target)) {
        use.path = entry->target;
        use.base_directory = entry->base_directory;
        use.from_registry = true;
        use.named_at = entry->where;
        return true;
      }
      current = entry->target;
    }
    if (!IsTemplateType(current)) return false;
    use.path = current;
    use.named_at = doc_.LocationOf(type_node);
    return true;
  }

  void SetParameters(NestedUse& use, NodeId values) {
    if (values == kNoNode || doc_.IsNull(values)) return;
    if (doc_.IsMapping(values) && !resolution_.functions.IsCall(values)) {
      use.parameters = values;
    } else {
      use.parameters_unknown = true;
    }
  }

  void AddHeatStack(uint32_t index, NodeId props) {
    NodeId tmpl = Property(props, "template");
    NestedUse use{.kind = NestedKind::HeatStack, .resource = index};
    if (doc_.IsScalar(tmpl)) {
      use.inline_template = tmpl;
      use.named_at = doc_.LocationOf(tmpl);
    } else {
      uint32_t call = resolution_.functions.CallAt(tmpl, false);
      if (call == kNoCall) return;
      const FunctionCall& c = resolution_.functions.call(call);
      if (c.id != FunctionId::GetFile || !doc_.IsScalar(c.argument)) return;
      stack_templates_.insert(c.mapping);
      use.path = doc_.node(c.argument).value;
      use.named_at = doc_.LocationOf(c.argument);
    }
    SetParameters(use, Property(props, "parameters"));
    uses_.stacks.push_back(std::move(use));
  }

  void AddCfnStack(uint32_t index, NodeId props, std::string_view key) {
    NodeId url = Property(props, key);
    // A dynamic reference (`{{resolve:ssm:...}}`) is read at deployment.
    if (!doc_.IsScalar(url) ||
        doc_.node(url).value.find("{{resolve:") != std::string::npos) {
      return;
    }
    NestedUse use{.kind = NestedKind::CfnStack, .resource = index,
                  .path = doc_.node(url).value,
                  .named_at = doc_.LocationOf(url)};
    SetParameters(use, Property(props, "Parameters"));
    uses_.stacks.push_back(std::move(use));
  }

  const Template& tmpl_;
  const Document& doc_;
  const Resolution& resolution_;
  const TemplateContext& context_;
  NestedUses uses_;
  // `get_file` calls that are an OS::Heat::Stack's template.
  std::unordered_set<NodeId> stack_templates_;
};

}  // namespace

auto FindNestedUses(const Template& tmpl, const Resolution& resolution,
                    const TemplateContext& context) -> NestedUses {
  if (tmpl.format != TemplateFormat::Hot && tmpl.format != TemplateFormat::Cfn) {
    return {};
  }
  return UseFinder(tmpl, resolution, context).Run();
}

auto IsUrl(std::string_view path) -> bool {
  size_t colon = path.find("://");
  if (colon == std::string_view::npos || colon == 0) return false;
  // An RFC 3986 scheme: a letter, then letters, digits, `+`, `-`, `.`
  // (`s3://` included).
  if (!std::isalpha(static_cast<unsigned char>(path[0]))) return false;
  for (char c : path.substr(0, colon)) {
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '+' && c != '-' &&
        c != '.') {
      return false;
    }
  }
  return true;
}

}  // namespace isobar
