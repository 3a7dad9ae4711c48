// Units for common/: source positions and spelling suggestions.
#include <catch2/catch.hpp>

#include "common/source_buffer.h"
#include "common/spelling.h"

namespace isobar {
namespace {

TEST_CASE("line and column come from byte offsets", "[source]") {
  SourceBuffer buffer("a.yaml", "ab\ncd\r\nef\rg");
  CHECK(buffer.line_count() == 4);
  CHECK(buffer.GetLineColumn(0).line == 1);
  CHECK(buffer.GetLineColumn(1).column == 2);
  CHECK(buffer.GetLineColumn(3).line == 2);
  CHECK(buffer.GetLineColumn(3).column == 1);
  // "\r\n" is one line break; the next line starts after it.
  CHECK(buffer.GetLineColumn(7).line == 3);
  // A lone "\r" ends a line too.
  CHECK(buffer.GetLineColumn(10).line == 4);
  CHECK(buffer.LineText(2) == "cd");
  CHECK(buffer.LineText(3) == "ef");
  CHECK(buffer.LineText(5).empty());
}

TEST_CASE("columns count code points, not bytes", "[source]") {
  // "é" is two bytes, "€" three.
  std::string text = "k: \xC3\xA9\xE2\x82\xACx";
  SourceBuffer buffer("u.yaml", text);
  auto x = static_cast<uint32_t>(text.find('x'));
  CHECK(buffer.GetLineColumn(x).column == 6);
}

TEST_CASE("offsets past the end clamp", "[source]") {
  SourceBuffer buffer("a.yaml", "ab\n");
  CHECK(buffer.GetLineColumn(100).line == 2);
  CHECK(buffer.GetLineColumn(100).column == 1);
}

TEST_CASE("edit distance counts swaps as one edit", "[spelling]") {
  CHECK(EditDistance("resources", "resources") == 0);
  CHECK(EditDistance("resouces", "resources") == 1);
  CHECK(EditDistance("resoruces", "resources") == 1);
  CHECK(EditDistance("Resources", "resources") == 0);
  CHECK(EditDistance("", "abc") == 3);
}

TEST_CASE("suggestions stay plausible", "[spelling]") {
  constexpr std::string_view kSections[] = {"heat_template_version",
                                            "description", "parameters",
                                            "resources", "outputs"};
  CHECK(SuggestSpelling("resouces", kSections) == "resources");
  CHECK(SuggestSpelling("output", kSections) == "outputs");
  CHECK(SuggestSpelling("heat_template_versoin", kSections) ==
        "heat_template_version");
  CHECK_FALSE(SuggestSpelling("zzz", kSections).has_value());
  CHECK_FALSE(SuggestSpelling("banana", kSections).has_value());
}

}  // namespace
}  // namespace isobar
