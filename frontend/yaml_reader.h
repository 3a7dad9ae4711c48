// The YAML reader: turns one YAML file into a Document.
//
// It drives yaml-cpp's event parser (never YAML::Load, which drops
// positions and expands aliases) and feeds a DocumentBuilder, so that
// aliases stay shared and every node keeps its byte range. yaml-cpp types
// do not leave frontend/.
#pragma once

#include <optional>

#include "common/source_buffer.h"
#include "diagnostics/emitter.h"
#include "frontend/document.h"
#include "frontend/parse_options.h"

namespace isobar {

// Reads the single YAML document in `source`.
//
// - CloudFormation short forms become their long forms: `!Ref x` is the
//   mapping {Ref: x}, `!GetAtt a.b` is {Fn::GetAtt: [a, b]}, `!Sub s` is
//   {Fn::Sub: s}, and so on. The synthetic mapping spans the tag and the
//   value, and its key spans the tag. Standard `!!` tags are accepted;
//   other tags are reported (R014) and ignored.
// - Syntax errors (R010), nesting deeper than `options.max_depth` (R012,
//   checked before yaml-cpp recurses), and a second document (R016) are
//   reported and give nullopt. So does a stream with no document at all,
//   without a diagnostic: the caller reports the empty file.
// - Never throws: yaml-cpp's exceptions become diagnostics.
//
// The returned Document points into `source`, which must outlive it.
auto ParseYaml(const SourceBuffer& source, const ParseOptions& options,
               DiagnosticEmitter& emitter) -> std::optional<Document>;

}  // namespace isobar
