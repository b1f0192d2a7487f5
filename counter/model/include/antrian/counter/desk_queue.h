#pragma once
// The waiting list a loket sees: every waiting ticket it could call, in the order
// it would call them (the same order as next_for_counter in queue_rules.h), with
// tickets of halted services listed last because call-next skips them.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "antrian/model.h"

namespace antrian::counter {

struct WaitingTicket {
  int64_t id = 0;
  std::string label;         // "A-007"
  std::string service;       // service code of the queue it is in
  Priority priority = Priority::reguler;
  bool for_this_loket = false;  // transferred to this loket by name
  bool service_halted = false;  // call-next skips it; it can still be called by hand
  int64_t waited_s = 0;         // since it joined the line (kept through transfers)
  std::optional<int64_t> eta_s; // the hub's estimated wait (forecast.h); nullopt = unknown
};

std::vector<WaitingTicket> waiting_for_loket(const OfficeState& s, int loket, int64_t now_ms);

// How many waiting tickets each of the loket's services has (in its order of preference).
std::vector<std::pair<std::string, int>> waiting_counts(const OfficeState& s, int loket);

}  // namespace antrian::counter
