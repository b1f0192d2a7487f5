#pragma once
// Turning numbers into the words the kiosk shows and prints. Plain ASCII on purpose:
// the same text goes onto the thermal paper, which prints ASCII only.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "antrian/strings.h"

namespace antrian::kiosk {

// "sekitar 25 menit", "sekitar 1 jam 10 menit", "kurang dari 1 menit",
// "belum dapat diperkirakan" (unknown is said, never guessed).
std::string wait_text(std::optional<int64_t> eta_s, Lang lang);

// "loket 1, 2 dan 3" / "counters 1, 2 and 3"; empty for none.
std::string counters_text(const std::vector<int>& counters, Lang lang);

// "Senin, 3 Maret 2025 08:15 WIB" for the ticket, in the office's zone.
std::string ticket_time_text(int64_t unix_ms, int tz_hours, const std::string& tz_name, Lang lang);

// "pukul 14:30" for when a halted service is expected back.
std::string clock_text(int64_t unix_ms, int tz_hours, const std::string& tz_name);

}  // namespace antrian::kiosk
