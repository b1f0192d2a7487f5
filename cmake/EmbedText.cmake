# Writes the text file IN into OUT as a C++ function returning it (raw string literal).
file(READ ${IN} content)
set(delim "antrian_embed")
file(WRITE ${OUT} "// Generated from ${IN}; edit that file instead.\n#include <string_view>\nnamespace antrian {\nstd::string_view default_office_json() {\n  return R\"${delim}(${content})${delim}\";\n}\n}  // namespace antrian\n")
