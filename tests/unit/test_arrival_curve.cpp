// The arrival curve of past days (arrival_curve.h) and the forecast that expects
// today's applicants along it: learned when a day ends, read as counts per half hour,
// scaled by today's level, and never past the kiosk's numbers left.
#include "antrian/arrival_curve.h"
#include "antrian/eta.h"
#include "antrian/forecast.h"
#include "antrian/model_json.h"
#include "office_fixture.h"

using namespace antrian;
using antrian::test::TestOffice;

namespace {

constexpr int64_t kMin = 60'000;
// Monday 23 November 2026, 00:00 WIB.
constexpr int64_t kMidnight = antrian::test::kMonday9am - 9 * 60 * kMin;

ArrivalCurve flat_curve(const std::string& service, int slot, double regular, double priority) {
  ArrivalCurve c;
  c.service = service;
  c.days = 1;
  c.regular.assign(kArrivalSlots, 0.0);
  c.priority.assign(kArrivalSlots, 0.0);
  c.regular[std::size_t(slot)] = regular;
  c.priority[std::size_t(slot)] = priority;
  return c;
}

}  // namespace

TEST_CASE("arrival curve: a day that ends is folded in per half hour and class, transfers are not arrivals") {
  TestOffice o(kMidnight + 8 * 60 * kMin + 10 * kMin);  // 08:10
  o.open(1);
  o.issue("A");
  o.issue("A");
  o.now = kMidnight + 8 * 60 * kMin + 40 * kMin;  // 08:40
  o.issue("A", "lansia");
  o.call_next(1);  // the lansia ticket
  o.ok(proto::cmd::transfer, {{"counter", 1}, {"to_service", "C"}});
  auto curves = curves_after_day(o.state);
  REQUIRE(curves.size() == o.state.services.size());
  const ArrivalCurve& a = curves[0];
  CHECK(a.service == "A");
  CHECK(a.days == 1);
  CHECK(a.regular[16] == 2);  // 08:00-08:30
  CHECK(a.priority[17] == 1);  // 08:30-09:00
  CHECK(curve_count(a, false, 0, 24 * 60 * kMin) == 2);
  const ArrivalCurve& c = curves[2];
  CHECK(c.service == "C");
  CHECK(curve_count(c, false, 0, 24 * 60 * kMin) + curve_count(c, true, 0, 24 * 60 * kMin) == 0);  // the transfer
  // The next day's first command starts the day and carries the curves in its event.
  o.now += 24 * 60 * kMin;
  o.issue("B");
  REQUIRE(o.state.arrivals.count("A") == 1);
  CHECK(o.state.arrivals.at("A").regular[16] == 2);
  // A second day with no A at 08:00: the mean of the two days.
  o.now += 24 * 60 * kMin;
  o.issue("B");
  CHECK(o.state.arrivals.at("A").days == 2);
  CHECK(o.state.arrivals.at("A").regular[16] == 1);
  CHECK(o.state.arrivals.at("B").days == 2);
  // The hub's own copy survives a restart (the state's JSON, as the store keeps it).
  const OfficeState back = state_from_json(state_to_json(o.state, false));
  CHECK(back.arrivals.at("A").regular[16] == 1);
}

TEST_CASE("arrival curve: a day with no ticket says nothing, and a malformed curve is refused") {
  TestOffice o;
  CHECK(curves_after_day(o.state).empty());
  nlohmann::json bad = to_json(flat_curve("A", 16, 2, 0));
  bad["regular"].erase(0);
  CHECK_THROWS(arrival_curve_from_json(bad));
  bad = to_json(flat_curve("A", 16, -1, 0));
  CHECK_THROWS(arrival_curve_from_json(bad));
  CHECK(arrival_curve_from_json(to_json(flat_curve("A", 16, 2, 0))).regular[16] == 2);
}

TEST_CASE("arrival curve: expected arrivals come at their expected times, scaled by today's level, until the kiosk stops") {
  const ArrivalCurve c = flat_curve("A", 16, 4, 0);  // 4 between 08:00 and 08:30
  const int64_t eight = kMidnight + 8 * 60 * kMin;
  auto times = expected_arrival_times(c, false, 1.0, eight, eight + 60 * kMin, 7, 100);
  REQUIRE(times.size() == 4);
  CHECK(times[0] == eight + 7 * kMin + 30'000);
  CHECK(times[3] == eight + 30 * kMin);
  // Twice as busy as the past days: twice as many, twice as close.
  times = expected_arrival_times(c, false, 2.0, eight, eight + 60 * kMin, 7, 100);
  CHECK(times.size() == 8);
  // Not after the kiosk closes, and not more than asked for.
  CHECK(expected_arrival_times(c, false, 1.0, eight, eight + 16 * kMin, 7, 100).size() == 2);
  CHECK(expected_arrival_times(c, false, 1.0, eight, eight + 60 * kMin, 7, 3).size() == 3);
  CHECK(expected_arrival_times(c, true, 1.0, eight, eight + 60 * kMin, 7, 100).empty());
}

TEST_CASE("arrival curve: today's level starts at the past days' and follows today's count") {
  TestOffice o(kMidnight + 8 * 60 * kMin);
  o.state.arrivals["A"] = flat_curve("A", 16, 30, 0);  // 30 by 08:30 on a mean day
  const int64_t eight = kMidnight + 8 * 60 * kMin;
  CHECK(today_level(o.state, eight, eight) == 1.0);
  // By 08:30 nobody came: (0 + 15) / (30 + 15).
  CHECK(today_level(o.state, eight, eight + 30 * kMin) == doctest::Approx(15.0 / 45));
  o.open(1);
  for (int i = 0; i < 30; ++i) o.issue("A");
  CHECK(today_level(o.state, eight, eight + 30 * kMin) == doctest::Approx(1.0));
}

TEST_CASE("forecast: the morning's priority applicants of past days go before a regular ticket at 08:00") {
  TestOffice o(kMidnight + 8 * 60 * kMin);  // 08:00, loket 1 (A) free, A's guess 420 s a turn
  o.state.office.quota_follows_capacity = false;
  o.open(1);
  o.issue("A");
  o.issue("A");
  const auto without = eta_for_new_ticket(o.state, "A", Priority::reguler, o.now);
  REQUIRE(without == 2 * 420);  // no past day: the last hour's pace (nobody yet) expects nobody
  // Past days: 6 lansia between 08:00 and 08:30 (one every 5 minutes, faster than a turn).
  o.state.arrivals["A"] = flat_curve("A", 16, 0, 6);
  o.state.forecast = compute_forecast(o.state, o.now);
  const auto with = eta_for_new_ticket(o.state, "A", Priority::reguler, o.now);
  REQUIRE(with.has_value());
  CHECK(*with >= 2 * 420 + 4 * 420);  // at least four of the six come first
  // No applicant is expected once the service has no numbers left.
  o.state.services["A"].daily_quota = 2;  // both taken
  o.state.forecast = compute_forecast(o.state, o.now);
  CHECK(eta_for_new_ticket(o.state, "A", Priority::reguler, o.now) == 2 * 420);
}
