#pragma once
// An event of the hub's append-only log, and the reducer that applies it to state.
// The hub, a replay of the log and every client mirror use the same apply_event, so
// they cannot disagree about what an event means.
//
// Events carry the full entities they change: data.tickets, data.counters,
// data.services, data.staff, data.resources, data.disruptions, data.stats are lists
// of entities that replace the ones with the same key. Besides that:
//   data.day            day_started: a new business day (drops yesterday's tickets)
//   data.office         office_configured: the office settings
//   data.replace_config office_configured: services and counters are the full lists
//   data.devices        device reports (kiosk printers)
//   data.last_number    {prefix: n} numbers used today
//   data.refused        {service: n} tickets refused today (quota, blangko, hours)
//   data.announcement   the running text of the displays
#include <cstdint>
#include <string>

#include <nlohmann/json.hpp>

#include "antrian/model.h"

namespace antrian {

struct Event {
  int64_t seq = 0;
  int64_t at = 0;
  std::string type;
  std::string actor;
  nlohmann::json data = nlohmann::json::object();
};

// public_view strips ticket tokens and PIN hashes (what subscribers receive).
nlohmann::json event_to_json(const Event& e, bool public_view);
Event event_from_json(const nlohmann::json& j);  // throws on malformed input

// Applies e to s and sets s.seq = e.seq.
void apply_event(OfficeState& s, const Event& e);

}  // namespace antrian
