#include "antrian/capacity.h"

#include <algorithm>
#include <cmath>

#include "antrian/eta.h"
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

// Seconds of service left today for the service, or nullopt outside business hours
// (the office may be working late, or this is a demo: no honest limit then).
std::optional<int64_t> seconds_left(const OfficeState& s, const std::string& service, int64_t now_ms) {
  int tz = 7;
  timezone_offset_hours(s.office.timezone, tz);
  const LocalTime t = to_local(now_ms, tz);
  const int64_t midnight = local_midnight_ms(t.year, t.month, t.day, tz);
  const int64_t open_ms = midnight + int64_t(s.office.opening_hour) * 3'600'000;
  const int64_t close_ms = midnight + int64_t(s.office.closing_hour) * 3'600'000;
  if (now_ms < open_ms || now_ms >= close_ms) return std::nullopt;
  int64_t from = now_ms;
  const ServiceHealth h = service_health(s, service);
  if (h.status == ServiceStatus::halted) {
    if (!h.expected_end) return std::nullopt;  // when it comes back is unknown
    from = std::max(from, *h.expected_end);
  }
  return std::max<int64_t>(0, (close_ms - from) / 1000);
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
