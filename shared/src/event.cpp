#include "antrian/event.h"
#include "antrian/event_public.h"

#include "antrian/arrival_curve.h"
#include "antrian/booking.h"
#include "antrian/comeback.h"

#include "antrian/model_json.h"
#include "antrian/office_calendar.h"

namespace antrian {

json event_to_json(const Event& e, bool public_view) {
  json j = {{"seq", e.seq}, {"at", e.at}, {"type", e.type}, {"actor", e.actor}, {"data", e.data}};
  if (public_view) strip_private_fields(j["data"]);
  return j;
}

bool strip_private_fields(json& d) {
  if (!d.is_object()) return false;
  bool any = false;
  if (d.contains("tickets")) {
    any = true;
    for (json& t : d["tickets"]) t.erase("token");
  }
  if (d.contains("staff")) {
    any = true;
    for (json& s : d["staff"]) s.erase("pin_hash");
  }
  if (d.contains("device_keys")) {
    any = true;
    d.erase("device_keys");  // who holds which key is for admins (key_list), not the hall
  }
  if (d.contains("comeback")) {  // a come-back code is its holder's, like a ticket's token
    any = true;
    for (json& c : d["comeback"]) c.erase("code");
  }
  if (d.contains("bookings")) {  // a booking's code and link are its holder's
    any = true;
    for (json& b : d["bookings"]) {
      b.erase("code");
      b.erase("token");
    }
  }
  return any;
}

Event event_from_json(const json& j) {
  Event e;
  e.seq = j.at("seq").get<int64_t>();
  e.at = j.at("at").get<int64_t>();
  e.type = j.at("type").get<std::string>();
  e.actor = j.value("actor", "");
  e.data = j.value("data", json::object());
  return e;
}

void apply_event(OfficeState& s, const Event& e) {
  const json& d = e.data;
  if (d.contains("office")) s.office = office_from_json(d["office"]);
  if (d.value("replace_config", false)) {
    s.services.clear();
    s.counters.clear();
  }
  if (d.contains("day")) {
    // A new business day: yesterday's tickets stay in the database, not in memory.
    s.day = d["day"].get<std::string>();
    s.tickets.clear();
    s.index.clear();
    s.last_number.clear();
    s.refused_today.clear();
    for (auto& [_, c] : s.counters) c.current_ticket = 0;
    for (auto it = s.disruptions.begin(); it != s.disruptions.end();)
      it = it->second.active ? std::next(it) : s.disruptions.erase(it);
    // The come-back list lasts until each entry came or expired; closed ones stay a day.
    for (auto it = s.comeback.begin(); it != s.comeback.end();)
      it = it->second.is_open() ? std::next(it) : s.comeback.erase(it);
    // Bookings stay while open, and closed ones until their date has passed.
    for (auto it = s.bookings.begin(); it != s.bookings.end();)
      it = it->second.is_open() || it->second.date >= s.day ? std::next(it) : s.bookings.erase(it);
  }
  if (d.contains("services"))
    for (const json& j : d["services"]) {
      Service x = service_from_json(j);
      s.services[x.code] = x;
    }
  if (d.contains("counters"))
    for (const json& j : d["counters"]) {
      Counter x = counter_from_json(j);
      s.counters[x.number] = x;
    }
  if (d.contains("tickets"))
    for (const json& j : d["tickets"]) {
      Ticket x = ticket_from_json(j);
      if (x.id >= s.next_ticket_id) s.next_ticket_id = x.id + 1;
      if (x.day != s.day) continue;
      ticket_index(s);  // in step before it changes (a state a test built by hand)
      auto [it, fresh] = s.tickets.try_emplace(x.id);
      if (!fresh) s.index.remove(it->second);
      it->second = std::move(x);
      s.index.add(it->second);
    }
  if (d.contains("staff"))
    for (const json& j : d["staff"]) {
      StaffMember x = staff_from_json(j);
      auto it = s.staff.find(x.id);
      // Public events carry no hash: keep what a mirror already had.
      if (x.pin_hash.empty() && it != s.staff.end()) x.pin_hash = it->second.pin_hash;
      s.staff[x.id] = x;
    }
  if (d.contains("resources"))
    for (const json& j : d["resources"]) {
      Resource x = resource_from_json(j);
      s.resources[x.id] = x;
    }
  if (d.contains("disruptions"))
    for (const json& j : d["disruptions"]) {
      Disruption x = disruption_from_json(j);
      if (x.id >= s.next_disruption_id) s.next_disruption_id = x.id + 1;
      s.disruptions[x.id] = x;
    }
  if (d.contains("stats"))
    for (const json& j : d["stats"]) {
      ServiceStats x = stats_from_json(j);
      s.stats[x.service] = x;
    }
  if (d.contains("arrival_curves"))
    for (const json& j : d["arrival_curves"]) {
      ArrivalCurve x = arrival_curve_from_json(j);
      s.arrivals[x.service] = x;
    }
  if (d.contains("device_keys"))
    for (const json& j : d["device_keys"]) {
      DeviceKey x = device_key_from_json(j);
      s.device_keys[x.name] = x;
    }
  if (d.contains("devices"))
    for (const json& j : d["devices"]) {
      DeviceStatus x = device_from_json(j);
      s.devices[x.id] = x;
    }
  if (d.contains("last_number"))
    for (const auto& [prefix, n] : d["last_number"].items()) s.last_number[prefix] = n.get<int>();
  if (d.contains("refused"))
    for (const auto& [service, n] : d["refused"].items()) s.refused_today[service] = n.get<int>();
  if (d.contains("closures")) {  // always the whole list
    s.closures.clear();
    for (const json& j : d["closures"])
      if (auto c = closure_from_json(j, "closures")) s.closures[c->date] = *c;
  }
  if (d.contains("comeback"))
    for (const json& j : d["comeback"]) {
      ComebackEntry x = comeback_from_json(j);
      if (x.id >= s.next_comeback_id) s.next_comeback_id = x.id + 1;
      auto it = s.comeback.find(x.id);
      // Public events carry no code: keep what a mirror already had.
      if (x.code.empty() && it != s.comeback.end()) x.code = it->second.code;
      s.comeback[x.id] = x;
    }
  if (d.contains("bookings"))
    for (const json& j : d["bookings"]) {
      Booking x = booking_from_json(j);
      if (x.id >= s.next_booking_id) s.next_booking_id = x.id + 1;
      auto it = s.bookings.find(x.id);
      // Public events carry no code or token: keep what a mirror already had.
      if (it != s.bookings.end()) {
        if (x.code.empty()) x.code = it->second.code;
        if (x.token.empty()) x.token = it->second.token;
      }
      s.bookings[x.id] = x;
    }
  if (d.contains("announcement")) s.announcement = d["announcement"].get<std::string>();
  s.seq = e.seq;
}

}  // namespace antrian
