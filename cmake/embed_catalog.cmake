# Writes a C++ source holding one catalog file (catalog/*.cat) as a byte
# string, so the binary needs no data files at run time.
# Usage: cmake -DINPUT=... -DSYMBOL=... -DOUTPUT=... -P embed_catalog.cmake
file(READ "${INPUT}" content)
string(LENGTH "${content}" size)
set(out "// Generated from ${INPUT} by cmake/embed_catalog.cmake.\n")
string(APPEND out "#include <cstddef>\n\nnamespace isobar {\n\n")
# One raw literal: the data is text and never holds the delimiter.
string(APPEND out "extern const char ${SYMBOL}[] = R\"isobar_cat(${content})isobar_cat\";\n")
string(APPEND out "extern const size_t ${SYMBOL}Size = ${size};\n\n}  // namespace isobar\n")
file(WRITE "${OUTPUT}.tmp" "${out}")
file(COPY_FILE "${OUTPUT}.tmp" "${OUTPUT}" ONLY_IF_DIFFERENT)
