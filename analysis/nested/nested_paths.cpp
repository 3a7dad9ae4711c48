#include "analysis/nested/nested_paths.h"

#include <fstream>

#include "analysis/nested/nested_uses.h"

namespace isobar {

namespace fs = std::filesystem;

namespace {

auto IsUnder(const fs::path& path, const fs::path& root) -> bool {
  fs::path relative = path.lexically_relative(root);
  return !relative.empty() && *relative.begin() != "..";
}

}  // namespace

auto CanonicalPath(const fs::path& path) -> fs::path {
  std::error_code ec;
  fs::path absolute = fs::absolute(path, ec);
  if (ec) return path.lexically_normal();
  fs::path canonical = fs::weakly_canonical(absolute, ec);
  return ec ? absolute.lexically_normal() : canonical;
}

auto ResolveNestedPath(std::string_view written, const PathBase& base,
                       const std::vector<fs::path>& roots,
                       bool allow_outside_root) -> ResolvedPath {
  ResolvedPath result;
  if (IsUrl(written)) {
    result.verdict = PathVerdict::Url;
    return result;
  }
  fs::path relative(written);
  result.display_name =
      relative.is_absolute()
          ? relative.lexically_normal().string()
          : (fs::path(base.display_directory) / relative).lexically_normal().string();
  result.canonical = CanonicalPath(base.directory / relative);
  bool inside = allow_outside_root;
  for (const fs::path& root : roots) inside = inside || IsUnder(result.canonical, root);
  if (!inside) {
    result.verdict = PathVerdict::OutsideRoot;
    return result;
  }
  std::error_code ec;
  if (!fs::exists(result.canonical, ec)) {
    result.verdict = PathVerdict::Missing;
  } else if (!fs::is_regular_file(result.canonical, ec) ||
             !std::ifstream(result.canonical).good()) {
    result.verdict = PathVerdict::NotAFile;
  }
  return result;
}

}  // namespace isobar
