#pragma once
// JSON form of the model, used by the protocol, the store and the snapshot.
#include <nlohmann/json.hpp>

#include "antrian/model.h"

namespace antrian {

using json = nlohmann::json;

json to_json(const Office& o);
json to_json(const Service& s);
json to_json(const Counter& c);
json to_json(const Ticket& t, bool with_token);
json to_json(const StaffMember& s, bool with_secret);
json to_json(const Resource& r);
json to_json(const Disruption& d);
json to_json(const ServiceStats& s);
json to_json(const DeviceStatus& d);
json to_json(const DeviceKey& k);
json to_json(const Forecast& f);
// to_json(f).dump(), written without the tree (forecast_text.cpp): the hub's per-change form.
std::string forecast_text(const Forecast& f);

// from_json throws nlohmann::json::exception on a malformed value; callers that take
// untrusted input catch it and turn it into an Error.
Office office_from_json(const json& j);
Service service_from_json(const json& j);
Counter counter_from_json(const json& j);
Ticket ticket_from_json(const json& j);
StaffMember staff_from_json(const json& j);
Resource resource_from_json(const json& j);
Disruption disruption_from_json(const json& j);
ServiceStats stats_from_json(const json& j);
DeviceStatus device_from_json(const json& j);
DeviceKey device_key_from_json(const json& j);
Forecast forecast_from_json(const json& j);

// The whole state. public_view drops ticket tokens and PIN hashes.
// all_tickets = false leaves "tickets" empty (snapshot_json fills in its own choice).
json state_to_json(const OfficeState& s, bool public_view, bool all_tickets = true);
OfficeState state_from_json(const json& j);

}  // namespace antrian
