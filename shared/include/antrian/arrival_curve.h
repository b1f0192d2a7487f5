#pragma once
// The day's arrival curve from the hub's own past days: at each day's end the hub
// folds the day's new tickets, per service, half hour and class, into a mean of past
// open days (a running mean up to kArrivalCurveMemoryDays days, then a moving average
// that follows the seasons). The forecast (forecast.h) expects the applicants still
// to come today along that curve, scaled by how busy today has been so far, instead
// of at the pace of the last hour, which knows nothing at 08:00 of the morning rush
// or of the kiosk's last hour. Why it is sound for a real office: civil-registry
// demand repeats its daily shape (a queue at opening, fading after noon, nothing
// after the last-ticket time), the curve uses only days that are over, and the level
// is corrected by today's own count as the day goes on, so an odd day (a school
// holiday, a rush after a campaign) is followed within the hour.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "antrian/arrival_curve_data.h"
#include "antrian/model.h"

namespace antrian {

// Past days weigh equally up to this many; then the newest weighs 1/this.
inline constexpr int kArrivalCurveMemoryDays = 20;
// Today's level is (seen + this) / (expected by now + this): the curve's own level
// until a few dozen applicants have come, today's count after.
inline constexpr double kArrivalLevelPrior = 15;

// The curves after folding in the day `s` holds (s.tickets: the day that ends); empty
// when the day had no new ticket (closed, or the hub was off). Tickets made by a
// transfer or a bulk move are not arrivals.
std::vector<ArrivalCurve> curves_after_day(const OfficeState& s);

// Expected new tickets of the curve between two moments of the same local day
// (ms after local midnight), spread evenly within each slot.
double curve_count(const ArrivalCurve& c, bool priority, int64_t from_ms, int64_t to_ms);

// How busy today is against the past days' mean: today's new tickets from opening to
// now against the curves' count for the same time, shrunk towards 1 (kArrivalLevelPrior).
double today_level(const OfficeState& s, int64_t open_ms, int64_t now_ms);

// When the applicants still to come are expected (unix ms, ascending): the k-th at
// the moment the curve's count from now, times `level`, reaches k (its expected
// arrival time), until `until_ms`; at most `max_n`.
std::vector<int64_t> expected_arrival_times(const ArrivalCurve& c, bool priority, double level, int64_t now_ms,
                                            int64_t until_ms, int offset_hours, std::size_t max_n);

nlohmann::json to_json(const ArrivalCurve& c);
// Throws nlohmann::json::exception or std::invalid_argument on a malformed curve.
ArrivalCurve arrival_curve_from_json(const nlohmann::json& j);

}  // namespace antrian
