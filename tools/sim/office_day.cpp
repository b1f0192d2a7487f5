#include "office_day.h"

#include <algorithm>
#include <cmath>

namespace antrian::sim {

DayPlan DayPlan::normal() {
  DayPlan p;
  // True means differ from the config's guesses (420, 240, 360, 360, 480, 180 s):
  // an estimator has to learn them.
  p.services = {{"A", 0.25, 540, 0.5}, {"B", 0.30, 200, 0.5}, {"C", 0.18, 300, 0.5},
                {"D", 0.10, 420, 0.5}, {"E", 0.05, 600, 0.5}, {"F", 0.12, 150, 0.6}};
  p.hourly_weights = {0.22, 0.20, 0.17, 0.14, 0.11, 0.09, 0.07};
  return p;
}

DayPlan DayPlan::disrupted() {
  DayPlan p = normal();
  p.printers_fail_at_min = 10 * 60;
  p.central_down_at_min = 11 * 60;
  p.central_down_minutes = 120;
  return p;
}

DayPlan DayPlan::shared() {
  DayPlan p = normal();
  p.closed_lokets = {1, 6};
  return p;
}

DayPlan DayPlan::with_breaks() {
  DayPlan p = normal();
  p.breaks = {{2, 10 * 60, 45}, {4, 11 * 60 + 30, 60}, {3, 12 * 60, 30}};
  return p;
}

bool DayPlan::known(const std::string& name) {
  return name == "normal" || name == "disrupted" || name == "shared" || name == "break";
}

DayPlan DayPlan::named(const std::string& name) {
  if (name == "disrupted") return disrupted();
  if (name == "shared") return shared();
  if (name == "break") return with_breaks();
  return normal();
}

std::vector<Arrival> generate_arrivals(const DayPlan& plan, std::mt19937_64& rng) {
  std::vector<Arrival> out;
  const int hours = plan.last_arrival_hour - plan.open_hour;
  std::vector<double> weights(plan.hourly_weights.begin(),
                              plan.hourly_weights.begin() + std::min<std::size_t>(hours, plan.hourly_weights.size()));
  std::discrete_distribution<int> hour(weights.begin(), weights.end());
  std::vector<double> shares;
  for (const auto& s : plan.services) shares.push_back(s.share);
  std::discrete_distribution<int> service(shares.begin(), shares.end());
  std::uniform_real_distribution<double> u(0, 1);
  for (int i = 0; i < plan.arrivals; ++i) {
    Arrival a;
    a.at_s = int64_t(plan.open_hour + hour(rng)) * 3600 + int64_t(u(rng) * 3600);
    a.service = plan.services[size_t(service(rng))].code;
    a.priority = u(rng) < plan.priority_rate;
    out.push_back(a);
  }
  std::sort(out.begin(), out.end(), [](const Arrival& x, const Arrival& y) { return x.at_s < y.at_s; });
  return out;
}

double sample_service_s(const ServiceProfile& p, std::mt19937_64& rng) {
  // Lognormal with the given mean: mu = ln(mean) - sigma^2 / 2.
  std::lognormal_distribution<double> d(std::log(p.true_mean_s) - p.sigma * p.sigma / 2, p.sigma);
  return std::clamp(d(rng), 30.0, p.true_mean_s * 6);
}

}  // namespace antrian::sim
