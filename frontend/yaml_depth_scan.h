// A cheap pre-scan of YAML nesting depth.
//
// yaml-cpp's parser recurses once per nesting level and only stops itself
// at about 500 levels, which a small thread stack may not survive. The YAML
// reader therefore measures nesting before yaml-cpp sees the text and
// refuses anything deeper than its limit.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace isobar {

// The byte offset in `text` of the collection start (`[`, `{`, `- `, `? `
// or a mapping key) at which collections first nest deeper than `limit`,
// or nullopt if they never do.
//
// Depth counts block collections (a stack of indentation columns, so that
// `- - - x` on one line nests three lists) plus open flow brackets. Quoted
// scalars, block scalars, plain scalars and comments are skipped, so
// brackets and dashes inside text do not count. Where the scan is unsure it
// errs towards counting deeper. One pass, O(text.size()).
auto ScanYamlDepth(std::string_view text, uint32_t limit)
    -> std::optional<uint32_t>;

}  // namespace isobar
