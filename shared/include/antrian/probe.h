#pragma once
// Automatic disruption detection: the hub checks an endpoint (the central SIAK
// server, the network link) on an interval and declares a disruption after
// `fail_after` failures in a row, and clears it after `recover_after` successes in
// a row, so a flapping link does not make every screen in the hall flap.
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "antrian/model.h"
#include "antrian/result.h"

namespace antrian {

struct ProbeSpec {
  std::string resource;        // resource id the probe watches (e.g. "siak")
  std::string check;           // "tcp://HOST:PORT" (connect) or "http://HOST:PORT/PATH" (GET, 2xx/3xx ok)
  int interval_ms = 5000;
  int timeout_ms = 2000;
  int fail_after = 3;
  int recover_after = 2;
  DisruptionLevel level = DisruptionLevel::down;
  std::string message_id, message_en;
};

// Parses the config's "probes" list; `resources` are the known resource ids.
Result<std::vector<ProbeSpec>> parse_probes(const nlohmann::json& list, const std::vector<std::string>& resources);

class Hysteresis {
 public:
  enum class Change { none, went_down, came_back };
  Hysteresis(int fail_after, int recover_after) : fail_after_(fail_after), recover_after_(recover_after) {}
  Change observe(bool ok);
  bool down() const { return down_; }

 private:
  int fail_after_, recover_after_;
  int failures_ = 0, successes_ = 0;
  bool down_ = false;
};

}  // namespace antrian
