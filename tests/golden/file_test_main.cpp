// Runs golden `.test` files against the isobar binary (see file_test.h).
//
//   isobar_file_test [--isobar PATH] [--testdata DIR] [--autoupdate]
//                    [--timeout SECONDS] [FILE...]
//
// FILEs are relative to the testdata directory (or absolute); with none,
// every `*.test` under it runs. Exit status 0 when every file passes.
#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "tests/golden/file_test.h"
#include "tests/golden/process.h"

namespace isobar::testing {
namespace {

namespace fs = std::filesystem;

struct Options {
  std::string isobar = ISOBAR_BINARY;
  fs::path testdata = ISOBAR_TESTDATA_DIR;
  bool autoupdate = false;
  std::chrono::milliseconds timeout{20000};
  std::vector<std::string> files;
};

auto ReadWhole(const fs::path& path, std::string& text) -> bool {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream buffer;
  buffer << in.rdbuf();
  text = buffer.str();
  return true;
}

auto Indent(std::string_view text) -> std::string {
  std::string out;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    out += "    ";
    out += text.substr(start, end - start);
    out += '\n';
    start = end + 1;
  }
  return out;
}

struct Problems {
  // The CHECK lines do not match the output (or cannot be expanded).
  std::string output;
  // The exit status is wrong, or the file asks for an invalid one.
  std::string exit;

  auto text() const -> std::string { return output + exit; }
};

// Checks the output against the file's expectations.
auto Verify(const TestFile& test, const std::string& name,
            const ProcessResult& run, const std::vector<std::string>& actual)
    -> Problems {
  Problems problems;
  std::vector<std::string> expected;
  for (const CheckLine& check : test.checks) {
    std::string error;
    if (auto text = ExpandCheck(check, error)) {
      expected.push_back(*text);
    } else {
      problems.output += "  line " + std::to_string(check.test_line) + ": " + error + "\n";
    }
  }
  if (problems.output.empty()) {
    if (std::string diff = DiffLines(expected, actual); !diff.empty()) {
      problems.output += "  output differs from the CHECK lines (- expected, + actual):\n" +
                         Indent(diff);
    }
  }
  std::string error;
  int want = ExpectedExitStatus(test, name, error);
  if (!error.empty()) {
    problems.exit += "  " + error + "\n";
  } else if (run.exit_status != want) {
    problems.exit += "  expected exit status " + std::to_string(want) + ", got " +
                     DescribeEnd(run) + "\n";
  }
  return problems;
}

// A test runs in a fresh directory under $TMPDIR, where an `.isobar.yaml`
// found upward (in /tmp, say) would change its result: lint and graph run
// with `--no-config` unless the test is about the configuration, i.e. it
// names one with `--config`, asks for none itself, or has an
// `.isobar.yaml` split.
auto IgnoresProjectConfig(const TestFile& test) -> bool {
  std::vector<std::string> args = test.Arguments();
  if (args.empty() || (args.front() != "lint" && args.front() != "graph")) {
    return false;
  }
  for (const std::string& arg : args) {
    if (arg == "--config" || arg.starts_with("--config=") || arg == "--no-config") {
      return false;
    }
  }
  return std::none_of(test.splits.begin(), test.splits.end(), [](const SplitFile& s) {
    return std::filesystem::path(s.name).filename() == ".isobar.yaml";
  });
}

// Runs one `.test` file; returns true when it passes (or was updated).
auto RunOne(const Options& options, const fs::path& path, const std::string& name)
    -> bool {
  std::string text;
  if (!ReadWhole(path, text)) {
    std::cout << "FAIL " << name << "\n  cannot read the file\n";
    return false;
  }
  TestFile test = ParseTestFile(text);
  if (!test.errors.empty()) {
    std::cout << "FAIL " << name << "\n";
    for (const std::string& error : test.errors) std::cout << "  " << error << "\n";
    return false;
  }
  TempDir dir;
  for (const SplitFile& split : test.splits) {
    if (!WriteFile(dir.path() / split.name, split.Content())) {
      std::cout << "FAIL " << name << "\n  cannot write split `" << split.name << "`\n";
      return false;
    }
  }
  std::vector<std::string> argv = {options.isobar};
  for (const std::string& arg : test.Arguments()) argv.push_back(arg);
  if (IgnoresProjectConfig(test)) argv.insert(argv.begin() + 2, "--no-config");
  ProcessResult run = RunProcess(argv, dir.path(), options.timeout);
  auto report_run = [&] {
    std::cout << "  command: isobar";
    for (size_t i = 1; i < argv.size(); ++i) std::cout << " " << argv[i];
    std::cout << "\n  ended with " << DescribeEnd(run) << "\n  stdout:\n"
              << Indent(run.stdout_text) << "  stderr:\n"
              << Indent(run.stderr_text);
  };
  if (!run.spawn_error.empty() || run.timed_out || run.signal != 0 ||
      run.exit_status == 127) {
    std::cout << "FAIL " << name << "\n";
    report_run();
    return false;
  }
  std::vector<std::string> actual = ComparedLines(run.stdout_text, test.IsJsonReport());

  if (options.autoupdate) {
    std::string updated = AutoupdateText(test, actual);
    // What is written must pass as it stands, and a second update must not
    // change it.
    TestFile reparsed = ParseTestFile(updated);
    std::string problems;
    if (!reparsed.errors.empty()) problems += "  the updated file does not parse\n";
    for (size_t i = 0; i < test.splits.size() && i < reparsed.splits.size(); ++i) {
      if (test.splits[i].Content() != reparsed.splits[i].Content()) {
        problems += "  the update changed split `" + test.splits[i].name + "`\n";
      }
    }
    if (AutoupdateText(reparsed, actual) != updated) {
      problems += "  a second update would change the file again\n";
    }
    // Only a wrong exit status may remain: the CHECK lines cannot fix it,
    // but they are still worth writing.
    Problems verified = Verify(reparsed, name, run, actual);
    bool output_ok = problems.empty() && verified.output.empty();
    problems += verified.text();
    if (output_ok && updated != text) {
      std::ofstream out(path, std::ios::binary | std::ios::trunc);
      out << updated;
      std::cout << "UPDATED " << name << "\n";
    }
    if (!problems.empty()) {
      std::cout << "FAIL " << name << "\n" << problems;
      report_run();
      return false;
    }
    return true;
  }

  std::string problems = Verify(test, name, run, actual).text();
  if (!problems.empty()) {
    std::cout << "FAIL " << name << "\n" << problems;
    report_run();
    std::cout << "  (run tools/autoupdate_testdata " << name
              << " to rewrite the CHECK lines, then review the diff)\n";
    return false;
  }
  std::cout << "PASS " << name << "\n";
  return true;
}

auto ParseArgs(int argc, char** argv, Options& options) -> bool {
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    auto next = [&](std::string& value) {
      if (i + 1 >= argc) return false;
      value = argv[++i];
      return true;
    };
    std::string value;
    if (arg == "--autoupdate") {
      options.autoupdate = true;
    } else if (arg == "--isobar") {
      if (!next(options.isobar)) return false;
    } else if (arg == "--testdata") {
      if (!next(value)) return false;
      options.testdata = value;
    } else if (arg == "--timeout") {
      if (!next(value)) return false;
      options.timeout = std::chrono::milliseconds(std::stol(value) * 1000);
    } else if (arg.starts_with("--")) {
      return false;
    } else {
      options.files.push_back(arg);
    }
  }
  return true;
}

}  // namespace
}  // namespace isobar::testing

