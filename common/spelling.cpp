#include "common/spelling.h"

#include <algorithm>
#include <cctype>
#include <string>
#include <vector>

namespace isobar {

static auto Lower(char c) -> char {
  return static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
}

auto EditDistance(std::string_view a_text, std::string_view b_text) -> size_t {
  // Lower-case once, not in the inner loop: suggestions compare a word
  // against every resource type of both catalogs.
  std::string a(a_text);
  std::string b(b_text);
  for (char& c : a) c = Lower(c);
  for (char& c : b) c = Lower(c);
  // Three rolling rows are enough for the adjacent-transposition case.
  std::vector<size_t> prev2(b.size() + 1), prev(b.size() + 1), cur(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) prev[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    cur[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        cur[j] = std::min(cur[j], prev2[j - 2] + 1);
      }
    }
    std::swap(prev2, prev);
    std::swap(prev, cur);
  }
  return prev[b.size()];
}

auto SuggestSpelling(std::string_view word,
                     std::span<const std::string_view> candidates,
                     size_t max_distance) -> std::optional<std::string_view> {
  size_t limit =
      std::min(max_distance, std::max<size_t>(1, (word.size() + 2) / 3));
  std::optional<std::string_view> best;
  size_t best_distance = limit + 1;
  for (std::string_view candidate : candidates) {
    // The length difference is a lower bound of the distance.
    size_t gap = word.size() > candidate.size() ? word.size() - candidate.size()
                                                : candidate.size() - word.size();
    if (gap >= best_distance) continue;
    size_t d = EditDistance(word, candidate);
    if (d < best_distance) {
      best = candidate;
      best_distance = d;
    }
  }
  return best;
}

}  // namespace isobar
