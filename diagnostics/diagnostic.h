// A diagnostic is data: what kind, where, what is wrong, and what relates
// to it. Renderers (text, JSON, ...) consume diagnostics; phases only emit.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "common/source_buffer.h"

namespace isobar {

enum class Severity : uint8_t { Error, Warning, Info };

auto SeverityName(Severity severity) -> std::string_view;

enum class DiagnosticKind : uint16_t {
#define ISOBAR_DIAGNOSTIC_KIND(Kind, code, name, severity, summary) Kind,
#include "diagnostics/diagnostic_kind.def"
};

// The registry row of one kind.
struct DiagnosticKindInfo {
  DiagnosticKind kind;
  // CamelCase enumerator name, shown as `[code name]` in text output.
  std::string_view kind_name;
  std::string_view code;
  std::string_view name;
  Severity default_severity;
  std::string_view summary;
};

auto GetKindInfo(DiagnosticKind kind) -> const DiagnosticKindInfo&;
auto AllDiagnosticKinds() -> std::span<const DiagnosticKindInfo>;
// Finds a kind by its code (`R013`, any case) or its name (`duplicate-key`).
auto FindDiagnosticKind(std::string_view code_or_name)
    -> const DiagnosticKindInfo*;

// A range in a particular file. `buffer` is never null for an emitted
// diagnostic: even an unreadable path gets an (empty) buffer for its name.
struct Location {
  const SourceBuffer* buffer = nullptr;
  ByteRange range;
};

struct DiagnosticNote {
  Location location;
  std::string message;
};

// One text edit: replace `location.range` with `replacement`.
struct TextEdit {
  Location location;
  std::string replacement;
};

// One way to fix a diagnostic; a diagnostic may offer several.
struct FixIt {
  std::string description;
  std::vector<TextEdit> edits;
};

struct Diagnostic {
  DiagnosticKind kind;
  Severity severity;
  Location location;
  std::string message;
  std::vector<DiagnosticNote> notes;
  std::vector<FixIt> fixes;
  // The region the offending resource is placed in, when that matters,
  // and the region of the other end of a cross-region relation.
  std::string region;
  std::string other_region;
  // Names of nested stacks from the root template down to this one.
  std::vector<std::string> stack_path;
};

}  // namespace isobar
