// The information desk's tools: a no-show brought back into line within the office's
// time, a ticket found by its number, a loket freed after a crash, and a disruption
// report with an expected end that its loket may clear itself.
#include <doctest/doctest.h>

#include "antrian/desk_rules.h"
#include "antrian/office_config.h"
#include "office_fixture.h"

using namespace antrian;
using namespace antrian::test;
namespace cmd = antrian::proto::cmd;
using json = nlohmann::json;

namespace {
constexpr int64_t kMinute = 60'000;

// Loket 1 calls A-001 and marks it a no-show; A-002 and A-003 wait.
TestOffice office_with_a_no_show() {
  TestOffice o;
  o.open_all_day();
  for (int i = 0; i < 3; ++i) o.issue("A");
  o.open(1);
  CHECK(o.call_next(1) == "A-001");
  o.now += 2 * kMinute;
  o.ok(cmd::no_show, {{"counter", 1}});
  return o;
}
}  // namespace

TEST_CASE("a no-show brought back keeps its number and is called next for its service") {
  TestOffice o = office_with_a_no_show();
  CHECK(o.call_next(1) == "A-002");  // the loket went on
  o.now += 5 * kMinute;
  const int64_t before = o.state.seq;
  auto r = o.ok(cmd::restore_no_show, {{"ticket", "a-1"}});
  CHECK(o.state.seq == before + 1);
  CHECK(r["ticket"]["label"] == "A-001");
  CHECK(r["ticket"]["state"] == "waiting");
  CHECK(r["ahead"] == 0);
  const Ticket& t = o.ticket(r["ticket"]["id"].get<int64_t>());
  CHECK(t.history.back().what == "restored");
  CHECK(t.counter == 0);
  // The office's rule: its own place in line, before A-003 who came after it.
  o.ok(cmd::start, {{"counter", 1}});
  o.ok(cmd::finish, {{"counter", 1}});
  CHECK(o.call_next(1) == "A-001");
  CHECK(o.ticket(3).state == TicketState::waiting);
}

TEST_CASE("a no-show comes back only within the office's time, and once") {
  TestOffice o = office_with_a_no_show();
  o.now += 30 * kMinute;  // exactly the default 30 minutes: still allowed
  CHECK(no_show_return(o.state, o.ticket(1), o.now).allowed);
  o.now += 1;
  o.refused(cmd::restore_no_show, {{"ticket", "A-001"}}, "illegal_state");
  auto d = o.run(cmd::restore_no_show, {{"ticket", "A-001"}});
  CHECK(d.error().reason.find("30 minutes") != std::string::npos);
  // A ticket that is not a no-show, a number that is no ticket, a bad number.
  o.refused(cmd::restore_no_show, {{"ticket", "A-002"}}, "illegal_state");
  o.refused(cmd::restore_no_show, {{"ticket", "A-099"}}, "not_found");
  o.refused(cmd::restore_no_show, {{"ticket", "nomor"}}, "bad_request");
  // The office's own setting.
  TestOffice p = office_with_a_no_show();
  p.state.office.no_show_return_min = 5;
  p.now += 6 * kMinute;
  p.refused(cmd::restore_no_show, {{"ticket", "A-001"}}, "illegal_state");
  p.state.office.no_show_return_min = 0;
  CHECK(no_show_return(p.state, p.ticket(1), p.now).reason_en.find("no_show_return_minutes") != std::string::npos);
}

TEST_CASE("only the loket that marked the no-show, or an admin, brings it back") {
  TestOffice o = office_with_a_no_show();
  o.open(2);
  auto other = o.run(cmd::restore_no_show, {{"ticket", "A-001"}, {"counter", 2}}, "counter");
  REQUIRE_FALSE(other.ok());
  CHECK(other.error().code == "forbidden");
  CHECK(other.error().reason.find("loket 1") != std::string::npos);
  auto no_loket = o.run(cmd::restore_no_show, {{"ticket", "A-001"}}, "counter");
  REQUIRE_FALSE(no_loket.ok());
  CHECK(no_loket.error().code == "bad_request");
  // The loket's own undo: the no-show it just marked.
  const Ticket* mine = returnable_no_show_of(o.state, 1, o.now);
  REQUIRE(mine != nullptr);
  CHECK(mine->label() == "A-001");
  CHECK(returnable_no_show_of(o.state, 2, o.now) == nullptr);
  auto own = o.run(cmd::restore_no_show, {{"ticket", mine->id}, {"counter", 1}}, "counter");
  REQUIRE(own.ok());
  CHECK(own->events.front().type == "ticket_restored");
  CHECK(own->events.front().actor == "staff:ani@loket1");
  CHECK(returnable_no_show_of(o.state, 1, o.now) == nullptr);
}

