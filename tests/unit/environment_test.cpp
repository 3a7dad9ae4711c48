// Units for environments (frontend/environment.h): the order Heat merges
// environment files and -P values in, the registry's replace and remove
// rules, per-resource registries and globs, and -P parsing.
#include <catch2/catch.hpp>

#include <memory>
#include <string>
#include <vector>

#include "frontend/environment.h"
#include "frontend/load.h"

namespace isobar {
namespace {

// Environment files loaded and merged in the order given.
class Merged {
 public:
  explicit Merged(std::vector<std::string> files,
                  std::vector<std::pair<std::string, std::string>> p = {})
      : emitter_(consumer_) {
    for (size_t i = 0; i < files.size(); ++i) {
      auto& source = sources_.emplace_back(std::make_unique<SourceBuffer>(
          "env" + std::to_string(i) + ".yaml", std::move(files[i])));
      auto tmpl = LoadTemplate(*source, {}, emitter_);
      REQUIRE(tmpl);
      REQUIRE(tmpl->format == TemplateFormat::Environment);
      auto& kept = templates_.emplace_back(
          std::make_unique<Template>(std::move(*tmpl)));
      MergeEnvironmentFile(env_, *kept, "dir" + std::to_string(i), emitter_);
    }
    command_line_ = BuildCommandLineParameters(p);
    MergeCommandLineParameters(env_, command_line_);
  }

  auto env() const -> const Environment& { return env_; }
  auto diagnostics() -> std::vector<Diagnostic>& {
    return consumer_.diagnostics();
  }
  // The text of a known value, from whichever document holds it.
  static auto Text(const KnownValue* value) -> std::string {
    REQUIRE(value != nullptr);
    if (value->text) return *value->text;
    return value->document->node(value->node).value;
  }

 private:
  CollectingConsumer consumer_;
  DiagnosticEmitter emitter_;
  std::vector<std::unique_ptr<SourceBuffer>> sources_;
  std::vector<std::unique_ptr<Template>> templates_;
  CommandLineParameters command_line_;
  Environment env_;
};

TEST_CASE("later environment files win key by key, -P wins over all",
          "[environment]") {
  Merged m({"parameters: {a: 1, b: 1}\nparameter_defaults: {d: 1}\n",
            "parameters: {b: 2, c: 2}\nparameter_defaults: {d: 2, e: 2}\n"},
           {{"c", "cli"}, {"c", "cli-again"}});
  TemplateContext context = m.env().RootContext();
  CHECK(Merged::Text(context.FindParameter("a")) == "1");
  CHECK(Merged::Text(context.FindParameter("b")) == "2");
  CHECK(Merged::Text(context.FindParameter("c")) == "cli-again");
  CHECK(context.FindParameter("c")->origin == ValueOrigin::CommandLine);
  CHECK(Merged::Text(context.FindParameter("d")) == "2");
  CHECK(context.FindParameter("d")->origin == ValueOrigin::EnvironmentDefault);
  CHECK(m.env().values_supplied);
}

TEST_CASE("`parameters` win over `parameter_defaults` whatever the file order",
          "[environment]") {
  Merged m({"parameters: {p: explicit}\n", "parameter_defaults: {p: default}\n"});
  TemplateContext context = m.env().RootContext();
  CHECK(Merged::Text(context.FindParameter("p")) == "explicit");
  // The default still reaches nested stacks.
  CHECK(Merged::Text(&m.env().parameter_defaults.at("p")) == "default");
}

TEST_CASE("registry entries are replaced by later files and removed by null",
          "[environment]") {
  Merged m({"resource_registry:\n  A::B: a.yaml\n  C::D: OS::Nova::Server\n"
            "  \"OS::Quantum*\": \"OS::Neutron*\"\n",
            "resource_registry:\n  A::B: b.yaml\n  C::D: null\n"
            "  resources:\n    web: {A::B: web.yaml}\n"});
  TemplateContext context = m.env().RootContext();
  const RegisteredType* ab = context.FindRegisteredType("A::B");
  REQUIRE(ab != nullptr);
  CHECK(ab->target == "b.yaml");
  CHECK(ab->base_directory == "dir1");
  CHECK(context.FindRegisteredType("C::D") == nullptr);
  const RegisteredType* glob = context.FindRegisteredType("OS::Quantum::Net");
  REQUIRE(glob != nullptr);
  CHECK(glob->name == "OS::Quantum*");
  const RegisteredType* web = context.FindRegisteredType("A::B", "web");
  REQUIRE(web != nullptr);
  CHECK(web->target == "web.yaml");
  CHECK(context.FindRegisteredType("A::B", "db")->target == "b.yaml");
  CHECK_FALSE(m.env().values_supplied);
}

TEST_CASE("a registry entry of the wrong shape is reported", "[environment]") {
  Merged m({"resource_registry:\n  A::B: [a.yaml]\n"});
  REQUIRE(m.diagnostics().size() == 1);
  CHECK(m.diagnostics()[0].kind == DiagnosticKind::InvalidResourceRegistry);
}

TEST_CASE("-P splits at the first `=`", "[environment]") {
  auto a = SplitAssignment("key=a=b");
  REQUIRE(a);
  CHECK(a->first == "key");
  CHECK(a->second == "a=b");
  CHECK(SplitAssignment("key=")->second.empty());
  CHECK_FALSE(SplitAssignment("=value"));
  CHECK_FALSE(SplitAssignment("novalue"));
}

TEST_CASE("-P values are quoted strings located on the command line",
          "[environment]") {
  CommandLineParameters p = BuildCommandLineParameters(
      std::vector<std::pair<std::string, std::string>>{{"n", "12"}});
  REQUIRE(p.document);
  REQUIRE(p.entries.size() == 1);
  const Node& node = p.document->node(p.entries[0].node);
  CHECK(node.style == ScalarStyle::Quoted);
  CHECK(node.value == "12");
  CHECK(p.buffer->filename() == "<command line>");
  CHECK(p.buffer->text().substr(node.range.begin,
                                node.range.end - node.range.begin) == "12");
}

TEST_CASE("template types end in .yaml or .template", "[environment]") {
  CHECK(IsTemplateType("child.yaml"));
  CHECK(IsTemplateType("x/child.template"));
  CHECK_FALSE(IsTemplateType("OS::Nova::Server"));
  CHECK_FALSE(IsTemplateType("child.yml"));
}

}  // namespace
}  // namespace isobar
