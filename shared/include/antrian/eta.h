#pragma once
// Estimated waiting time as screens read it: from the hub's forecast (forecast.h),
// which plays the queue forward with the office's own call rules. These functions
// only look the figure up; none computes a wait of its own. "Unknown" (nullopt) is
// an honest answer (no loket will call it as things stand, or halted with no
// expected end), and callers show it as such instead of inventing a number.
#include <cstdint>
#include <optional>
#include <string>

#include "antrian/model.h"

namespace antrian {

// Learned mean service time in seconds (moving average), or the configured guess.
double mean_service_seconds(const OfficeState& s, const std::string& service);

// A loket's whole turn for one ticket (call to free again) at full capacity: the
// learned turn, or the service time until a turn has been seen. The forecast and the
// planned capacity both play turns.
double turn_seconds(const OfficeState& s, const std::string& service);

// The learned times after one more ticket of the service: its service (started to
// finished; nullopt for a no-show) and the loket's whole turn (called to free
// again). Both are scaled to full capacity by what the service runs at now.
ServiceStats updated_stats(const OfficeState& s, const std::string& service, std::optional<double> served_s,
                           double turn_s);
// Weight of the newest sample: a mean over the samples so far, with the configured
// guess counting as two of them, until it reaches this floor (then a moving average
// that follows a day that changes). A running mean is far steadier than a fixed 0.2.
inline constexpr double kServiceTimeSmoothing = 0.05;
double smoothing_after(int samples);

// For an existing waiting ticket; nullopt also when it is no longer waiting.
std::optional<int64_t> eta_for_ticket(const OfficeState& s, const Ticket& t, int64_t now_ms);
// For a ticket that would be taken now (what the kiosk shows before issuing).
std::optional<int64_t> eta_for_new_ticket(const OfficeState& s, const std::string& service,
                                          Priority p, int64_t now_ms);

}  // namespace antrian
