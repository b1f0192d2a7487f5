// Rules tied to the office's calendar: holidays and closures set by an admin, and
// lokets the hub signs out once the office has closed.
#include <algorithm>

#include "antrian/office_calendar.h"
#include "command_support.h"

namespace antrian::detail {

json closures_json(const std::map<std::string, Closure>& closures) {
  json list = json::array();
  for (const auto& [_, c] : closures) list.push_back(to_json(c));
  return list;
}

// {date, closed: true, kind?, reason_id?, reason_en?} adds or edits a closed date;
// {date, closed: false} opens it again. The event carries the whole list.
Result<Decision> cmd_calendar_set(const OfficeState& s, const json& a, const CommandContext& ctx) {
  auto date = get_string(a, "date", 10);
  if (!date) return date.error();
  if (!valid_date(*date)) return bad_arg("date", "must be a real date written YYYY-MM-DD, not \"" + *date + "\"");
  auto closed = a.find("closed");
  if (closed == a.end() || !closed->is_boolean()) return bad_arg("closed", "must be true (office closed) or false");
  std::map<std::string, Closure> after = s.closures;
  if (closed->get<bool>()) {
    json item = {{"date", *date}, {"kind", a.value("kind", json("closure"))}};
    for (const char* f : {"reason_id", "reason_en"})
      if (a.contains(f)) item[f] = a[f];
    auto c = closure_from_json(item, "args");
    if (!c) return make_error(std::string(proto::err::bad_request), c.error().reason);
    if (c->reason_id.empty()) return bad_arg("reason_id", "say why the office is closed (shown on every screen)");
    after[*date] = *c;
  } else {
    if (!after.erase(*date)) return not_found("the office is not closed on " + *date);
  }
  Decision d;
  d.result = {{"date", *date}, {"closed", closed->get<bool>()}, {"closures", closures_json(after)}};
  d.events.push_back(make_event(proto::ev::calendar_changed, ctx, actor_of(s, ctx, 0),
                                {{"changed", *date}, {"closed", closed->get<bool>()}, {"closures", closures_json(after)}}));
  return d;
}

}  // namespace antrian::detail

namespace antrian {

std::vector<Event> closing_sign_out_events(const OfficeState& s, int64_t now_ms) {
  std::vector<Event> out;
  const OfficeCalendar cal(s);
  const auto close = cal.closing_today(now_ms);
  if (!close || now_ms < *close) return out;
  const CommandContext ctx{now_ms, "hub", ""};
  json counters = json::array();
  json numbers = json::array();
  for (const auto& [n, c] : s.counters) {
    if (c.state == CounterState::closed) continue;
    auto cur = s.tickets.find(c.current_ticket);
    if (c.current_ticket != 0 && cur != s.tickets.end() && cur->second.is_open()) continue;  // still serving
    bool someone_waits = false;  // tickets taken before the cutoff are still served
    for (const auto& [_, t] : s.tickets)
      if (t.state == TicketState::waiting &&
          (t.target_counter == n ||
           (t.target_counter == 0 && std::find(c.services.begin(), c.services.end(), t.service) != c.services.end())))
        someone_waits = true;
    if (someone_waits) continue;
    Counter cc = c;
    cc.state = CounterState::closed;
    cc.staff.clear();
    cc.current_ticket = 0;
    counters.push_back(to_json(cc));
    numbers.push_back(n);
  }
  if (counters.empty()) return out;
  out.push_back(detail::make_event(proto::ev::counter_changed, ctx, "hub",
                                   {{"what", "signed_out_at_closing"}, {"signed_out", numbers}, {"counters", counters}}));
  return out;
}

}  // namespace antrian
