#pragma once
// A simulated office day for the report and the screenshots: a hub on a manual clock
// (--manual-clock), tickets arriving through the day with a morning peak, four lokets
// calling, serving and finishing, some no-shows, a central-server outage, and a small
// quota that runs out. Deterministic (fixed seed).
#include <cstdint>
#include <string>
#include <vector>

#include "antrian/hub_client.h"

namespace antrian::test {

// Unix ms of hh:mm WIB on 2026-03-02 (a Monday) plus `days`.
int64_t wib(int days, int hour, int minute);

// Hub arguments: manual clock starting at `start_ms`, and an office config written to
// dir with service E's daily quota lowered so that refusals happen.
std::vector<std::string> office_day_args(const std::string& dir, int64_t start_ms);

// Sets the hub's clock (admin command clock_set).
void set_clock(HubClient& admin, int64_t now_ms);

// Runs 2026-03-02 from 07:45 until the last applicant is served after 15:00 WIB.
void simulate_office_day(HubClient& admin);

}  // namespace antrian::test
