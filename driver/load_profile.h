// Loading the cloud profile named by `--profile` (or the project
// configuration's `profile:`): its own report (the profile is a file the
// user wrote, so its mistakes are shown like a template's) and the
// profile, when it could be read.
#pragma once

#include <string>

#include "driver/load_user_file.h"
#include "frontend/cloud_profile.h"

namespace isobar {

using LoadedProfile = LoadedFile<CloudProfile>;

auto LoadProfileFile(const std::string& path, const LoadOptions& options)
    -> LoadedProfile;

}  // namespace isobar
