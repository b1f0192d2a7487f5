// Estimated waits: the hub's forecast plays the queue forward with the office's own
// call rules (shared lokets, priorities, transfers, breaks, halts, learned times).
#include "antrian/eta.h"
#include "antrian/forecast.h"
#include "antrian/office_view.h"
#include "antrian/service_health.h"
#include "office_fixture.h"

using namespace antrian;
using antrian::test::TestOffice;
namespace cmd = antrian::proto::cmd;

namespace {
std::optional<int64_t> eta(const TestOffice& o, int64_t id) { return eta_for_ticket(o.state, o.ticket(id), o.now); }
}  // namespace

TEST_CASE("no loket open: the wait is unknown, not invented") {
  TestOffice o;
  const int64_t a = o.issue("A");
  CHECK_FALSE(eta(o, a).has_value());
  CHECK_FALSE(eta_for_new_ticket(o.state, "A", Priority::reguler, o.now).has_value());
}

TEST_CASE("one loket: each ticket waits for the turns before it, and a second loket shares them") {
  TestOffice o;  // A's configured mean is 420 s
  o.open(1);
  std::vector<int64_t> ids;
  for (int i = 0; i < 5; ++i) ids.push_back(o.issue("A"));
  CHECK(eta(o, ids[0]) == 0);
  CHECK(eta(o, ids[4]) == 4 * 420);
  o.open(2);  // loket 2 serves A first, then B
  CHECK(eta(o, ids[1]) == 0);
  CHECK(eta(o, ids[4]) == 2 * 420);
  CHECK(eta_for_new_ticket(o.state, "A", Priority::reguler, o.now) == 2 * 420);
  CHECK(eta_for_new_ticket(o.state, "A", Priority::lansia, o.now) == 0);  // no priority ahead
}

TEST_CASE("issue 13: only loket 2 (A then B) open, B-002 5th in call order waits longer than A-007 4th") {
  TestOffice o;
  o.open(2);
  o.issue("B");  // B-001: called at once
  o.call_next(2);
  const int64_t b2 = o.issue("B");
  for (int i = 0; i < 3; ++i) o.issue("A");
  const int64_t a4 = o.issue("A");
  // Call order at loket 2, then B-002.
  const auto wb = eta(o, b2), wa = eta(o, a4);
  REQUIRE(wb);
  REQUIRE(wa);
  CHECK(*wb > *wa);
  CHECK(*wb - *wa >= 420);  // one A turn more at least (applicants of A still to come go first too)
  CHECK(*wb >= 240 + 4 * 420 - 240 * 3 / 4);  // B-001 at the desk, then four A turns
  // The kiosk: a lansia B ticket taken now goes before the A queue, after B-001 at the desk.
  const auto lansia = eta_for_new_ticket(o.state, "B", Priority::lansia, o.now);
  REQUIRE(lansia);
  CHECK(*lansia >= 60);
  CHECK(*lansia <= 240);
  // Everyone sees the same figure: the summary and the counter list read the forecast.
  CHECK(service_summary(o.state, "B", o.now).eta_new_s == eta_for_new_ticket(o.state, "B", Priority::reguler, o.now));
}

TEST_CASE("a range around the estimate, wider further down the line") {
  TestOffice o;
  o.open(1);
  std::vector<int64_t> ids;
  for (int i = 0; i < 6; ++i) ids.push_back(o.issue("A"));
  auto w1 = forecast_ticket_wait(o.state, ids[1], o.now), w5 = forecast_ticket_wait(o.state, ids[5], o.now);
  REQUIRE(w1);
  REQUIRE(w5);
  CHECK(w1->low_s <= w1->eta_s);
  CHECK(w1->eta_s <= w1->high_s);
  CHECK(w5->high_s - w5->low_s > w1->high_s - w1->low_s);
  CHECK(w1->high_s > w1->eta_s);
}

TEST_CASE("priority tickets of any service a loket serves go first, and transferred tickets go to their loket") {
  TestOffice o;
  o.open(3);  // loket 3: B first, then A
  const int64_t b = o.issue("B");
  const int64_t a = o.issue("A", "lansia");
  CHECK(eta(o, a) == 0);
  CHECK(eta(o, b) == 420);
  // Loket 1 calls the lansia ticket and transfers it to loket 3 by name: loket 3 takes it first.
  o.open(1);
  o.call_next(1);
  const auto moved = o.ok(cmd::transfer, {{"counter", 1}, {"to_counter", 3}})["ticket"]["id"].get<int64_t>();
  CHECK(eta(o, moved) == 0);
  CHECK(eta(o, b) == 420);  // loket 1 (A only) cannot help B
}

