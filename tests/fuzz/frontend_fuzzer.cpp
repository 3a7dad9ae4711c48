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
//     table, in order.
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
#include <vector>

#include "analysis/structure_check.h"
#include "diagnostics/emitter.h"
#include "diagnostics/render.h"
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
