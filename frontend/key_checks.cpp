#include "frontend/key_checks.h"

#include <algorithm>

#include "common/spelling.h"

namespace isobar {

void CheckKnownKeys(const Document& doc, NodeId map,
                    std::span<const std::string_view> allowed,
                    std::string_view where, DiagnosticKind kind,
                    DiagnosticEmitter& emitter) {
  for (const MapEntry& entry : doc.node(map).entries) {
    if (std::find(allowed.begin(), allowed.end(), entry.key) != allowed.end()) {
      continue;
    }
    EmitMisspelling(
        emitter, kind, doc.LocationOf(entry.key_range),
        fmt::format("unknown key `{}` in {}", entry.key, where),
        SuggestSpelling(entry.key, allowed),
        fmt::format("allowed: `{}`", fmt::join(allowed, "`, `")));
  }
}

void EmitMisspelling(DiagnosticEmitter& emitter, DiagnosticKind kind,
                     Location where, std::string_view message,
                     std::optional<std::string_view> suggestion,
                     std::string_view otherwise) {
  if (!suggestion) {
    emitter.Emit(kind, where, "{}; {}", message, otherwise);
    return;
  }
  emitter.Build(kind, where, "{}; did you mean `{}`?", message, *suggestion)
      .Fix(fmt::format("replace with `{}`", *suggestion),
           {{where, std::string(*suggestion)}})
      .Emit();
}

auto PlainBoolean(const Document& doc, NodeId node) -> std::optional<bool> {
  const Node& value = doc.node(node);
  if (value.kind != NodeKind::Scalar || value.style != ScalarStyle::Plain) {
    return std::nullopt;
  }
  if (value.value == "true" || value.value == "True") return true;
  if (value.value == "false" || value.value == "False") return false;
  return std::nullopt;
}

auto DescribeNode(const Document& doc, NodeId node) -> std::string {
  const Node& n = doc.node(node);
  if (n.kind == NodeKind::Scalar) return fmt::format("`{}`", n.value);
  return std::string(NodeKindDescription(n.kind));
}

}  // namespace isobar
