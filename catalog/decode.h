// Decodes one catalog record (a compact JSON object, tools/gen_catalog.py)
// into a ResourceType. Internal to catalog/.
#pragma once

#include <memory>
#include <string_view>

#include "catalog/catalog.h"

namespace isobar {

auto DecodeResourceType(std::string_view name, std::string_view record)
    -> std::unique_ptr<ResourceType>;

}  // namespace isobar
