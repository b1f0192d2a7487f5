#pragma once
// A hub error as people read it. The hub's reason is English technical text for logs
// and scripts ("unknown staff member or wrong PIN"); a screen says the strings-table
// row of the error's code in its own language first, one language at a time.
#include <string>
#include <string_view>

#include "antrian/strings.h"

namespace antrian {

// The key of an error code's row: "error.<code>", or "error.other" for a code the
// table does not know.
std::string error_key(std::string_view code);

// The words for an error code in lang.
std::string error_words(std::string_view code, Lang lang);

// What a screen showing one language says: the words; an English screen adds the
// hub's reason after them (an Indonesian one never shows it).
std::string error_line(std::string_view code, std::string_view reason, Lang lang);

// For places that show both languages (antrian-ctl, the web's messages): Indonesian
// first, then English, then the hub's reason.
std::string error_both(std::string_view code, std::string_view reason);

}  // namespace antrian