auto main(int argc, char** argv) -> int {
  using namespace isobar::testing;
  Options options;
  if (!ParseArgs(argc, argv, options)) {
    std::cerr << "usage: isobar_file_test [--isobar PATH] [--testdata DIR] "
                 "[--autoupdate] [--timeout SECONDS] [FILE...]\n";
    return 2;
  }
  std::vector<std::pair<fs::path, std::string>> files;
  if (options.files.empty()) {
    std::error_code ec;
    for (auto it = fs::recursive_directory_iterator(options.testdata, ec);
         !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
      if (it->is_regular_file() && it->path().extension() == ".test") {
        files.emplace_back(it->path(),
                           it->path().lexically_relative(options.testdata).string());
      }
    }
    std::sort(files.begin(), files.end());
  } else {
    for (const std::string& file : options.files) {
      fs::path path = fs::path(file).is_absolute()        ? fs::path(file)
                      : fs::exists(options.testdata / file) ? options.testdata / file
                                                            : fs::absolute(file);
      std::string name = path.lexically_relative(options.testdata).string();
      if (name.empty() || name.starts_with("..")) name = file;
      files.emplace_back(path, name);
    }
  }
  if (files.empty()) {
    std::cerr << "no .test files found\n";
    return 1;
  }
  size_t failed = 0;
  for (const auto& [path, name] : files) {
    if (!RunOne(options, path, name)) ++failed;
  }
  std::cout << files.size() - failed << " of " << files.size() << " passed\n";
  return failed == 0 ? 0 : 1;
}
