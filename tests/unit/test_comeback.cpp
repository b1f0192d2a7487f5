// The come-back list's rules without I/O: who may join, the order of invitation,
// batches the day's planned capacity can serve, windows (today, or the next office
// day by the calendar), expiry, and a check-in that keeps the place in line.
#include "antrian/capacity.h"
#include "antrian/comeback.h"
#include "antrian/model_json.h"
#include "antrian/planned_capacity.h"
#include "antrian/queue_rules.h"
#include "office_fixture.h"

using namespace antrian;
using antrian::test::TestOffice;
namespace cmd = antrian::proto::cmd;

namespace {

constexpr int64_t kMinute = 60'000;
constexpr int64_t k0830 = antrian::test::kMonday9am - 30 * kMinute;

// B (e-KTP printing) takes an hour a person: lokets 2 (A, B) and 3 (B, A) give it
// half their time each, so two hours serve two people.
TestOffice slow_printing_office(int64_t now) {
  TestOffice o(now);
  o.ok(cmd::service_set, {{"code", "B"}, {"mean_service_s", 3600}});
  return o;
}

std::string join(TestOffice& o, nlohmann::json args) {
  auto d = o.run(cmd::comeback_join, std::move(args), "kiosk");
  INFO((d ? "" : d.error().reason));
  REQUIRE(d.ok());
  const std::string code = d->result["code"];
  CHECK(code.size() == kComebackCodeLength);
  CHECK(normalize_comeback_code(code) == code);
  return code;
}

void tick(TestOffice& o) {
  for (Event e : comeback_tick_events(o.state, o.now)) o.apply(e);
}

const ComebackEntry& entry(const TestOffice& o, const std::string& code) {
  for (const auto& [_, e] : o.state.comeback)
    if (e.code == code) return e;
  FAIL("no entry " << code);
  throw 0;
}

// The same figure the kiosk's numbers left come from.
int servable(const OfficeState& s, const std::string& service, int64_t now, int64_t until) {
  return int(*planned_servable(s, service, now, now) - *planned_servable(s, service, now, until) + 1e-9);
}

}  // namespace

TEST_CASE("comeback: codes are six unambiguous characters, typed loosely") {
  CHECK(normalize_comeback_code("k7m-2qx") == "K7M2QX");
  CHECK(normalize_comeback_code(" K7M 2QX ") == "K7M2QX");
  CHECK_FALSE(normalize_comeback_code("K7M2Q"));    // too short
  CHECK_FALSE(normalize_comeback_code("K7M2QX9"));  // too long
  CHECK_FALSE(normalize_comeback_code("K0M2QX"));   // 0 looks like O
  CHECK_FALSE(normalize_comeback_code("KIM2QX"));   // I looks like 1
}

