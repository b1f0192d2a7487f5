// Estimated waits: place in line, open lokets, learned service time, disruptions.
#include "antrian/eta.h"
#include "antrian/office_view.h"
#include "antrian/service_health.h"
#include "office_fixture.h"

using namespace antrian;
using antrian::test::TestOffice;
namespace cmd = antrian::proto::cmd;

TEST_CASE("no loket open: the wait is unknown, not invented") {
  TestOffice o;
  const int64_t a = o.issue("A");
  CHECK_FALSE(eta_for_ticket(o.state, o.ticket(a), o.now).has_value());
}

TEST_CASE("wait = people ahead x mean service time / open lokets") {
  TestOffice o;  // A's configured mean is 420 s
  o.open(1);
  std::vector<int64_t> ids;
  for (int i = 0; i < 5; ++i) ids.push_back(o.issue("A"));
  CHECK(eta_for_ticket(o.state, o.ticket(ids[0]), o.now) == 0);
  CHECK(eta_for_ticket(o.state, o.ticket(ids[4]), o.now) == 4 * 420);
  o.open(2);  // two lokets serve A
  CHECK(eta_for_ticket(o.state, o.ticket(ids[4]), o.now) == 2 * 420);
  CHECK(eta_for_new_ticket(o.state, "A", Priority::reguler, o.now) == 5 * 420 / 2);
  CHECK(eta_for_new_ticket(o.state, "A", Priority::lansia, o.now) == 0);  // no priority ahead
}

TEST_CASE("the service time is learned as a moving average from the configured guess") {
  TestOffice o;
  o.open(1);
  o.issue("A");
  o.call_next(1);
  o.ok(cmd::start, {{"counter", 1}});
  o.now += 120'000;
  o.ok(cmd::finish, {{"counter", 1}});
  const double expected = 0.8 * 420 + 0.2 * 120;
  CHECK(mean_service_seconds(o.state, "A") == doctest::Approx(expected));
  CHECK(o.state.stats.at("A").samples == 1);
}

TEST_CASE("printers N of M cut the rate to N/M") {
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

TEST_CASE("a halted service waits until its expected end, or says unknown") {
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
  o.ok(cmd::disruption_clear, {{"id", d["disruption"]["id"]}});
  CHECK(service_health(o.state, "A").status == ServiceStatus::normal);
  CHECK(eta_for_new_ticket(o.state, "A", Priority::reguler, o.now) == 2 * 420);
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
