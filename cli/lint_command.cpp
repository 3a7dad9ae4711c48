// `isobar lint PATH...`: check files and directories, render one report.
#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <charconv>
#include <cstdlib>
#include <iostream>
#include <optional>
#include <thread>

#include "cli/commands.h"
#include "diagnostics/render.h"
#include "driver/lint.h"
#include "cli/run_options.h"

namespace isobar {

namespace {

enum class ReportFormat { Text, Json, Sarif, Junit, Github };
enum class ColorMode { Auto, Always, Never };

struct LintArgs {
  // Unset: the project configuration's `format`, else text.
  std::optional<ReportFormat> format;
  ColorMode color = ColorMode::Auto;
  bool strict = false;
  RunOptions run;
  LintOptions options;
  std::vector<std::string> paths;
};

auto ParseReportFormat(std::string_view name) -> std::optional<ReportFormat> {
  if (name == "text") return ReportFormat::Text;
  if (name == "json") return ReportFormat::Json;
  if (name == "sarif") return ReportFormat::Sarif;
  if (name == "junit") return ReportFormat::Junit;
  if (name == "github") return ReportFormat::Github;
  return std::nullopt;
}

auto ParseNumber(const std::string& text, uint64_t& value) -> bool {
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  return ec == std::errc() && ptr == text.data() + text.size();
}

// Returns an error message, or empty on success.
auto ParseLintArgs(std::span<const std::string> args, LintArgs& out)
    -> std::string {
  unsigned cores = std::thread::hardware_concurrency();
  out.options.jobs = cores == 0 ? 1 : cores;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    // `--opt value` and `--opt=value` are both accepted.
    auto value = [&](std::string_view name, std::string& v) -> bool {
      if (arg == name && i + 1 < args.size()) {
        v = args[++i];
        return true;
      }
      if (arg.starts_with(std::string(name) + "=")) {
        v = arg.substr(name.size() + 1);
        return true;
      }
      return false;
    };
    std::string v;
    if (arg == "--") {
      out.paths.insert(out.paths.end(), args.begin() + i + 1, args.end());
      break;
    } else if (value("--format", v)) {
      out.format = ParseReportFormat(v);
      if (!out.format) {
        return fmt::format(
            "unknown report format `{}`; use text, json, sarif, junit or github", v);
      }
    } else if (arg == "--color") {
      out.color = ColorMode::Always;
    } else if (value("--color", v)) {
      if (v == "always") {
        out.color = ColorMode::Always;
      } else if (v == "never") {
        out.color = ColorMode::Never;
      } else if (v == "auto") {
        out.color = ColorMode::Auto;
      } else {
        return fmt::format("unknown colour mode `{}`; use auto, always or never", v);
      }
    } else if (arg == "--no-color") {
      out.color = ColorMode::Never;
    } else if (arg == "--strict") {
      out.strict = true;
    } else if (value("-j", v) || value("--jobs", v) ||
               (arg.starts_with("-j") && arg.size() > 2 &&
                (v = arg.substr(2), true))) {
      uint64_t jobs = 0;
      if (!ParseNumber(v, jobs) || jobs == 0 || jobs > 1024) {
        return fmt::format("`-j` needs a thread count from 1 to 1024, not `{}`", v);
      }
      out.options.jobs = static_cast<unsigned>(jobs);
    } else if (value("--max-file-size", v)) {
      if (!ParseNumber(v, out.options.load.max_file_bytes) ||
          out.options.load.max_file_bytes == 0) {
        return fmt::format("`--max-file-size` needs a byte count, not `{}`", v);
      }
    } else if (auto shared = ParseRunOption(args, i, out.run, out.options)) {
      if (!shared->empty()) return *shared;
    } else if (arg.starts_with("-") && arg != "-") {
      return fmt::format("unknown option `{}` for `lint`", arg);
    } else {
      out.paths.push_back(arg);
    }
  }
  if (out.paths.empty()) return "`lint` needs at least one file or directory";
  return "";
}

auto UseColor(ColorMode mode) -> bool {
  if (mode != ColorMode::Auto) return mode == ColorMode::Always;
  const char* term = std::getenv("TERM");
  return isatty(STDOUT_FILENO) && std::getenv("NO_COLOR") == nullptr &&
         term != nullptr && std::string_view(term) != "dumb";
}

}  // namespace

auto RunLint(std::span<const std::string> args) -> int {
  LintArgs parsed;
  if (std::string error = ParseLintArgs(args, parsed); !error.empty()) {
    return UsageError(error);
  }
  // The profile's and the environment's own problems come first: they
  // change every verdict.
  std::vector<const FileReport*> reports;
  LoadedRun loaded;
  LoadRunOptions(parsed.run, parsed.options, loaded, reports);
  const ProjectConfig* config =
      loaded.config.value ? &*loaded.config.value : nullptr;
  // The command line wins over the project configuration.
  ReportFormat format = parsed.format.value_or(
      config ? ParseReportFormat(config->format).value_or(ReportFormat::Text)
             : ReportFormat::Text);
  bool strict = parsed.strict || (config && config->strict.value_or(false));
  CollectedInputs collected = CollectInputs(parsed.paths, config);
  std::vector<FileReport> checked = LintFiles(collected.inputs, parsed.options);

  // Interleave walk problems with file reports in command-line order.
  size_t next_problem = 0;
  for (size_t i = 0; i <= checked.size(); ++i) {
    while (next_problem < collected.problems.size() &&
           collected.problems[next_problem].first == i) {
      reports.push_back(&collected.problems[next_problem++].second);
    }
    if (i < checked.size()) reports.push_back(&checked[i]);
  }

  std::vector<std::string> files;
  for (const FileReport* report : reports) {
    if (!report->checked) continue;
    if (report->listed) files.push_back(report->display_name);
    for (const std::string& nested : report->nested_files) {
      if (std::find(files.begin(), files.end(), nested) == files.end()) {
        files.push_back(nested);
      }
    }
  }
  bool input_failure = false;
  std::vector<const Diagnostic*> diagnostics =
      GatherDiagnostics(reports, input_failure);

  Summary summary;
  for (const Diagnostic* d : diagnostics) summary.Add(d->severity);
  switch (format) {
    case ReportFormat::Text:
      RenderText(std::cout, diagnostics, {.color = UseColor(parsed.color)});
      break;
    case ReportFormat::Json:
      RenderJson(std::cout, files, diagnostics);
      break;
    case ReportFormat::Sarif:
      RenderSarif(std::cout, files, diagnostics, {.tool_version = ISOBAR_VERSION});
      break;
    case ReportFormat::Junit:
      RenderJunit(std::cout, files, diagnostics, {.strict = strict});
      break;
    case ReportFormat::Github:
      RenderGithub(std::cout, diagnostics);
      break;
  }
  // The formats read in a log, not by a program, get a summary on stderr.
  if (format == ReportFormat::Text || format == ReportFormat::Github) {
    if (!diagnostics.empty()) {
      std::cerr << fmt::format("{} error{}, {} warning{} in {} file{}\n",
                               summary.errors, summary.errors == 1 ? "" : "s",
                               summary.warnings, summary.warnings == 1 ? "" : "s",
                               files.size(), files.size() == 1 ? "" : "s");
    }
  }
  std::cout.flush();
  if (input_failure) return kExitUsage;
  if (summary.errors > 0 || (strict && summary.warnings > 0)) {
    return kExitFindings;
  }
  return kExitOk;
}

}  // namespace isobar
