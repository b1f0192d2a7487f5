#include "estimators.h"

#include <algorithm>
#include <cmath>

namespace antrian::sim {

double blind_estimate_s(int ahead, double configured_mean_s, int open_lokets) {
  return ahead * configured_mean_s / std::max(1, open_lokets);
}

double oracle_estimate_s(int ahead, double true_mean_s, double capacity, int open_lokets, int64_t halted_for_s) {
  const double rate = std::max(1, open_lokets) * std::max(capacity, 0.01) / true_mean_s;
  return double(std::max<int64_t>(0, halted_for_s)) + ahead / rate;
}

bool within(double estimate_s, double actual_s, double floor_s) {
  return std::fabs(estimate_s - actual_s) <= std::max(0.25 * actual_s, floor_s);
}

Score score(const std::vector<Sample>& samples, std::optional<double> Sample::*which, double floor_s) {
  Score s;
  double abs_sum = 0;
  int known = 0, hits = 0;
  for (const Sample& x : samples) {
    ++s.n;
    const std::optional<double>& est = x.*which;
    if (!est) {
      ++s.unknown;
      continue;
    }
    ++known;
    abs_sum += std::fabs(*est - x.actual_s);
    hits += within(*est, x.actual_s, floor_s);
  }
  s.mae_min = known ? abs_sum / known / 60.0 : 0;
  s.within_share = s.n ? double(hits) / s.n : 0;
  return s;
}

}  // namespace antrian::sim
