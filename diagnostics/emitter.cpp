#include "diagnostics/emitter.h"

#include "common/check.h"

namespace isobar {

void DiagnosticBuilder::Emit() {
  emitter_->EmitDiagnostic(std::move(diagnostic_));
}

void DiagnosticEmitter::EmitDiagnostic(Diagnostic diagnostic) {
  ISOBAR_CHECK(diagnostic.location.buffer != nullptr,
               "diagnostic without a location");
  if (diagnostic.severity == Severity::Error) ++error_count_;
  consumer_->HandleDiagnostic(std::move(diagnostic));
}

}  // namespace isobar
