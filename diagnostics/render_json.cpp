#include <nlohmann/json.hpp>

#include <algorithm>
#include <unordered_map>

#include "diagnostics/render.h"

namespace isobar {

namespace {

using nlohmann::ordered_json;

auto Position(const Location& loc) -> std::pair<LineColumn, LineColumn> {
  LineColumn begin = loc.buffer->GetLineColumn(loc.range.begin);
  LineColumn end = loc.buffer->GetLineColumn(loc.range.end);
  return {begin, end};
}

}  // namespace

void SortDiagnostics(std::vector<const Diagnostic*>& diagnostics) {
  std::unordered_map<const SourceBuffer*, size_t> file_order;
  for (const Diagnostic* d : diagnostics) {
    file_order.emplace(d->location.buffer, file_order.size());
  }
  std::stable_sort(diagnostics.begin(), diagnostics.end(),
                   [&](const Diagnostic* a, const Diagnostic* b) {
                     size_t fa = file_order[a->location.buffer];
                     size_t fb = file_order[b->location.buffer];
                     if (fa != fb) return fa < fb;
                     return a->location.range.begin < b->location.range.begin;
                   });
}

void RenderJson(std::ostream& out, std::span<const std::string> files,
                std::span<const Diagnostic* const> diagnostics) {
  ordered_json report;
  report["format"] = "isobar-report/1";
  report["files"] = ordered_json::array();
  for (const std::string& file : files) report["files"].push_back(file);
  Summary summary;
  ordered_json list = ordered_json::array();
  for (const Diagnostic* d : diagnostics) {
    const DiagnosticKindInfo& info = GetKindInfo(d->kind);
    auto [begin, end] = Position(d->location);
    ordered_json item;
    item["file"] = d->location.buffer->filename();
    item["line"] = begin.line;
    item["column"] = begin.column;
    item["end_line"] = end.line;
    item["end_column"] = end.column;
    item["severity"] = SeverityName(d->severity);
    item["rule"] = info.code;
    item["name"] = info.name;
    item["message"] = d->message;
    ordered_json notes = ordered_json::array();
    for (const DiagnosticNote& note : d->notes) {
      auto [nb, ne] = Position(note.location);
      notes.push_back({{"file", note.location.buffer->filename()},
                       {"line", nb.line},
                       {"column", nb.column},
                       {"end_line", ne.line},
                       {"end_column", ne.column},
                       {"message", note.message}});
    }
    item["notes"] = std::move(notes);
    if (!d->fixes.empty()) {
      ordered_json fixes = ordered_json::array();
      for (const FixIt& fix : d->fixes) {
        ordered_json edits = ordered_json::array();
        for (const TextEdit& edit : fix.edits) {
          auto [eb, ee] = Position(edit.location);
          edits.push_back({{"file", edit.location.buffer->filename()},
                           {"line", eb.line},
                           {"column", eb.column},
                           {"end_line", ee.line},
                           {"end_column", ee.column},
                           {"replacement", edit.replacement}});
        }
        fixes.push_back({{"description", fix.description}, {"edits", edits}});
      }
      item["fixes"] = std::move(fixes);
    }
    if (!d->region.empty()) item["region"] = d->region;
    list.push_back(std::move(item));
    summary.Add(d->severity);
  }
  report["diagnostics"] = std::move(list);
  report["summary"] = {{"errors", summary.errors},
                       {"warnings", summary.warnings},
                       {"infos", summary.infos}};
  // Invalid UTF-8 never reaches here (the frontend refuses it), but replace
  // rather than throw if it ever does.
  out << report.dump(2, ' ', false, ordered_json::error_handler_t::replace)
      << "\n";
}

}  // namespace isobar
