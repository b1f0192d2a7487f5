#pragma once
// What the kiosk needs from the hub's state, copied out under the mirror's lock so
// the view model never holds a reference into it: the office, its routing table, and
// one card per service (status, people waiting, estimated wait, tickets left).
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "antrian/kiosk/text.h"
#include "antrian/model.h"
#include "antrian/office_view.h"

namespace antrian::kiosk {

struct DisruptionNote {
  Text message;
  Text resource;  // "Server pusat (SIAK)"
  DisruptionLevel level = DisruptionLevel::down;
  std::optional<int64_t> expected_end;  // unix ms
};

struct ServiceCard {
  std::string code;
  std::string prefix;  // its tickets' letters ("A" of A-006): the survey tablet's keypad
  Text name;
  bool enabled = true;  // false: closed today (the hub refuses tickets)
  ServiceStatus status = ServiceStatus::normal;
  int waiting = 0;
  int open_counters = 0;
  std::optional<int> tickets_left;               // nullopt: no limit known (capacity.h)
  std::string limited_by = "none";               // what sets tickets_left: quota, blangko, hours
  std::optional<int64_t> eta_regular_s;          // wait for a ticket taken now
  std::optional<int64_t> eta_priority_s;         // the same for lansia/disabilitas/ibu hamil
  std::optional<int64_t> expected_end;           // halted: when it is expected back
  std::vector<DisruptionNote> disruptions;       // active ones affecting it
  std::vector<int> counters;                     // lokets that serve it (where to wait)
  Text alternative;                  // what the office offers while it cannot serve
  std::string alternative_service;   // a service that can help instead (e.g. F for a certificate)
  // The office calendar (office_calendar.h): numbers given now, else when again.
  bool issuing_open = true;
  std::string issuing_closed = "open";
  std::optional<int64_t> issuing_next_at;
  // The hub's rule (comeback.h): halted or out of numbers, so the come-back list is open.
  bool comeback_can_join = false;

  bool quota_used_up() const { return tickets_left && *tickets_left <= 0; }
  std::optional<int64_t> eta(Priority p) const { return p == Priority::reguler ? eta_regular_s : eta_priority_s; }
};

struct OfficeSnapshot {
  std::string name;        // "Dinas Kependudukan dan Pencatatan Sipil"
  std::string short_name;  // "Disdukcapil Kabupaten Contoh"
  std::string timezone = "WIB";
  int tz_hours = 7;
  std::string public_url;  // base of the ticket status page
  int opening_hour = 8;
  nlohmann::json routing = nlohmann::json::array();
  std::map<std::string, ServiceCard> services;  // by code
  OfficeHoursSummary hours;                     // no service gives numbers: the kiosk says when again
  int64_t hub_now_ms = 0;

  // code -> name, what the routing table is checked against.
  std::map<std::string, Text> service_names() const;
};

OfficeSnapshot snapshot_office(const OfficeState& state, int64_t hub_now_ms);

}  // namespace antrian::kiosk
