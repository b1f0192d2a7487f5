#pragma once
// Plays one office day against a real hub on a manual clock: every arrival takes a
// ticket through the protocol (as the kiosk does), every loket calls, serves and
// finishes (as the counter program does), lokets take their breaks, and the
// disruptions of the plan are declared and cleared (as staff would). Records each
// applicant's estimates (ours, blind, formula, forward oracle) and the wait they
// really had.
#include <map>
#include <string>
#include <vector>

#include "antrian/hub_client.h"
#include "estimators.h"
#include "office_day.h"

namespace antrian::sim {

struct DayResult {
  std::string name;
  int arrived = 0, issued = 0, refused = 0, served = 0, no_show = 0, not_called = 0;
  std::map<std::string, std::vector<double>> waits_s;  // per service, tickets that were called
  std::vector<Sample> samples;
};

// midnight_ms: local midnight of the simulated day on the hub's clock. oracle_runs:
// plays per ticket of the forward oracle (0: none). oracle_draw: which of the
// oracle's independent sets of plays (0: the default); the day itself, the hub's
// estimates and the real waits do not change with it, so several draws of one day
// show how much the oracle's own score moves.
DayResult run_day(const std::string& name, const DayPlan& plan, HubClient& hub, int64_t midnight_ms, uint64_t seed,
                  int oracle_runs = 41, uint64_t oracle_draw = 0);

}  // namespace antrian::sim