TEST_CASE("a restore is in the log: a replay of the events gives the same ticket") {
  TestOffice o = office_with_a_no_show();
  std::vector<Event> log;
  proto::Request r{proto::kVersion, "x", std::string(cmd::restore_no_show), "admin", {{"ticket", "A-001"}}};
  auto d = decide(o.state, r, CommandContext{o.now, "admin", "desk"});
  REQUIRE(d.ok());
  OfficeState replayed = o.state;
  for (Event e : d->events) {
    e.seq = replayed.seq + 1;
    apply_event(replayed, event_from_json(event_to_json(e, false)));
  }
  CHECK(replayed.tickets.at(1).state == TicketState::waiting);
  CHECK(replayed.tickets.at(1).label() == "A-001");
}

TEST_CASE("the office config names a bad no-show return time") {
  auto with = [](const std::string& v) {
    std::string text(default_office_json());
    const std::string key = R"("timezone")";
    text.insert(text.find(key), R"("no_show_return_minutes": )" + v + ", ");
    return parse_office_config(text);
  };
  REQUIRE(with("10").ok());
  CHECK(with("10")->office.no_show_return_min == 10);
  CHECK(default_office_config()->office.no_show_return_min == 30);
  for (const char* bad : {"-1", "481", "\"thirty\"", "1.5"}) {
    auto cfg = with(bad);
    INFO(bad);
    REQUIRE_FALSE(cfg.ok());
    CHECK(cfg.error().reason.find("no_show_return_minutes") != std::string::npos);
  }
}

TEST_CASE("the desk finds a ticket of today by its number, as people type it") {
  CHECK(normalize_ticket_number("a-6") == "A-006");
  CHECK(normalize_ticket_number(" A006 ") == "A-006");
  CHECK(normalize_ticket_number("b 12") == "B-012");
  CHECK_FALSE(normalize_ticket_number("A-"));
  CHECK_FALSE(normalize_ticket_number("6"));
  CHECK_FALSE(normalize_ticket_number("A-0"));
  CHECK_FALSE(normalize_ticket_number("A-12345"));
  CHECK_FALSE(normalize_ticket_number("ABCD-1"));

  TestOffice o = office_with_a_no_show();
  auto r = o.ok(cmd::ticket_find, {{"number", "a-001"}});
  CHECK(r["ticket"]["label"] == "A-001");
  CHECK(r["ticket"]["state"] == "no_show");
  CHECK(r["ticket"]["counter"] == 1);
  CHECK_FALSE(r["ticket"].contains("token"));
  CHECK(r["service_name_id"] == "Perekaman e-KTP");
  CHECK(r["counter_name"] == "Loket 1");
  CHECK(r["actions"] == json::array({"restore_no_show"}));
  CHECK(r["no_show_return"]["until"] == o.ticket(1).ended_at + 30 * kMinute);
  auto waiting = o.ok(cmd::ticket_find, {{"number", "A-3"}});
  CHECK(waiting["ahead"] == 1);
  CHECK(waiting["actions"] == json::array({"cancel"}));
  o.now += 31 * kMinute;
  auto late = o.ok(cmd::ticket_find, {{"number", "A-001"}});
  CHECK(late["actions"].empty());
  CHECK(late["no_show_return"]["allowed"] == false);
  // A number nobody has today, a service with no numbers yet, not a number at all.
  auto none = o.run(cmd::ticket_find, {{"number", "A-007"}});
  REQUIRE_FALSE(none.ok());
  CHECK(none.error().code == "not_found");
  CHECK(none.error().reason == "no ticket A-007 today (today's A numbers go up to A-003)");
  auto b = o.run(cmd::ticket_find, {{"number", "B-1"}});
  CHECK(b.error().reason == "no ticket B-001 today (no B numbers were given today)");
  o.refused(cmd::ticket_find, {{"number", "siti"}}, "bad_request");
  o.refused(cmd::ticket_find, json::object(), "bad_request");
  // The desk reads; it changes nothing (a counter may ask too, a kiosk not).
  CHECK(proto::role_allows("counter", cmd::ticket_find));
  CHECK_FALSE(proto::role_allows("kiosk", cmd::ticket_find));
}

