// Problems the resource checks find, held as data before they are
// emitted. A CloudFormation template may be meant for AWS or for Heat, and
// a type both catalogs know is checked against both schemas; only what
// both call wrong is reported (see KeepAgreed), so the checkers collect
// findings instead of emitting them directly.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <vector>

#include "diagnostics/emitter.h"

namespace isobar {

struct FindingNote {
  Location where;
  std::string message;
};

// A fix: `text` replaces `range` (the bare name, inside any quotes).
struct Replacement {
  ByteRange range;
  std::string text;
};

struct Finding {
  DiagnosticKind kind = DiagnosticKind::InternalError;
  Location where;
  std::string message;
  std::vector<FindingNote> notes;
  // A drop-in replacement for the name at `where`, offered as a fix.
  std::optional<Replacement> replacement;
  // What the finding condemns when wider than `where`: an unknown
  // property's whole entry, key and value. Empty: `where` itself.
  ByteRange scope;
};

// The findings of `primary` that `other` agrees with: a finding of the
// same default severity at the same range, or one whose scope holds it
// (Heat refusing a property outright also refuses anything wrong inside
// it). What every schema that knows a type calls wrong.
auto KeepAgreed(std::vector<Finding> primary, const std::vector<Finding>& other)
    -> std::vector<Finding>;

// Emits each finding as a diagnostic of its kind's default severity.
void EmitFindings(std::vector<Finding>& findings, DiagnosticEmitter& emitter);

// The fix replacing `name` by `suggestion` at `where`, when the source
// spells `name` there as is or in quotes (the quotes stay); otherwise none.
auto ReplacementFor(const Location& where, std::string_view name,
                    std::string_view suggestion) -> std::optional<Replacement>;

// Heat's support message as the hint after `;`: first letter lower case
// (unless it starts a name), no final period.
auto AsHint(std::string message) -> std::string;

// "`a`, `b`, `c`" for messages, at most `shown` names, then ", ...".
auto QuotedList(std::span<const std::string_view> names, size_t shown = 12)
    -> std::string;

}  // namespace isobar
