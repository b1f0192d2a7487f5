// Rules for the information desk: bring a no-show back into line, find a ticket by
// its number, free a loket whose PC crashed.
//
// The office's rule for a ticket that goes back into line (a returned no-show, or the
// ticket a force-signed-out loket held): it keeps its number, token and priority and
// gets its own place in line back (its original queue_at), so it stands before
// everyone of its service who took a number after it; the next call for its service
// takes it, unless a priority ticket or one sent to that loket is waiting.
#include "antrian/desk_rules.h"
#include "antrian/forecast.h"
#include "antrian/office_time.h"
#include "antrian/queue_rules.h"
#include "command_support.h"

namespace antrian::detail {
namespace {

// The ticket back to waiting at its own place in line.
Ticket back_in_line(Ticket t, const std::string& what, const CommandContext& ctx, int counter,
                    const std::string& actor, std::string note) {
  t.state = TicketState::waiting;
  t.counter = 0;
  t.target_counter = 0;
  t.called_at = t.started_at = t.ended_at = 0;
  t.recalls = 0;
  t.history.push_back(step(what, ctx, counter, actor, std::move(note)));
  return t;
}

const Ticket* ticket_by_label(const OfficeState& s, const std::string& label) {
  const TicketIndex& ix = ticket_index(s);  // the newest ticket of the label (after transfers)
  auto it = ix.by_label.find(label);
  return it == ix.by_label.end() ? nullptr : &s.tickets.at(it->second);
}

}  // namespace

Result<Decision> cmd_restore_no_show(const OfficeState& s, const json& a, const CommandContext& ctx) {
  auto it = a.find("ticket");
  if (it == a.end()) return bad_arg("ticket", "missing (a ticket id or a number like A-006)");
  const Ticket* t = nullptr;
  if (it->is_number_integer()) {
    auto found = s.tickets.find(it->get<int64_t>());
    if (found != s.tickets.end()) t = &found->second;
  } else if (it->is_string()) {
    auto label = normalize_ticket_number(it->get<std::string>());
    if (!label) return bad_arg("ticket", "\"" + it->get<std::string>().substr(0, 20) + "\" is not a ticket number like A-006");
    t = ticket_by_label(s, *label);
  } else {
    return bad_arg("ticket", "must be a ticket id or a number like A-006");
  }
  if (!t) return not_found("no ticket " + it->dump() + " today");
  // A loket brings back only the no-shows it marked itself; an admin (the desk) any.
  int counter = 0;
  if (a.contains("counter")) {
    auto c = find_counter(s, a);
    if (!c) return c.error();
    counter = (*c)->number;
  }
  if (ctx.role != proto::role::admin) {
    if (counter == 0) return bad_arg("counter", "missing: a loket brings back the no-shows it marked itself");
    if (t->state == TicketState::no_show && t->counter != counter)
      return make_error(std::string(proto::err::forbidden),
                        t->label() + " was marked a no-show by loket " + std::to_string(t->counter) +
                            "; only that loket or the information desk (an admin) may bring it back");
  }
  const NoShowReturn rule = no_show_return(s, *t, ctx.now_ms);
  if (!rule.allowed) return illegal(rule.reason_en);
  const std::string actor = actor_of(s, ctx, counter);
  const int marked_by = t->counter;
  const Ticket back = back_in_line(*t, "restored", ctx, counter, actor, "");
  Decision d;
  d.result["ticket"] = to_json(back, false);
  d.result["ahead"] = ahead_of(s, back);  // before it goes in: the same for a ticket at its place
  d.events.push_back(make_event(proto::ev::ticket_restored, ctx, actor,
                                {{"ticket_id", back.id}, {"counter", marked_by}, {"tickets", {to_json(back, true)}}}));
  return d;
}

Result<Decision> cmd_ticket_find(const OfficeState& s, const json& a, const CommandContext& ctx) {
  auto text = get_string(a, "number", 20);
  if (!text) return text.error();
  auto label = normalize_ticket_number(*text);
  if (!label) return bad_arg("number", "\"" + *text + "\" is not a ticket number like A-006");
  const Ticket* t = ticket_by_label(s, *label);
  if (!t) {
    const std::string prefix = label->substr(0, label->find('-'));
    auto last = s.last_number.find(prefix);
    Ticket newest;
    newest.prefix = prefix;
    newest.number = last == s.last_number.end() ? 0 : last->second;
    const std::string hint = newest.number == 0 ? " (no " + prefix + " numbers were given today)"
                                                : " (today's " + prefix + " numbers go up to " + newest.label() + ")";
    return not_found("no ticket " + *label + " today" + hint);
  }
  Decision d;
  d.result["ticket"] = to_json(*t, false);
  auto svc = s.services.find(t->service);
  d.result["service_name_id"] = svc == s.services.end() ? t->service : svc->second.name_id;
  d.result["service_name_en"] = svc == s.services.end() ? t->service : svc->second.name_en;
  auto c = s.counters.find(t->counter);
  d.result["counter_name"] = c == s.counters.end() ? json(nullptr) : json(c->second.name);
  const bool waiting = t->state == TicketState::waiting;
  d.result["ahead"] = waiting ? json(ahead_of(s, *t)) : json(nullptr);
  const auto w = waiting ? forecast_ticket_wait(s, t->id, ctx.now_ms) : std::nullopt;
  d.result["eta_s"] = w ? json(w->eta_s) : json(nullptr);
  // The times on the office's clock, as the desk reads them out.
  const int tz = offset_hours(s);
  json local = json::object();
  for (auto [name, at] : {std::pair{"issued", t->issued_at}, std::pair{"called", t->called_at},
                          std::pair{"started", t->started_at}, std::pair{"ended", t->ended_at}})
    if (at > 0) local[name] = format_hhmm(at, tz);
  d.result["local_times"] = local;
  // What the desk may do with it now, and why not.
  json actions = json::array();
  if (t->state == TicketState::no_show) {
    const NoShowReturn rule = no_show_return(s, *t, ctx.now_ms);
    if (rule.allowed) actions.push_back(proto::cmd::restore_no_show);
    d.result["no_show_return"] = {{"allowed", rule.allowed},
                                  {"until", rule.until_ms ? json(rule.until_ms) : json(nullptr)},
                                  {"until_local", rule.until_ms ? json(format_hhmm(rule.until_ms, tz)) : json(nullptr)},
                                  {"reason", rule.reason_en}};
  }
  if (t->state == TicketState::waiting || t->state == TicketState::called) actions.push_back(proto::cmd::cancel);
  d.result["actions"] = actions;
  return d;
}

Result<Decision> cmd_force_sign_out(const OfficeState& s, const json& a, const CommandContext& ctx) {
  auto c = find_counter(s, a);
  if (!c) return c.error();
  std::string reason;
  if (a.contains("reason")) {
    auto r = get_string(a, "reason", 200, true);
    if (!r) return r.error();
    reason = *r;
  }
  if ((*c)->state == CounterState::closed) return illegal((*c)->name + " is not signed in: nothing to close");
  const std::string actor = actor_of(s, ctx, 0);  // the admin who did it, not the staff signed in
  json tickets = json::array();
  std::string returned;
  auto held = s.tickets.find((*c)->current_ticket);
  if ((*c)->current_ticket != 0 && held != s.tickets.end() && held->second.is_open()) {
    // The applicant is still in the hall: the ticket goes back to its place in line.
    // (The reason, as typed, is what its status page shows as why it moved.)
    const Ticket back = back_in_line(held->second, "returned", ctx, (*c)->number, actor, reason);
    tickets.push_back(to_json(back, true));
    returned = back.label();
  }
  Counter cc = **c;
  cc.state = CounterState::closed;
  cc.staff.clear();
  cc.current_ticket = 0;
  cc.break_until = 0;
  Decision d;
  d.result["counter"] = to_json(cc);
  d.result["returned"] = returned.empty() ? json(nullptr) : json(returned);
  d.events.push_back(make_event(proto::ev::counter_changed, ctx, actor,
                                {{"counter", cc.number}, {"what", "force_signed_out"}, {"previous_staff", (*c)->staff},
                                 {"reason", reason}, {"counters", {to_json(cc)}}, {"tickets", tickets}}));
  return d;
}

}  // namespace antrian::detail
