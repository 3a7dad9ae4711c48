// Running the isobar binary as a subprocess, and scratch directories, for
// the golden and hostile-input tests.
#pragma once

#include <chrono>
#include <filesystem>
#include <string>
#include <vector>

namespace isobar::testing {

struct ProcessResult {
  // The exit status when the process exited normally, else -1.
  int exit_status = -1;
  // The signal that ended the process, or 0.
  int signal = 0;
  // Killed because it ran past the time limit.
  bool timed_out = false;
  std::string stdout_text;
  std::string stderr_text;
  std::chrono::milliseconds elapsed{0};
  // Set when the process could not be started at all (fork/pipe failed).
  std::string spawn_error;
};

// Runs `argv` (argv[0] is the program path; no PATH lookup) with `cwd` as
// the working directory and stdin from /dev/null. Stdout and stderr are
// captured separately. After `timeout` the process is killed with SIGKILL
// and `timed_out` is set.
auto RunProcess(const std::vector<std::string>& argv,
                const std::filesystem::path& cwd,
                std::chrono::milliseconds timeout) -> ProcessResult;

// Describes how a process ended, for failure messages: "exit status 1",
// "killed by signal 11", "timed out after 20000 ms".
auto DescribeEnd(const ProcessResult& result) -> std::string;

// A fresh, empty directory under $TMPDIR (or /tmp), removed with all its
// contents when the object is destroyed.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  auto operator=(const TempDir&) -> TempDir& = delete;

  auto path() const -> const std::filesystem::path& { return path_; }

 private:
  std::filesystem::path path_;
};

// Writes `text` to `path` byte for byte, creating parent directories.
// Returns false if the file could not be written.
auto WriteFile(const std::filesystem::path& path, std::string_view text) -> bool;

}  // namespace isobar::testing