TEST_CASE("an admin frees a loket left signed in by a crashed PC, and its ticket goes back in line") {
  TestOffice o;
  o.open_all_day();
  o.issue("A");
  o.issue("A");
  o.open(1, "citra");
  CHECK(o.call_next(1) == "A-001");
  // Before: another staff member cannot take the loket.
  auto taken = o.run(cmd::sign_in, {{"counter", 1}, {"staff", "dewi"}, {"pin", "1234"}});
  REQUIRE_FALSE(taken.ok());
  CHECK(taken.error().reason.find("they must sign out first") != std::string::npos);
  CHECK_FALSE(proto::role_allows("counter", cmd::force_sign_out));

  auto d = o.run(cmd::force_sign_out, {{"counter", 1}, {"reason", "PC mati"}});
  REQUIRE(d.ok());
  const Event& e = d->events.front();
  CHECK(e.type == "counter_changed");
  CHECK(e.actor == "admin:test");
  CHECK(e.data["what"] == "force_signed_out");
  CHECK(e.data["previous_staff"] == "citra");
  CHECK(e.data["reason"] == "PC mati");
  CHECK(d->result["returned"] == "A-001");
  CHECK(o.state.counters.at(1).state == CounterState::closed);
  CHECK(o.state.counters.at(1).staff.empty());
  CHECK(o.ticket(1).state == TicketState::waiting);
  CHECK(o.ticket(1).history.back().note == "PC mati");
  // Another staff member signs in and calls the returned ticket first.
  o.open(1, "dewi");
  CHECK(o.call_next(1) == "A-001");
  o.refused(cmd::force_sign_out, {{"counter", 2}}, "illegal_state");  // not signed in
  o.refused(cmd::force_sign_out, {{"counter", 99}}, "not_found");
}

TEST_CASE("a disruption's expected end as a time of day on the hub's clock") {
  TestOffice o;  // 09:00 WIB
  auto r = o.ok(cmd::disruption_set, {{"resource", "siak"}, {"level", "down"}, {"expected_at", "10:30"}});
  CHECK(r["disruption"]["expected_end"] == o.now + 90 * kMinute);
  o.refused(cmd::disruption_set, {{"resource", "siak"}, {"level", "down"}, {"expected_at", "08:00"}}, "bad_request");
  auto past = o.run(cmd::disruption_set, {{"resource", "siak"}, {"level", "down"}, {"expected_at", "08:00"}});
  CHECK(past.error().reason.find("has passed already on the hub's clock (it is 09:00 there)") != std::string::npos);
  o.refused(cmd::disruption_set, {{"resource", "siak"}, {"level", "down"}, {"expected_at", "25:00"}}, "bad_request");
  o.refused(cmd::disruption_set,
            {{"resource", "siak"}, {"level", "down"}, {"expected_at", "10:00"}, {"expected_minutes", 5}}, "bad_request");
}

TEST_CASE("a loket clears the disruption it reported itself, not another's") {
  TestOffice o;
  o.open(2);
  o.open(3);
  auto mine = o.run(cmd::disruption_set, {{"resource", "printers"}, {"level", "degraded"}, {"counter", 2},
                                          {"expected_minutes", 20}}, "counter");
  REQUIRE(mine.ok());
  const int64_t id = mine->result["disruption"]["id"];
  CHECK(mine->result["disruption"]["counter"] == 2);
  auto other = o.run(cmd::disruption_clear, {{"id", id}, {"counter", 3}}, "counter");
  REQUIRE_FALSE(other.ok());
  CHECK(other.error().code == "forbidden");
  CHECK(other.error().reason.find("by loket 2") != std::string::npos);
  auto admins = o.ok(cmd::disruption_set, {{"resource", "siak"}, {"level", "down"}});
  auto theirs = o.run(cmd::disruption_clear, {{"id", admins["disruption"]["id"]}, {"counter", 2}}, "counter");
  REQUIRE_FALSE(theirs.ok());
  CHECK(theirs.error().code == "forbidden");
  auto own = o.run(cmd::disruption_clear, {{"id", id}, {"counter", 2}}, "counter");
  REQUIRE(own.ok());
  CHECK(own->result["disruption"]["active"] == false);
  CHECK(own->result["disruption"]["cleared_by"] == "staff:budi@loket2");
}