TEST_CASE("a loket on a break comes back when the break ends") {
  TestOffice o;
  o.open(1);
  o.ok(cmd::pause, {{"counter", 1}, {"minutes", 30}});
  const int64_t a = o.issue("A");
  CHECK(eta(o, a) == 30 * 60);
  o.ok(cmd::resume, {{"counter", 1}});
  CHECK(eta(o, a) == 0);
  o.refused(cmd::pause, {{"counter", 1}, {"minutes", 0}}, "bad_request");
  o.ok(cmd::pause, {{"counter", 1}});  // no length said: a usual break
  CHECK(eta(o, a) == kAssumedBreakMs / 1000);
}

TEST_CASE("the ticket at the desk finishes first: its remaining time, not a whole turn") {
  TestOffice o;
  o.open(1);
  o.issue("A");
  o.call_next(1);
  o.ok(cmd::start, {{"counter", 1}});
  const int64_t next = o.issue("A");
  CHECK(eta(o, next) == 420);
  o.advance(300'000);
  CHECK(eta(o, next) == 120);
  o.advance(300'000);  // running late: a quarter of a service more is expected
  CHECK(eta(o, next) == 105);
}

TEST_CASE("the service time is learned as a moving average from the configured guess") {
  TestOffice o;
  o.open(1);
  o.issue("A");
  o.call_next(1);
  o.now += 30'000;
  o.ok(cmd::start, {{"counter", 1}});
  o.now += 120'000;
  o.ok(cmd::finish, {{"counter", 1}});
  const double expected = (2 * 420 + 120) / 3.0;  // the guess counts as two samples
  CHECK(mean_service_seconds(o.state, "A") == doctest::Approx(expected));
  CHECK(o.state.stats.at("A").samples == 1);
  // The loket's turn (call to free: 150 s) is learned too; the forecast plays turns.
  CHECK(o.state.stats.at("A").cycle_samples == 1);
  CHECK(o.state.stats.at("A").mean_cycle_s == doctest::Approx((2 * expected + 150) / 3.0));
  // A no-show is a turn with no service.
  o.issue("A");
  o.call_next(1);
  o.now += 120'000;
  o.ok(cmd::no_show, {{"counter", 1}});
  CHECK(o.state.stats.at("A").samples == 1);
  CHECK(o.state.stats.at("A").cycle_samples == 2);
}

TEST_CASE("times learned at 2 of 6 printers are counted at full speed, so the slowdown is not counted twice") {
  TestOffice o;
  o.open(3);
  o.ok(cmd::resource_set, {{"resource", "printers"}, {"working", 2}});
  o.issue("B");
  o.call_next(3);
  o.ok(cmd::start, {{"counter", 3}});
  o.now += 720'000;  // 240 s of work at a third of the speed
  o.ok(cmd::finish, {{"counter", 3}});
  CHECK(mean_service_seconds(o.state, "B") == doctest::Approx(240));
  // Later samples weigh less and less, down to a floor.
  CHECK(smoothing_after(0) == doctest::Approx(1.0 / 3));
  CHECK(smoothing_after(100) == doctest::Approx(kServiceTimeSmoothing));
}

TEST_CASE("printers N of M stretch each turn M/N times") {
  TestOffice o;  // B's configured mean is 240 s
  o.open(3);
  for (int i = 0; i < 4; ++i) o.issue("B");
  CHECK(eta_for_new_ticket(o.state, "B", Priority::reguler, o.now) == 4 * 240);
  o.ok(cmd::resource_set, {{"resource", "printers"}, {"working", 2}});
  CHECK(service_health(o.state, "B").status == ServiceStatus::degraded);
  CHECK(service_health(o.state, "B").capacity == doctest::Approx(2.0 / 6));
  CHECK(eta_for_new_ticket(o.state, "B", Priority::reguler, o.now) == 4 * 240 * 3);
  CHECK(service_health(o.state, "C").status == ServiceStatus::normal);  // KK keeps flowing
}

TEST_CASE("a halted service waits until its expected end, or says unknown, and its loket serves the other service meanwhile") {
  TestOffice o;
  o.open(1);
  for (int i = 0; i < 2; ++i) o.issue("A");
  auto d = o.ok(cmd::disruption_set, {{"resource", "siak"}, {"level", "down"}});
  CHECK(d["disruption"]["services"] == nlohmann::json{"A", "B"});
  CHECK(service_health(o.state, "A").status == ServiceStatus::halted);
  CHECK_FALSE(eta_for_new_ticket(o.state, "A", Priority::reguler, o.now).has_value());
  o.ok(cmd::disruption_set, {{"id", d["disruption"]["id"]}, {"expected_end", o.now + 3'600'000}});
  CHECK(eta_for_new_ticket(o.state, "A", Priority::reguler, o.now) == 3600 + 2 * 420);
  const auto summary = service_summary(o.state, "A", o.now);
  CHECK(summary.status == ServiceStatus::halted);
  CHECK(summary.expected_end == o.now + 3'600'000);
  CHECK(summary.disruptions.size() == 1);
  // Printers at 2 of 6 stay after the server is back: printing then runs at a third.
  o.open(3);
  o.ok(cmd::resource_set, {{"resource", "printers"}, {"working", 2}});
  o.issue("B");
  CHECK(eta_for_new_ticket(o.state, "B", Priority::reguler, o.now) == 3600 + 240 * 3);
  o.ok(cmd::disruption_clear, {{"id", d["disruption"]["id"]}});
  CHECK(service_health(o.state, "A").status == ServiceStatus::normal);
  // Loket 1 takes; loket 3 takes its B ticket (at a third of the speed), then the new A.
  CHECK(eta_for_new_ticket(o.state, "A", Priority::reguler, o.now) == 3 * 240);
}

TEST_CASE("a degraded central server halves the rate, blangko at zero halts printing") {
  TestOffice o;
  o.open(1);
  o.issue("A");
  o.issue("A");
  o.ok(cmd::disruption_set, {{"resource", "siak"}, {"level", "degraded"}});
  CHECK(eta_for_new_ticket(o.state, "A", Priority::reguler, o.now) == 2 * 420 * 2);
  o.ok(cmd::resource_set, {{"resource", "blangko"}, {"stock", 0}});
  CHECK(service_health(o.state, "B").status == ServiceStatus::halted);
  CHECK(service_health(o.state, "A").status == ServiceStatus::degraded);
}

TEST_CASE("the issued ticket promises the figure the kiosk showed, even when the forecast is stale") {
  TestOffice o;
  o.open(1);
  for (int i = 0; i < 3; ++i) o.issue("A");
  const auto shown = eta_for_new_ticket(o.state, "A", Priority::reguler, o.now);
  auto r = o.ok(cmd::issue, {{"service", "A"}});
  CHECK(r["eta_s"] == *shown);
  CHECK(r["eta_low_s"].get<int64_t>() <= *shown);
  CHECK(r["eta_high_s"].get<int64_t>() >= *shown);
  o.state.forecast = Forecast{};  // as on a hub whose clock jumped: made again for the reply
  r = o.ok(cmd::issue, {{"service", "A"}});
  CHECK(r["eta_s"] == 4 * 420);
}

TEST_CASE("a new ticket's wait played alone equals the whole forecast's figure, for every service and priority") {
  // The issue command plays only the one run it needs when the forecast is stale (each
  // issue after the first in a group commit): it must be the screens' figure exactly.
  TestOffice o;
  o.open(1);
  o.open(2);
  o.open(3);  // B first, then A: a shared loket
  o.open(4);
  o.ok(cmd::pause, {{"counter", 4}, {"minutes", 10}});
  const char* codes[] = {"A", "B", "C", "D", "E", "F"};
  for (int i = 0; i < 40; ++i) o.issue(codes[(i * 7) % 6], i % 5 == 0 ? "lansia" : "reguler");
  o.call_next(1);
  o.ok(cmd::transfer, {{"counter", 1}, {"to_counter", 3}});  // waits for loket 3 by name
  o.ok(cmd::resource_set, {{"resource", "blangko"}, {"stock", 0}});  // B halted, end unknown
  for (int step = 0; step < 3; ++step) {
    const Forecast whole = compute_forecast(o.state, o.now);
    for (const char* code : codes)
      for (Priority p : {Priority::reguler, Priority::lansia}) {
        INFO(code << " priority " << int(p) << " step " << step);
        const auto alone = new_ticket_wait_now(o.state, code, p, o.now);
        const auto read = forecast_new_wait(whole, code, p, o.now);
        REQUIRE(alone.has_value() == read.has_value());
        if (!alone) continue;
        CHECK(alone->eta_s == read->eta_s);
        CHECK(alone->low_s == read->low_s);
        CHECK(alone->high_s == read->high_s);
      }
    o.advance(4 * 60'000);
    o.call_next(3);
    o.ok(cmd::no_show, {{"counter", 3}});
  }
  CHECK_FALSE(new_ticket_wait_now(o.state, "Z", Priority::reguler, o.now));  // no such service
}

TEST_CASE("service summaries count waiting, issued and tickets left") {
  TestOffice o;
  o.state.services.at("D").daily_quota = 3;
  o.issue("D");
  o.issue("D");
  const auto x = service_summary(o.state, "D", o.now);
  CHECK(x.waiting == 2);
  CHECK(x.issued_today == 2);
  CHECK(x.tickets_left == 1);
  // 09:00 to 15:00 at one loket (8) and 180 s each: 120 more today, under the quota of 300.
  const auto f = service_summary(o.state, "F", o.now);
  CHECK(f.tickets_left == 6 * 3600 / 180);
  CHECK(f.limited_by == "hours");
}
