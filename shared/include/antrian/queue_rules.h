#pragma once
// Who is next. The order a loket calls tickets in:
//   1. tickets transferred to this loket itself, by their place in line;
//   2. priority tickets (lansia, disabilitas, ibu hamil) of any service it serves;
//   3. the rest, by the loket's order of preference of its services;
// and within each group by place in line (queue_at: arrival, kept through transfers).
// Services that are halted are skipped: their applicants cannot be served now.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "antrian/model.h"

namespace antrian {

// The ticket id the loket should call next, if any.
std::optional<int64_t> next_for_counter(const OfficeState& s, int counter);

// Waiting tickets of a service in the order the service's queue moves
// (priority first, then place in line).
std::vector<const Ticket*> waiting_in_service(const OfficeState& s, const std::string& service);

// How many waiting tickets of the same service are ahead of this one.
int ahead_of(const OfficeState& s, const Ticket& t);

// Open lokets (signed in, not on a break) that serve the service.
int open_counters_for(const OfficeState& s, const std::string& service);

// Tickets issued today for a service (transfers in do not count against its quota).
int issued_today(const OfficeState& s, const std::string& service);

}  // namespace antrian
