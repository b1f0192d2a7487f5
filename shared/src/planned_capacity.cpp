#include "antrian/planned_capacity.h"

#include <algorithm>

#include "antrian/eta.h"
#include "antrian/office_calendar.h"
#include "antrian/office_time.h"
#include "antrian/service_health.h"

namespace antrian {

std::optional<std::pair<int64_t, int64_t>> open_window_today(const OfficeState& s, int64_t now_ms) {
  const OfficeCalendar::Day d = OfficeCalendar(s).day_at(now_ms);
  if (!d.open || now_ms < d.open_ms || now_ms >= d.close_ms) return std::nullopt;
  return std::make_pair(d.open_ms, d.close_ms);
}

std::optional<int64_t> loket_open_seconds_left(const OfficeState& s, int counter, int64_t now_ms, int64_t from_ms) {
  const auto window = open_window_today(s, now_ms);
  if (!window) return std::nullopt;
  const int64_t from = std::max(from_ms, now_ms);
  const auto [open_ms, close_ms] = *window;
  if (from >= close_ms) return 0;
  // The calendar's open minutes left for the loket (its breaks left out).
  const int64_t calendar_ms = int64_t(OfficeCalendar(s).remaining_open_minutes(counter, from) * 60'000);
  if (s.office.roster.empty()) return calendar_ms / 1000;
  // A roster: the loket's shifts, cut to the open window, with the calendar's breaks
  // taken out in proportion.
  int tz = 7;
  timezone_offset_hours(s.office.timezone, tz);
  const LocalTime t = to_local(now_ms, tz);
  const int64_t midnight = local_midnight_ms(t.year, t.month, t.day, tz);
  int64_t ms = 0;
  for (const RosterShift& r : s.office.roster)
    if (r.counter == counter)
      ms += std::max<int64_t>(0, std::min(midnight + int64_t(r.until_min) * 60'000, close_ms) -
                                     std::max(midnight + int64_t(r.from_min) * 60'000, from));
  const double open_share = double(calendar_ms) / double(close_ms - from);
  return int64_t(double(ms) * std::min(1.0, open_share)) / 1000;
}

std::optional<double> planned_servable(const OfficeState& s, const std::string& service, int64_t now_ms,
                                       int64_t from_ms) {
  if (!open_window_today(s, now_ms)) return std::nullopt;
  const ServiceHealth h = service_health(s, service);
  const double capacity = h.status == ServiceStatus::halted ? h.running_capacity : h.capacity;
  const double turn_s = turn_seconds(s, service);
  double tickets = 0;
  for (const auto& [number, c] : s.counters) {
    if (std::find(c.services.begin(), c.services.end(), service) == c.services.end()) continue;
    const auto secs = loket_open_seconds_left(s, number, now_ms, from_ms);
    if (!secs) continue;
    tickets += double(*secs) / double(c.services.size()) * capacity / turn_s;
  }
  return tickets;
}

}  // namespace antrian