TEST_CASE("comeback: a halted service's list is invited in order, in batches the planned capacity serves") {
  TestOffice o = slow_printing_office(k0830);
  // 08:30 a walk-in takes B-001; 08:40 the card printers stop and the line is closed.
  const std::string token = o.ok(cmd::issue, {{"service", "B"}})["ticket"]["token"];
  o.now = k0830 + 10 * kMinute;
  o.ok(cmd::disruption_set, {{"resource", "printers"}, {"level", "down"}});
  o.ok(cmd::bulk_move, {{"service", "B"}, {"reason", "printer kartu rusak"}});
  // A service that runs is not joined: take a ticket instead.
  o.refused(cmd::comeback_join, {{"service", "A"}}, proto::err::illegal_state);
  o.refused(cmd::comeback_join, {{"service", "Q"}}, proto::err::not_found);
  o.refused(cmd::comeback_join, {{"service", "B"}, {"via", "sms"}}, proto::err::bad_request);
  o.refused(cmd::comeback_join, {{"token", std::string(32, 'f')}}, proto::err::not_found);

  o.now = k0830 + 15 * kMinute;
  const std::string direct = join(o, {{"service", "B"}});
  o.now = k0830 + 20 * kMinute;
  const std::string refused = join(o, {{"service", "B"}, {"via", "refusal"}});
  o.now = k0830 + 25 * kMinute;
  const std::string moved = join(o, {{"token", token}});
  o.refused(cmd::comeback_join, {{"token", token}}, proto::err::illegal_state);  // once per ticket
  CHECK(entry(o, moved).via == "bulk_move");
  CHECK(entry(o, moved).joined_at == k0830);  // the bulk-moved ticket's place in line
  CHECK(entry(o, refused).via == "refusal");

  // The order of invitation: the place in line, not the order of joining.
  std::vector<std::string> order;
  for (const ComebackEntry* e : comeback_waiting(o.state, "B")) order.push_back(e->code);
  CHECK(order == std::vector<std::string>{moved, direct, refused});

  // Still halted: nobody is invited, however much time passes.
  o.now = antrian::test::kMonday9am;
  CHECK_FALSE(plan_invitations(o.state, "B", o.now));
  tick(o);
  CHECK(comeback_counts(o.state, "B").waiting == 3);

  // The printers are back at 09:00: two hours serve two of the three.
  o.ok(cmd::disruption_clear, {{"id", 1}});
  const auto plan = plan_invitations(o.state, "B", o.now);
  REQUIRE(plan);
  CHECK(plan->count == servable(o.state, "B", o.now, o.now + 120 * kMinute));
  CHECK(plan->count == 2);
  CHECK(plan->window_from == o.now);
  CHECK(plan->window_until == o.now + 120 * kMinute);
  CHECK_FALSE(plan->next_day);
  const auto left_before = tickets_left_today(o.state, "B", o.now).tickets;
  REQUIRE(left_before);
  tick(o);
  // The invited hold their room: the kiosk's numbers left go down by the batch.
  CHECK(tickets_left_today(o.state, "B", o.now).tickets == *left_before - 2);
  CHECK(entry(o, moved).state == "invited");
  CHECK(entry(o, direct).state == "invited");
  CHECK(entry(o, refused).state == "waiting");
  CHECK(entry(o, moved).batch == 1);
  CHECK(comeback_window_text(entry(o, moved), o.now, 7, Lang::id) == "Datang antara 09:00\u201311:00 hari ini");
  CHECK(comeback_window_text(entry(o, moved), o.now, 7, Lang::en) == "Come between 09:00 and 11:00 today");
  // One batch at a time: nothing more while its window is open.
  CHECK_FALSE(plan_invitations(o.state, "B", o.now + 60 * kMinute));

  // Check-in: bad, unknown, not invited yet; then a ticket at its old place in line.
  o.refused(cmd::comeback_checkin, {{"code", "O0O0O0"}}, proto::err::bad_request);
  o.refused(cmd::comeback_checkin, {{"code", "ZZZZZZ"}}, proto::err::not_found);
  o.refused(cmd::comeback_checkin, {{"code", refused}}, proto::err::illegal_state);
  o.now += 5 * kMinute;
  const int64_t walk_in = o.issue("B");  // 09:05, after the list's places
  o.now += 5 * kMinute;
  auto first = o.run(cmd::comeback_checkin, {{"code", moved}}, "kiosk");
  REQUIRE(first.ok());
  CHECK(first->result["ticket"]["queue_at"] == k0830);
  CHECK(first->result["ticket"]["token"].get<std::string>().size() == 32);
  CHECK(first->result["ahead"] == 0);
  CHECK(entry(o, moved).state == "came");
  o.refused(cmd::comeback_checkin, {{"code", moved}}, proto::err::illegal_state);  // used
  std::string lower = direct;
  for (char& c : lower) c = char(std::tolower(c));
  auto second = o.run(cmd::comeback_checkin, {{"code", lower}}, "kiosk");
  REQUIRE(second.ok());
  CHECK(second->result["ahead"] == 1);  // behind the first, before the 09:05 walk-in
  CHECK(ahead_of(o.state, o.ticket(walk_in)) == 2);

  // 11:00: the first window has ended. Three are in line, more than two hours serve:
  // the next batch waits for room.
  o.now = antrian::test::kMonday9am + 120 * kMinute;
  CHECK_FALSE(plan_invitations(o.state, "B", o.now));
  for (auto* t : waiting_in_service(o.state, "B"))
    o.ok(cmd::cancel, {{"ticket", t->id}, {"reason", "selesai di tempat lain"}});
  const auto next = plan_invitations(o.state, "B", o.now);
  REQUIRE(next);
  CHECK(next->count == 1);  // the one left on the list
  tick(o);
  CHECK(entry(o, refused).state == "invited");
  CHECK(entry(o, refused).batch == 2);

  // Not used by 13:00: expired, counted, and refused at the kiosk afterwards.
  o.now = antrian::test::kMonday9am + 240 * kMinute;
  tick(o);
  CHECK(entry(o, refused).state == "expired");
  const ComebackCounts c = comeback_counts(o.state, "B");
  CHECK(c.waiting == 0);
  CHECK(c.invited == 0);
  CHECK(c.came == 2);
  CHECK(c.expired == 1);
  o.refused(cmd::comeback_checkin, {{"code", refused}}, proto::err::illegal_state);
  CHECK(comeback_counts_json(o.state)["B"]["expired"] == 1);
}

