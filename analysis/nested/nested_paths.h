// Where a file a template names lives, and whether isobar may read it:
// local files only (a URL is never fetched), inside the root template's
// directory unless `--allow-outside-root` (SPEC.md §2). Symbolic links are
// resolved first, so a link cannot lead outside unseen.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace isobar {

enum class PathVerdict : uint8_t { Ok, Url, OutsideRoot, Missing, NotAFile };

struct ResolvedPath {
  PathVerdict verdict = PathVerdict::Ok;
  // The file with symbolic links resolved: the identity of a template.
  std::filesystem::path canonical;
  // The name shown to users: `written` joined onto the referring file's
  // displayed directory.
  std::string display_name;
};

struct PathBase {
  // The directory `written` is relative to, on disk and as displayed.
  std::filesystem::path directory;
  std::string display_directory;
};

// Resolves `written` against `base`; a path is allowed when it lies under
// one of `roots` (canonical directories) or `allow_outside_root` is set.
auto ResolveNestedPath(std::string_view written, const PathBase& base,
                       const std::vector<std::filesystem::path>& roots,
                       bool allow_outside_root) -> ResolvedPath;

// The canonical form of a directory or file that may not exist yet.
auto CanonicalPath(const std::filesystem::path& path) -> std::filesystem::path;

}  // namespace isobar
