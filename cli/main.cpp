// isobar: a compiler and static analyzer for Heat and CloudFormation
// templates. This file only dispatches to the subcommands.
#include <cstdio>
#include <iostream>
#include <string>
#include <vector>

#include "cli/commands.h"
#include "cli/run_options.h"

namespace isobar {
namespace {

constexpr const char* kHelpBefore = R"(isobar - compiler and static analyzer for Heat (HOT) and CloudFormation templates

usage:
  isobar lint [OPTIONS] PATH...     check templates (files or directories)
  isobar rules [--format text|json] list every rule: id, name, severity, one line
  isobar explain RULE               a rule's documentation, with a bad and a good example
  isobar graph [OPTIONS] TEMPLATE   dependency graph (DOT), resources clustered by region
  isobar --version | --help

lint options:
  --format FORMAT        report format (default: text):
                           text    clang-style diagnostics with source snippets
                           json    the isobar-report/1 document
                           sarif   SARIF 2.1.0, for GitHub code scanning and IDEs
                           junit   JUnit XML, for GitLab, Jenkins and other CI
                           github  GitHub Actions annotations (workflow commands)
  --color[=auto|always|never]
                         colour text output (default: auto, only on a terminal)
  -j N                   worker threads for many files (default: all cores)
  --strict               warnings also make the exit status 1
  --max-file-size BYTES  refuse larger files (default: 33554432)
)";
constexpr const char* kHelpAfter = R"(
`isobar graph --help` describes the graph's options and output.

Directories are walked recursively for *.yaml *.yml *.json *.template; files
that are neither HOT, CFN nor a Heat environment are skipped in a walk but are
an error when named explicitly.

exit status: 0 no error, 1 errors found (or warnings with --strict),
             2 usage error, unreadable input or internal failure

not yet available: plan, lsp (see docs/roadmap.md)
)";

}  // namespace
}  // namespace isobar

auto main(int argc, char** argv) -> int {
  using namespace isobar;
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty()) {
    std::cerr << kHelpBefore << kRunOptionsHelp << kHelpAfter;
    return kExitUsage;
  }
  const std::string& command = args[0];
  std::span<const std::string> rest(args.data() + 1, args.size() - 1);
  if (command == "--help" || command == "-h" || command == "help") {
    std::cout << kHelpBefore << kRunOptionsHelp << kHelpAfter;
    return kExitOk;
  }
  if (command == "--version") {
    std::cout << "isobar " << ISOBAR_VERSION << "\n";
    return kExitOk;
  }
  try {
    if (command == "lint") return RunLint(rest);
    if (command == "rules") return RunRules(rest);
    if (command == "explain") return RunExplain(rest);
    if (command == "graph") return RunGraph(rest);
    if (command == "plan" || command == "lsp") {
      return UsageError("`" + command + "` is not available yet in this version");
    }
    return UsageError("unknown command `" + command + "`");
  } catch (const std::exception& e) {
    std::cerr << "isobar: internal error: " << e.what() << "\n";
    return kExitUsage;
  }
}
