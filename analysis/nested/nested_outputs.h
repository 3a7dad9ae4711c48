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

void CheckNestedOutputs(const StackTree& tree, const StackNode& node,
                        const NestedUses& uses, DiagnosticEmitter& emitter);

}  // namespace isobar
