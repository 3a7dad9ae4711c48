// Units for the project configuration: where `.isobar.yaml` is found (the
// working directory or above, stopping after a repository root), how its
// settings combine with the command line, the reader's resolution of
// paths and rules, and the rule severities it sets.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include <unistd.h>

#include "driver/load_config.h"
#include "frontend/config_reader.h"

namespace isobar {
namespace {

namespace fs = std::filesystem;

// A fresh directory tree under the system's temporary directory.
class Tree {
 public:
  Tree() {
    root_ = fs::temp_directory_path() /
            ("isobar-config-" + std::to_string(::getpid()) + "-" +
             std::to_string(counter_++));
    fs::remove_all(root_);
    fs::create_directories(root_);
  }
  ~Tree() {
    std::error_code ec;
    fs::remove_all(root_, ec);
  }
  auto Add(const std::string& path, const std::string& text = "")
      -> fs::path {
    fs::path full = root_ / path;
    fs::create_directories(full.parent_path());
    std::ofstream(full) << text;
    return full;
  }
  auto Dir(const std::string& path) -> fs::path {
    fs::create_directories(root_ / path);
    return root_ / path;
  }
  auto root() const -> const fs::path& { return root_; }

 private:
  static inline int counter_ = 0;
  fs::path root_;
};

TEST_CASE("the configuration in the start directory is found", "[config]") {
  Tree tree;
  tree.Add(".git/HEAD");
  tree.Add("a/.isobar.yaml", "strict: true\n");
  auto found = FindProjectConfig(tree.Dir("a"));
  REQUIRE(found);
  CHECK(fs::equivalent(*found, tree.root() / "a/.isobar.yaml"));
}

TEST_CASE("the search goes upward, nearest first", "[config]") {
  Tree tree;
  tree.Add(".git/HEAD");
  tree.Add(".isobar.yaml", "strict: true\n");
  tree.Add("a/.isobar.yaml", "strict: false\n");
  auto found = FindProjectConfig(tree.Dir("a/b/c"));
  REQUIRE(found);
  CHECK(fs::equivalent(*found, tree.root() / "a/.isobar.yaml"));
  // Relative to the start, as a user would reach it.
  CHECK(found->string() == (tree.root() / "a/b/c/../../.isobar.yaml")
                               .lexically_normal()
                               .string());
  auto from_b = FindProjectConfig(tree.Dir("x/y"));
  REQUIRE(from_b);
  CHECK(fs::equivalent(*from_b, tree.root() / ".isobar.yaml"));
}

TEST_CASE("the search stops after a repository root", "[config]") {
  Tree tree;
  tree.Add(".isobar.yaml", "strict: true\n");  // outside the repository
  tree.Add("repo/.git", "gitdir: elsewhere\n");  // a worktree's .git file
  CHECK_FALSE(FindProjectConfig(tree.Dir("repo/sub")));
  // The root itself is still checked.
  tree.Add("repo/.isobar.yaml", "strict: true\n");
  auto found = FindProjectConfig(tree.Dir("repo/sub"));
  REQUIRE(found);
  CHECK(fs::equivalent(*found, tree.root() / "repo/.isobar.yaml"));
}

TEST_CASE("an empty configuration sets nothing and is no error", "[config]") {
  Tree tree;
  fs::path path = tree.Add("a/.isobar.yaml", "");
  LoadedConfig loaded = LoadConfigFile(path.string(), LoadOptions{});
  CHECK(loaded.report.diagnostics.empty());
  REQUIRE(loaded.value);
  CHECK(loaded.value->profile.empty());
  CHECK(loaded.value->directory == path.parent_path().string());
}

struct Read {
  Read(std::string text, std::string directory)
      : source(".isobar.yaml", std::move(text)) {
    DiagnosticEmitter emitter(consumer);
    config = ReadProjectConfig(source, directory, ParseOptions{}, emitter);
  }
  SourceBuffer source;
  CollectingConsumer consumer;
  std::optional<ProjectConfig> config;
};

TEST_CASE("paths are relative to the configuration's directory", "[config]") {
  Read read(R"(profile: profiles/cloud.yaml
environments: [env/a.yaml, /abs/b.yaml]
parameters: {key_name: ops, count: 3}
home_region: RegionTwo
strict: true
format: sarif
ignore: [vendor]
)",
            "../..");
  REQUIRE(read.config);
  CHECK(read.consumer.diagnostics().empty());
  CHECK(read.config->profile == "../../profiles/cloud.yaml");
  CHECK(read.config->environments ==
        std::vector<std::string>{"../../env/a.yaml", "/abs/b.yaml"});
  CHECK(read.config->parameters ==
        std::vector<std::pair<std::string, std::string>>{{"key_name", "ops"},
                                                         {"count", "3"}});
  CHECK(read.config->home_region == "RegionTwo");
  CHECK(read.config->strict == true);
  CHECK(read.config->format == "sarif");
  CHECK(read.config->ignore == std::vector<std::string>{"vendor"});
}

TEST_CASE("the command line wins over the configuration", "[config]") {
  ProjectConfig config;
  config.profile = "cloud.yaml";
  config.home_region = "RegionTwo";
  config.environments = {"base.yaml"};
  config.parameters = {{"size", "50"}};

  RunSettings none = CombineSettings(&config, {});
  CHECK(none.profile == "cloud.yaml");
  CHECK(none.home_region == "RegionTwo");

  RunSettings given = CombineSettings(
      &config, {"other.yaml", "RegionOne", {"prod.yaml"}, {{"size", "5"}}});
  CHECK(given.profile == "other.yaml");
  CHECK(given.home_region == "RegionOne");
  // Later wins: the command line's files and values come after.
  CHECK(given.environments == std::vector<std::string>{"base.yaml", "prod.yaml"});
  // The configuration's parameters are laid under -P by LoadEnvironment.
  CHECK(given.parameters ==
        std::vector<std::pair<std::string, std::string>>{{"size", "5"}});

  RunSettings without = CombineSettings(nullptr, {"p.yaml", "", {}, {}});
  CHECK(without.profile == "p.yaml");
  CHECK(without.environments.empty());
}

TEST_CASE("rules change severities or turn rules off", "[config]") {
  Read read("rules: {R160: off, dependency-cycle: warning, R402: error}\n", "");
  REQUIRE(read.config);
  CHECK(read.consumer.diagnostics().empty());
  std::vector<Diagnostic> diagnostics = {
      {.kind = DiagnosticKind::UnusedParameter, .severity = Severity::Warning},
      {.kind = DiagnosticKind::DependencyCycle, .severity = Severity::Error},
      {.kind = DiagnosticKind::DuplicateKey, .severity = Severity::Error},
  };
  read.config->rules.Apply(diagnostics);
  REQUIRE(diagnostics.size() == 2);
  CHECK(diagnostics[0].kind == DiagnosticKind::DependencyCycle);
  CHECK(diagnostics[0].severity == Severity::Warning);
  CHECK(diagnostics[1].severity == Severity::Error);
}

TEST_CASE("mistakes are reported and leave the rest in force", "[config]") {
  Read read("profile: cloud.yaml\nstrictt: true\nrules: {R160: loud}\n", "");
  REQUIRE(read.config);
  CHECK(read.config->profile == "cloud.yaml");
  CHECK(read.config->rules.empty());
  REQUIRE(read.consumer.diagnostics().size() == 2);
  for (const Diagnostic& d : read.consumer.diagnostics()) {
    CHECK(d.kind == DiagnosticKind::InvalidConfig);
  }
  CHECK(read.consumer.diagnostics()[0].message.find("did you mean `strict`?") !=
        std::string::npos);
}

TEST_CASE("ignore patterns skip names and paths in a walk", "[config]") {
  Tree tree;
  tree.Add("main.yaml", "x");
  tree.Add("out.generated.yaml", "x");
  tree.Add("vendor/lib.yaml", "x");
  tree.Add("broken/bad.yaml", "x");
  tree.Add("keep/bad.yaml", "x");
  tree.Add(".isobar.yaml", "x");
  ProjectConfig config;
  config.directory = tree.root().string();
  config.ignore = {"vendor/", "*.generated.yaml", "broken/*"};
  std::vector<std::string> paths = {tree.root().string()};
  CollectedInputs inputs = CollectInputs(paths, &config);
  std::vector<std::string> names;
  for (const LintInput& input : inputs.inputs) {
    names.push_back(input.path.lexically_relative(tree.root()).string());
  }
  CHECK(names == std::vector<std::string>{"keep/bad.yaml", "main.yaml"});
}

}  // namespace
}  // namespace isobar
