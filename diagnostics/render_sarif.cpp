// SARIF 2.1.0 (OASIS): one run whose driver lists every rule of the
// registry, one result per diagnostic. docs/reports.md describes each field.
#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <optional>
#include <unordered_set>

#include "diagnostics/render.h"
#include "diagnostics/render_util.h"
#include "diagnostics/rule_docs.h"

namespace isobar {

namespace {

using nlohmann::ordered_json;
using render_util::Span;
using render_util::SpanOf;

constexpr std::string_view kSchemaUri = "https://json.schemastore.org/sarif-2.1.0.json";
// Relative paths are relative to the directory isobar ran in; SARIF
// consumers (GitHub code scanning) resolve this base id to the checkout.
constexpr std::string_view kSourceRoot = "%SRCROOT%";

auto Level(Severity severity) -> std::string_view {
  switch (severity) {
    case Severity::Error:
      return "error";
    case Severity::Warning:
      return "warning";
    case Severity::Info:
      return "note";
  }
  return "error";
}

// Percent-encodes every byte but RFC 3986 unreserved characters and `/`.
// `:` is encoded too, so a relative path never reads as a URI scheme.
auto EscapeUriPath(std::string_view path) -> std::string {
  std::string out;
  for (char c : path) {
    auto byte = static_cast<unsigned char>(c);
    bool unreserved = (byte >= 'a' && byte <= 'z') || (byte >= 'A' && byte <= 'Z') ||
                      (byte >= '0' && byte <= '9') || c == '-' || c == '.' ||
                      c == '_' || c == '~' || c == '/';
    out += unreserved ? std::string(1, c) : fmt::format("%{:02X}", byte);
  }
  return out;
}

// An artifactLocation: a relative path becomes a relative URI against
// %SRCROOT%, an absolute one a `file://` URI.
auto ArtifactLocation(const std::string& path) -> ordered_json {
  if (path.starts_with("/")) return {{"uri", "file://" + EscapeUriPath(path)}};
  return {{"uri", EscapeUriPath(path)}, {"uriBaseId", kSourceRoot}};
}

// A text region. Columns count code points (the run's columnKind) and
// endColumn is exclusive, as in isobar's own reports. Whole-file
// locations get 1:1, since GitHub code scanning requires startLine.
auto Region(const Location& loc) -> ordered_json {
  Span span = SpanOf(loc);
  return {{"startLine", span.begin.line},
          {"startColumn", span.begin.column},
          {"endLine", span.end.line},
          {"endColumn", span.end.column}};
}

auto PhysicalLocation(const Location& loc) -> ordered_json {
  return {{"artifactLocation", ArtifactLocation(loc.buffer->filename())},
          {"region", Region(loc)}};
}

auto Text(std::string_view text) -> ordered_json { return {{"text", text}}; }

// One reportingDescriptor per registry row; a result's ruleIndex is the
// row's position, which is the DiagnosticKind's value. Rules that have
// results also carry their docs/rules page as help; the others would only
// make every report large (and nothing shows help for a rule without
// results).
auto Rules(std::span<const Diagnostic* const> diagnostics) -> ordered_json {
  std::vector<bool> used(AllDiagnosticKinds().size());
  for (const Diagnostic* d : diagnostics) used[static_cast<size_t>(d->kind)] = true;
  ordered_json rules = ordered_json::array();
  for (const DiagnosticKindInfo& info : AllDiagnosticKinds()) {
    ordered_json rule;
    rule["id"] = info.code;
    rule["name"] = info.name;
    rule["shortDescription"] = Text(info.summary);
    std::optional<std::string_view> doc = FindRuleDoc(info.code);
    if (doc && used[static_cast<size_t>(info.kind)]) {
      rule["help"] = {{"text", *doc}, {"markdown", *doc}};
    }
    rule["defaultConfiguration"] = {{"level", Level(info.default_severity)}};
    rules.push_back(std::move(rule));
  }
  return rules;
}

// A fix-it as SARIF `fix`: one artifactChange per file, in first-seen order.
auto Fix(const FixIt& fix) -> ordered_json {
  ordered_json changes = ordered_json::array();
  std::vector<const SourceBuffer*> order;
  for (const TextEdit& edit : fix.edits) {
    size_t i = 0;
    while (i < order.size() && order[i] != edit.location.buffer) ++i;
    if (i == order.size()) {
      order.push_back(edit.location.buffer);
      changes.push_back(
          {{"artifactLocation", ArtifactLocation(edit.location.buffer->filename())},
           {"replacements", ordered_json::array()}});
    }
    changes[i]["replacements"].push_back(
        {{"deletedRegion", Region(edit.location)},
         {"insertedContent", Text(edit.replacement)}});
  }
  return {{"description", Text(fix.description)}, {"artifactChanges", changes}};
}

auto Result(const Diagnostic& d) -> ordered_json {
  const DiagnosticKindInfo& info = GetKindInfo(d.kind);
  ordered_json result;
  result["ruleId"] = info.code;
  result["ruleIndex"] = static_cast<size_t>(d.kind);
  result["level"] = Level(d.severity);
  result["message"] = Text(d.message);
  ordered_json location = {{"physicalLocation", PhysicalLocation(d.location)}};
  result["locations"] = ordered_json::array({std::move(location)});
  if (!d.notes.empty()) {
    ordered_json related = ordered_json::array();
    for (size_t i = 0; i < d.notes.size(); ++i) {
      related.push_back({{"id", i + 1},
                         {"physicalLocation", PhysicalLocation(d.notes[i].location)},
                         {"message", Text(d.notes[i].message)}});
    }
    result["relatedLocations"] = std::move(related);
  }
  // SARIF wants at least one change per fix and no two equal fixes.
  ordered_json fixes = ordered_json::array();
  for (const FixIt& fix : d.fixes) {
    ordered_json item = Fix(fix);
    if (fix.edits.empty() || std::find(fixes.begin(), fixes.end(), item) != fixes.end()) {
      continue;
    }
    fixes.push_back(std::move(item));
  }
  if (!fixes.empty()) result["fixes"] = std::move(fixes);
  ordered_json properties = ordered_json::object();
  if (!d.region.empty()) properties["region"] = d.region;
  if (!d.stack_path.empty()) properties["stackPath"] = d.stack_path;
  if (!properties.empty()) result["properties"] = std::move(properties);
  return result;
}

}  // namespace

void RenderSarif(std::ostream& out, std::span<const std::string> files,
                 std::span<const Diagnostic* const> diagnostics,
                 const SarifOptions& options) {
  ordered_json driver;
  driver["name"] = "isobar";
  if (!options.tool_version.empty()) driver["version"] = options.tool_version;
  if (!options.information_uri.empty()) {
    driver["informationUri"] = options.information_uri;
  }
  driver["rules"] = Rules(diagnostics);

  // Artifacts must be unique; a file named twice is listed once.
  ordered_json artifacts = ordered_json::array();
  std::unordered_set<std::string_view> listed;
  for (const std::string& file : files) {
    if (listed.insert(file).second) {
      artifacts.push_back({{"location", ArtifactLocation(file)}});
    }
  }
  ordered_json results = ordered_json::array();
  for (const Diagnostic* d : diagnostics) results.push_back(Result(*d));

  ordered_json run;
  run["tool"] = {{"driver", std::move(driver)}};
  run["columnKind"] = "unicodeCodePoints";
  run["artifacts"] = std::move(artifacts);
  run["results"] = std::move(results);

  ordered_json report;
  report["$schema"] = kSchemaUri;
  report["version"] = "2.1.0";
  report["runs"] = ordered_json::array({std::move(run)});
  out << report.dump(2, ' ', false, ordered_json::error_handler_t::replace)
      << "\n";
}

}  // namespace isobar
