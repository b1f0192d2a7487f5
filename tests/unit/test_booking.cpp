// Bookings' rules without I/O (booking.h): the config, slots from the office
// calendar, slot capacity and the walk-in share, the check-in window, one fair line
// with walk-ins (booked time as the place), the late rule, expiry, and the office's
// move of a day. The personal data (NIK one per day) is the hub's: test_booking_flow.
#include "antrian/booking.h"
#include "antrian/booking_people.h"
#include "antrian/capacity.h"
#include "antrian/model_json.h"
#include "antrian/queue_rules.h"
#include "office_fixture.h"

using namespace antrian;
using antrian::test::TestOffice;
namespace cmd = antrian::proto::cmd;

namespace {

constexpr int64_t kMinute = 60'000;
constexpr int64_t k0800 = antrian::test::kMonday9am - 60 * kMinute;  // Monday 23 Nov 2026
const std::string kMonday = "2026-11-23", kTuesday = "2026-11-24", kFriday = "2026-11-27",
                  kSaturday = "2026-11-28";

// Printing (B) takes bookings: slots of an hour serving 8, half kept for walk-ins.
TestOffice booking_office(int64_t now = k0800, const std::string& late_rule = "keep_place") {
  TestOffice o(now);
  BookingRules& r = o.state.services.at("B").booking;
  r.enabled = true;
  r.slot_capacity = 8;
  r.walk_in_percent = 50;
  r.late_rule = late_rule;
  return o;
}

Booking book(TestOffice& o, const std::string& date, const std::string& slot) {
  auto b = plan_booking(o.state, "B", date, slot, o.now);
  INFO(date, " ", slot, ": ", (b ? "" : b.error().reason));
  REQUIRE(b.ok());
  Event e;
  e.at = o.now;
  e.type = std::string(proto::ev::booking_created);
  e.data = {{"booking_id", b->id}, {"bookings", {to_json(*b, true)}}};
  o.apply(e);
  return *b;
}

void tick(TestOffice& o) {
  for (Event e : booking_tick_events(o.state, o.now)) o.apply(e);
}

int64_t checkin(TestOffice& o, const std::string& code) {
  auto d = o.run(cmd::booking_checkin, {{"code", code}}, "kiosk");
  INFO((d ? "" : d.error().reason));
  REQUIRE(d.ok());
  return d->result["ticket"]["id"].get<int64_t>();
}

std::vector<std::string> slot_starts(const OfficeState& s, const std::string& date) {
  std::vector<std::string> out;
  for (const BookingSlot& x : booking_slots(s, "B", date)) out.push_back(hhmm(x.from_min));
  return out;
}

}  // namespace

TEST_CASE("booking: the config's rules, refused with the field named") {
  auto r = booking_rules_from_json({{"enabled", true}, {"slot_capacity", 8}});
  REQUIRE(r.ok());
  CHECK(r->days_ahead == 7);
  CHECK(r->walk_in_percent == 50);
  CHECK(r->late_rule == "keep_place");
  CHECK(booking_rules_from_json(nlohmann::json::object())->enabled == false);  // off by default
  auto reason = [](nlohmann::json j) {
    auto x = booking_rules_from_json(j);
    REQUIRE_FALSE(x.ok());
    return x.error().reason;
  };
  CHECK(reason({{"enabled", true}}).find("booking.slot_capacity: missing") == 0);
  CHECK(reason({{"enabled", true}, {"slot_capcity", 8}}).find("booking.slot_capcity: unknown field") == 0);
  CHECK(reason({{"slot_capacity", 0}}).find("booking.slot_capacity: must be a whole number from 1") == 0);
  CHECK(reason({{"enabled", true}, {"slot_capacity", 1}, {"walk_in_percent", 50}}).find("booking.walk_in_percent") == 0);
  CHECK(reason({{"late_rule", "never"}}).find("booking.late_rule") == 0);
  CHECK(reason({{"enabled", "yes"}}).find("booking.enabled") == 0);
  CHECK(reason(nlohmann::json::array()).find("must be an object") != std::string::npos);
  // In a service of the office config, the error says where.
  nlohmann::json svc = {{"code", "B"}, {"name_id", "Cetak"}, {"booking", {{"enabled", true}}}};
  CHECK_THROWS_WITH_AS(service_from_json(svc), doctest::Contains("booking.slot_capacity"), std::invalid_argument);
  // A service without bookings writes no "booking" (configs compare as before).
  CHECK_FALSE(to_json(TestOffice().state.services.at("A")).contains("booking"));
}

