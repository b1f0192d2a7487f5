#include <doctest/doctest.h>

#include <algorithm>
#include <random>

#include "estimators.h"
#include "office_day.h"

using namespace antrian::sim;

TEST_CASE("the blind estimator ignores disruptions, the oracle counts the halt and the capacity") {
  CHECK(blind_estimate_s(6, 300, 2) == 900);
  CHECK(blind_estimate_s(6, 300, 0) == 1800);  // no loket: treated as one, not infinity
  CHECK(oracle_estimate_s(6, 300, 1.0, 2, 0) == doctest::Approx(900));
  CHECK(oracle_estimate_s(6, 300, 1.0 / 3, 2, 0) == doctest::Approx(2700));
  CHECK(oracle_estimate_s(6, 300, 1.0, 2, 3600) == doctest::Approx(4500));
}

TEST_CASE("within +/-25% with a two-minute floor") {
  CHECK(within(1000, 800));        // 200 <= 200
  CHECK_FALSE(within(1001, 800));
  CHECK(within(100, 0));           // a short wait: the floor decides
  CHECK_FALSE(within(200, 0));
}

TEST_CASE("scores: unknown estimates are misses, MAE over the known ones") {
  std::vector<Sample> s(3);
  s[0] = {"A", 600, 600.0, 0.0, 600.0};
  s[1] = {"A", 600, std::nullopt, 1200.0, 660.0};
  s[2] = {"B", 1200, 1500.0, 300.0, 1200.0};
  const Score ours = score(s, &Sample::ours_s);
  CHECK(ours.n == 3);
  CHECK(ours.unknown == 1);
  CHECK(ours.mae_min == doctest::Approx((0 + 300) / 2.0 / 60));
  CHECK(ours.within_share == doctest::Approx(2.0 / 3));  // 1500 vs 1200 is exactly 25% off: within
}

TEST_CASE("arrivals: the planned count, sorted, inside opening hours, services by share") {
  std::mt19937_64 rng(7);
  const DayPlan p = DayPlan::disrupted();
  const auto a = generate_arrivals(p, rng);
  REQUIRE(a.size() == 300);
  CHECK(std::is_sorted(a.begin(), a.end(), [](const Arrival& x, const Arrival& y) { return x.at_s < y.at_s; }));
  CHECK(a.front().at_s >= 8 * 3600);
  CHECK(a.back().at_s < 14 * 3600);
  const auto b = std::count_if(a.begin(), a.end(), [](const Arrival& x) { return x.service == "B"; });
  CHECK(b > 60);
  CHECK(b < 120);
  // Service times: lognormal around the true mean.
  double sum = 0;
  for (int i = 0; i < 4000; ++i) sum += sample_service_s(p.services[0], rng);
  CHECK(sum / 4000 == doctest::Approx(p.services[0].true_mean_s).epsilon(0.05));
}
