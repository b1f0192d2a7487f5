#pragma once
// Today's figures for one staff member, from the tickets in the mirror: every step a
// loket records carries the actor "staff:<id>@loket<N>", so the hub's log already
// says who served, marked no-show or transferred each ticket.
#include <cstdint>
#include <optional>
#include <string>

#include "antrian/model.h"

namespace antrian::counter {

struct StaffFigures {
  int served = 0;       // tickets finished ("done")
  int no_shows = 0;
  int transferred = 0;  // tickets sent on to another service or loket
  std::optional<int64_t> average_service_s;  // over served tickets with a start time
};

// True when a ticket step's actor is this staff member (at any loket).
bool actor_is_staff(const std::string& actor, const std::string& staff_id);

StaffFigures staff_figures(const OfficeState& s, const std::string& staff_id);

}  // namespace antrian::counter