TEST_CASE("booking: slots come from the office calendar") {
  TestOffice o = booking_office();
  CHECK(slot_starts(o.state, kMonday) ==
        std::vector<std::string>{"08:00", "09:00", "10:00", "11:00", "12:00", "13:00", "14:00"});
  // Friday's prayer break (11:30-13:00): the slots running into it are not offered.
  CHECK(slot_starts(o.state, kFriday) == std::vector<std::string>{"08:00", "09:00", "10:00", "13:00", "14:00"});
  CHECK(booking_slots(o.state, "B", kSaturday).empty());  // closed
  o.state.closures[kTuesday] = Closure{kTuesday, "holiday", "Libur", "Holiday"};
  CHECK(booking_slots(o.state, "B", kTuesday).empty());
  CHECK(booking_slots(o.state, "A", kMonday).empty());  // A takes no bookings
  // Half of a slot of 8 is kept for walk-ins.
  CHECK(booking_slots(o.state, "B", kMonday).front().capacity == 4);
  // A service's issuing window bounds its slots.
  o.state.services.at("B").issuing_until_min = 11 * 60;
  CHECK(slot_starts(o.state, kMonday) == std::vector<std::string>{"08:00", "09:00", "10:00"});
}

TEST_CASE("booking: slot capacity and the day's share are enforced") {
  TestOffice o = booking_office();
  for (int i = 0; i < 4; ++i) book(o, kTuesday, "10:00");
  auto full = plan_booking(o.state, "B", kTuesday, "10:00", o.now);
  REQUIRE_FALSE(full.ok());
  CHECK(full.error().code == proto::err::quota_exhausted);
  CHECK(full.error().reason.find("full") != std::string::npos);
  CHECK(booking_slots(o.state, "B", kTuesday)[2].free() == 0);
  book(o, kTuesday, "11:00");  // another slot still has room
  // With a daily quota of 10, half of it (5) may be booked a day.
  o.state.services.at("B").daily_quota = 10;
  auto day_full = plan_booking(o.state, "B", kTuesday, "13:00", o.now);
  REQUIRE_FALSE(day_full.ok());
  CHECK(day_full.error().reason.find("kept for walk-ins") != std::string::npos);
  CHECK(plan_booking(o.state, "B", kMonday, "13:00", o.now).ok());  // another day

  // Bad wishes, each with its reason.
  auto why = [&](const std::string& service, const std::string& date, const std::string& slot) {
    auto b = plan_booking(o.state, service, date, slot, o.now);
    REQUIRE_FALSE(b.ok());
    return b.error().code + ": " + b.error().reason;
  };
  CHECK(why("A", kTuesday, "10:00").find("takes no bookings") != std::string::npos);
  CHECK(why("Z", kTuesday, "10:00").find("not_found") == 0);
  CHECK(why("B", "2026-02-30", "10:00").find("args.date") != std::string::npos);
  CHECK(why("B", "2026-11-22", "10:00").find("has passed") != std::string::npos);
  CHECK(why("B", "2026-12-01", "10:00").find("7 days ahead") != std::string::npos);
  CHECK(why("B", kSaturday, "10:00").find("office_closed") == 0);
  CHECK(why("B", kTuesday, "10:30").find("slots: 08:00, 09:00") != std::string::npos);
  CHECK(why("B", kTuesday, "ten").find("args.slot") != std::string::npos);
  CHECK(why("B", kMonday, "08:00").find("has begun") != std::string::npos);  // it is 08:00 now
}