TEST_CASE("comeback: late in the day the batch is invited for the next office day") {
  // 14:40: numbers stop at 14:30 (the last-ticket cutoff), the office closes at 15:00.
  const int64_t k1440 = antrian::test::kMonday9am + (5 * 60 + 40) * kMinute;
  TestOffice o = slow_printing_office(k1440);
  o.ok(cmd::service_set, {{"code", "B"}, {"enabled", false}});  // switched off today
  const std::string code = join(o, {{"service", "B"}});
  o.ok(cmd::service_set, {{"code", "B"}, {"enabled", true}});
  const auto plan = plan_invitations(o.state, "B", o.now);
  REQUIRE(plan);
  CHECK(plan->next_day);
  const int64_t tue0800 = antrian::test::kMonday9am + 23 * 60 * kMinute;
  CHECK(plan->window_from == tue0800);
  CHECK(plan->window_until == tue0800 + 120 * kMinute);
  CHECK(plan->count == 1);
  tick(o);
  CHECK(comeback_window_text(entry(o, code), o.now, 7, Lang::id) == "Datang antara 08:00\u201310:00 besok");
  // Too early: refused with when to come, nothing changed.
  o.refused(cmd::comeback_checkin, {{"code", code}}, proto::err::illegal_state);
  // Tuesday 08:15: a ticket of the new day, its place in line from Monday.
  o.now = tue0800 + 15 * kMinute;
  auto in = o.run(cmd::comeback_checkin, {{"code", code}}, "kiosk");
  REQUIRE(in.ok());
  CHECK(o.state.day == "2026-11-24");
  CHECK(in->result["ticket"]["label"] == "B-001");
  CHECK(in->result["ticket"]["queue_at"] == k1440);
}

TEST_CASE("comeback: codes never leave the hub in public events or snapshots, and the log replays") {
  TestOffice o = slow_printing_office(antrian::test::kMonday9am);
  o.ok(cmd::disruption_set, {{"resource", "printers"}, {"level", "down"}});
  auto d = o.run(cmd::comeback_join, {{"service", "B"}}, "kiosk");
  REQUIRE(d.ok());
  const std::string code = d->result["code"];
  const Event& joined = d->events.back();
  CHECK(joined.type == proto::ev::comeback_joined);
  CHECK(event_to_json(joined, false).dump().find(code) != std::string::npos);  // the log keeps it
  CHECK(event_to_json(joined, true).dump().find(code) == std::string::npos);
  CHECK(state_to_json(o.state, true).dump().find(code) == std::string::npos);
  // A mirror applying the public event has the entry, without its code.
  OfficeState mirror = o.state;
  mirror.comeback.clear();
  apply_event(mirror, event_from_json(event_to_json(joined, true)));
  REQUIRE(mirror.comeback.size() == 1);
  CHECK(mirror.comeback.begin()->second.code.empty());
  CHECK(mirror.comeback.begin()->second.state == "waiting");
  // A new day keeps the open entry and drops closed ones.
  Event day;
  day.type = std::string(proto::ev::day_started);
  day.data = {{"day", "2026-11-24"}};
  apply_event(mirror, day);
  CHECK(mirror.comeback.size() == 1);
}
