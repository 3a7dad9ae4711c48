// The findings about a resource's type itself: unknown (R301, with the
// closest known name, case differences included) and deprecated, hidden
// or unsupported in Heat (R302, with Heat's support message, which names
// the replacement).
#pragma once

#include <optional>
#include <string_view>

#include "analysis/resources/findings.h"
#include "analysis/resources/resource_types.h"

namespace isobar {

auto UnknownTypeFinding(std::string_view type, Location where,
                        TypeDialect dialect, const TemplateContext& context)
    -> Finding;

// `entry` is the type as written (an alias keeps its own status),
// `resolved` what it stands for. Nothing when both are supported.
auto DeprecatedTypeFinding(std::string_view type, const ResourceType& entry,
                           const ResourceType& resolved, Location where)
    -> std::optional<Finding>;

}  // namespace isobar
