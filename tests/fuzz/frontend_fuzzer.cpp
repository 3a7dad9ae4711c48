// libFuzzer target for the frontend and the structure check: arbitrary
// bytes go through LoadTemplate (CheckSourceText, the YAML or JSON reader,
// the model builder) and then CheckStructure, the way the lint driver runs
// them, and the text renderer draws every diagnostic.
//
// Invariants checked on every input (a failure aborts, so libFuzzer keeps
// the input as a crash):
//   - no exception escapes the phases;
//   - every diagnostic, note and fix edit names the input's buffer, and its
//     range lies within it: begin <= end <= size;
//   - every node and key range of the document tree lies within the buffer;
//   - line and column lookups of diagnostic ranges stay within the line
//     table, in order;
//   - for text that looks like JSON, the JSON reader's fast scanner and its
//     ANTLR grammar accept the same texts and build the same trees.
// ASan and UBSan, linked in by tests/fuzz/CMakeLists.txt, catch the rest.
//
// The first byte picks the file name: odd bytes (`{`, `[`, `\t`, `\r`)
// name the input `fuzz.json`, even bytes `fuzz.yaml`. The byte is not
// removed, so the seed corpus stays plain templates; a JSON-looking text
// named `.json` goes to the ANTLR JSON reader, anything else to yaml-cpp.
// See docs/fuzzing.md.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <optional>
#include <sstream>
#include <string>
#include <unordered_set>
#include <utility>
#include <vector>

#include "analysis/structure_check.h"
#include "diagnostics/emitter.h"
#include "diagnostics/render.h"
#include "frontend/json_reader.h"
#include "frontend/json_scan.h"
#include "frontend/load.h"

