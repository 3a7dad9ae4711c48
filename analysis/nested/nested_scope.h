// The scope a nested template is analysed in (Carbon's AnnotationScope):
// everything emitted inside gets the creating resource prepended to its
// `stack_path` and an "in nested stack `X` created here" note at the
// parent's resource, then goes to the parent's emitter. Scopes nest, so a
// grandchild's diagnostic carries the whole path and a note per level.
#pragma once

#include <string>

#include "diagnostics/emitter.h"

namespace isobar {

class NestedScope : public DiagnosticConsumer {
 public:
  // `outer` null: the child is checked as a file of its own in this run,
  // so what it reports here is dropped rather than shown twice.
  NestedScope(DiagnosticEmitter* outer, std::string stack_name,
              Location created_at)
      : outer_(outer),
        stack_name_(std::move(stack_name)),
        created_at_(created_at),
        emitter_(*this) {}

  auto emitter() -> DiagnosticEmitter& { return emitter_; }

  void HandleDiagnostic(Diagnostic diagnostic) override {
    if (outer_ == nullptr) return;
    diagnostic.stack_path.insert(diagnostic.stack_path.begin(), stack_name_);
    diagnostic.notes.push_back(
        {created_at_,
         fmt::format("in nested stack `{}` created here", stack_name_)});
    outer_->EmitDiagnostic(std::move(diagnostic));
  }

 private:
  DiagnosticEmitter* outer_;
  std::string stack_name_;
  Location created_at_;
  DiagnosticEmitter emitter_;
};

}  // namespace isobar
