#pragma once
// Fills the day of a stopped hub's database with finished tickets, fast: one event
// per ticket (its whole served history), written by the hub's own Store in large
// transactions. The hub reads them at its next start like any day's tickets, so the
// commands measured afterwards go through the real hub against a full day.
#include <cstdint>
#include <string>

namespace antrian::bench {

// Adds tickets until the day holds `total` (closed) tickets; returns how many the
// day holds afterwards. Throws RunFailed when the database cannot be written.
int seed_closed_tickets(const std::string& db_path, int total, int64_t now_ms);

}  // namespace antrian::bench
