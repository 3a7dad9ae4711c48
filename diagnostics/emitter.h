// DiagnosticEmitter: how phases report problems.
//
//   emitter.Emit(DiagnosticKind::DuplicateKey, loc, "duplicate key `{}`", key);
//   emitter.Build(DiagnosticKind::DuplicateKey, loc, "duplicate key `{}`", key)
//       .Note(first, "first defined here")
//       .Emit();
//
// Format strings are checked at compile time by fmt. Messages follow
// docs/diagnostics.md: lower case, no trailing period, names in backticks,
// any hint after `;`.
#pragma once

#include <fmt/format.h>

#include <utility>
#include <vector>

#include "diagnostics/diagnostic.h"

namespace isobar {

// Receives every emitted diagnostic.
class DiagnosticConsumer {
 public:
  virtual ~DiagnosticConsumer() = default;
  virtual void HandleDiagnostic(Diagnostic diagnostic) = 0;
};

// Keeps diagnostics in emission order.
class CollectingConsumer : public DiagnosticConsumer {
 public:
  void HandleDiagnostic(Diagnostic diagnostic) override {
    diagnostics_.push_back(std::move(diagnostic));
  }
  auto diagnostics() -> std::vector<Diagnostic>& { return diagnostics_; }

 private:
  std::vector<Diagnostic> diagnostics_;
};

class DiagnosticEmitter;

// Accumulates notes and fixes, then emits once.
class DiagnosticBuilder {
 public:
  DiagnosticBuilder(DiagnosticEmitter* emitter, Diagnostic diagnostic)
      : emitter_(emitter), diagnostic_(std::move(diagnostic)) {}

  template <typename... Args>
  auto Note(Location location, fmt::format_string<Args...> format,
            Args&&... args) -> DiagnosticBuilder& {
    diagnostic_.notes.push_back(
        {location, fmt::format(format, std::forward<Args>(args)...)});
    return *this;
  }
  auto Fix(std::string description, std::vector<TextEdit> edits)
      -> DiagnosticBuilder& {
    diagnostic_.fixes.push_back({std::move(description), std::move(edits)});
    return *this;
  }
  auto Region(std::string region) -> DiagnosticBuilder& {
    diagnostic_.region = std::move(region);
    return *this;
  }
  auto OtherRegion(std::string region) -> DiagnosticBuilder& {
    diagnostic_.other_region = std::move(region);
    return *this;
  }
  void Emit();

 private:
  DiagnosticEmitter* emitter_;
  Diagnostic diagnostic_;
};

class DiagnosticEmitter {
 public:
  explicit DiagnosticEmitter(DiagnosticConsumer& consumer)
      : consumer_(&consumer) {}

  template <typename... Args>
  auto Build(DiagnosticKind kind, Location location,
             fmt::format_string<Args...> format, Args&&... args)
      -> DiagnosticBuilder {
    Diagnostic diagnostic{
        .kind = kind,
        .severity = GetKindInfo(kind).default_severity,
        .location = location,
        .message = fmt::format(format, std::forward<Args>(args)...),
    };
    return DiagnosticBuilder(this, std::move(diagnostic));
  }

  template <typename... Args>
  void Emit(DiagnosticKind kind, Location location,
            fmt::format_string<Args...> format, Args&&... args) {
    Build(kind, location, format, std::forward<Args>(args)...).Emit();
  }

  // Passes a finished diagnostic on; checks that it has a location.
  void EmitDiagnostic(Diagnostic diagnostic);

  auto error_count() const -> size_t { return error_count_; }

 private:
  DiagnosticConsumer* consumer_;
  size_t error_count_ = 0;
};

}  // namespace isobar