TEST_CASE("booking: today's bookings hold their room in the walk-ins' numbers left") {
  TestOffice o = booking_office();
  o.state.office.quota_follows_capacity = false;
  const int before = *tickets_left_today(o.state, "B", o.now).tickets;
  book(o, kMonday, "10:00");
  book(o, kMonday, "11:00");
  book(o, kTuesday, "10:00");  // tomorrow's do not count today
  CHECK(*tickets_left_today(o.state, "B", o.now).tickets == before - 2);
  CHECK(bookings_holding_room(o.state, "B", o.now) == 2);
}

TEST_CASE("booking: a check-in joins one fair line with walk-ins, placed at the slot's start") {
  TestOffice o = booking_office(k0800);
  const Booking b = book(o, kMonday, "10:00");
  o.now = k0800 + 100 * kMinute;  // 09:40: check-in opens 30 minutes before the slot
  const int64_t early_walk_in = o.issue("B");
  o.now = k0800 + 110 * kMinute;  // 09:50
  const int64_t booked = checkin(o, b.code);
  CHECK(o.ticket(booked).queue_at == k0800 + 120 * kMinute);  // its place is 10:00
  const int64_t walk_in_0950 = o.issue("B");
  o.now = k0800 + 125 * kMinute;  // 10:05
  const int64_t late_walk_in = o.issue("B");
  std::vector<int64_t> order;
  for (const Ticket* t : waiting_in_service(o.state, "B")) order.push_back(t->id);
  CHECK(order == std::vector<int64_t>{early_walk_in, walk_in_0950, booked, late_walk_in});
  // And the counter calls in that order.
  o.open(2);
  CHECK(o.call_next(2) == o.ticket(early_walk_in).label());
  CHECK(o.state.bookings.at(b.id).state == "checked_in");
  CHECK(o.state.bookings.at(b.id).ticket_id == booked);
  const BookingCounts c = booking_counts(o.state, "B", kMonday);
  CHECK(c.checked_in == 1);
  CHECK(c.booked == 0);
}

TEST_CASE("booking: late arrivals follow the office's rule") {
  for (const std::string rule : {"keep_place", "as_walk_in"}) {
    CAPTURE(rule);
    TestOffice o = booking_office(k0800, rule);
    const Booking b = book(o, kMonday, "10:00");
    o.now = k0800 + 130 * kMinute;  // 10:10, within the grace of 15
    const int64_t t = checkin(o, b.code);
    CHECK(o.ticket(t).queue_at == (rule == "keep_place" ? k0800 + 120 * kMinute : o.now));
    CHECK(o.ticket(t).history.front().note.find("late") != std::string::npos);
  }
}

TEST_CASE("booking: not checked in by the end of the grace, it expires and is counted") {
  TestOffice o = booking_office();
  const Booking b = book(o, kMonday, "10:00");
  const Booking other = book(o, kMonday, "11:00");
  o.now = k0800 + 134 * kMinute;  // 10:14
  tick(o);
  CHECK(o.state.bookings.at(b.id).state == "booked");
  o.now = k0800 + 135 * kMinute;  // 10:15: the grace ended
  tick(o);
  CHECK(o.state.bookings.at(b.id).state == "expired");
  CHECK(o.state.bookings.at(other.id).state == "booked");
  CHECK(booking_counts(o.state, "B", kMonday).expired == 1);
  CHECK(booking_counts_json(o.state)["B"]["expired"] == 1);
  auto late = o.run(cmd::booking_checkin, {{"code", b.code}}, "kiosk");
  REQUIRE_FALSE(late.ok());
  CHECK(late.error().reason.find("expired at 10:15") != std::string::npos);
  CHECK(bookings_holding_room(o.state, "B", o.now) == 1);  // the expired one gave its room back
}

