#include "antrian/eta.h"

#include <algorithm>
#include <cmath>

#include "antrian/queue_rules.h"
#include "antrian/service_health.h"

namespace antrian {

double mean_service_seconds(const OfficeState& s, const std::string& service) {
  auto st = s.stats.find(service);
  if (st != s.stats.end() && st->second.samples > 0) return st->second.mean_service_s;
  auto svc = s.services.find(service);
  return svc == s.services.end() ? 300.0 : double(svc->second.mean_service_s);
}

ServiceStats updated_stats(const OfficeState& s, const std::string& service, double observed_s) {
  ServiceStats out{service, mean_service_seconds(s, service), 0};
  auto st = s.stats.find(service);
  if (st != s.stats.end()) out.samples = st->second.samples;
  // The configured guess is the starting point, so one odd first sample (a ticket
  // finished by mistake a second after it started) cannot set the estimate alone.
  out.mean_service_s = (1 - kServiceTimeSmoothing) * out.mean_service_s + kServiceTimeSmoothing * observed_s;
  out.samples += 1;
  return out;
}

std::optional<int64_t> eta_seconds(const OfficeState& s, const std::string& service, int ahead,
                                   int64_t now_ms) {
  const int open = open_counters_for(s, service);
  if (open == 0) return std::nullopt;
  const ServiceHealth h = service_health(s, service);
  const double mean = mean_service_seconds(s, service);
  int64_t wait_until_back = 0;
  double capacity = h.capacity;
  if (h.status == ServiceStatus::halted) {
    if (!h.end_known || !h.expected_end) return std::nullopt;
    wait_until_back = std::max<int64_t>(0, (*h.expected_end - now_ms) / 1000);
    capacity = 1.0;  // after it comes back the service runs at full speed
  }
  const double rate = open * capacity / mean;  // tickets per second
  if (rate <= 0) return std::nullopt;
  return wait_until_back + static_cast<int64_t>(std::llround(ahead / rate));
}

std::optional<int64_t> eta_for_ticket(const OfficeState& s, const Ticket& t, int64_t now_ms) {
  if (t.state != TicketState::waiting) return std::nullopt;
  return eta_seconds(s, t.service, ahead_of(s, t), now_ms);
}

std::optional<int64_t> eta_for_new_ticket(const OfficeState& s, const std::string& service,
                                          Priority p, int64_t now_ms) {
  int ahead = 0;
  for (const Ticket* t : waiting_in_service(s, service))
    if (p == Priority::reguler || t->priority != Priority::reguler) ++ahead;
  return eta_seconds(s, service, ahead, now_ms);
}

}  // namespace antrian
