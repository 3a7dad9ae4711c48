// `get_attr` / `Fn::GetAtt` / `Fn::Sub` attribute names against the catalog: the
// first element of a HOT attribute path (the rest reaches into the
// value), CloudFormation's dotted names (`Endpoint.Address`), nested
// stacks (OS::Heat::Stack, groups, provider templates: any name may be an
// output), cfn-lint's types whose every property is an attribute, and
// Heat's generic `show`. Deprecated and hidden Heat attributes warn.
#pragma once

#include <vector>

#include "analysis/references/resolve.h"
#include "analysis/resources/findings.h"
#include "analysis/resources/resource_types.h"

namespace isobar {

// `types[i]` is the lookup of resource i's type (Unknown when it has
// none). Appends findings to `out`.
void CheckAttributes(const Template& tmpl, const Resolution& resolution,
                     const std::vector<TypeLookup>& types,
                     std::vector<Finding>& out);

}  // namespace isobar
