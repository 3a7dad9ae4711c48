// The subcommands of `isobar`. Each takes its arguments (after the command
// name) and returns the process exit status.
#pragma once

#include <span>
#include <string>

namespace isobar {

// Exit statuses (SPEC.md §1).
inline constexpr int kExitOk = 0;
inline constexpr int kExitFindings = 1;
inline constexpr int kExitUsage = 2;

auto RunLint(std::span<const std::string> args) -> int;
auto RunRules(std::span<const std::string> args) -> int;
auto RunExplain(std::span<const std::string> args) -> int;
auto RunGraph(std::span<const std::string> args) -> int;

// Prints `isobar: error: <message>` and a hint to stderr; returns 2.
auto UsageError(const std::string& message) -> int;

}  // namespace isobar
