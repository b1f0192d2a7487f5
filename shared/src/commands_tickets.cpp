// Rules for tickets: issue, call, recall, start, finish, no-show, transfer, cancel.
#include <algorithm>

#include "antrian/capacity.h"
#include "antrian/eta.h"
#include "antrian/forecast.h"
#include "antrian/office_calendar.h"
#include "antrian/office_time.h"
#include "antrian/queue_rules.h"
#include "antrian/secrets.h"
#include "antrian/service_health.h"
#include "command_support.h"

namespace antrian::detail {
namespace {

std::string service_list(const OfficeState& s) {
  std::string out;
  for (const auto& [code, _] : s.services) out += (out.empty() ? "" : ", ") + code;
  return out;
}

bool serves(const Counter& c, const std::string& service) {
  return std::find(c.services.begin(), c.services.end(), service) != c.services.end();
}

// A loket that may call: signed in and not on a break, with nobody at the desk.
Result<Ok> ready_to_call(const OfficeState& s, const Counter& c) {
  if (c.state == CounterState::closed) return illegal(c.name + " is closed: sign in first");
  if (c.state == CounterState::paused) return illegal(c.name + " is on a break: resume it first");
  auto cur = s.tickets.find(c.current_ticket);
  if (c.current_ticket != 0 && cur != s.tickets.end() && cur->second.is_open())
    return illegal(c.name + " still has " + cur->second.label() +
                   ": finish it, mark it no-show or transfer it first");
  return Ok{};
}

Decision called(const OfficeState& s, const Counter& c, Ticket t, const CommandContext& ctx) {
  const std::string actor = actor_of(s, ctx, c.number);
  t.state = TicketState::called;
  t.called_at = ctx.now_ms;
  t.counter = c.number;
  t.history.push_back(step("called", ctx, c.number, actor));
  Counter cc = c;
  cc.current_ticket = t.id;
  Decision d;
  d.result["ticket"] = to_json(t, false);
  d.events.push_back(make_event(proto::ev::ticket_called, ctx, actor,
                                {{"ticket_id", t.id}, {"counter", c.number},
                                 {"tickets", {to_json(t, true)}}, {"counters", {to_json(cc)}}}));
  return d;
}

// Ends the loket's current ticket in `state` ("done", "no_show").
Decision closed_by_counter(const OfficeState& s, const Counter& c, Ticket t, TicketState state,
                           std::string_view type, const CommandContext& ctx, json extra = {}) {
  const std::string actor = actor_of(s, ctx, c.number);
  t.state = state;
  t.ended_at = ctx.now_ms;
  t.history.push_back(step(std::string(to_string(state)), ctx, c.number, actor));
  Counter cc = c;
  cc.current_ticket = 0;
  json data = {{"ticket_id", t.id}, {"counter", c.number}, {"tickets", {to_json(t, true)}},
               {"counters", {to_json(cc)}}};
  if (extra.is_object()) data.update(extra);
  Decision d;
  d.result["ticket"] = to_json(t, false);
  d.events.push_back(make_event(type, ctx, actor, data));
  return d;
}

}  // namespace

// A ticket of today by id (number) or by label ("A-001"; the open one after transfers).
Result<const Ticket*> find_ticket(const OfficeState& s, const json& args) {
  auto it = args.find("ticket");
  if (it == args.end()) return bad_arg("ticket", "missing (a ticket id or a label like A-001)");
  const Ticket* found = nullptr;
  if (it->is_number_integer()) {
    auto t = s.tickets.find(it->get<int64_t>());
    if (t != s.tickets.end()) found = &t->second;
  } else if (it->is_string()) {
    const std::string label = it->get<std::string>();
    if (label.size() > 16) return bad_arg("ticket", "too long for a ticket label");
    const TicketIndex& ix = ticket_index(s);  // the newest ticket of the label (after transfers)
    if (auto l = ix.by_label.find(label); l != ix.by_label.end()) found = &s.tickets.at(l->second);
  } else {
    return bad_arg("ticket", "must be a ticket id or a label like A-001");
  }
  if (!found) return not_found("no ticket " + it->dump() + " today");
  return found;
}

std::string issuing_closed_reason(const OfficeState& s, const Service& service, const IssuingStatus& st,
                                  int64_t now_ms) {
  std::string why;
  switch (st.why) {
    case IssuingClosed::day_off: why = "the office is closed today"; break;
    case IssuingClosed::holiday: why = "the office is closed today" + (st.reason_en.empty() ? "" : " (" + st.reason_en + ")"); break;
    case IssuingClosed::before_opening: why = "the office is not open yet"; break;
    case IssuingClosed::on_break: why = "it is the " + (st.reason_en.empty() ? std::string("break") : st.reason_en); break;
    case IssuingClosed::service_window: why = "its numbers are given only part of the day"; break;
    case IssuingClosed::cutoff: why = "the last numbers of today have been given (closing time is near)"; break;
    case IssuingClosed::after_closing: why = "the office has closed for today"; break;
    case IssuingClosed::service_off: return service.name_en + " is closed today";
    case IssuingClosed::none: break;
  }
  std::string out = "no numbers for " + service.name_en + " now: " + why;
  if (st.next_open_ms)
    out += "; numbers are given again " + format_next_opening(*st.next_open_ms, now_ms, offset_hours(s), Lang::en);
  return out;
}

Result<Decision> cmd_issue(const OfficeState& s, const json& a, const CommandContext& ctx) {
  auto code = get_string(a, "service", 3);
  if (!code) return code.error();
  auto svc = s.services.find(*code);
  if (svc == s.services.end())
    return not_found("there is no service \"" + *code + "\" (services: " + service_list(s) + ")");
  if (!svc->second.enabled)
    return make_error(std::string(proto::err::service_halted), svc->second.name_en + " is closed today");
  Priority p = Priority::reguler;
  if (auto pr = opt_string(a, "priority"); pr && !parse(*pr, p))
    return bad_arg("priority", "must be reguler, lansia, disabilitas or ibu_hamil");
  if (a.contains("priority") && !a["priority"].is_string())
    return bad_arg("priority", "must be reguler, lansia, disabilitas or ibu_hamil");

  const Service& service = svc->second;
  // The office's calendar first: after hours nothing else matters.
  const OfficeCalendar calendar(s);
  if (const IssuingStatus open = calendar.issuing(service.code, ctx.now_ms); !open.open)
    return make_error(std::string(proto::err::office_closed), issuing_closed_reason(s, service, open, ctx.now_ms));
  const CapacityLeft left = tickets_left_today(s, service.code, ctx.now_ms);
  if (left.tickets && *left.tickets <= 0) {
    std::string reason = service.name_en + ": ";
    if (left.limited_by == LimitedBy::quota)
      reason += "today's quota (" + std::to_string(service.daily_quota) + " tickets) is used up";
    else if (left.limited_by == LimitedBy::blangko)
      reason += "no blank e-KTP cards (blangko) are left for more tickets today";
    else
      reason += "the lokets cannot serve more applicants before closing time";
    if (!service.alternative_en.empty()) reason += ". " + service.alternative_en;
    return make_error(std::string(proto::err::quota_exhausted), reason);
  }
  auto next = next_number(s, service);
  if (!next) return next.error();
  const int number = *next;

  Ticket t = new_ticket(s, service, number, ctx.now_ms, ctx);
  t.priority = p;
  // The figure the kiosk showed ("the wait if you took one now"): the hub's forecast,
  // or, when that is not up to date (every issue after the first in a group commit, a
  // clock that jumped), the same figure's one run played now.
  const std::optional<WaitFigure> wait = forecast_current(s, ctx.now_ms)
                                             ? forecast_new_wait(s, service.code, p, ctx.now_ms)
                                             : new_ticket_wait_now(s, service.code, p, ctx.now_ms);
  if (wait) t.eta_s_at_issue = wait->eta_s;
  const std::string actor = actor_of(s, ctx, 0);
  t.history.push_back(step("issued", ctx, 0, actor));

  Decision d;
  d.result["ticket"] = to_json(t, true);  // the kiosk needs the token for the QR
  d.result["eta_s"] = t.eta_s_at_issue ? json(*t.eta_s_at_issue) : json(nullptr);
  d.result["eta_low_s"] = wait ? json(wait->low_s) : json(nullptr);
  d.result["eta_high_s"] = wait ? json(wait->high_s) : json(nullptr);
  d.result["ahead"] = ahead_of(s, t);
  d.result["status"] = to_string(service_health(s, service.code).status);
  d.events.push_back(make_event(proto::ev::ticket_issued, ctx, actor,
                                {{"ticket_id", t.id}, {"tickets", {to_json(t, true)}},
                                 {"last_number", {{service.prefix, number}}}}));
  return d;
}

Result<Decision> cmd_call_next(const OfficeState& s, const json& a, const CommandContext& ctx) {
  auto c = find_counter(s, a);
  if (!c) return c.error();
  if (auto r = ready_to_call(s, **c); !r) return r.error();
  auto next = next_for_counter(s, (*c)->number);
  if (!next) {
    std::string list;
    for (const std::string& sv : (*c)->services) list += (list.empty() ? "" : ", ") + sv;
    return make_error(std::string(proto::err::queue_empty),
                      "nobody is waiting for " + (*c)->name + "'s services (" + list + ")");
  }
  return called(s, **c, s.tickets.at(*next), ctx);
}

Result<Decision> cmd_call(const OfficeState& s, const json& a, const CommandContext& ctx) {
  auto c = find_counter(s, a);
  if (!c) return c.error();
  auto t = find_ticket(s, a);
  if (!t) return t.error();
  if (auto r = ready_to_call(s, **c); !r) return r.error();
  const Ticket& tk = **t;
  if (tk.state != TicketState::waiting)
    return illegal(tk.label() + " is " + std::string(to_string(tk.state)) + ", not waiting");
  if (tk.target_counter != 0 && tk.target_counter != (*c)->number)
    return illegal(tk.label() + " was transferred to loket " + std::to_string(tk.target_counter));
  if (tk.target_counter == 0 && !serves(**c, tk.service))
    return illegal(tk.label() + " is for service " + tk.service + ", which " + (*c)->name + " does not serve");
  return called(s, **c, tk, ctx);
}

Result<Decision> cmd_recall(const OfficeState& s, const json& a, const CommandContext& ctx) {
  auto c = find_counter(s, a);
  if (!c) return c.error();
  auto cur = current_ticket(s, **c);
  if (!cur) return cur.error();
  Ticket t = **cur;
  if (t.state != TicketState::called)
    return illegal(t.label() + " is already being served; a recall is for a called ticket");
  const std::string actor = actor_of(s, ctx, (*c)->number);
  t.recalls += 1;
  t.history.push_back(step("recalled", ctx, (*c)->number, actor));
  Decision d;
  d.result["ticket"] = to_json(t, false);
  d.events.push_back(make_event(proto::ev::ticket_recalled, ctx, actor,
                                {{"ticket_id", t.id}, {"counter", (*c)->number},
                                 {"recalls", t.recalls}, {"tickets", {to_json(t, true)}}}));
  return d;
}

Result<Decision> cmd_start(const OfficeState& s, const json& a, const CommandContext& ctx) {
  auto c = find_counter(s, a);
  if (!c) return c.error();
  auto cur = current_ticket(s, **c);
  if (!cur) return cur.error();
  Ticket t = **cur;
  if (t.state != TicketState::called) return illegal(t.label() + " is already being served");
  const std::string actor = actor_of(s, ctx, (*c)->number);
  t.state = TicketState::serving;
  t.started_at = ctx.now_ms;
  t.history.push_back(step("started", ctx, (*c)->number, actor));
  Decision d;
  d.result["ticket"] = to_json(t, false);
  d.events.push_back(make_event(proto::ev::ticket_started, ctx, actor,
                                {{"ticket_id", t.id}, {"counter", (*c)->number}, {"tickets", {to_json(t, true)}}}));
  return d;
}

Result<Decision> cmd_finish(const OfficeState& s, const json& a, const CommandContext& ctx) {
  auto c = find_counter(s, a);
  if (!c) return c.error();
  auto cur = current_ticket(s, **c);
  if (!cur) return cur.error();
  if ((*cur)->state != TicketState::serving)
    return illegal((*cur)->label() + " was called but not started: start serving it first, or mark it no-show");
  const double served_s = std::max<int64_t>(0, ctx.now_ms - (*cur)->started_at) / 1000.0;
  const double turn_s = std::max<int64_t>(0, ctx.now_ms - (*cur)->called_at) / 1000.0;
  const ServiceStats st = updated_stats(s, (*cur)->service, served_s, turn_s);
  json extra = {{"service_s", served_s}, {"stats", {to_json(st)}}};
  // A finished printing ticket used one blank card.
  json used = json::array();
  for (const std::string& rid : s.services.at((*cur)->service).resources) {
    auto r = s.resources.find(rid);
    if (r == s.resources.end() || r->second.kind != ResourceKind::blangko || r->second.stock <= 0) continue;
    Resource after = r->second;
    after.stock -= 1;
    used.push_back(to_json(after));
  }
  if (!used.empty()) extra["resources"] = used;
  return closed_by_counter(s, **c, **cur, TicketState::done, proto::ev::ticket_finished, ctx, extra);
}

Result<Decision> cmd_no_show(const OfficeState& s, const json& a, const CommandContext& ctx) {
  auto c = find_counter(s, a);
  if (!c) return c.error();
  auto cur = current_ticket(s, **c);
  if (!cur) return cur.error();
  if ((*cur)->state != TicketState::called)
    return illegal((*cur)->label() + " is being served, so the applicant is here: finish it instead");
  // Waiting for someone who does not come is part of the loket's turn (the forecast learns it).
  const double turn_s = std::max<int64_t>(0, ctx.now_ms - (*cur)->called_at) / 1000.0;
  json extra = {{"stats", {to_json(updated_stats(s, (*cur)->service, std::nullopt, turn_s))}}};
  return closed_by_counter(s, **c, **cur, TicketState::no_show, proto::ev::ticket_no_show, ctx, extra);
}

Result<Decision> cmd_transfer(const OfficeState& s, const json& a, const CommandContext& ctx) {
  auto c = find_counter(s, a);
  if (!c) return c.error();
  auto cur = current_ticket(s, **c);
  if (!cur) return cur.error();
  const Ticket& old = **cur;
  const bool has_service = a.contains("to_service"), has_counter = a.contains("to_counter");
  if (!has_service && !has_counter) return bad_arg("to_service", "give to_service and/or to_counter");
  std::string note;
  if (a.contains("note")) {
    auto n = get_string(a, "note", 200, true);
    if (!n) return n.error();
    note = *n;
  }
  const Counter* target = nullptr;
  if (has_counter) {
    auto n = get_int(a, "to_counter", 1, 999);
    if (!n) return n.error();
    auto it = s.counters.find(int(*n));
    if (it == s.counters.end()) return not_found("there is no loket " + std::to_string(*n));
    if (it->second.number == (*c)->number) return illegal("a ticket cannot be transferred to the loket that holds it");
    target = &it->second;
  }
  std::string service;
  if (has_service) {
    auto sv = get_string(a, "to_service", 3);
    if (!sv) return sv.error();
    if (!s.services.count(*sv)) return not_found("there is no service \"" + *sv + "\" (services: " + service_list(s) + ")");
    service = *sv;
  } else {
    service = serves(*target, old.service) ? old.service : target->services.front();
  }
  if (target && !serves(*target, service))
    return illegal(target->name + " does not serve service " + service);
  if (!target && service == old.service)
    return illegal(old.label() + " is already in service " + service + ": choose another service or a loket");

  const std::string actor = actor_of(s, ctx, (*c)->number);
  Ticket moved = old;
  moved.id = s.next_ticket_id;
  moved.service = service;
  moved.state = TicketState::waiting;
  moved.called_at = moved.started_at = moved.ended_at = 0;
  moved.counter = 0;
  moved.recalls = 0;
  moved.target_counter = target ? target->number : 0;
  moved.transferred_from = old.id;
  moved.transferred_to = 0;
  moved.history.push_back(step("transferred", ctx, (*c)->number, actor, note));
  Ticket closed = old;
  closed.state = TicketState::transferred;
  closed.ended_at = ctx.now_ms;
  closed.transferred_to = moved.id;
  closed.history.push_back(step("transferred", ctx, (*c)->number, actor, note));
  Counter cc = **c;
  cc.current_ticket = 0;

  Decision d;
  d.result["ticket"] = to_json(moved, false);
  d.events.push_back(make_event(proto::ev::ticket_transferred, ctx, actor,
                                {{"ticket_id", old.id}, {"new_ticket_id", moved.id}, {"counter", cc.number},
                                 {"note", note},
                                 {"tickets", {to_json(closed, true), to_json(moved, true)}},
                                 {"counters", {to_json(cc)}}}));
  return d;
}

Result<Decision> cmd_cancel(const OfficeState& s, const json& a, const CommandContext& ctx) {
  auto t = find_ticket(s, a);
  if (!t) return t.error();
  std::string reason;
  if (a.contains("reason")) {
    auto r = get_string(a, "reason", 200, true);
    if (!r) return r.error();
    reason = *r;
  }
  Ticket tk = **t;
  if (tk.state != TicketState::waiting && tk.state != TicketState::called)
    return illegal(tk.label() + " is " + std::string(to_string(tk.state)) + "; only waiting or called tickets can be cancelled");
  const std::string actor = actor_of(s, ctx, 0);
  json counters = json::array();
  if (tk.state == TicketState::called) {
    auto c = s.counters.find(tk.counter);
    if (c != s.counters.end() && c->second.current_ticket == tk.id) {
      Counter cc = c->second;
      cc.current_ticket = 0;
      counters.push_back(to_json(cc));
    }
  }
  tk.state = TicketState::cancelled;
  tk.ended_at = ctx.now_ms;
  tk.history.push_back(step("cancelled", ctx, 0, actor, reason));
  Decision d;
  d.result["ticket"] = to_json(tk, false);
  d.events.push_back(make_event(proto::ev::ticket_cancelled, ctx, actor,
                                {{"ticket_id", tk.id}, {"reason", reason},
                                 {"tickets", {to_json(tk, true)}}, {"counters", counters}}));
  return d;
}

Result<Decision> cmd_bulk_move(const OfficeState& s, const json& a, const CommandContext& ctx) {
  auto code = get_string(a, "service", 3);
  if (!code) return code.error();
  if (!s.services.count(*code)) return not_found("there is no service \"" + *code + "\" (services: " + service_list(s) + ")");
  std::string to;
  if (a.contains("to_service")) {
    auto t = get_string(a, "to_service", 3);
    if (!t) return t.error();
    if (!s.services.count(*t)) return not_found("there is no service \"" + *t + "\"");
    if (*t == *code) return illegal("the tickets are already in service " + *t);
    to = *t;
  }
  std::string reason;
  if (a.contains("reason")) {
    auto r = get_string(a, "reason", 200, true);
    if (!r) return r.error();
    reason = *r;
  }
  if (to.empty() && reason.empty())
    return bad_arg("reason", "give to_service to move the tickets, or a reason to close them");
  const std::string actor = actor_of(s, ctx, counter_arg(a));
  json tickets = json::array();
  int64_t next_id = s.next_ticket_id;
  int moved = 0;
  for (const Ticket* t : waiting_in_service(s, *code)) {
    Ticket old = *t;
    if (to.empty()) {
      old.state = TicketState::cancelled;
      old.ended_at = ctx.now_ms;
      old.history.push_back(step("cancelled", ctx, 0, actor, reason));
      tickets.push_back(to_json(old, true));
    } else {
      // Same as a transfer: label, token, priority and place in line are kept.
      Ticket copy = old;
      copy.id = next_id++;
      copy.service = to;
      copy.target_counter = 0;
      copy.transferred_from = old.id;
      copy.history.push_back(step("transferred", ctx, 0, actor, reason));
      old.state = TicketState::transferred;
      old.ended_at = ctx.now_ms;
      old.transferred_to = copy.id;
      old.history.push_back(step("transferred", ctx, 0, actor, reason));
      tickets.push_back(to_json(old, true));
      tickets.push_back(to_json(copy, true));
    }
    ++moved;
  }
  Decision d;
  d.result = {{"moved", moved}, {"service", *code}, {"to_service", to}};
  if (moved == 0) return d;  // nothing waiting: nothing to log
  d.events.push_back(make_event(proto::ev::tickets_moved, ctx, actor,
                                {{"service", *code}, {"to_service", to}, {"reason", reason}, {"count", moved},
                                 {"tickets", tickets}}));
  return d;
}

Result<Decision> cmd_ticket_lookup(const OfficeState& s, const json& a, const CommandContext& ctx) {
  auto token = get_string(a, "token", 64);
  if (!token) return token.error();
  const Ticket* found = nullptr;
  const TicketIndex& ix = ticket_index(s);  // the newest ticket of the token (after transfers)
  if (auto it = ix.by_token.find(*token); it != ix.by_token.end()) found = &s.tickets.at(it->second);
  if (!found) return not_found("no ticket with that code today");
  Decision d;
  d.result["ticket"] = to_json(*found, false);
  d.result["ahead"] = found->state == TicketState::waiting ? json(ahead_of(s, *found)) : json(nullptr);
  const auto w = found->state == TicketState::waiting ? forecast_ticket_wait(s, found->id, ctx.now_ms) : std::nullopt;
  d.result["eta_s"] = w ? json(w->eta_s) : json(nullptr);
  d.result["eta_low_s"] = w ? json(w->low_s) : json(nullptr);
  d.result["eta_high_s"] = w ? json(w->high_s) : json(nullptr);
  d.result["status"] = to_string(service_health(s, found->service).status);
  return d;
}

}  // namespace antrian::detail
