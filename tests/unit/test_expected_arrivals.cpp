// The forecast's expected applicants read on demand (expected_arrivals.h) against the
// lists the forecast built before: expected_arrival_times along random curves, the even
// pace's loop, and the cut at numbers left made by walking the two classes merged.
#include <doctest/doctest.h>

#include <random>
#include <vector>

#include "antrian/arrival_curve.h"
#include "antrian/expected_arrivals.h"

namespace antrian::test {
namespace {

constexpr int64_t kMidnightWib = 1'795'366'800'000;  // 2026-11-23 00:00 WIB

std::vector<int64_t> listed(const ExpectedArrivals& a) {
  std::vector<int64_t> out;
  for (std::size_t k = 0; k < a.size(); ++k) out.push_back(a[k]);
  return out;
}

// The even pace as the forecast listed it.
std::vector<int64_t> even_list(int64_t now, double gap, int64_t until, std::size_t max_n) {
  std::vector<int64_t> out;
  for (std::size_t k = 0; k < max_n; ++k) {
    const int64_t at = now + int64_t(gap * double(k + 1));
    if (at >= until) break;
    out.push_back(at);
  }
  return out;
}

// The cut as the forecast made it: the first n of both lists merged, priority first.
std::pair<std::size_t, std::size_t> walked_cut(const std::vector<int64_t>& p, const std::vector<int64_t>& r,
                                               std::size_t n) {
  std::size_t pk = 0, rk = 0;
  while (pk + rk < n && (pk < p.size() || rk < r.size()))
    (rk >= r.size() || (pk < p.size() && p[pk] <= r[rk])) ? ++pk : ++rk;
  return {pk, rk};
}

ArrivalCurve random_curve(std::mt19937& rng) {
  ArrivalCurve c;
  c.service = "A";
  c.days = 1 + int(rng() % 20);
  c.regular.assign(kArrivalSlots, 0.0);
  c.priority.assign(kArrivalSlots, 0.0);
  const int kind = int(rng() % 4);
  for (int i = 0; i < kArrivalSlots; ++i) {
    if (rng() % 3 == 0) continue;  // slots nobody comes in
    const double big = kind == 0 ? 0.2 : kind == 1 ? 5 : kind == 2 ? 60 : 400;
    c.regular[std::size_t(i)] = std::round(big * double(rng() % 1000) / 10) / 100;
    c.priority[std::size_t(i)] = rng() % 2 ? double(rng() % 700) / 100 : 0;
  }
  return c;
}

}  // namespace

TEST_CASE("expected arrivals along a curve, read on demand, are the listed times") {
  std::mt19937 rng(4242);
  int compared = 0, capped = 0, reads = 0;
  for (int trial = 0; trial < 3000; ++trial) {
    const ArrivalCurve c = random_curve(rng);
    const bool priority = rng() % 2;
    const double level = trial % 50 == 0 ? 0 : double(1 + rng() % 500) / 100;
    const int offset = int(rng() % 3) + 7 - (trial % 97 == 0 ? 10 : 0);
    const int64_t now = kMidnightWib + int64_t(rng() % 86'400'000) - int64_t(rng() % 2) * 3'600'000;
    const int64_t until = now + int64_t(rng() % 40'000'000) - 1'000'000;
    const std::size_t max_n = trial % 7 == 0 ? 1 + rng() % 40 : 2000;
    const std::vector<int64_t> want = expected_arrival_times(c, priority, level, now, until, offset, max_n);
    const ExpectedArrivals got = ExpectedArrivals::along_curve(c, priority, level, now, until, offset, max_n);
    INFO("trial " << trial);
    REQUIRE(got.size() == want.size());
    CHECK(listed(got) == want);
    // Read out of order too (a play branches and reads back): the same figures.
    for (int i = 0; i < 20 && !want.empty(); ++i, ++reads) {
      const std::size_t k = rng() % want.size();
      CHECK(got[k] == want[k]);
    }
    compared += !want.empty();
    capped += want.size() == max_n;
  }
  CHECK(compared > 1500);
  CHECK(capped > 100);
  CHECK(reads > 20000);
}

TEST_CASE("expected arrivals at an even pace, read on demand, are the listed times") {
  std::mt19937 rng(77);
  for (int trial = 0; trial < 3000; ++trial) {
    const int64_t now = kMidnightWib + int64_t(rng() % 86'400'000);
    const int64_t span = 300'000 + int64_t(rng() % 3'300'000);
    const int n = 1 + int(rng() % (trial % 3 == 0 ? 5 : 3000));
    const double gap = double(span) / n;
    const int64_t until = now + int64_t(rng() % 30'000'000) - 100'000;
    const std::size_t max_n = trial % 5 == 0 ? rng() % 50 : 2000;
    INFO("trial " << trial);
    CHECK(listed(ExpectedArrivals::evenly(now, gap, until, max_n)) == even_list(now, gap, until, max_n));
  }
}

TEST_CASE("the expected arrivals cut at numbers left keep the first by time, as the merged walk did") {
  std::mt19937 rng(9);
  int cut = 0;
  for (int trial = 0; trial < 4000; ++trial) {
    const int64_t now = kMidnightWib + 8 * 3'600'000 + int64_t(rng() % 3'600'000);
    const int64_t until = now + int64_t(rng() % 25'000'000);
    ExpectedArrivals p, r;
    if (trial % 2) {
      // Even paces, often of equal gaps: many arrivals at the same moment.
      const double gp = double(60'000 * (1 + rng() % 10)) / double(1 + rng() % 3);
      const double gr = rng() % 2 ? gp : double(60'000 * (1 + rng() % 10)) / double(1 + rng() % 3);
      p = ExpectedArrivals::evenly(now, gp, until, rng() % 3 ? 2000 : rng() % 30);
      r = ExpectedArrivals::evenly(now, gr, until, rng() % 3 ? 2000 : rng() % 30);
    } else {
      const ArrivalCurve c = random_curve(rng);
      const double level = double(1 + rng() % 300) / 100;
      p = ExpectedArrivals::along_curve(c, true, level, now, until, 7, 2000);
      r = ExpectedArrivals::along_curve(c, false, level, now, until, 7, 2000);
    }
    const std::vector<int64_t> lp = listed(p), lr = listed(r);
    const std::size_t left = rng() % (lp.size() + lr.size() + 3);
    const auto [pk, rk] = walked_cut(lp, lr, left);
    keep_first_arrivals(p, r, left);
    INFO("trial " << trial << " left " << left);
    CHECK(p.size() == pk);
    CHECK(r.size() == rk);
    CHECK(listed(p) == std::vector<int64_t>(lp.begin(), lp.begin() + std::ptrdiff_t(pk)));
    cut += pk + rk < lp.size() + lr.size();
  }
  CHECK(cut > 2000);
}

}  // namespace antrian::test
