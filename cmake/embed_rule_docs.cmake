# Writes a C++ source holding every docs/rules/<code>.md, so that
# `isobar explain` shows the same pages the repository does.
# Usage: cmake -DDOCS_DIR=... -DOUTPUT=... -P embed_rule_docs.cmake
file(GLOB docs "${DOCS_DIR}/R*.md")
list(SORT docs)
set(out "// Generated from docs/rules/*.md by cmake/embed_rule_docs.cmake.\n")
string(APPEND out "#include \"diagnostics/rule_docs.h\"\n\nnamespace isobar {\n\n")
string(APPEND out "const RuleDoc kRuleDocs[] = {\n")
foreach(doc ${docs})
  get_filename_component(code "${doc}" NAME_WE)
  file(READ "${doc}" content)
  string(APPEND out "    {\"${code}\", R\"isobar_doc(${content})isobar_doc\"},\n")
endforeach()
string(APPEND out "    {\"\", \"\"},\n};\n\n")
list(LENGTH docs count)
string(APPEND out "const size_t kRuleDocCount = ${count};\n\n}  // namespace isobar\n")
file(WRITE "${OUTPUT}.tmp" "${out}")
file(COPY_FILE "${OUTPUT}.tmp" "${OUTPUT}" ONLY_IF_DIFFERENT)
