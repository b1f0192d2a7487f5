#pragma once
// Estimated waits by playing the queue forward with the office's own call rules
// (queue_rules.h): each open loket, when it is free, calls what next_for_counter
// would call: tickets transferred to it, then priority tickets of its services, then
// the rest by its order of preference; halted services are skipped until their
// expected end; a loket on a break joins when the break ends; every turn takes the
// service's learned cycle (call to free again), stretched by what disruptions leave
// of its capacity (printers N of M). The tickets at the desks finish first.
//
// The hub makes the forecast once per change (O(open tickets x lokets)) and sends it
// to every screen (the snapshot, and the "fc" topic after each change); screens only
// read it with the functions below, so the kiosk, the ticket, the counter list, the
// displays and the status page show the same figure.
#include <cstdint>
#include <optional>
#include <string>

#include "antrian/model.h"

namespace antrian {

// A break with no stated end is expected to last this long.
inline constexpr int64_t kAssumedBreakMs = 15 * 60'000;
// The hub remakes a forecast this old even when nothing changed (time moved on).
inline constexpr int64_t kForecastMaxAgeMs = 60'000;

Forecast compute_forecast(const OfficeState& s, int64_t now_ms);

// True when s.forecast was made for this state and is recent.
bool forecast_current(const OfficeState& s, int64_t now_ms);

// A wait in seconds from now, and its range. eta_s is never below low_s or above high_s.
struct WaitFigure {
  int64_t eta_s = 0, low_s = 0, high_s = 0;
};
WaitFigure wait_from(const CallForecast& c, int64_t now_ms);

// Read from the hub's forecast (s.forecast); nullopt = unknown (no loket will call it).
std::optional<WaitFigure> forecast_ticket_wait(const OfficeState& s, int64_t ticket_id, int64_t now_ms);
std::optional<WaitFigure> forecast_new_wait(const OfficeState& s, const std::string& service, Priority p,
                                            int64_t now_ms);
// The same from a given forecast.
std::optional<WaitFigure> forecast_new_wait(const Forecast& f, const std::string& service, Priority p,
                                            int64_t now_ms);
// The same figure made now from the state, playing only the one run it needs (not the
// whole forecast's 1 + 2 x services runs): the issue command, when the hub's forecast
// is not up to date (each issue after the first in a group commit changed the state).
std::optional<WaitFigure> new_ticket_wait_now(const OfficeState& s, const std::string& service, Priority p,
                                              int64_t now_ms);
// That one run's call time (nullopt: unknown): the straightforward computation that
// compute_forecast's new_regular / new_priority must equal (it shares one play).
std::optional<CallForecast> new_ticket_call(const OfficeState& s, const std::string& service, Priority p,
                                            int64_t now_ms);

}  // namespace antrian