TEST_CASE("booking: check-in refusals say why and change nothing") {
  TestOffice o = booking_office();
  const Booking today = book(o, kMonday, "10:00");
  const Booking tomorrow = book(o, kTuesday, "10:00");
  o.refused(cmd::booking_checkin, {{"code", "K7M2QX"}}, proto::err::bad_request);  // a come-back code's length
  o.refused(cmd::booking_checkin, {{"code", "K7M2QX9O"}}, proto::err::bad_request);  // O is not in the alphabet
  o.refused(cmd::booking_checkin, {{"code", 42}}, proto::err::bad_request);
  o.refused(cmd::booking_checkin, {{"code", "K7M2QX9P"}}, proto::err::not_found);
  o.refused(cmd::booking_checkin, {{"code", today.code}}, proto::err::illegal_state);  // 08:00: opens 09:30
  auto early = o.run(cmd::booking_checkin, {{"code", today.code}}, "kiosk");
  CHECK(early.error().reason.find("opens at 09:30") != std::string::npos);
  o.refused(cmd::booking_checkin, {{"code", tomorrow.code}}, proto::err::illegal_state);
  o.now = k0800 + 95 * kMinute;
  // Typed loosely: lower case, a dash in the middle.
  const std::string typed = today.code.substr(0, 4) + "-" + today.code.substr(4);
  std::string lower = typed;
  for (char& c : lower) c = char(std::tolower(static_cast<unsigned char>(c)));
  checkin(o, lower);
  o.refused(cmd::booking_checkin, {{"code", today.code}}, proto::err::illegal_state);  // used
}

TEST_CASE("booking: the citizen cancels with the link's token") {
  TestOffice o = booking_office();
  const Booking b = book(o, kTuesday, "10:00");
  o.refused(cmd::booking_cancel, {{"token", "nope"}}, proto::err::not_found);
  o.ok(cmd::booking_cancel, {{"token", b.token}});
  CHECK(o.state.bookings.at(b.id).state == "cancelled");
  CHECK(o.state.bookings.at(b.id).cancelled_by == "citizen");
  CHECK(booking_slots(o.state, "B", kTuesday)[2].taken == 0);  // its place is free again
  o.refused(cmd::booking_cancel, {{"token", b.token}}, proto::err::illegal_state);
}

TEST_CASE("booking: the office moves a day's bookings in one action, all or nothing") {
  TestOffice o = booking_office();
  const Booking a = book(o, kTuesday, "10:00");
  const Booking b = book(o, kTuesday, "10:00");
  const Booking c = book(o, kTuesday, "13:00");
  // Wednesday's 10:00 has room for one more only: the second goes to the nearest slot.
  const std::string wednesday = "2026-11-25";
  for (int i = 0; i < 3; ++i) book(o, wednesday, "10:00");
  auto moved = plan_booking_move(o.state, "B", kTuesday, wednesday, o.now);
  REQUIRE(moved.ok());
  REQUIRE(moved->size() == 3);
  CHECK((*moved)[0].id == a.id);
  CHECK(hhmm((*moved)[0].slot_min) == "10:00");
  CHECK(hhmm((*moved)[1].slot_min) == "11:00");  // 09:00 and 11:00 are as near: the later
  CHECK(hhmm((*moved)[2].slot_min) == "13:00");
  for (const Booking& x : *moved) {
    CHECK(x.date == wednesday);
    CHECK(x.state == "booked");
    CHECK(x.code == o.state.bookings.at(x.id).code);  // the code stays valid
  }
  CHECK((*moved)[2].moved_from == kTuesday + " 13:00");
  // No room for all: nothing moves, the reason says how many fit.
  o.state.services.at("B").daily_quota = 10;  // 5 bookings a day, 3 taken on Wednesday
  auto none = plan_booking_move(o.state, "B", kTuesday, wednesday, o.now);
  REQUIRE_FALSE(none.ok());
  CHECK(none.error().reason.find("room for 2 of the 3") != std::string::npos);
  CHECK(none.error().code == proto::err::quota_exhausted);
  o.state.services.at("B").daily_quota = 0;
  // Cancelled instead.
  auto cancelled = plan_booking_move(o.state, "B", kTuesday, "", o.now);
  REQUIRE(cancelled.ok());
  for (const Booking& x : *cancelled) {
    CHECK(x.state == "cancelled");
    CHECK(x.cancelled_by == "office");
  }
  CHECK_FALSE(plan_booking_move(o.state, "B", kSaturday, "", o.now).ok());  // none that day
  CHECK(plan_booking_move(o.state, "B", kTuesday, kSaturday, o.now).error().code == proto::err::office_closed);
  CHECK(plan_booking_move(o.state, "B", kTuesday, kTuesday, o.now).error().code == proto::err::bad_request);
  (void)b;
  (void)c;
}

