// The options every command that places resources in regions takes:
// `--profile FILE`, `--home-region NAME` and `-P NAME=VALUE` (SPEC.md §1).
#pragma once

#include <optional>
#include <span>
#include <string>

#include "driver/load_profile.h"

namespace isobar {

// `--opt value` or `--opt=value` at `args[i]`: sets `value` (advancing `i`
// past a separate value) and returns true.
auto OptionValue(std::span<const std::string> args, size_t& i,
                 std::string_view name, std::string& value) -> bool;

// Parses the region option at `args[i]` into `options` / `profile_path`.
// Returns nullopt when `args[i]` is none of them, "" when it was parsed,
// else a usage error message.
auto ParseRegionOption(std::span<const std::string> args, size_t& i,
                       LintOptions& options, std::string& profile_path)
    -> std::optional<std::string>;

// Loads `--profile` into `profile` when given: its report joins `reports`
// and the profile becomes `options.profile`; both point into `profile`,
// which must outlive them.
void LoadProfileOption(const std::string& profile_path, LintOptions& options,
                       LoadedProfile& profile,
                       std::vector<const FileReport*>& reports);

}  // namespace isobar
