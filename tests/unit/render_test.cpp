// Units for the text and JSON renderers.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <set>
#include <sstream>

#include "diagnostics/emitter.h"
#include "diagnostics/render.h"

namespace isobar {
namespace {

struct Fixture {
  SourceBuffer source{"a.yaml", "resources:\n  srv:\n    tpye: OS::Nova::Server\n"};
  CollectingConsumer consumer;
  DiagnosticEmitter emitter{consumer};

  auto RangeOf(std::string_view needle) -> ByteRange {
    auto at = static_cast<uint32_t>(source.text().find(needle));
    return {at, at + static_cast<uint32_t>(needle.size())};
  }

  auto Emit() -> std::vector<const Diagnostic*> {
    emitter.Build(DiagnosticKind::UnknownResourceKey, {&source, RangeOf("tpye")},
                  "unknown resource key `{}`", "tpye")
        .Note({&source, RangeOf("srv")}, "in resource `srv`")
        .Fix("replace with `type`", {{{&source, RangeOf("tpye")}, "type"}})
        .Emit();
    std::vector<const Diagnostic*> list;
    for (const Diagnostic& d : consumer.diagnostics()) list.push_back(&d);
    return list;
  }
};

TEST_CASE("text output is clang-like with a caret and underline", "[render]") {
  Fixture f;
  auto list = f.Emit();
  std::ostringstream out;
  RenderText(out, list, {.color = false});
  CHECK(out.str() ==
        "a.yaml:3:5: error: unknown resource key `tpye` [R103 unknown-resource-key]\n"
        "    3 |     tpye: OS::Nova::Server\n"
        "      |     ^~~~\n"
        "a.yaml:2:3: note: in resource `srv`\n"
        "    2 |   srv:\n"
        "      |   ^~~\n"
        "  fix: replace with `type`\n");
}

TEST_CASE("colour is only added when asked", "[render]") {
  Fixture f;
  auto list = f.Emit();
  std::ostringstream plain, colored;
  RenderText(plain, list, {.color = false});
  RenderText(colored, list, {.color = true});
  CHECK(plain.str().find('\033') == std::string::npos);
  CHECK(colored.str().find("\033[1;31merror:") != std::string::npos);
}

TEST_CASE("JSON output follows isobar-report/1", "[render]") {
  Fixture f;
  auto list = f.Emit();
  std::ostringstream out;
  std::vector<std::string> files{"a.yaml"};
  RenderJson(out, files, list);
  auto report = nlohmann::json::parse(out.str());
  CHECK(report["format"] == "isobar-report/1");
  CHECK(report["files"] == nlohmann::json::array({"a.yaml"}));
  const auto& d = report["diagnostics"][0];
  CHECK(d["file"] == "a.yaml");
  CHECK(d["line"] == 3);
  CHECK(d["column"] == 5);
  CHECK(d["end_line"] == 3);
  CHECK(d["end_column"] == 9);
  CHECK(d["severity"] == "error");
  CHECK(d["rule"] == "R103");
  CHECK(d["name"] == "unknown-resource-key");
  CHECK(d["notes"][0]["line"] == 2);
  CHECK(d["notes"][0]["column"] == 3);
  CHECK(d["fixes"][0]["edits"][0]["replacement"] == "type");
  CHECK(report["summary"]["errors"] == 1);
  CHECK(report["summary"]["warnings"] == 0);
}

TEST_CASE("diagnostics sort by file, then position", "[render]") {
  SourceBuffer a("a.yaml", "0123456789");
  SourceBuffer b("b.yaml", "0123456789");
  Diagnostic d1{.kind = DiagnosticKind::DuplicateKey, .location = {&a, {5, 6}}};
  Diagnostic d2{.kind = DiagnosticKind::DuplicateKey, .location = {&b, {1, 2}}};
  Diagnostic d3{.kind = DiagnosticKind::DuplicateKey, .location = {&a, {2, 3}}};
  std::vector<const Diagnostic*> list{&d1, &d2, &d3};
  SortDiagnostics(list);
  CHECK(list[0] == &d3);
  CHECK(list[1] == &d1);
  CHECK(list[2] == &d2);
}

TEST_CASE("every kind has a distinct code and name", "[registry]") {
  std::set<std::string_view> codes, names;
  for (const DiagnosticKindInfo& info : AllDiagnosticKinds()) {
    CHECK(codes.insert(info.code).second);
    CHECK(names.insert(info.name).second);
    CHECK(FindDiagnosticKind(info.code) == &info);
    CHECK(FindDiagnosticKind(info.name) == &info);
  }
  CHECK(FindDiagnosticKind("r013")->kind == DiagnosticKind::DuplicateKey);
  CHECK(FindDiagnosticKind("no-such-rule") == nullptr);
}

}  // namespace
}  // namespace isobar

namespace isobar {
namespace {

TEST_CASE("a long line is shown as a window around the caret", "[render]") {
  std::string text = "k: [" + std::string(500, 'a') + ", bad, " +
                     std::string(500, 'b') + "]\n";
  SourceBuffer source("long.yaml", text);
  auto at = static_cast<uint32_t>(text.find("bad"));
  Diagnostic d{.kind = DiagnosticKind::DuplicateKey,
               .severity = Severity::Error,
               .location = {&source, {at, at + 3}},
               .message = "m"};
  std::vector<const Diagnostic*> list{&d};
  std::ostringstream out;
  RenderText(out, list, {.color = false});
  std::istringstream lines(out.str());
  std::string header, snippet, caret;
  std::getline(lines, header);
  std::getline(lines, snippet);
  std::getline(lines, caret);
  CHECK(snippet.size() < 200);
  CHECK(snippet.find("...") != std::string::npos);
  // The caret sits under `bad` in the window.
  CHECK(snippet.substr(caret.find('^'), 3) == "bad");
  CHECK(caret.substr(caret.find('^')) == "^~~");
}

}  // namespace
}  // namespace isobar
