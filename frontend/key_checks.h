// Checks shared by the readers of isobar's own YAML files (the cloud
// profile, the project configuration): their keys are a closed set, so an
// unknown one is a mistake, reported with "did you mean" and a fix.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "diagnostics/emitter.h"
#include "frontend/document.h"

namespace isobar {

// Reports, as `kind`, every key of the mapping `map` not in `allowed`;
// `where` names the mapping in the message ("the profile").
void CheckKnownKeys(const Document& doc, NodeId map,
                    std::span<const std::string_view> allowed,
                    std::string_view where, DiagnosticKind kind,
                    DiagnosticEmitter& emitter);

// Emits `message; did you mean `S`?` with a fix that writes S at `where`
// when there is a suggestion S, else `message; otherwise`.
void EmitMisspelling(DiagnosticEmitter& emitter, DiagnosticKind kind,
                     Location where, std::string_view message,
                     std::optional<std::string_view> suggestion,
                     std::string_view otherwise);

// A plain `true` / `false` (or `True` / `False`); nullopt for anything
// else, a quoted "true" included: settings are booleans, not text.
auto PlainBoolean(const Document& doc, NodeId node) -> std::optional<bool>;

// A node as a message shows it: a scalar's text in backticks, else its
// kind ("a mapping").
auto DescribeNode(const Document& doc, NodeId node) -> std::string;

}  // namespace isobar
