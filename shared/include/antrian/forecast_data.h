#pragma once
// The hub's forecast as data (what travels to the screens): when each waiting
// ticket is expected to be called, with a range, and what a ticket taken now would
// wait, per service and priority class. forecast.h makes it; this is only its shape.
#include <cstdint>
#include <map>
#include <optional>
#include <string>

namespace antrian {

// An expected call time on the hub's clock (unix ms) and its range (about 80%).
struct CallForecast {
  int64_t at_ms = 0;
  int64_t low_ms = 0, high_ms = 0;
};

struct Forecast {
  int64_t seq = -1;     // the state's seq it was made for (-1: none yet)
  int64_t made_at = 0;  // hub time it was made
  // Every waiting ticket; nullopt: no loket will call it as things stand (unknown).
  std::map<int64_t, std::optional<CallForecast>> tickets;
  // A ticket taken now, per service: reguler and prioritas (lansia, disabilitas, ibu hamil).
  std::map<std::string, std::optional<CallForecast>> new_regular, new_priority;
};

}  // namespace antrian
