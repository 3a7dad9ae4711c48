// "Did you mean" suggestions by edit distance.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

namespace isobar {

// Optimal-string-alignment distance (Levenshtein plus adjacent swaps),
// compared case-insensitively so that `Resouces` and `resources` are close.
auto EditDistance(std::string_view a, std::string_view b) -> size_t;

// The candidate closest to `word`, if it is close enough to be a plausible
// typo: at most a third of the word's length (and at least 1) edits away,
// and never more than `max_distance`.
auto SuggestSpelling(std::string_view word,
                     std::span<const std::string_view> candidates,
                     size_t max_distance = SIZE_MAX)
    -> std::optional<std::string_view>;

}  // namespace isobar