namespace isobar {
namespace {

[[noreturn]] void Fail(const char* what, const Location& location,
                       const SourceBuffer& source) {
  std::fprintf(stderr,
               "isobar fuzzer: invariant broken: %s: range [%u, %u) in `%s` "
               "(buffer %s, size %u)\n",
               what, location.range.begin, location.range.end,
               location.buffer ? location.buffer->filename().c_str() : "(null)",
               location.buffer == &source ? "is the input" : "is NOT the input",
               source.size());
  std::abort();
}

void CheckBounds(const char* what, ByteRange range,
                 const SourceBuffer& source) {
  if (range.begin > range.end || range.end > source.size()) {
    Fail(what, {&source, range}, source);
  }
}

// Bounds, and the line and column lookups a renderer makes. Those cost the
// length of the line, so they are made for diagnostics, not for each node.
void CheckRange(const char* what, ByteRange range, const SourceBuffer& source) {
  CheckBounds(what, range, source);
  // The renderers turn offsets into lines and columns; the two ends must
  // land on real lines, in order.
  LineColumn begin = source.GetLineColumn(range.begin);
  LineColumn end = source.GetLineColumn(range.end);
  if (begin.line < 1 || begin.line > source.line_count() || end.line < 1 ||
      end.line > source.line_count() || begin.column < 1 || end.column < 1 ||
      begin.line > end.line ||
      (begin.line == end.line && begin.column > end.column)) {
    Fail(what, {&source, range}, source);
  }
  (void)source.LineText(begin.line);
}

void CheckLocation(const char* what, const Location& location,
                   const SourceBuffer& source) {
  if (location.buffer != &source) Fail(what, location, source);
  CheckRange(what, location.range, source);
}

void CheckDiagnostics(const std::vector<Diagnostic>& diagnostics,
                      const SourceBuffer& source) {
  for (const Diagnostic& d : diagnostics) {
    CheckLocation("diagnostic", d.location, source);
    for (const DiagnosticNote& note : d.notes) {
      CheckLocation("note", note.location, source);
    }
    for (const FixIt& fix : d.fixes) {
      for (const TextEdit& edit : fix.edits) {
        CheckLocation("fix edit", edit.location, source);
      }
    }
  }
}

void CheckDocument(const Template& tmpl, const SourceBuffer& source) {
  const Document& doc = tmpl.document;
  if (&doc.source() != &source) {
    Fail("document source", {&doc.source(), {}}, source);
  }
  for (NodeId id = 0; id < doc.node_count(); ++id) {
    const Node& node = doc.node(id);
    CheckBounds("node", node.range, source);
    for (const MapEntry& entry : node.entries) {
      CheckBounds("mapping key", entry.key_range, source);
      if (entry.value >= doc.node_count()) {
        Fail("mapping value id", {&source, entry.key_range}, source);
      }
    }
    for (NodeId item : node.items) {
      if (item >= doc.node_count()) Fail("item id", {&source, node.range}, source);
    }
  }
  for (ByteRange tag : doc.short_form_tags()) {
    CheckBounds("short-form tag", tag, source);
  }
}

// Aborts unless the trees under `a` and `b` are the same node for node,
// ranges, styles and key ranges included.
void CheckSameTree(const Document& x, const Document& y,
                   const SourceBuffer& source) {
  std::vector<std::pair<NodeId, NodeId>> stack{{x.root(), y.root()}};
  std::unordered_set<uint64_t> done;
  while (!stack.empty()) {
    auto [a, b] = stack.back();
    stack.pop_back();
    if (!done.insert((uint64_t{a} << 32) | b).second) continue;
    const Node& na = x.node(a);
    const Node& nb = y.node(b);
    if (na.kind != nb.kind || na.style != nb.style || na.range != nb.range ||
        na.value != nb.value || na.items.size() != nb.items.size() ||
        na.entries.size() != nb.entries.size()) {
      Fail("JSON scanner and grammar build different nodes", {&source, na.range},
           source);
    }
    for (size_t i = 0; i < na.items.size(); ++i) {
      stack.emplace_back(na.items[i], nb.items[i]);
    }
    for (size_t i = 0; i < na.entries.size(); ++i) {
      if (na.entries[i].key != nb.entries[i].key ||
          na.entries[i].key_range != nb.entries[i].key_range) {
        Fail("JSON scanner and grammar build different keys",
             {&source, na.entries[i].key_range}, source);
      }
      stack.emplace_back(na.entries[i].value, nb.entries[i].value);
    }
  }
}

// The JSON reader has two ways to read: a fast scanner (frontend/json_scan.h)
// that must accept exactly what the ANTLR grammar accepts, and the grammar,
// run only to explain a syntax error. For text that looks like JSON, both
// are run and must agree: a text the grammar accepts is accepted by the
// scanner, a text the scanner accepts is not a syntax error to the grammar,
// and both build the same tree.
void CheckJsonReadersAgree(const SourceBuffer& source) {
  std::string_view text = source.text();
  uint32_t begin = text.starts_with("\xEF\xBB\xBF") ? 3 : 0;
  size_t first = text.find_first_not_of(" \t\r\n", begin);
  if (first == std::string_view::npos || (text[first] != '{' && text[first] != '[')) {
    return;
  }
  CollectingConsumer ignored;
  DiagnosticEmitter ignored_emitter(ignored);
  // The readers require valid UTF-8 without NUL bytes.
  if (!CheckSourceText(source, LoadOptions{}, ignored_emitter)) return;

  std::vector<JsonEvent> events;
  bool scanned = ScanJson(text, begin, events);
  CollectingConsumer grammar_diagnostics;
  DiagnosticEmitter grammar_emitter(grammar_diagnostics);
  std::optional<Document> grammar =
      ParseJsonWithGrammar(source, ParseOptions{}, grammar_emitter);
  bool syntax_error = false;
  for (const Diagnostic& d : grammar_diagnostics.diagnostics()) {
    syntax_error |= d.kind == DiagnosticKind::JsonSyntaxError;
  }
  if (grammar && !scanned) {
    Fail("the JSON scanner rejects text the grammar accepts", {&source, {}},
         source);
  }
  if (scanned && syntax_error) {
    Fail("the JSON scanner accepts text the grammar rejects",
         grammar_diagnostics.diagnostics().front().location, source);
  }
  CollectingConsumer fast_diagnostics;
  DiagnosticEmitter fast_emitter(fast_diagnostics);
  std::optional<Document> fast = ParseJson(source, ParseOptions{}, fast_emitter);
  if (fast.has_value() != grammar.has_value()) {
    Fail("ParseJson and ParseJsonWithGrammar disagree", {&source, {}}, source);
  }
  if (fast) CheckSameTree(*fast, *grammar, source);
}

void RunOne(const uint8_t* data, size_t size) {
  bool json_name = size > 0 && (data[0] & 1) != 0;
  SourceBuffer source(json_name ? "fuzz.json" : "fuzz.yaml",
                      std::string(reinterpret_cast<const char*>(data), size));
  CollectingConsumer consumer;
  DiagnosticEmitter emitter(consumer);
  LoadOptions options;
  std::optional<Template> tmpl = LoadTemplate(source, options, emitter);
  if (tmpl) {
    CheckDocument(*tmpl, source);
    // As the lint driver does: a non-template is reported, not checked.
    if (tmpl->format != TemplateFormat::NotATemplate) {
      CheckStructure(*tmpl, emitter);
    } else if (tmpl->document.root() != kNoNode) {
      CheckRange("root", tmpl->document.node(tmpl->document.root()).range,
                 source);
    }
  }
  CheckDiagnostics(consumer.diagnostics(), source);

  std::vector<const Diagnostic*> pointers;
  for (const Diagnostic& d : consumer.diagnostics()) pointers.push_back(&d);
  SortDiagnostics(pointers);
  std::ostringstream out;
  RenderText(out, pointers, TextStyle{});

  CheckJsonReadersAgree(source);
}

}  // namespace
}  // namespace isobar

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  try {
    isobar::RunOne(data, size);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "isobar fuzzer: exception escaped: %s\n", e.what());
    std::abort();
  } catch (...) {
    std::fprintf(stderr, "isobar fuzzer: unknown exception escaped\n");
    std::abort();
  }
  return 0;
}
