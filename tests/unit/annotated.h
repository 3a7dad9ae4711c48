// Test inputs with their ranges marked inline, so no test hard-codes a
// column (after clangd's Annotations): `[[` and `]]` are taken out of the
// text, and `ranges` holds what each pair enclosed, in order of the
// opening markers.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "common/source_buffer.h"

namespace isobar::testing {

struct Annotated {
  std::string text;
  std::vector<ByteRange> ranges;

  explicit Annotated(std::string_view marked) {
    std::vector<size_t> open;
    for (size_t i = 0; i < marked.size(); ++i) {
      if (marked.substr(i, 2) == "[[") {
        open.push_back(ranges.size());
        ranges.push_back({static_cast<uint32_t>(text.size()), 0});
        ++i;
      } else if (marked.substr(i, 2) == "]]" && !open.empty()) {
        ranges[open.back()].end = static_cast<uint32_t>(text.size());
        open.pop_back();
        ++i;
      } else {
        text += marked[i];
      }
    }
  }
};

}  // namespace isobar::testing
