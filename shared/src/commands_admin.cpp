// Rules for the office's settings: staff, disruptions, resources, announcements.
#include <algorithm>
#include <set>

#include "antrian/office_calendar.h"
#include "antrian/office_time.h"
#include "antrian/secrets.h"
#include "antrian/service_health.h"
#include "command_support.h"

namespace antrian::detail {
namespace {

Result<std::vector<std::string>> services_arg(const OfficeState& s, const json& a) {
  std::vector<std::string> out;
  if (!a["services"].is_array()) return bad_arg("services", "must be a list of service codes");
  for (const json& v : a["services"]) {
    if (!v.is_string() || !s.services.count(v.get<std::string>()))
      return bad_arg("services", "unknown service " + v.dump());
    out.push_back(v.get<std::string>());
  }
  return out;
}

// "HH:MM" today in the office's zone, on the hub's clock; it must lie ahead.
Result<int64_t> expected_at_today(const OfficeState& s, const json& a, int64_t now_ms) {
  auto text = get_string(a, "expected_at", 5);
  if (!text) return text.error();
  int minutes = 0;
  if (!parse_hhmm(*text, minutes)) return bad_arg("expected_at", "must be a time of day \"HH:MM\", not \"" + *text + "\"");
  const LocalTime now = to_local(now_ms, offset_hours(s));
  const int64_t at = local_midnight_ms(now.year, now.month, now.day, offset_hours(s)) + int64_t(minutes) * 60'000;
  if (at <= now_ms)
    return bad_arg("expected_at", *text + " has passed already on the hub's clock (it is " +
                                      format_hhmm(now_ms, offset_hours(s)) + " there); give a later time or minutes");
  return at;
}

}  // namespace

Result<Decision> cmd_staff_set(const OfficeState& s, const json& a, const CommandContext& ctx) {
  auto id = get_string(a, "id", 64);
  if (!id) return id.error();
  for (char ch : *id)
    if (!(std::isalnum(static_cast<unsigned char>(ch)) || ch == '_' || ch == '-' || ch == '.'))
      return bad_arg("id", "use letters, digits, '.', '_' or '-'");
  StaffMember m;
  auto old = s.staff.find(*id);
  if (old != s.staff.end()) m = old->second;
  m.id = *id;
  if (a.contains("name") || old == s.staff.end()) {
    auto name = get_string(a, "name", 100);
    if (!name) return name.error();
    m.name = *name;
  }
  if (a.contains("pin") || old == s.staff.end()) {
    auto pin = get_string(a, "pin", 64);
    if (!pin) return pin.error();
    if (auto why = pin_rule_violation(*pin); !why.empty()) return bad_arg("pin", why);
    m.pin_hash = hash_pin(*pin);
    if (m.pin_hash.empty()) return make_error(std::string(proto::err::internal), "could not hash the PIN (out of memory?)");
  }
  if (a.contains("admin")) {
    if (!a["admin"].is_boolean()) return bad_arg("admin", "must be true or false");
    m.admin = a["admin"].get<bool>();
  }
  if (a.contains("active")) {
    if (!a["active"].is_boolean()) return bad_arg("active", "must be true or false");
    m.active = a["active"].get<bool>();
  }
  Decision d;
  d.result["staff"] = to_json(m, false);
  d.events.push_back(make_event(proto::ev::staff_changed, ctx, actor_of(s, ctx, 0), {{"staff", {to_json(m, true)}}}));
  return d;
}

Result<Decision> cmd_disruption_set(const OfficeState& s, const json& a, const CommandContext& ctx) {
  Disruption d;
  const bool update = a.contains("id");
  if (update) {
    auto id = get_int(a, "id", 1, INT64_MAX);
    if (!id) return id.error();
    auto it = s.disruptions.find(*id);
    if (it == s.disruptions.end() || !it->second.active) return not_found("no active disruption " + std::to_string(*id));
    d = it->second;
  } else {
    auto res = get_string(a, "resource", 64);
    if (!res) return res.error();
    if (!s.resources.count(*res)) {
      std::string list;
      for (const auto& [rid, _] : s.resources) list += (list.empty() ? "" : ", ") + rid;
      return not_found("there is no resource \"" + *res + "\" (resources: " + list + ")");
    }
    d.id = s.next_disruption_id;
    d.resource = *res;
    d.started_at = ctx.now_ms;
    d.services = services_needing(s, *res);
    d.declared_by = actor_of(s, ctx, counter_arg(a));
    d.counter = counter_arg(a);
  }
  if (a.contains("level") || !update) {
    auto lv = get_string(a, "level", 16);
    if (!lv) return lv.error();
    if (!parse(*lv, d.level)) return bad_arg("level", "must be degraded or down");
  }
  // Minutes from now and a time of day count on the hub's clock, never a client's (a
  // laptop's clock may be wrong).
  if (int(a.contains("expected_minutes")) + int(a.contains("expected_end")) + int(a.contains("expected_at")) > 1)
    return bad_arg("expected_minutes", "give one of expected_minutes, expected_at and expected_end, not several");
  if (a.contains("expected_at")) {
    auto end = expected_at_today(s, a, ctx.now_ms);
    if (!end) return end.error();
    d.expected_end = *end;
  }
  if (a.contains("expected_minutes")) {
    auto m = get_int(a, "expected_minutes", 1, 90LL * 24 * 60);
    if (!m) return m.error();
    d.expected_end = ctx.now_ms + *m * 60'000;
  }
  if (a.contains("expected_end")) {
    if (a["expected_end"].is_null()) d.expected_end.reset();
    else {
      auto end = get_int(a, "expected_end", ctx.now_ms - 60'000, ctx.now_ms + 90LL * 86'400'000);
      if (!end) return bad_arg("expected_end", "must be a time (unix ms) from now up to 90 days ahead, or null");
      d.expected_end = *end;
    }
  }
  for (const char* f : {"message_id", "message_en"})
    if (a.contains(f)) {
      auto m = get_string(a, f, 300, true);
      if (!m) return m.error();
      (std::string_view(f) == "message_id" ? d.message_id : d.message_en) = *m;
    }
  if (a.contains("services")) {
    auto sv = services_arg(s, a);
    if (!sv) return sv.error();
    d.services = *sv;
  }
  Decision out;
  out.result["disruption"] = to_json(d);
  out.events.push_back(make_event(proto::ev::disruption_declared, ctx, actor_of(s, ctx, counter_arg(a)),
                                  {{"disruption_id", d.id}, {"update", update}, {"disruptions", {to_json(d)}}}));
  return out;
}

Result<Decision> cmd_disruption_clear(const OfficeState& s, const json& a, const CommandContext& ctx) {
  auto id = get_int(a, "id", 1, INT64_MAX);
  if (!id) return id.error();
  auto it = s.disruptions.find(*id);
  if (it == s.disruptions.end()) return not_found("no disruption " + std::to_string(*id));
  if (!it->second.active) return illegal("disruption " + std::to_string(*id) + " is already cleared");
  // A loket clears what it reported itself; what an admin, a probe or the district
  // declared is the admin's to clear.
  if (ctx.role != proto::role::admin && (counter_arg(a) == 0 || it->second.counter != counter_arg(a)))
    return make_error(std::string(proto::err::forbidden),
                      "disruption " + std::to_string(*id) + " was reported " +
                          (it->second.counter ? "by loket " + std::to_string(it->second.counter) : std::string("by the office")) +
                          "; a loket clears only what it reported itself (ask the admin)");
  Disruption d = it->second;
  const std::string actor = actor_of(s, ctx, counter_arg(a));
  d.active = false;
  d.cleared_at = ctx.now_ms;
  d.cleared_by = actor;
  Decision out;
  out.result["disruption"] = to_json(d);
  out.events.push_back(make_event(proto::ev::disruption_cleared, ctx, actor,
                                  {{"disruption_id", d.id}, {"disruptions", {to_json(d)}}}));
  return out;
}

Result<Decision> cmd_resource_set(const OfficeState& s, const json& a, const CommandContext& ctx) {
  auto id = get_string(a, "resource", 64);
  if (!id) return id.error();
  auto it = s.resources.find(*id);
  if (it == s.resources.end()) return not_found("there is no resource \"" + *id + "\"");
  Resource r = it->second;
  for (auto [field, target] : {std::pair{"total", &r.total}, std::pair{"working", &r.working},
                               std::pair{"stock", &r.stock}, std::pair{"low_threshold", &r.low_threshold}}) {
    if (!a.contains(field)) continue;
    auto v = get_int(a, field, 0, 1'000'000);
    if (!v) return v.error();
    *target = int(*v);
  }
  if (a.contains("stock_add")) {
    auto v = get_int(a, "stock_add", -1'000'000, 1'000'000);
    if (!v) return v.error();
    if (r.stock + *v < 0) return bad_arg("stock_add", "would make the stock negative");
    r.stock += int(*v);
  }
  if (r.working > r.total) return bad_arg("working", "cannot be more than total (" + std::to_string(r.total) + ")");
  Decision out;
  out.result["resource"] = to_json(r);
  out.events.push_back(make_event(proto::ev::resource_changed, ctx, actor_of(s, ctx, 0),
                                  {{"resource_id", r.id}, {"resources", {to_json(r)}}}));
  return out;
}

Result<Decision> cmd_device_report(const OfficeState& s, const json& a, const CommandContext& ctx) {
  auto id = get_string(a, "device", 64);
  if (!id) return id.error();
  auto state = get_string(a, "state", 16);
  if (!state) return state.error();
  static const std::set<std::string> kStates = {"ok", "paper_low", "paper_out", "error", "offline"};
  if (!kStates.count(*state)) return bad_arg("state", "must be ok, paper_low, paper_out, error or offline");
  std::string message;
  if (a.contains("message")) {
    auto m = get_string(a, "message", 200, true);
    if (!m) return m.error();
    message = *m;
  }
  auto old = s.devices.find(*id);
  Decision out;
  DeviceStatus d{*id, *state, message, ctx.now_ms};
  out.result["device"] = to_json(d);
  // Repeating an unchanged report adds nothing to the log.
  if (old != s.devices.end() && old->second.state == d.state && old->second.message == d.message) return out;
  out.events.push_back(make_event(proto::ev::device_reported, ctx, actor_of(s, ctx, 0), {{"devices", {to_json(d)}}}));
  return out;
}

Result<Decision> cmd_announcement_set(const OfficeState& s, const json& a, const CommandContext& ctx) {
  auto text = get_string(a, "text", 500, true);
  if (!text) return text.error();
  Decision out;
  out.result["announcement"] = *text;
  out.events.push_back(make_event(proto::ev::announcement_changed, ctx, actor_of(s, ctx, 0), {{"announcement", *text}}));
  return out;
}

}  // namespace antrian::detail
