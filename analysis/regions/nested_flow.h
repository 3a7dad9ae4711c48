// Cross-region references through nested stacks (SPEC.md §3, "values
// flowing through nested-stack parameters and outputs"): a parent's object
// passed as a parameter and named by a child's property, a child's output
// read by the parent or by a sibling stack, at any depth. Each crossing is
// classified as within one template (ClassifyValue: identity R401, data
// R402) with the regions of each USE of a child: a template created from
// two stacks in two regions is one node of the tree, but its resources
// without a region key are in the region of the stack creating them.
//
// The diagnostic is reported where the object crosses a stack boundary in
// the template both ends descend from (the `get_resource` passed as a
// parameter, the `get_attr` of an output): that is the value to change, in
// the file being linted. Notes show the child's consuming property, each
// hop through a parameter or an output, and both placements.
#pragma once

#include "analysis/nested/stack_tree.h"
#include "diagnostics/emitter.h"

namespace isobar {

void CheckNestedCrossRegion(const StackTree& tree, DiagnosticEmitter& emitter);

}  // namespace isobar
