#pragma once
// The forward oracle: the best estimate of a wait anyone could give without seeing
// the future. From the hall as it is now (the hub's state: who waits, which loket
// serves what, who is at a desk since when), it plays the rest of the day many times
// with the simulated office's own call rules and its TRUE service-time distributions,
// the true end of a halt, the planned breaks, and arrivals drawn from the day's
// arrival process (not the real ones: those are the future), and takes the median
// of when the ticket is called.
//
// Written apart from the hub's estimator on purpose: it shares no code with
// shared/forecast.cpp or shared/queue_rules.cpp, so a blind spot in one (a loket
// that serves two services, a break) is not copied into the judge.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "antrian/model.h"
#include "office_day.h"

namespace antrian::sim {

// What the simulator knows to be true now (seconds after local midnight).
struct Truth {
  int64_t now_s = 0;
  int64_t midnight_ms = 0;
  std::map<std::string, double> capacity;          // true share of speed per service now
  std::map<std::string, int64_t> halted_until_s;   // halted services: when they really come back
  std::map<int, int64_t> break_end_s;              // lokets on a break now: when it ends
  std::vector<Break> breaks_ahead;                 // planned breaks not yet started
};

// Median wait in seconds of `ticket_id` over `runs` plays; nullopt when no play
// calls it (no loket serves it).
std::optional<double> forward_oracle_s(const OfficeState& state, int64_t ticket_id, const DayPlan& plan,
                                       const Truth& truth, int runs, uint64_t seed);

}  // namespace antrian::sim
