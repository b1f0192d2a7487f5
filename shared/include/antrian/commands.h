#pragma once
// The hub's rules: a request, checked against the current state, becomes the events
// to append (or an error with a reason, and no change). Pure: no I/O, no clock read;
// the hub supplies "now" so tests and the simulator control time.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "antrian/event.h"
#include "antrian/model.h"
#include "antrian/protocol.h"
#include "antrian/result.h"

namespace antrian {

struct CommandContext {
  int64_t now_ms = 0;
  std::string role;    // proto::role::*
  std::string client;  // the device's name, e.g. "kiosk-1" (for the log's actor)
};

struct Decision {
  std::vector<Event> events;  // seq not yet assigned; empty for read-only commands
  nlohmann::json result = nlohmann::json::object();
};

Result<Decision> decide(const OfficeState& s, const proto::Request& req, const CommandContext& ctx);

// A day_started event when now falls on another business day than the state's.
std::optional<Event> day_rollover_event(const OfficeState& s, int64_t now_ms);

// After today's closing time: lokets still signed in with nobody at the desk and
// nobody left waiting for them are signed out by the hub (one logged event).
std::vector<Event> closing_sign_out_events(const OfficeState& s, int64_t now_ms);

// The first events of a new database: the office from its config, then staff.
std::vector<Event> configure_office_events(const OfficeState& s, const struct OfficeConfig& cfg,
                                           int64_t now_ms);

}  // namespace antrian
