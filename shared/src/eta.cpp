#include "antrian/eta.h"

#include <algorithm>
#include <cmath>

#include "antrian/forecast.h"
#include "antrian/service_health.h"

namespace antrian {

double mean_service_seconds(const OfficeState& s, const std::string& service) {
  auto st = s.stats.find(service);
  if (st != s.stats.end() && st->second.samples > 0) return st->second.mean_service_s;
  auto svc = s.services.find(service);
  return svc == s.services.end() ? 300.0 : double(svc->second.mean_service_s);
}

double turn_seconds(const OfficeState& s, const std::string& service) {
  auto st = s.stats.find(service);
  if (st != s.stats.end() && st->second.cycle_samples > 0) return std::max(1.0, st->second.mean_cycle_s);
  return std::max(1.0, mean_service_seconds(s, service));
}

double smoothing_after(int samples) { return std::max(1.0 / (samples + 3), kServiceTimeSmoothing); }

ServiceStats updated_stats(const OfficeState& s, const std::string& service, std::optional<double> served_s,
                           double turn_s) {
  ServiceStats out{service, mean_service_seconds(s, service), 0};
  auto st = s.stats.find(service);
  if (st != s.stats.end()) out = st->second;
  out.mean_service_s = mean_service_seconds(s, service);
  // At 2 of 6 printers a ticket takes three times as long: learn the full-speed time,
  // so the forecast stretches it by the capacity of the moment only once.
  const ServiceHealth h = service_health(s, service);
  const double scale = h.capacity > 0 ? h.capacity : 1.0;
  if (served_s) {
    const double a = smoothing_after(out.samples);
    // The configured guess is the starting point, so one odd first sample (a ticket
    // finished by mistake a second after it started) cannot set the estimate alone.
    out.mean_service_s = (1 - a) * out.mean_service_s + a * *served_s * scale;
    out.samples += 1;
  }
  const double turn = turn_s * scale;
  const double a = smoothing_after(out.cycle_samples);
  if (out.cycle_samples == 0) {
    // The first turn starts from the service guess, as the service time does.
    out.mean_cycle_s = (1 - a) * out.mean_service_s + a * turn;
    out.var_cycle_s2 = 0;
  } else {
    const double diff = turn - out.mean_cycle_s;
    out.mean_cycle_s += a * diff;
    out.var_cycle_s2 = (1 - a) * (out.var_cycle_s2 + a * diff * diff);
  }
  out.cycle_samples += 1;
  return out;
}

std::optional<int64_t> eta_for_ticket(const OfficeState& s, const Ticket& t, int64_t now_ms) {
  if (t.state != TicketState::waiting) return std::nullopt;
  if (auto w = forecast_ticket_wait(s, t.id, now_ms)) return w->eta_s;
  return std::nullopt;
}

std::optional<int64_t> eta_for_new_ticket(const OfficeState& s, const std::string& service, Priority p,
                                          int64_t now_ms) {
  if (auto w = forecast_new_wait(s, service, p, now_ms)) return w->eta_s;
  return std::nullopt;
}

}  // namespace antrian
