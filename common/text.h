// Small string helpers shared across phases.
#pragma once

#include <algorithm>
#include <cctype>
#include <string>
#include <string_view>

namespace isobar {

// Messages are lower case (docs/diagnostics.md), but operating-system
// messages start with a capital: "No such file or directory".
inline auto LowerFirst(std::string text) -> std::string {
  if (!text.empty()) {
    text[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(text[0])));
  }
  return text;
}

inline auto EndsWithIgnoreCase(std::string_view text, std::string_view suffix)
    -> bool {
  return text.size() >= suffix.size() &&
         std::equal(suffix.begin(), suffix.end(), text.end() - suffix.size(),
                    [](char a, char b) {
                      return std::tolower(static_cast<unsigned char>(a)) ==
                             std::tolower(static_cast<unsigned char>(b));
                    });
}

// The value of a hexadecimal digit, or -1.
inline auto HexDigitValue(char c) -> int {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace isobar
