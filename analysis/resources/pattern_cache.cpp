#include "analysis/resources/pattern_cache.h"

#include <map>
#include <memory>
#include <string>

namespace isobar {

auto CompiledPattern(std::string_view pattern, bool search)
    -> const PythonPattern* {
  thread_local std::map<std::string, std::unique_ptr<PythonPattern>, std::less<>>
      cache;
  // A lazy prefix turns re.match into a search; `^` still only matches at
  // the start, as in a search without MULTILINE.
  std::string key = search ? "[\\s\\S]*?(?:" + std::string(pattern) + ")"
                           : std::string(pattern);
  auto it = cache.find(key);
  if (it == cache.end()) {
    auto compiled = std::make_unique<PythonPattern>(PythonPattern::Compile(key));
    it = cache.emplace(key, std::move(compiled)).first;
  }
  const PythonPattern& p = *it->second;
  return p.status() == PythonPattern::Status::Ok ? &p : nullptr;
}

}  // namespace isobar
