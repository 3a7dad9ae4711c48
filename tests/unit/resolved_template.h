// Templates taken through the real frontend (LoadedTemplate) and the
// resolve phase too (ResolvedTemplate), for unit tests of the passes that
// run after them.
#pragma once

#include <catch2/catch.hpp>
#include <optional>
#include <string>
#include <vector>

#include "analysis/references/resolve.h"
#include "frontend/load.h"

namespace isobar::testing {

class LoadedTemplate {
 public:
  explicit LoadedTemplate(std::string text, std::string name = "t.yaml")
      : source_(std::move(name), std::move(text)), emitter_(consumer_) {
    tmpl_ = LoadTemplate(source_, {}, emitter_);
    REQUIRE(tmpl_);
  }
  LoadedTemplate(const LoadedTemplate&) = delete;
  auto operator=(const LoadedTemplate&) -> LoadedTemplate& = delete;

  auto tmpl() const -> const Template& { return *tmpl_; }
  auto emitter() -> DiagnosticEmitter& { return emitter_; }
  auto diagnostics() -> std::vector<Diagnostic>& {
    return consumer_.diagnostics();
  }

 private:
  SourceBuffer source_;
  CollectingConsumer consumer_;
  DiagnosticEmitter emitter_;
  std::optional<Template> tmpl_;
};

// The frontend's own diagnostics are dropped; the resolve phase's are kept.
class ResolvedTemplate : public LoadedTemplate {
 public:
  explicit ResolvedTemplate(std::string text, std::string name = "t.yaml")
      : LoadedTemplate(std::move(text), std::move(name)) {
    diagnostics().clear();
    resolution_.emplace(ResolveTemplate(tmpl(), emitter()));
  }

  auto resolution() const -> const Resolution& { return *resolution_; }

 private:
  std::optional<Resolution> resolution_;
};

}  // namespace isobar::testing
