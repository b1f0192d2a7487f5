#pragma once
// Which console actions are possible now, and if not, why (a sentence a person can
// act on). The rules follow the hub's (shared/src/commands_*.cpp), so a disabled
// button is one the hub would refuse; the hub stays the judge when they disagree.
#include <optional>
#include <string>
#include <vector>

#include "antrian/counter/action.h"
#include "antrian/counter/mirror.h"

namespace antrian::counter {

// The console's side of the rules: which loket, who, what is selected, and whether
// an earlier action is still on its way.
struct Desk {
  int loket = 0;
  std::string staff;
  std::optional<int64_t> selected;  // ticket chosen in the waiting list
  bool busy = false;   // an action waits for its answer (or for the mirror to show it)
  bool stale = false;  // waiting to re-sync with the hub (lost answer, or an outage)
  std::string stale_reason = "counter.why.stale";
};

struct Availability {
  bool enabled = false;
  std::string reason_key;  // strings table key when disabled
  std::vector<std::string> reason_args;
};

Availability availability(Action a, const Mirror& m, const Desk& d);

// The ticket the loket holds now (called or being served), or nullptr.
const Ticket* held_ticket(const OfficeState& s, int loket);

}  // namespace antrian::counter
