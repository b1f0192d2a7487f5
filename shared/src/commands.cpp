// Dispatch of requests to their rules, and the helpers the rule files share.
#include "antrian/commands.h"

#include <map>

#include "antrian/arrival_curve.h"
#include "antrian/office_config.h"
#include "antrian/office_time.h"
#include "antrian/secrets.h"
#include "command_support.h"

namespace antrian {
namespace detail {

Error bad_arg(const std::string& field, const std::string& what) {
  return make_error(std::string(proto::err::bad_request), "args." + field + ": " + what);
}
Error illegal(const std::string& reason) { return make_error(std::string(proto::err::illegal_state), reason); }
Error not_found(const std::string& reason) { return make_error(std::string(proto::err::not_found), reason); }

Result<int64_t> get_int(const json& args, const char* field, int64_t min, int64_t max) {
  auto it = args.find(field);
  if (it == args.end()) return bad_arg(field, "missing");
  if (!it->is_number_integer()) return bad_arg(field, "must be a whole number");
  const int64_t v = it->get<int64_t>();
  if (v < min || v > max)
    return bad_arg(field, "must be between " + std::to_string(min) + " and " + std::to_string(max));
  return v;
}

Result<std::string> get_string(const json& args, const char* field, size_t max_len, bool allow_empty) {
  auto it = args.find(field);
  if (it == args.end()) return bad_arg(field, "missing");
  if (!it->is_string()) return bad_arg(field, "must be text");
  std::string v = it->get<std::string>();
  if (!allow_empty && v.empty()) return bad_arg(field, "must not be empty");
  if (v.size() > max_len) return bad_arg(field, "longer than " + std::to_string(max_len) + " characters");
  return v;
}

std::optional<std::string> opt_string(const json& args, const char* field) {
  auto it = args.find(field);
  if (it == args.end() || !it->is_string()) return std::nullopt;
  return it->get<std::string>();
}

int counter_arg(const json& args) {
  auto it = args.find("counter");
  return it != args.end() && it->is_number_integer() ? it->get<int>() : 0;
}

Result<const Counter*> find_counter(const OfficeState& s, const json& args) {
  auto n = get_int(args, "counter", 1, 999);
  if (!n) return n.error();
  auto it = s.counters.find(int(*n));
  if (it == s.counters.end()) return not_found("there is no loket " + std::to_string(*n));
  return &it->second;
}

Result<const Ticket*> current_ticket(const OfficeState& s, const Counter& c) {
  auto it = s.tickets.find(c.current_ticket);
  if (c.current_ticket == 0 || it == s.tickets.end() || !it->second.is_open())
    return illegal(c.name + " has no ticket called or being served: call one first");
  return &it->second;
}

std::string actor_of(const OfficeState& s, const CommandContext& ctx, int counter) {
  std::string who = ctx.role;
  if (!ctx.client.empty()) who += ":" + ctx.client;
  if (counter > 0) {
    auto c = s.counters.find(counter);
    if (c != s.counters.end() && !c->second.staff.empty())
      who = "staff:" + c->second.staff + "@loket" + std::to_string(counter);
  }
  return who;
}

int offset_hours(const OfficeState& s) {
  int h = 7;
  timezone_offset_hours(s.office.timezone, h);
  return h;
}

Event make_event(std::string_view type, const CommandContext& ctx, const std::string& actor, json data) {
  Event e;
  e.at = ctx.now_ms;
  e.type = std::string(type);
  e.actor = actor;
  e.data = std::move(data);
  return e;
}

Result<int> next_number(const OfficeState& s, const Service& service) {
  auto last = s.last_number.find(service.prefix);
  const int number = (last == s.last_number.end() ? 0 : last->second) + 1;
  if (number > 9999) return make_error(std::string(proto::err::quota_exhausted), "ticket numbers for today are used up");
  return number;
}

Ticket new_ticket(const OfficeState& s, const Service& service, int number, int64_t queue_at, const CommandContext& ctx) {
  Ticket t;
  t.id = s.next_ticket_id;
  t.day = s.day;
  t.service = service.code;
  t.prefix = service.prefix;
  t.number = number;
  t.issued_at = ctx.now_ms;
  t.queue_at = queue_at;
  t.token = random_token();
  return t;
}

TicketStep step(std::string what, const CommandContext& ctx, int counter, const std::string& actor,
                std::string note) {
  return TicketStep{std::move(what), ctx.now_ms, counter, actor, std::move(note)};
}

}  // namespace detail

using namespace detail;

Result<Decision> decide(const OfficeState& s, const proto::Request& req, const CommandContext& ctx) {
  using Handler = Result<Decision> (*)(const OfficeState&, const json&, const CommandContext&);
  static const std::map<std::string_view, Handler> handlers = {
      {proto::cmd::issue, cmd_issue},
      {proto::cmd::call_next, cmd_call_next},
      {proto::cmd::call, cmd_call},
      {proto::cmd::recall, cmd_recall},
      {proto::cmd::start, cmd_start},
      {proto::cmd::finish, cmd_finish},
      {proto::cmd::no_show, cmd_no_show},
      {proto::cmd::transfer, cmd_transfer},
      {proto::cmd::cancel, cmd_cancel},
      {proto::cmd::bulk_move, cmd_bulk_move},
      {proto::cmd::ticket_lookup, cmd_ticket_lookup},
      {proto::cmd::pause, cmd_pause},
      {proto::cmd::resume, cmd_resume},
      {proto::cmd::sign_in, cmd_sign_in},
      {proto::cmd::sign_out, cmd_sign_out},
      {proto::cmd::staff_set, cmd_staff_set},
      {proto::cmd::service_set, cmd_service_set},
      {proto::cmd::counter_set, cmd_counter_set},
      {proto::cmd::disruption_set, cmd_disruption_set},
      {proto::cmd::disruption_clear, cmd_disruption_clear},
      {proto::cmd::resource_set, cmd_resource_set},
      {proto::cmd::announcement_set, cmd_announcement_set},
      {proto::cmd::device_report, cmd_device_report},
      {proto::cmd::key_add, cmd_key_add},
      {proto::cmd::key_revoke, cmd_key_revoke},
      {proto::cmd::key_list, cmd_key_list},
      {proto::cmd::calendar_set, cmd_calendar_set},
      {proto::cmd::restore_no_show, cmd_restore_no_show},
      {proto::cmd::ticket_find, cmd_ticket_find},
      {proto::cmd::force_sign_out, cmd_force_sign_out},
      {proto::cmd::config_apply, cmd_config_apply},
      {proto::cmd::comeback_join, cmd_comeback_join},
      {proto::cmd::comeback_checkin, cmd_comeback_checkin},
      {proto::cmd::survey_submit, cmd_survey_submit},
      {proto::cmd::survey_status, cmd_survey_status},
      {proto::cmd::booking_checkin, cmd_booking_checkin},
      {proto::cmd::booking_cancel, cmd_booking_cancel},
      {proto::cmd::booking_day, cmd_booking_day},
  };
  auto h = handlers.find(req.cmd);
  if (h == handlers.end())
    return make_error(std::string(proto::err::unknown_command), "unknown command \"" + req.cmd + "\"");
  if (!req.args.is_object()) return make_error(std::string(proto::err::bad_request), "args must be a JSON object");
  try {
    // The first change of a new business day starts the day (numbers back to 001).
    if (auto day = day_rollover_event(s, ctx.now_ms); day && req.cmd != proto::cmd::ticket_lookup &&
                                                      req.cmd != proto::cmd::key_list &&
                                                      req.cmd != proto::cmd::ticket_find &&
                                                      req.cmd != proto::cmd::survey_status &&
                                                      req.cmd != proto::cmd::booking_day) {
      OfficeState rolled = s;
      apply_event(rolled, *day);
      auto r = h->second(rolled, req.args, ctx);
      if (r) r->events.insert(r->events.begin(), *day);
      return r;
    }
    return h->second(s, req.args, ctx);
  } catch (const std::exception& e) {
    // Rules validate their input; reaching here is a bug, reported instead of crashing.
    return make_error(std::string(proto::err::internal), std::string("internal error: ") + e.what());
  }
}

std::optional<Event> day_rollover_event(const OfficeState& s, int64_t now_ms) {
  const std::string today = business_day(now_ms, offset_hours(s));
  if (today == s.day) return std::nullopt;
  CommandContext ctx{now_ms, "hub", ""};
  // Nobody works across midnight: a loket left signed in is signed out with the old day.
  json counters = json::array(), signed_out = json::array();
  for (const auto& [n, c] : s.counters) {
    if (c.state == CounterState::closed) continue;
    Counter cc = c;
    cc.state = CounterState::closed;
    cc.staff.clear();
    cc.current_ticket = 0;
    counters.push_back(to_json(cc));
    signed_out.push_back(n);
  }
  json data = {{"day", today}};
  // The day that ends adds to the arrival curves the forecast expects tomorrow's along.
  if (auto curves = curves_after_day(s); !curves.empty()) {
    data["arrival_curves"] = json::array();
    for (const ArrivalCurve& c : curves) data["arrival_curves"].push_back(to_json(c));
  }
  if (!counters.empty()) data.update({{"counters", counters}, {"signed_out", signed_out}});
  return make_event(proto::ev::day_started, ctx, "hub", data);
}

std::vector<Event> configure_office_events(const OfficeState& s, const OfficeConfig& cfg, int64_t now_ms) {
  CommandContext ctx{now_ms, "config", ""};
  json data;
  data["office"] = to_json(cfg.office);
  data["replace_config"] = true;
  data["services"] = json::array();
  for (const Service& x : cfg.services) data["services"].push_back(to_json(x));
  // A reconfigured hub keeps who is signed in where the loket still exists.
  data["counters"] = json::array();
  for (Counter c : cfg.counters) {
    auto old = s.counters.find(c.number);
    if (old != s.counters.end()) {
      c.state = old->second.state;
      c.staff = old->second.staff;
      c.current_ticket = old->second.current_ticket;
    }
    data["counters"].push_back(to_json(c));
  }
  data["resources"] = json::array();
  for (const Resource& r : cfg.resources)
    if (!s.resources.count(r.id)) data["resources"].push_back(to_json(r));  // keep live counts
  // Dates from the config join those an admin added; none is dropped here.
  std::map<std::string, Closure> closures = s.closures;
  for (const Closure& c : cfg.closures) closures[c.date] = c;
  data["closures"] = closures_json(closures);
  std::vector<Event> out{make_event(proto::ev::office_configured, ctx, "config", data)};
  json staff = json::array();
  for (const StaffSeed& seed : cfg.staff)
    if (!s.staff.count(seed.id))
      staff.push_back(to_json(StaffMember{seed.id, seed.name, hash_pin(seed.pin), true, seed.admin}, true));
  if (!staff.empty()) out.push_back(make_event(proto::ev::staff_changed, ctx, "config", {{"staff", staff}}));
  return out;
}

}  // namespace antrian
