#include "antrian/capacity.h"

#include <algorithm>
#include <cmath>

#include "antrian/eta.h"
#include "antrian/office_calendar.h"
#include "antrian/office_time.h"
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

// Seconds of service left today for the service, from the office calendar (breaks
// left out), or nullopt outside business hours (no honest limit then).
std::optional<int64_t> seconds_left(const OfficeState& s, const std::string& service, int64_t now_ms) {
  const OfficeCalendar cal(s);
  const OfficeCalendar::Day d = cal.day_at(now_ms);
  if (!d.open || now_ms < d.open_ms || now_ms >= d.close_ms) return std::nullopt;
  int64_t from = now_ms;
  const ServiceHealth h = service_health(s, service);
  if (h.status == ServiceStatus::halted) {
    if (!h.expected_end) return std::nullopt;  // when it comes back is unknown
    from = std::max(from, *h.expected_end);
  }
  if (from >= d.close_ms) return 0;
  // Every loket keeps the office's hours: the first loket's remaining minutes stand for all.
  if (s.counters.empty()) return std::max<int64_t>(0, (d.close_ms - from) / 1000);
  return static_cast<int64_t>(cal.remaining_open_minutes(s.counters.begin()->first, from) * 60);
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
  int promised = 0;
  for (int64_t id : ticket_index(s).open)
    if (blangko_of(s, s.tickets.at(id).service) == b) ++promised;
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
  auto consider = [&](int n, LimitedBy why) {
    n = std::max(0, n);
    if (!out.tickets || n < *out.tickets) {
      out.tickets = n;
      out.limited_by = why;
    }
  };
  if (svc->second.daily_quota > 0) consider(svc->second.daily_quota - issued_today(s, service), LimitedBy::quota);
  if (auto b = blangko_unpromised(s, service)) consider(*b, LimitedBy::blangko);
  if (s.office.quota_follows_capacity) {
    if (auto secs = seconds_left(s, service, now_ms)) {
      // Lokets that will serve it today: those signed in, else every one configured for it.
      int lokets = 0, configured = 0;
      for (const auto& [_, c] : s.counters) {
        if (std::find(c.services.begin(), c.services.end(), service) == c.services.end()) continue;
        ++configured;
        lokets += c.state != CounterState::closed;
      }
      if (lokets == 0) lokets = configured;
      const ServiceHealth h = service_health(s, service);
      const double capacity = h.status == ServiceStatus::halted ? 1.0 : h.capacity;
      const double servable = double(*secs) * lokets * capacity / mean_service_seconds(s, service);
      const int waiting = static_cast<int>(waiting_in_service(s, service).size());
      consider(static_cast<int>(std::floor(servable)) - waiting, LimitedBy::hours);
    }
  }
  return out;
}

}  // namespace antrian
