#pragma once
// Indonesian mobile numbers as citizens write them (0812-3456-7890, +62 812 3456 7890,
// 62812...), checked and brought to one form, +628..., before anything stores them.
#include <string>
#include <string_view>

#include "antrian/result.h"

namespace antrian {

// "+628" followed by 8 to 12 digits (08 and 8 to 12 more as the citizen writes it); spaces,
// dots, dashes and brackets are dropped. The error never repeats the number (logs).
Result<std::string> normalize_phone(std::string_view text);

// For screens and logs that must say which number without showing it: "+62812****7890".
std::string mask_phone(std::string_view normalized);

}  // namespace antrian
