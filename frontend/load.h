// The frontend's entry points: a file on disk becomes an owned
// SourceBuffer, and a SourceBuffer becomes a typed Template.
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <string>

#include "diagnostics/emitter.h"
#include "frontend/parse_options.h"
#include "frontend/template.h"

namespace isobar {

struct LoadOptions {
  // Larger files are refused (R002) without being read whole. Heat's own
  // limit (max_template_size) is 512 KiB and CloudFormation's 1 MB; isobar
  // allows much more so generated templates can still be checked.
  uint64_t max_file_bytes = 32ull << 20;
  ParseOptions parse;
  // Report an empty or comment-only file (R005). A directory walk turns
  // this off: such a file is not a template, so it is skipped.
  bool empty_is_error = true;
};

struct ReadResult {
  // Never null: on failure, an empty buffer that carries the file name, so
  // the failure itself can be reported at a location.
  std::unique_ptr<SourceBuffer> buffer;
  bool ok = false;
};

// Reads `path` whole. Reports R001 (unreadable) and R002 (too large).
auto ReadSourceFile(const std::filesystem::path& path,
                    const std::string& display_name, const LoadOptions& options,
                    DiagnosticEmitter& emitter) -> ReadResult;

// Checks that the bytes are text a parser may see: R002 too large, R003
// binary, R004 invalid UTF-8, R005 empty.
auto CheckSourceText(const SourceBuffer& source, const LoadOptions& options,
                     DiagnosticEmitter& emitter) -> bool;

// Parses and models one template. Returns nullopt when the text cannot be
// parsed (after reporting why). The result may be NotATemplate; whether
// that is an error is the caller's call.
auto LoadTemplate(const SourceBuffer& source, const LoadOptions& options,
                  DiagnosticEmitter& emitter) -> std::optional<Template>;

}  // namespace isobar
