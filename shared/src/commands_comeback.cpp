// Rules for the come-back list (comeback.h): join it while a service is halted or out
// of numbers, and check in with the code when invited. The invitations and their
// expiry are the hub's own (comeback_tick_events), as time passes.
//
// Personal data: the list holds no phone number or name. A phone number for the
// invitation message belongs in the outbox's store (issue 17 part 2), keyed by the
// entry's id, never in this log or its events.
#include <algorithm>

#include "antrian/comeback.h"
#include "antrian/office_time.h"
#include "antrian/queue_rules.h"
#include "antrian/secrets.h"
#include "command_support.h"

namespace antrian::detail {
namespace {

std::string when_text(const OfficeState& s, int64_t at_ms, int64_t now_ms) {
  const int tz = offset_hours(s);
  const std::string time = format_hhmm(at_ms, tz);
  if (business_day(at_ms, tz) == business_day(now_ms, tz)) return time;
  return time + " on " + business_day(at_ms, tz);
}

}  // namespace

Result<Decision> cmd_comeback_join(const OfficeState& s, const json& a, const CommandContext& ctx) {
  ComebackEntry e;
  e.joined_at = ctx.now_ms;
  e.via = "kiosk";
  if (a.contains("token")) {
    // A ticket a bulk move closed: the token of its status page (the QR the citizen
    // holds) proves it is theirs; the entry keeps the ticket's place in line.
    auto token = get_string(a, "token", 64);
    if (!token) return token.error();
    const TicketIndex& ix = ticket_index(s);
    auto it = ix.by_token.find(*token);
    if (it == ix.by_token.end()) return not_found("no ticket of today has that status-page code");
    const Ticket& t = s.tickets.at(it->second);
    if (t.state != TicketState::cancelled)
      return illegal("ticket " + t.label() + " is " + std::string(to_string(t.state)) +
                     ": only a ticket closed by a bulk move joins the come-back list");
    for (const auto& [_, x] : s.comeback)
      if (x.from_ticket == t.id) return illegal("ticket " + t.label() + " is on the come-back list already");
    if (auto svc = opt_string(a, "service"); svc && *svc != t.service)
      return bad_arg("service", "ticket " + t.label() + " is of service " + t.service + ", not " + *svc);
    e.service = t.service;
    e.joined_at = t.queue_at;
    e.from_ticket = t.id;
    e.via = "bulk_move";
  } else {
    auto code = get_string(a, "service", 3);
    if (!code) return code.error();
    e.service = *code;
    if (a.contains("via")) {
      auto via = get_string(a, "via", 16);
      if (!via) return via.error();
      if (*via != "kiosk" && *via != "refusal") return bad_arg("via", "must be kiosk or refusal");
      e.via = *via;
    }
  }
  auto svc = s.services.find(e.service);
  if (svc == s.services.end()) return not_found("there is no service \"" + e.service + "\"");
  if (e.via != "bulk_move" && !comeback_can_join(s, e.service, ctx.now_ms))
    return illegal(svc->second.name_en + " gives numbers now: take a ticket instead of joining the come-back list");
  e.id = s.next_comeback_id;
  e.code = new_comeback_code(s);
  const int position = comeback_position(s, e);

  Decision d;
  d.result["code"] = e.code;
  d.result["entry"] = to_json(e, true);
  d.result["position"] = position;
  d.events.push_back(make_event(proto::ev::comeback_joined, ctx, actor_of(s, ctx, 0),
                                {{"comeback_id", e.id}, {"service", e.service}, {"via", e.via},
                                 {"comeback", {to_json(e, true)}}}));
  return d;
}

Result<Decision> cmd_comeback_checkin(const OfficeState& s, const json& a, const CommandContext& ctx) {
  auto typed = get_string(a, "code", 32);
  if (!typed) return typed.error();
  auto code = normalize_comeback_code(*typed);
  if (!code)
    return bad_arg("code", "must be 6 letters and digits like K7M2QX (no 0, O, 1, I or L)");
  const ComebackEntry* found = nullptr;
  for (const auto& [_, x] : s.comeback)
    if (x.code == *code) found = &x;
  if (!found) return not_found("no come-back code " + *code + ": check the code on the paper");
  const ComebackEntry& e = *found;
  if (e.state == "came") {
    auto t = s.tickets.find(e.ticket_id);
    return illegal("code " + *code + " was used already at " + when_text(s, e.ended_at, ctx.now_ms) +
                   (t != s.tickets.end() ? " (ticket " + t->second.label() + ")" : std::string()));
  }
  if (e.state == "expired" || (e.state == "invited" && ctx.now_ms >= e.window_until))
    return illegal("the invitation of code " + *code + " ended at " + when_text(s, e.window_until, ctx.now_ms) +
                   ": join the come-back list again or take a ticket");
  if (e.state == "waiting")
    return illegal("code " + *code + " is not invited yet: the service is not back, the office says when to come");
  if (ctx.now_ms < e.window_from)
    return illegal("code " + *code + " is invited between " + when_text(s, e.window_from, ctx.now_ms) + " and " +
                   format_hhmm(e.window_until, offset_hours(s)) + ", not yet");
  auto svc = s.services.find(e.service);
  if (svc == s.services.end()) return not_found("there is no service \"" + e.service + "\" any more");
  const Service& service = svc->second;
  auto next = next_number(s, service);
  if (!next) return next.error();
  const int number = *next;

  // The invitation reserved its room (plan_invitations): no quota check again here.
  // The place it had when it joined (or its bulk-moved ticket's).
  Ticket t = new_ticket(s, service, number, e.joined_at, ctx);
  const std::string actor = actor_of(s, ctx, 0);
  t.history.push_back(step("issued", ctx, 0, actor, "come-back list"));
  ComebackEntry done = e;
  done.state = "came";
  done.ticket_id = t.id;
  done.ended_at = ctx.now_ms;

  Decision d;
  d.result["ticket"] = to_json(t, true);
  d.result["ahead"] = ahead_of(s, t);
  d.result["entry"] = to_json(done, false);
  d.events.push_back(make_event(proto::ev::comeback_checked_in, ctx, actor,
                                {{"comeback_id", e.id},
                                 {"ticket_id", t.id},
                                 {"tickets", {to_json(t, true)}},
                                 {"last_number", {{service.prefix, number}}},
                                 {"comeback", {to_json(done, true)}}}));
  return d;
}

}  // namespace antrian::detail
