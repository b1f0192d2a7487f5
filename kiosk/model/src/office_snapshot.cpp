#include "antrian/kiosk/office_snapshot.h"

#include <algorithm>

#include "antrian/comeback.h"
#include "antrian/eta.h"
#include "antrian/office_time.h"
#include "antrian/office_view.h"
#include "antrian/service_health.h"

namespace antrian::kiosk {

std::map<std::string, Text> OfficeSnapshot::service_names() const {
  std::map<std::string, Text> out;
  for (const auto& [code, card] : services) out[code] = card.name;
  return out;
}

OfficeSnapshot snapshot_office(const OfficeState& s, int64_t now_ms) {
  OfficeSnapshot o;
  o.name = s.office.name;
  o.short_name = s.office.short_name.empty() ? s.office.name : s.office.short_name;
  o.timezone = s.office.timezone;
  if (!timezone_offset_hours(o.timezone, o.tz_hours)) o.tz_hours = 7;
  o.public_url = s.office.public_url;
  o.opening_hour = s.office.opening_hour;
  o.routing = s.office.routing;
  o.hub_now_ms = now_ms;
  o.hours = office_hours_summary(s, now_ms);
  for (const auto& [code, svc] : s.services) {
    const ServiceSummary sum = service_summary(s, code, now_ms);
    ServiceCard c;
    c.code = code;
    c.prefix = svc.prefix;
    c.name = {svc.name_id, svc.name_en};
    c.enabled = svc.enabled;
    c.status = sum.status;
    c.waiting = sum.waiting;
    c.open_counters = sum.open_counters;
    c.tickets_left = sum.tickets_left;
    c.limited_by = sum.limited_by.empty() ? "none" : sum.limited_by;
    c.alternative = {sum.alternative_id, sum.alternative_en};
    c.alternative_service = svc.alternative_service;
    c.eta_regular_s = sum.eta_new_s;
    c.eta_priority_s = sum.eta_new_priority_s;
    c.expected_end = sum.expected_end;
    c.issuing_open = sum.issuing_open;
    c.issuing_closed = sum.issuing_closed;
    c.issuing_next_at = sum.issuing_next_at;
    c.comeback_can_join = comeback_can_join(s, code, now_ms);
    for (const Disruption* d : sum.disruptions) {
      DisruptionNote n;
      n.message = {d->message_id, d->message_en};
      if (auto r = s.resources.find(d->resource); r != s.resources.end())
        n.resource = {r->second.name_id, r->second.name_en};
      else
        n.resource = {d->resource, d->resource};
      n.level = d->level;
      n.expected_end = d->expected_end;
      c.disruptions.push_back(std::move(n));
    }
    for (const auto& [number, counter] : s.counters)
      if (std::find(counter.services.begin(), counter.services.end(), code) != counter.services.end())
        c.counters.push_back(number);
    o.services[code] = std::move(c);
  }
  return o;
}

}  // namespace antrian::kiosk
