// Units for the stack tree (analysis/nested/stack_tree.h): what the region
// pass and the plan will query (parents, children per resource, stack
// paths, inherited regions), and the bounds that keep hostile nesting cheap.
#include <catch2/catch.hpp>
#include <fmt/format.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include "analysis/nested/build_stack_tree.h"
#include "analysis/nested/template_passes.h"

namespace isobar {
namespace {

namespace fs = std::filesystem;

// A directory of template files, the root analysed and its tree built.
class Nested {
 public:
  explicit Nested(std::vector<std::pair<std::string, std::string>> files)
      : dir_(fs::temp_directory_path() /
             ("isobar_stack_tree_" + std::to_string(getpid()) + "_" +
              std::to_string(counter_++))),
        emitter_(consumer_) {
    for (const auto& [name, text] : files) {
      fs::create_directories((dir_ / name).parent_path());
      std::ofstream(dir_ / name, std::ios::binary) << text;
    }
    ReadResult read =
        ReadSourceFile(dir_ / "main.yaml", "main.yaml", {}, emitter_);
    REQUIRE(read.ok);
    buffers_.push_back(std::move(read.buffer));
    auto tmpl = LoadTemplate(*buffers_.back(), {}, emitter_);
    REQUIRE(tmpl);
    root_ = std::make_unique<Template>(std::move(*tmpl));
    RegionOptions regions{.home_region = "RegionOne"};
    analysed_ = RunTemplatePasses(*root_, {}, regions, emitter_);
    NestedOptions options{.root_path = dir_ / "main.yaml",
                          .root_display_name = "main.yaml",
                          .region_options = [regions](const Template&) {
                            return regions;
                          }};
    tree_ = BuildStackTree(*root_, *analysed_, {}, options, buffers_, files_,
                           emitter_);
  }
  ~Nested() { fs::remove_all(dir_); }

  auto tree() const -> const StackTree& { return tree_; }
  auto files() const -> const std::vector<std::string>& { return files_; }
  auto Count(DiagnosticKind kind) -> size_t {
    size_t n = 0;
    for (const Diagnostic& d : consumer_.diagnostics()) n += d.kind == kind;
    return n;
  }

 private:
  static inline int counter_ = 0;
  fs::path dir_;
  CollectingConsumer consumer_;
  DiagnosticEmitter emitter_;
  std::vector<std::unique_ptr<SourceBuffer>> buffers_;
  std::vector<std::string> files_;
  std::unique_ptr<Template> root_;
  std::unique_ptr<AnalysedTemplate> analysed_;
  StackTree tree_;
};

constexpr std::string_view kHeader = "heat_template_version: 2018-08-31\n";

TEST_CASE("children are linked to the resources that create them",
          "[nested]") {
  Nested n({{"main.yaml", std::string(kHeader) +
                              "resources:\n"
                              "  plain: {type: OS::Heat::None}\n"
                              "  remote:\n"
                              "    type: OS::Heat::Stack\n"
                              "    properties:\n"
                              "      context: {region_name: RegionTwo}\n"
                              "      template: {get_file: sub/app.yaml}\n"
                              "  again: {type: sub/app.yaml}\n"},
            {"sub/app.yaml", std::string(kHeader) +
                                 "resources:\n"
                                 "  db: {type: db.yaml}\n"},
            {"sub/db.yaml", std::string(kHeader) +
                                "resources:\n"
                                "  volume: {type: OS::Cinder::Volume}\n"}});
  const StackTree& tree = n.tree();
  REQUIRE(tree.nodes().size() == 3);
  const StackNode& root = tree.root();
  CHECK(tree.ChildOf(root, 0) == nullptr);
  const StackNode* app = tree.ChildOf(root, 1);
  REQUIRE(app != nullptr);
  // One node per file: the second use links to the same child.
  CHECK(tree.ChildOf(root, 2) == app);
  CHECK(app->parent == root.index);
  CHECK(app->parent_resource == 1);
  CHECK(app->display_name == "sub/app.yaml");
  CHECK(app->stack_path == std::vector<std::string>{"remote"});
  const StackNode* db = tree.ChildOf(*app, 0);
  REQUIRE(db != nullptr);
  CHECK(db->stack_path == std::vector<std::string>{"remote", "db"});
  // SPEC §3 rule 2: the remote stack's region reaches the grandchild.
  REQUIRE(db->analysed->placement.resources.size() == 1);
  CHECK(db->analysed->placement.resources[0].region == "RegionTwo");
  CHECK(db->analysed->placement.resources[0].source ==
        PlacementSource::Inherited);
  CHECK(n.files() == std::vector<std::string>{"sub/app.yaml", "sub/db.yaml"});
}

TEST_CASE("a template used ten thousand times is read once", "[nested]") {
  std::string main = std::string(kHeader) + "resources:\n";
  for (int i = 0; i < 10000; ++i) {
    main += "  r" + std::to_string(i) + ": {type: child.yaml}\n";
  }
  Nested n({{"main.yaml", main},
            {"child.yaml", std::string(kHeader) + "resources: {}\n"}});
  CHECK(n.tree().nodes().size() == 2);
  CHECK(n.files().size() == 1);
}

TEST_CASE("a doubling chain stops at Heat's depth limit", "[nested]") {
  // Each level creates the next twice; the same file is loaded once, and
  // the depth limit cuts the chain at level 6.
  std::vector<std::pair<std::string, std::string>> files;
  for (int level = 0; level < 9; ++level) {
    std::string name =
        level == 0 ? "main.yaml" : fmt::format("l{}.yaml", level);
    std::string next = fmt::format("l{}.yaml", level + 1);
    files.emplace_back(name, std::string(kHeader) + "resources:\n  a: {type: " +
                                 next + "}\n  b: {type: " + next + "}\n");
  }
  Nested n(files);
  CHECK(n.tree().nodes().size() == 6);
  // Once per use in l5.yaml, which is itself analysed once.
  CHECK(n.Count(DiagnosticKind::NestedStackTooDeep) == 2);
}

}  // namespace
}  // namespace isobar
