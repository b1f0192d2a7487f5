#pragma once
// Durations and times as the console writes them.
#include <cstdint>
#include <optional>
#include <string>

#include "antrian/strings.h"

namespace antrian::counter {

// "<1 mnt", "12 mnt", "1 j 05 mnt" (en: "<1 min", "12 min", "1 h 05 min").
std::string format_duration(int64_t seconds, Lang lang);
// An estimate: format_duration, or "tidak diketahui" when unknown.
std::string format_estimate(const std::optional<int64_t>& seconds, Lang lang);
// A running timer: "04:12", "1:04:12".
std::string format_timer(int64_t seconds);

}  // namespace antrian::counter