TEST_CASE("booking: a moved booking whose booker holds one on the new day is cancelled, taking no room") {
  TestOffice o = booking_office();
  const Booking a = book(o, kTuesday, "10:00");
  const Booking b = book(o, kTuesday, "11:00");
  const std::string wednesday = "2026-11-25";
  for (int i = 0; i < 4; ++i) book(o, wednesday, "10:00");  // Wednesday 10:00 full
  o.state.services.at("B").daily_quota = 10;                // 5 bookings a day: room for one more
  // Without the rule both need room: only one fits, nothing moves.
  CHECK(plan_booking_move(o.state, "B", kTuesday, wednesday, o.now).error().code == proto::err::quota_exhausted);
  // a's booker has a Wednesday booking already: a is cancelled, b moves into the one place.
  auto moved = plan_booking_move(o.state, "B", kTuesday, wednesday, o.now, {a.id});
  REQUIRE(moved.ok());
  REQUIRE(moved->size() == 2);
  const Booking& dup = (*moved)[0].id == a.id ? (*moved)[0] : (*moved)[1];
  const Booking& mv = (*moved)[0].id == b.id ? (*moved)[0] : (*moved)[1];
  CHECK(dup.state == "cancelled");
  CHECK(dup.cancelled_by == "duplicate");
  CHECK(dup.date == kTuesday);  // not moved: cancelled on its own day
  CHECK(dup.moved_from.empty());
  CHECK(mv.state == "booked");
  CHECK(mv.date == wednesday);
  CHECK(hhmm(mv.slot_min) == "11:00");
  // Every booking a duplicate: all cancelled, none placed.
  auto all = plan_booking_move(o.state, "B", kTuesday, wednesday, o.now, {a.id, b.id});
  REQUIRE(all.ok());
  for (const Booking& x : *all) CHECK(x.cancelled_by == "duplicate");
}

TEST_CASE("booking: codes and links never leave in a published event or a snapshot") {
  TestOffice o = booking_office();
  const Booking b = book(o, kTuesday, "10:00");
  Event e;
  e.type = std::string(proto::ev::booking_created);
  e.data = {{"bookings", {to_json(b, true)}}};
  const std::string published = event_to_json(e, true).dump();
  CHECK(published.find(b.code) == std::string::npos);
  CHECK(published.find(b.token) == std::string::npos);
  const std::string snapshot = state_to_json(o.state, true, false).dump();
  CHECK(snapshot.find(b.code) == std::string::npos);
  CHECK(snapshot.find(b.token) == std::string::npos);
  CHECK(normalize_booking_code(b.code) == b.code);
  CHECK(b.code.size() == kBookingCodeLength);
}

TEST_CASE("booking: the NIK is checked and kept only as a keyed hash") {
  CHECK(normalize_nik("3201 0145 0190 0001").value() == "3201014501900001");
  CHECK(normalize_nik("3201.01.550190.0001").ok());  // a woman's: day + 40
  for (const char* bad : {"320101450190001", "32010145019000011", "0901014501900001", "3201013501900001",
                          "3201014513900001", "3201O14501900001"}) {
    CAPTURE(bad);
    auto r = normalize_nik(bad);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().reason.find("args.nik") == 0);
    CHECK(r.error().reason.find(bad) == std::string::npos);  // never repeats the number
  }
  const std::string k1 = new_nik_key(), k2 = new_nik_key();
  CHECK(nik_hash("3201014501900001", k1) == nik_hash("3201014501900001", k1));
  CHECK(nik_hash("3201014501900001", k1) != nik_hash("3201014501900001", k2));  // keyed
  CHECK(nik_hash("3201014501900001", k1).find("3201014501900001") == std::string::npos);
  CHECK(normalize_person_name("  Siti Aminah ").value() == "Siti Aminah");
  CHECK_FALSE(normalize_person_name("S").ok());
  CHECK_FALSE(normalize_person_name("<script>").ok());
}
