#pragma once
// What the view model reads from the hub client on every call: the mirrored office
// state, whether the hub is heard and the mirror follows its log, and the hub's "now".
#include <cstdint>

#include "antrian/model.h"

namespace antrian::counter {

struct Mirror {
  const OfficeState& state;
  bool online = false;  // heard from the hub within the last 3 s
  bool synced = false;  // holds a state that follows the hub's log
  int64_t now_ms = 0;   // the hub's clock (it may run a simulated day)

  bool live() const { return online && synced; }
};

}  // namespace antrian::counter
