// Rules for lokets: sign in with a PIN, sign out, take a break, come back.
#include "antrian/forecast.h"
#include "antrian/secrets.h"
#include "command_support.h"

namespace antrian::detail {
namespace {

Decision counter_changed(const Counter& c, const std::string& actor, const CommandContext& ctx,
                         std::string_view what) {
  Decision d;
  d.result["counter"] = to_json(c);
  d.events.push_back(make_event(proto::ev::counter_changed, ctx, actor,
                                {{"counter", c.number}, {"what", what}, {"counters", {to_json(c)}}}));
  return d;
}

bool holds_open_ticket(const OfficeState& s, const Counter& c) {
  auto t = s.tickets.find(c.current_ticket);
  return c.current_ticket != 0 && t != s.tickets.end() && t->second.is_open();
}

}  // namespace

Result<Decision> cmd_sign_in(const OfficeState& s, const json& a, const CommandContext& ctx) {
  auto c = find_counter(s, a);
  if (!c) return c.error();
  auto staff = get_string(a, "staff", 64);
  if (!staff) return staff.error();
  auto pin = get_string(a, "pin", 64);
  if (!pin) return pin.error();
  auto member = s.staff.find(*staff);
  // One answer for an unknown name and a wrong PIN: do not reveal which it was.
  if (member == s.staff.end() || !member->second.active || !verify_pin(member->second.pin_hash, *pin))
    return make_error(std::string(proto::err::auth_failed), "unknown staff member or wrong PIN");
  if (!(*c)->staff.empty() && (*c)->staff != *staff && (*c)->state != CounterState::closed)
    return illegal((*c)->name + " is signed in by " + (*c)->staff + ": they must sign out first");
  for (const auto& [n, other] : s.counters)
    if (n != (*c)->number && other.staff == *staff && other.state != CounterState::closed)
      return illegal(*staff + " is signed in at " + other.name + ": sign out there first");
  Counter cc = **c;
  cc.staff = *staff;
  if (cc.state == CounterState::closed) cc.state = CounterState::open;
  return counter_changed(cc, "staff:" + *staff + "@loket" + std::to_string(cc.number), ctx, "signed_in");
}

Result<Decision> cmd_sign_out(const OfficeState& s, const json& a, const CommandContext& ctx) {
  auto c = find_counter(s, a);
  if (!c) return c.error();
  if ((*c)->state == CounterState::closed) return illegal((*c)->name + " is not signed in");
  if (holds_open_ticket(s, **c))
    return illegal((*c)->name + " still has a ticket: finish it, mark it no-show or transfer it first");
  const std::string actor = actor_of(s, ctx, (*c)->number);
  Counter cc = **c;
  cc.state = CounterState::closed;
  cc.staff.clear();
  cc.current_ticket = 0;
  return counter_changed(cc, actor, ctx, "signed_out");
}

Result<Decision> cmd_pause(const OfficeState& s, const json& a, const CommandContext& ctx) {
  auto c = find_counter(s, a);
  if (!c) return c.error();
  if ((*c)->state != CounterState::open)
    return illegal((*c)->name + " is " + std::string(to_string((*c)->state)) + ", not open");
  if (holds_open_ticket(s, **c))
    return illegal((*c)->name + " still has a ticket: finish it, mark it no-show or transfer it first");
  // How long the break lasts (the forecast brings the loket back then); a usual break
  // when not said.
  int64_t break_ms = kAssumedBreakMs;
  if (a.contains("minutes")) {
    auto m = get_int(a, "minutes", 1, 480);
    if (!m) return m.error();
    break_ms = *m * 60'000;
  }
  Counter cc = **c;
  cc.state = CounterState::paused;
  cc.break_until = ctx.now_ms + break_ms;
  return counter_changed(cc, actor_of(s, ctx, cc.number), ctx, "paused");
}

Result<Decision> cmd_resume(const OfficeState& s, const json& a, const CommandContext& ctx) {
  auto c = find_counter(s, a);
  if (!c) return c.error();
  if ((*c)->state != CounterState::paused) return illegal((*c)->name + " is not on a break");
  Counter cc = **c;
  cc.state = CounterState::open;
  cc.break_until = 0;
  return counter_changed(cc, actor_of(s, ctx, cc.number), ctx, "resumed");
}

}  // namespace antrian::detail
