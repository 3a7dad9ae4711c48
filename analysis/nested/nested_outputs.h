// Outputs read from nested stacks: `get_attr: [child, out]` on a provider
// template or a group member (`[group, out]`, `[group, resource.0.out]`),
// `get_attr: [stack, outputs, out]` on OS::Heat::Stack, and
// `Fn::GetAtt: [stack, Outputs.out]` on AWS::CloudFormation::Stack. An
// output the child does not define fails the stack (R265).
#pragma once

#include "analysis/nested/nested_uses.h"
#include "analysis/nested/stack_tree.h"
#include "diagnostics/emitter.h"

namespace isobar {

// The output an attribute read names, and the node naming it; empty when
// the read is not of one output (or cannot be known).
struct OutputRead {
  std::string name;
  NodeId node = kNoNode;
};

// What `call` (get_attr / Fn::GetAtt, or a `${stack.Outputs.x}` of a
// Fn::Sub) reads of stack `resource`, made the `kind` way.
auto ReadNestedOutput(NestedKind kind, const Document& doc,
                      const FunctionCall& call, std::string_view resource)
    -> OutputRead;
// The resource a get_attr / Fn::GetAtt call reads, as written.
auto AttributeResource(const Document& doc, const FunctionCall& call)
    -> std::string;

void CheckNestedOutputs(const StackTree& tree, const StackNode& node,
                        const NestedUses& uses, DiagnosticEmitter& emitter);

}  // namespace isobar
