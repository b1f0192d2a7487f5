#pragma once
// Word wrapping for fixed-pitch printer lines.
#include <string>
#include <string_view>
#include <vector>

namespace antrian::printing {

// Splits text into lines of at most `columns` characters, breaking at spaces and
// hard-breaking words longer than a line. Runs of spaces collapse; an empty or blank
// text gives no lines. columns < 1 is treated as 1.
std::vector<std::string> wrap_text(std::string_view text, int columns);

}  // namespace antrian::printing
