#include "antrian/capacity.h"

#include <algorithm>
#include <cmath>

#include "antrian/booking.h"
#include "antrian/eta.h"
#include "antrian/office_calendar.h"
#include "antrian/office_time.h"
#include "antrian/planned_capacity.h"
#include "antrian/queue_rules.h"
#include "antrian/service_health.h"

namespace antrian {
namespace {

const Resource* blangko_of(const OfficeState& s, const std::string& service) {
  auto svc = s.services.find(service);
  if (svc == s.services.end()) return nullptr;
  for (const std::string& rid : svc->second.resources) {
    auto r = s.resources.find(rid);
    if (r != s.resources.end() && r->second.kind == ResourceKind::blangko) return &r->second;
  }
  return nullptr;
}

int offset_of(const OfficeState& s) {
  int h = 7;
  timezone_offset_hours(s.office.timezone, h);
  return h;
}

}  // namespace

std::string_view to_string(LimitedBy l) {
  switch (l) {
    case LimitedBy::quota: return "quota";
    case LimitedBy::blangko: return "blangko";
    case LimitedBy::hours: return "hours";
    default: return "none";
  }
}

std::optional<int> blangko_unpromised(const OfficeState& s, const std::string& service) {
  const Resource* b = blangko_of(s, service);
  if (!b) return std::nullopt;
  // Every open ticket of a service that uses this stock, counted per service (the index).
  int promised = 0;
  for (const auto& [code, n] : ticket_index(s).by_state)
    if (blangko_of(s, code) == b)
      promised += n[std::size_t(TicketState::waiting)] + n[std::size_t(TicketState::called)] +
                  n[std::size_t(TicketState::serving)];
  return std::max(0, b->stock - promised);
}

bool blangko_low(const OfficeState& s, const std::string& service) {
  const Resource* b = blangko_of(s, service);
  return b && b->stock <= b->low_threshold;
}

CapacityLeft tickets_left_today(const OfficeState& s, const std::string& service, int64_t now_ms) {
  CapacityLeft out;
  auto svc = s.services.find(service);
  if (svc == s.services.end()) return out;
  // Come-back invitations of today still to check in hold their room (comeback.h).
  int invited = 0;
  for (const auto& [_, e] : s.comeback)
    if (e.service == service && e.state == "invited" && e.window_until > now_ms &&
        business_day(e.window_from, offset_of(s)) == s.day)
      ++invited;
  // So do today's bookings still able to check in (booking.h).
  invited += bookings_holding_room(s, service, now_ms);
  auto consider = [&](int n, LimitedBy why) {
    n = std::max(0, n);
    if (!out.tickets || n < *out.tickets) {
      out.tickets = n;
      out.limited_by = why;
    }
  };
  if (svc->second.daily_quota > 0)
    consider(svc->second.daily_quota - issued_today(s, service) - invited, LimitedBy::quota);
  if (auto b = blangko_unpromised(s, service)) consider(*b, LimitedBy::blangko);
  if (s.office.quota_follows_capacity) {
    // What the day's planned lokets can still serve (the roster, not who is signed in
    // this minute), from the end of a halt when one is expected.
    const ServiceHealth h = service_health(s, service);
    const bool end_unknown = h.status == ServiceStatus::halted && !h.expected_end;
    const int64_t from = h.status == ServiceStatus::halted && h.expected_end ? *h.expected_end : now_ms;
    if (!end_unknown)
      if (auto servable = planned_servable(s, service, now_ms, from)) {
        // Counted from the index's queue (not listed, looked up and sorted each time).
        const TicketIndex& ix = ticket_index(s);
        const auto q = ix.waiting.find(service);
        const int waiting = q == ix.waiting.end() ? 0 : static_cast<int>(q->second.size());
        consider(static_cast<int>(std::floor(*servable + 1e-9)) - waiting - invited, LimitedBy::hours);
      }
  }
  return out;
}

}  // namespace antrian
