#pragma once
// The day's planned capacity: which lokets are staffed for which services over the
// rest of the day, from the roster in the office config (by default every configured
// loket over the opening hours), not from who happens to be signed in this minute.
// "Numbers left" (capacity.h) come from it, so a loket signing in or out does not
// take back a number the kiosk has offered.
#include <cstdint>
#include <optional>
#include <string>
#include <utility>

#include "antrian/model.h"

namespace antrian {

// Today's open time, [open, close) in unix ms, when `now_ms` falls inside it; nullopt
// outside the office's hours (before opening, after closing: no plan applies). The
// one place the office's calendar decides the day's hours.
std::optional<std::pair<int64_t, int64_t>> open_window_today(const OfficeState& s, int64_t now_ms);

// Seconds the loket is planned to be staffed from `from_ms` until today's closing
// (its roster shifts cut to the open window); nullopt outside the office's hours.
std::optional<int64_t> loket_open_seconds_left(const OfficeState& s, int counter, int64_t now_ms, int64_t from_ms);

// Tickets of the service the planned lokets can still serve today, from `from_ms`
// (the end of a halt, or now). A loket serving several services gives each an equal
// share of its time, so two services never count the same minutes twice.
std::optional<double> planned_servable(const OfficeState& s, const std::string& service, int64_t now_ms,
                                       int64_t from_ms);

}  // namespace antrian
