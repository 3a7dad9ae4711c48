#include <nlohmann/json.hpp>

#include <algorithm>
#include <unordered_map>

#include "diagnostics/render.h"

namespace isobar {

namespace {

using nlohmann::ordered_json;

// `file`, `line`, `column`, `end_line`, `end_column` of a location: the
// shape shared by diagnostics, notes and edits.
auto LocationFields(const Location& loc) -> ordered_json {
  LineColumn begin = loc.buffer->GetLineColumn(loc.range.begin);
  LineColumn end = loc.buffer->GetLineColumn(loc.range.end);
  return {{"file", loc.buffer->filename()},
          {"line", begin.line},
          {"column", begin.column},
          {"end_line", end.line},
          {"end_column", end.column}};
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
    ordered_json item = LocationFields(d->location);
    item["severity"] = SeverityName(d->severity);
    item["rule"] = info.code;
    item["name"] = info.name;
    item["message"] = d->message;
    ordered_json notes = ordered_json::array();
    for (const DiagnosticNote& note : d->notes) {
      ordered_json entry = LocationFields(note.location);
      entry["message"] = note.message;
      notes.push_back(std::move(entry));
    }
    item["notes"] = std::move(notes);
    if (!d->fixes.empty()) {
      ordered_json fixes = ordered_json::array();
      for (const FixIt& fix : d->fixes) {
        ordered_json edits = ordered_json::array();
        for (const TextEdit& edit : fix.edits) {
          ordered_json entry = LocationFields(edit.location);
          entry["replacement"] = edit.replacement;
          edits.push_back(std::move(entry));
        }
        fixes.push_back({{"description", fix.description}, {"edits", edits}});
      }
      item["fixes"] = std::move(fixes);
    }
    if (!d->region.empty()) item["region"] = d->region;
    if (!d->other_region.empty()) item["other_region"] = d->other_region;
    if (!d->stack_path.empty()) item["stack_path"] = d->stack_path;
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
