// Classifies a parsed document and builds the typed template model.
#pragma once

#include "frontend/template.h"

namespace isobar {

// HOT if it has `heat_template_version` (or a near-miss of it, or a
// `resources` mapping); CFN if it has `AWSTemplateFormatVersion`,
// `HeatTemplateFormatVersion` or a `Resources` mapping; a Heat environment
// if every top-level key is an environment section; else not a template.
auto DetectFormat(const Document& document) -> TemplateFormat;

// Builds the model. Never fails: parts of the wrong shape are left as
// NodeIds for the structure check to report.
auto BuildTemplate(Document document) -> Template;

}  // namespace isobar
