// Disruptions and capacity: the resource-to-service mapping, quota following
// capacity, blangko counting, probe hysteresis and moving the waiting tickets of a
// halted service in one action.
#include "antrian/capacity.h"
#include "antrian/office_view.h"
#include "antrian/probe.h"
#include "antrian/queue_rules.h"
#include "antrian/service_health.h"
#include "office_fixture.h"

using namespace antrian;
using antrian::test::TestOffice;
namespace cmd = antrian::proto::cmd;
namespace err = antrian::proto::err;

TEST_CASE("default mapping: the central server halts recording and printing, KK and akta flow") {
  TestOffice o;
  CHECK(services_needing(o.state, "siak") == std::vector<std::string>{"A", "B"});
  CHECK(services_needing(o.state, "printers") == std::vector<std::string>{"B"});
  o.ok(cmd::disruption_set, {{"resource", "siak"}, {"level", "down"}, {"message_id", "Server pusat terputus"}});
  for (const char* s : {"A", "B"}) CHECK(service_health(o.state, s).status == ServiceStatus::halted);
  for (const char* s : {"C", "D", "E", "F"}) CHECK(service_health(o.state, s).status == ServiceStatus::normal);
  // The config can say otherwise: a disruption names its own services.
  o.ok(cmd::disruption_set, {{"resource", "network"}, {"level", "degraded"}, {"services", {"C"}}});
  CHECK(service_health(o.state, "C").status == ServiceStatus::degraded);
  CHECK(service_health(o.state, "D").status == ServiceStatus::normal);
}

TEST_CASE("tickets left follow the quota, the blangko and the hours") {
  TestOffice o;  // 09:00, closing 15:00
  o.open(3);     // loket 3 serves B and A
  // B: quota 200; blangko 2000; hours: 6 h x half of lokets 2 and 3 (each serves A
  // and B; the roster plans them all day) / 240 s = 90.
  auto b = tickets_left_today(o.state, "B", o.now);
  CHECK(b.tickets == 90);
  CHECK(b.limited_by == LimitedBy::hours);
  // Two of six printers: a third of the rate, a third of the tickets.
  o.ok(cmd::resource_set, {{"resource", "printers"}, {"working", 2}});
  CHECK(tickets_left_today(o.state, "B", o.now).tickets == 30);
  // Few cards left: every open printing ticket has one promised.
  o.ok(cmd::resource_set, {{"resource", "blangko"}, {"stock", 3}});
  o.issue("B");
  o.issue("B");
  b = tickets_left_today(o.state, "B", o.now);
  CHECK(b.tickets == 1);
  CHECK(b.limited_by == LimitedBy::blangko);
  CHECK(blangko_low(o.state, "B"));
  o.issue("B");
  o.refused(cmd::issue, {{"service", "B"}}, err::quota_exhausted);
  auto refused = o.run(cmd::issue, {{"service", "B"}});
  CHECK(refused.error().reason.find("blangko") != std::string::npos);
  CHECK(refused.error().reason.find("temporary certificate") != std::string::npos);  // the alternative
  o.issue("C");  // other services keep flowing
}

TEST_CASE("after closing time or with the rule off, hours do not limit") {
  TestOffice o(antrian::test::kMonday9am + 7 * 3'600'000);  // 16:00
  CHECK(tickets_left_today(o.state, "C", o.now).limited_by == LimitedBy::quota);
  TestOffice p;
  p.state.office.quota_follows_capacity = false;
  CHECK(tickets_left_today(p.state, "C", p.now).tickets == 150);
}

TEST_CASE("each finished printing ticket uses one blangko card, recording uses none") {
  TestOffice o;
  o.open(3);
  o.issue("B");
  o.issue("A");
  const int before = o.state.resources.at("blangko").stock;
  for (int i = 0; i < 2; ++i) {
    o.call_next(3);
    o.ok(cmd::start, {{"counter", 3}});
    o.ok(cmd::finish, {{"counter", 3}});
  }
  CHECK(o.state.resources.at("blangko").stock == before - 1);
  o.ok(cmd::resource_set, {{"resource", "blangko"}, {"stock_add", 500}});
  CHECK(o.state.resources.at("blangko").stock == before - 1 + 500);
}

