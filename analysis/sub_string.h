// CloudFormation `Fn::Sub` template strings: which variables a string
// names, and where each one sits in the template's source.
//
//   !Sub "arn:${AWS::Partition}:s3:::${Bucket}/${!Key}"
//
// names `AWS::Partition` and `Bucket`, and writes `${Key}` literally. The
// lexer is generated from grammar/Sub.g4; no ANTLR type leaves
// analysis/sub_string.cpp. Not yet used by any check (docs/frontend.md,
// "Fn::Sub strings").
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "common/source_buffer.h"
#include "frontend/document.h"

namespace isobar {

// One `${...}` that CloudFormation substitutes.
struct SubVariable {
  // The text between the braces without leading and trailing whitespace
  // (space, tab, line breaks), as CloudFormation reads it: `${ Bucket }`
  // names `Bucket`. Inner text is kept as written.
  std::string name;
  // The whole `${...}` in the template's source buffer.
  ByteRange range;
  // Just `name` in the template's source buffer.
  ByteRange name_range;
  // For `Res.Attr` (`has_dot`): `name` before its first dot, and the rest,
  // which may hold further dots (`MyDb.Endpoint.Address` gives `MyDb` and
  // `Endpoint.Address`). Either part may be empty (`${Res.}`); that is for
  // the semantic checks to report. Without a dot both are empty: `name` is
  // a parameter, resource, pseudo parameter or variable map key.
  std::string resource;
  std::string attribute;
  bool has_dot = false;
};

struct SubSyntaxError {
  ByteRange range;
  // Follows docs/diagnostics.md: lower case, hint after `;`.
  std::string message;
};

struct SubParseResult {
  // Every well-formed variable in source order, including those after an
  // error (an unterminated `${` swallows the rest of the string, though).
  std::vector<SubVariable> variables;
  // Each `${!...}` escape, braces included, which CloudFormation writes out
  // literally without the `!`. Whitespace may precede the `!`: `${ !X}`.
  std::vector<ByteRange> literal_escapes;
  // The first error: an unterminated `${` (the range is the `${`), or a
  // variable with no name, `${}` or `${ }` (the range is the whole `${...}`).
  std::optional<SubSyntaxError> error;
  // False when the scalar's text is not its value written out character for
  // character (escapes, `''`, line folding, a folded `>` block); every range
  // above is then the whole scalar.
  bool exact_ranges = true;
};

// Parses the Fn::Sub template string held by scalar node `string_node` of
// `document`. Ranges are byte ranges into `document.source()`:
//
// - A plain scalar, a quoted YAML scalar or a JSON string whose source text
//   (inside the quotes) equals its value maps offset for offset. That holds
//   exactly when there are no escapes, no `''` and no line folding: a
//   single-line plain scalar, single-quoted without `''`, double-quoted or
//   JSON without backslashes.
// - A block scalar (`|`, and `>` when nothing was folded) maps line by
//   line: each value line must be its source line less the indentation.
// - Anything else falls back to the whole scalar's range for every range,
//   with `exact_ranges` false.
//
// A node that is not a scalar gives an error at the node and no variables.
// Never throws: an exception from the lexer becomes `error`.
auto ParseSubString(const Document& document, NodeId string_node)
    -> SubParseResult;

}  // namespace isobar
