#pragma once
// Receipt printers show a single-byte code page, and the bytes 0x00-0x1F are commands.
// All text we send is therefore folded to printable ASCII: accented Latin letters lose
// their accents, typographic punctuation becomes its ASCII look-alike, and anything
// else (control bytes, emoji, invalid UTF-8) is dropped so it can neither print
// garbage nor be read by the printer as a command.
#include <string>
#include <string_view>

namespace antrian::printing {

// UTF-8 in, printable ASCII (0x20-0x7E) out. Tabs and newlines become spaces.
std::string to_printable_ascii(std::string_view utf8);

}  // namespace antrian::printing
