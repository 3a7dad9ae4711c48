// Loading the cloud profile named by `--profile`: its own report (the
// profile is a file the user wrote, so its mistakes are shown like a
// template's) and the profile, when it could be read.
#pragma once

#include <optional>
#include <string>

#include "driver/lint.h"
#include "frontend/cloud_profile.h"

namespace isobar {

struct LoadedProfile {
  FileReport report;
  std::optional<CloudProfile> profile;
};

auto LoadProfileFile(const std::string& path, const LoadOptions& options)
    -> LoadedProfile;

}  // namespace isobar