TEST_CASE("the waiting tickets of a halted service move to its alternative in one action") {
  TestOffice o;
  const int64_t b1 = o.issue("B", "lansia");
  o.now += 60'000;
  o.issue("B");
  o.issue("C");
  o.ok(cmd::disruption_set, {{"resource", "printers"}, {"level", "down"}});
  auto r = o.ok(cmd::bulk_move, {{"service", "B"}, {"to_service", "F"}, {"reason", "printer rusak: surat keterangan"}});
  CHECK(r["moved"] == 2);
  CHECK(waiting_in_service(o.state, "B").empty());
  const auto moved = waiting_in_service(o.state, "F");
  REQUIRE(moved.size() == 2);
  CHECK(moved[0]->label() == "B-001");          // label, priority and place kept
  CHECK(moved[0]->priority == Priority::lansia);
  CHECK(moved[0]->transferred_from == b1);
  CHECK(moved[0]->history.back().note == "printer rusak: surat keterangan");
  CHECK(o.ticket(b1).state == TicketState::transferred);
  CHECK(waiting_in_service(o.state, "C").size() == 1);  // untouched
  // Or close them with a reason; a reason or a target is required.
  o.issue("A");
  o.refused(cmd::bulk_move, {{"service", "A"}}, err::bad_request);
  o.ok(cmd::bulk_move, {{"service", "A"}, {"reason", "server pusat mati, datang besok"}});
  CHECK(waiting_in_service(o.state, "A").empty());
  const auto none = o.run(cmd::bulk_move, {{"service", "A"}, {"reason", "x"}});
  REQUIRE(none.ok());
  CHECK(none->events.empty());  // nothing waiting: nothing logged
}

TEST_CASE("probe hysteresis: k failures to declare, m successes to clear, flaps ignored") {
  Hysteresis h(3, 2);
  using C = Hysteresis::Change;
  CHECK(h.observe(false) == C::none);
  CHECK(h.observe(false) == C::none);
  CHECK(h.observe(true) == C::none);  // a flap resets the count
  CHECK(h.observe(false) == C::none);
  CHECK(h.observe(false) == C::none);
  CHECK(h.observe(false) == C::went_down);
  CHECK(h.down());
  CHECK(h.observe(false) == C::none);  // declared once
  CHECK(h.observe(true) == C::none);
  CHECK(h.observe(false) == C::none);
  CHECK(h.observe(true) == C::none);
  CHECK(h.observe(true) == C::came_back);
  CHECK_FALSE(h.down());
}

TEST_CASE("probe config is checked") {
  const std::vector<std::string> ids = {"siak"};
  auto ok = parse_probes(nlohmann::json::parse(R"([{"resource":"siak","check":"tcp://10.0.0.1:443"}])"), ids);
  REQUIRE(ok.ok());
  CHECK(ok->front().fail_after == 3);
  for (const char* bad : {R"([{"resource":"moon","check":"tcp://a:1"}])", R"([{"resource":"siak","check":"ftp://a"}])",
                          R"([{"resource":"siak","check":"tcp://a:1","interval_ms":1}])",
                          R"([{"resource":"siak","check":"tcp://a:1","level":"meh"}])", R"({"resource":"siak"})"}) {
    CAPTURE(bad);
    CHECK_FALSE(parse_probes(nlohmann::json::parse(bad), ids).ok());
  }
}

TEST_CASE("an admin changes a service and a loket while the office runs, with the config's checks") {
  TestOffice o;
  o.ok(cmd::service_set, {{"code", "E"}, {"daily_quota", 1}, {"name_en", "Moving"}});
  CHECK(o.state.services.at("E").daily_quota == 1);
  CHECK(o.state.services.at("E").name_en == "Moving");
  o.issue("E");
  o.refused(cmd::issue, {{"service", "E"}}, err::quota_exhausted);
  o.ok(cmd::service_set, {{"code", "E"}, {"enabled", false}});
  CHECK(service_health(o.state, "E").status == ServiceStatus::halted);
  o.refused(cmd::service_set, {{"code", "Q"}}, err::not_found);
  o.refused(cmd::service_set, {{"code", "E"}, {"daily_quota", -3}}, err::bad_request);
  o.refused(cmd::service_set, {{"code", "E"}, {"alternative_service", "E"}}, err::bad_request);
  o.ok(cmd::counter_set, {{"number", 8}, {"services", {"F", "C"}}, {"name", "Loket Informasi"}});
  CHECK(o.state.counters.at(8).services == std::vector<std::string>{"F", "C"});
  CHECK(o.state.counters.at(8).name == "Loket Informasi");
  o.refused(cmd::counter_set, {{"number", 8}, {"services", nlohmann::json::array()}}, err::bad_request);
  o.refused(cmd::counter_set, {{"number", 8}, {"services", {"C", "C"}}}, err::bad_request);
  o.refused(cmd::counter_set, {{"number", 8}, {"services", {"Z"}}}, err::bad_request);
  o.refused(cmd::counter_set, {{"number", 99}, {"name", "x"}}, err::not_found);
}
