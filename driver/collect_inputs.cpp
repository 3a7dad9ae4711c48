// Walking directories for templates, safe against symlink loops.
#include <fnmatch.h>
#include <sys/stat.h>

#include <algorithm>
#include <set>
#include <system_error>

#include "common/text.h"
#include "diagnostics/emitter.h"
#include "driver/lint.h"
#include "driver/load_config.h"

namespace isobar {

namespace {

namespace fs = std::filesystem;

auto HasTemplateExtension(const fs::path& path) -> bool {
  std::string name = path.filename().string();
  for (std::string_view ext : {".yaml", ".yml", ".json", ".template"}) {
    if (EndsWithIgnoreCase(name, ext)) return true;
  }
  return false;
}

auto ProblemReport(const std::string& name, DiagnosticKind kind,
                   const std::string& message, bool input_failure)
    -> FileReport {
  FileReport report;
  report.display_name = name;
  report.input_failure = input_failure;
  report.listed = false;
  report.buffers.push_back(std::make_unique<SourceBuffer>(name, ""));
  CollectingConsumer consumer;
  DiagnosticEmitter emitter(consumer);
  emitter.Emit(kind, {report.buffers.back().get(), {}}, "{}", message);
  report.diagnostics = std::move(consumer.diagnostics());
  return report;
}

// A directory's identity, to notice when a symlink leads back into it.
struct DirId {
  dev_t device;
  ino_t inode;
  auto operator<=>(const DirId&) const = default;
};

auto GetDirId(const fs::path& path, DirId& id) -> bool {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) return false;
  id = {st.st_dev, st.st_ino};
  return true;
}

// The project configuration's `ignore` patterns (docs/config.md).
class IgnoreRules {
 public:
  explicit IgnoreRules(const ProjectConfig* config) {
    if (!config) return;
    std::error_code ec;
    base_ = config->directory.empty()
                ? fs::current_path(ec)
                : fs::absolute(config->directory, ec).lexically_normal();
    // "/repo/" would make every relative path start with "..".
    if (!base_.has_filename()) base_ = base_.parent_path();
    for (std::string pattern : config->ignore) {
      while (pattern.size() > 1 && pattern.ends_with('/')) pattern.pop_back();
      if (pattern.starts_with("./")) pattern.erase(0, 2);
      patterns_.push_back(std::move(pattern));
    }
  }

  // A pattern without `/` matches the name anywhere, like .gitignore; one
  // with `/` matches the path from the configuration's directory.
  auto Ignored(const fs::path& path) const -> bool {
    if (patterns_.empty()) return false;
    std::string name = path.filename().string();
    std::error_code ec;
    std::string relative =
        fs::absolute(path, ec).lexically_normal().lexically_relative(base_).string();
    for (const std::string& pattern : patterns_) {
      bool matched = pattern.find('/') == std::string::npos
                         ? ::fnmatch(pattern.c_str(), name.c_str(), 0) == 0
                         : ::fnmatch(pattern.c_str(), relative.c_str(),
                                     FNM_PATHNAME) == 0;
      if (matched) return true;
    }
    return false;
  }

 private:
  fs::path base_;
  std::vector<std::string> patterns_;
};

class Walker {
 public:
  Walker(CollectedInputs& out, fs::path root, const IgnoreRules& ignore)
      : out_(out), root_(std::move(root)), ignore_(ignore) {}

  void Walk(const fs::path& dir, const std::string& display) {
    DirId id{};
    if (!GetDirId(dir, id)) return;
    if (!active_.insert(id).second) {
      out_.problems.emplace_back(
          out_.inputs.size(),
          ProblemReport(display, DiagnosticKind::DirectoryLoop,
                        fmt::format("`{}` leads back into a directory that is "
                                    "already being walked; skipping it to "
                                    "avoid an endless loop",
                                    display),
                        false));
      return;
    }
    std::error_code ec;
    std::vector<fs::directory_entry> entries;
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end;
         it.increment(ec)) {
      entries.push_back(*it);
    }
    if (ec) {
      out_.problems.emplace_back(
          out_.inputs.size(),
          ProblemReport(display, DiagnosticKind::FileUnreadable,
                        fmt::format("cannot read directory `{}`: {}", display,
                                    LowerFirst(ec.message())),
                        true));
      active_.erase(id);
      return;
    }
    std::sort(entries.begin(), entries.end(),
              [](const auto& a, const auto& b) { return a.path() < b.path(); });
    for (const fs::directory_entry& entry : entries) {
      std::string name = entry.path().filename().string();
      std::string child = display.ends_with('/') ? display + name
                                                 : display + "/" + name;
      std::error_code type_ec;
      if (ignore_.Ignored(entry.path())) continue;
      if (entry.is_directory(type_ec)) {
        // Hidden directories (.git, .tox) are tooling, not templates.
        if (!name.starts_with('.')) Walk(entry.path(), child);
      } else if (entry.is_regular_file(type_ec) &&
                 HasTemplateExtension(entry.path()) &&
                 // The project configuration is read as such, never as a
                 // template.
                 name != kConfigFileName) {
        out_.inputs.push_back({entry.path(), child, false, root_});
      }
    }
    active_.erase(id);
  }

 private:
  CollectedInputs& out_;
  // The directory named on the command line: the root of every file found.
  fs::path root_;
  const IgnoreRules& ignore_;
  // Directories on the current walk path (not all visited ones: the same
  // directory reached twice through different links is not a loop).
  std::set<DirId> active_;
};

}  // namespace

auto CollectInputs(std::span<const std::string> paths,
                   const ProjectConfig* config) -> CollectedInputs {
  CollectedInputs out;
  IgnoreRules ignore(config);
  for (const std::string& arg : paths) {
    fs::path path(arg);
    std::error_code ec;
    auto status = fs::status(path, ec);
    if (ec || !fs::exists(status)) {
      out.problems.emplace_back(
          out.inputs.size(),
          ProblemReport(arg, DiagnosticKind::FileUnreadable,
                        fmt::format("cannot read `{}`: {}", arg,
                                    ec ? LowerFirst(ec.message()) : "no such file or directory"),
                        true));
      continue;
    }
    if (fs::is_directory(status)) {
      Walker(out, path, ignore).Walk(path, arg);
    } else {
      out.inputs.push_back({path, arg, true});
    }
  }
  return out;
}

}  // namespace isobar
