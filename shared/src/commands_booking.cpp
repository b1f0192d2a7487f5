// Rules for bookings that need no personal data (booking.h): the kiosk's check-in
// with the code, and the citizen's cancel with the confirmation page's token. Making
// a booking and the office's move of a day are the hub's booking desk (they touch
// the names, numbers and NIK hashes beside the log).
#include <algorithm>
#include <tuple>

#include "antrian/booking.h"
#include "antrian/office_calendar.h"
#include "antrian/office_time.h"
#include "antrian/queue_rules.h"
#include "antrian/secrets.h"
#include "command_support.h"

namespace antrian::detail {

Result<Decision> cmd_booking_checkin(const OfficeState& s, const json& a, const CommandContext& ctx) {
  auto typed = get_string(a, "code", 32);
  if (!typed) return typed.error();
  auto code = normalize_booking_code(*typed);
  if (!code) return bad_arg("code", "must be 8 letters and digits like K7M2QX9P (no 0, O, 1, I or L)");
  const Booking* found = nullptr;
  for (const auto& [_, b] : s.bookings)
    if (b.code == *code) found = &b;
  if (!found) return not_found("no booking has code " + *code + ": check the code on the confirmation");
  const Booking& b = *found;
  const int tz = offset_hours(s);
  if (b.state == "checked_in") {
    auto t = s.tickets.find(b.ticket_id);
    return illegal("booking " + *code + " was checked in already at " + format_hhmm(b.ended_at, tz) +
                   (t != s.tickets.end() ? " (ticket " + t->second.label() + ")" : std::string()));
  }
  if (b.state == "cancelled") return illegal("booking " + *code + " was cancelled");
  const auto [opens, closes] = booking_checkin_window(s, b);
  if (b.state == "expired" || ctx.now_ms >= closes)
    return illegal("booking " + *code + " expired at " + format_hhmm(closes, tz) + " on " + b.date +
                   ": take a ticket as a walk-in");
  if (b.date != s.day) return illegal("booking " + *code + " is for " + b.date + ", not today");
  if (ctx.now_ms < opens)
    return illegal("check-in for booking " + *code + " opens at " + format_hhmm(opens, tz) + " (slot " +
                   hhmm(b.slot_min) + ")");
  auto svc = s.services.find(b.service);
  if (svc == s.services.end()) return not_found("there is no service \"" + b.service + "\" any more");
  const Service& service = svc->second;
  auto next = next_number(s, service);
  if (!next) return next.error();
  const int number = *next;

  // The booking held its room in the numbers left (bookings_holding_room): no quota check here.
  const int64_t start = booking_slot_start_ms(s, b);
  // One fair line with walk-ins: the booked time is its place.
  Ticket t = new_ticket(s, service, number, booking_queue_at(service.booking, start, ctx.now_ms), ctx);
  const std::string actor = actor_of(s, ctx, 0);
  const bool late = ctx.now_ms > start;
  t.history.push_back(step("issued", ctx, 0, actor,
                           "booking " + hhmm(b.slot_min) + (late ? (t.queue_at == start ? ", late, kept its place" : ", late, queued as a walk-in") : "")));
  Booking done = b;
  done.state = "checked_in";
  done.ticket_id = t.id;
  done.ended_at = ctx.now_ms;

  Decision d;
  d.result["ticket"] = to_json(t, true);
  d.result["ahead"] = ahead_of(s, t);
  d.result["booking"] = to_json(done, false);
  d.result["late"] = late;
  d.events.push_back(make_event(proto::ev::booking_checked_in, ctx, actor,
                                {{"booking_id", b.id},
                                 {"ticket_id", t.id},
                                 {"tickets", {to_json(t, true)}},
                                 {"last_number", {{service.prefix, number}}},
                                 {"bookings", {to_json(done, true)}}}));
  return d;
}

// By the confirmation page's token (the citizen's link), or by the code (the citizen
// asking the office, e.g. at the desk or on the phone: antrian-ctl booking-cancel --code).
Result<Decision> cmd_booking_cancel(const OfficeState& s, const json& a, const CommandContext& ctx) {
  if (a.contains("token") == a.contains("code")) return bad_arg("token", "give token (the link) or code, one of the two");
  const Booking* found = nullptr;
  if (a.contains("code")) {
    auto typed = get_string(a, "code", 32);
    if (!typed) return typed.error();
    auto code = normalize_booking_code(*typed);
    if (!code) return bad_arg("code", "must be 8 letters and digits like K7M2QX9P (no 0, O, 1, I or L)");
    for (const auto& [_, b] : s.bookings)
      if (b.code == *code) found = &b;
    if (!found) return not_found("no booking has code " + *code + ": check the code on the confirmation");
  } else {
    auto token = get_string(a, "token", 64);
    if (!token) return token.error();
    for (const auto& [_, b] : s.bookings)
      if (b.token == *token) found = &b;
    if (!found) return not_found("no open booking has this link: it may have passed or been deleted");
  }
  if (!found->is_open())
    return illegal("the booking is " + found->state + " already: nothing to cancel");
  Booking done = *found;
  done.state = "cancelled";
  done.cancelled_by = "citizen";
  done.ended_at = ctx.now_ms;
  Decision d;
  d.result["booking"] = to_json(done, false);
  d.events.push_back(make_event(proto::ev::booking_cancelled, ctx, actor_of(s, ctx, 0),
                                {{"booking_id", done.id}, {"bookings", {to_json(done, true)}}}));
  return d;
}

// A day's bookings for the office (antrian-ctl booking-day): the counts per service
// (booking.h, the one place they are counted) and each booking's slot and state. No
// code, token, name, number or NIK: this is for planning the day, not for finding people.
Result<Decision> cmd_booking_day(const OfficeState& s, const json& a, const CommandContext&) {
  auto date = get_string(a, "date", 20);
  if (!date) return date.error();
  if (!valid_date(*date)) return bad_arg("date", "must be a real date written YYYY-MM-DD");
  std::string only;
  if (a.contains("service")) {
    auto svc = get_string(a, "service", 3);
    if (!svc) return svc.error();
    auto it = s.services.find(*svc);
    if (it == s.services.end()) return not_found("there is no service \"" + *svc + "\"");
    if (!it->second.booking.enabled) return illegal("service " + *svc + " takes no bookings");
    only = *svc;
  }
  Decision d;
  d.result["date"] = *date;
  d.result["counts"] = json::object();
  for (const auto& [code, svc] : s.services)
    if (svc.booking.enabled && (only.empty() || code == only))
      d.result["counts"][code] = to_json(booking_counts(s, code, *date));
  std::vector<const Booking*> list;
  for (const auto& [_, b] : s.bookings)
    if (b.date == *date && (only.empty() || b.service == only)) list.push_back(&b);
  std::sort(list.begin(), list.end(), [](const Booking* x, const Booking* y) {
    return std::tie(x->service, x->slot_min, x->id) < std::tie(y->service, y->slot_min, y->id);
  });
  json rows = json::array();
  for (const Booking* b : list) {
    json row = {{"id", b->id},       {"service", b->service},       {"slot", hhmm(b->slot_min)},
                {"state", b->state}, {"moved_from", b->moved_from}, {"cancelled_by", b->cancelled_by}};
    auto t = s.tickets.find(b->ticket_id);
    if (t != s.tickets.end()) row["ticket"] = t->second.label();
    rows.push_back(row);
  }
  d.result["bookings"] = rows;
  return d;
}

}  // namespace antrian::detail
