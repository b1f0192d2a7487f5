#pragma once
// Estimated waiting time: the place in the service's queue, the lokets open for it,
// the learned mean service time, and what disruptions leave of its capacity.
// "Unknown" is an honest answer (no loket open, or halted with no expected end),
// and callers show it as such instead of inventing a number.
#include <cstdint>
#include <optional>
#include <string>

#include "antrian/model.h"

namespace antrian {

// Learned mean service time in seconds (moving average), or the configured guess.
double mean_service_seconds(const OfficeState& s, const std::string& service);

// The moving average after one more observed service time.
ServiceStats updated_stats(const OfficeState& s, const std::string& service, double observed_s);
inline constexpr double kServiceTimeSmoothing = 0.2;  // weight of the newest sample

// Seconds until a ticket with `ahead` people in front of it is called.
std::optional<int64_t> eta_seconds(const OfficeState& s, const std::string& service, int ahead,
                                   int64_t now_ms);
// For an existing waiting ticket; nullopt also when it is no longer waiting.
std::optional<int64_t> eta_for_ticket(const OfficeState& s, const Ticket& t, int64_t now_ms);
// For a ticket that would be taken now (what the kiosk shows before issuing).
std::optional<int64_t> eta_for_new_ticket(const OfficeState& s, const std::string& service,
                                          Priority p, int64_t now_ms);

}  // namespace antrian
