#include "antrian/model_json.h"

#include <algorithm>
#include <cstdio>
#include <limits>
#include <stdexcept>
#include <type_traits>

#include "antrian/arrival_curve.h"
#include "antrian/booking.h"
#include "antrian/comeback.h"
#include "antrian/office_calendar.h"

namespace antrian {
namespace {

template <typename E>
E enum_from(const json& j, const char* key) {
  E out{};
  const std::string text = j.at(key).get<std::string>();
  if (!parse(text, out)) throw std::invalid_argument(std::string(key) + ": unknown value \"" + text + "\"");
  return out;
}

template <typename T>
T opt(const json& j, const char* key, T fallback) {
  auto it = j.find(key);
  if (it == j.end() || it->is_null()) return fallback;
  if constexpr (std::is_integral_v<T> && !std::is_same_v<T, bool>) {
    // get<int>() of 1e37 or 5000000000 is undefined or wraps: refuse it with the key.
    const bool fits = it->is_number_integer() && (it->is_number_unsigned()
                                                      ? it->template get<uint64_t>() <= uint64_t(std::numeric_limits<T>::max())
                                                      : it->template get<int64_t>() >= int64_t(std::numeric_limits<T>::min()) &&
                                                            it->template get<int64_t>() <= int64_t(std::numeric_limits<T>::max()));
    if (!fits)
      throw std::invalid_argument(std::string(key) + ": must be a whole number from " +
                                  std::to_string(std::numeric_limits<T>::min()) + " to " +
                                  std::to_string(std::numeric_limits<T>::max()) + ", not " +
                                  (it->is_number() ? it->dump() : std::string("a ") + it->type_name()));
  }
  return it->get<T>();
}

}  // namespace

namespace {

// A roster time, "HH:MM" as the office calendar reads them.
int minutes_of(const json& j, const char* key) {
  const std::string t = j.at(key).get<std::string>();
  int minutes = 0;
  if (!parse_hhmm(t, minutes))
    throw std::invalid_argument(std::string(key) + ": must be a time of day \"HH:MM\" (00:00..24:00), not \"" + t + "\"");
  return minutes;
}

}  // namespace

json to_json(const Office& o) {
  json roster = json::array();
  for (const RosterShift& r : o.roster)
    roster.push_back({{"counter", r.counter}, {"from", hhmm(r.from_min)}, {"until", hhmm(r.until_min)}});
  json j = {{"name", o.name},           {"short_name", o.short_name},
            {"timezone", o.timezone},   {"public_url", o.public_url},
            {"opening_hour", o.opening_hour}, {"closing_hour", o.closing_hour},
            {"quota_follows_capacity", o.quota_follows_capacity},
            {"routing", o.routing},
            {"no_show_return_minutes", o.no_show_return_min}};
  j.update(to_json(o.hours));
  if (!o.roster.empty()) j["roster"] = roster;  // absent: the default, as configs written before it
  return j;
}

Office office_from_json(const json& j) {
  Office o;
  o.name = j.at("name").get<std::string>();
  o.short_name = opt<std::string>(j, "short_name", o.name);
  o.timezone = opt<std::string>(j, "timezone", "WIB");
  o.public_url = opt<std::string>(j, "public_url", "");
  o.opening_hour = opt<int>(j, "opening_hour", 8);
  o.closing_hour = opt<int>(j, "closing_hour", 15);
  o.quota_follows_capacity = opt<bool>(j, "quota_follows_capacity", true);
  o.routing = opt<json>(j, "routing", json::array());
  o.no_show_return_min = opt<int>(j, "no_show_return_minutes", 30);
  auto hours = office_hours_from_json(j);
  if (!hours) throw std::invalid_argument(hours.error().reason);
  o.hours = *hours;
  if (j.contains("hours")) {  // the week's span, for what still reads whole hours
    int open = 24 * 60, close = 0;
    for (const DayHours& d : o.hours.week)
      if (d.is_open()) open = std::min(open, d.open_min), close = std::max(close, d.close_min);
    if (close > 0) o.opening_hour = open / 60, o.closing_hour = (close + 59) / 60;
  }
  for (const json& r : opt<json>(j, "roster", json::array()))
    o.roster.push_back({r.at("counter").get<int>(), minutes_of(r, "from"), minutes_of(r, "until")});
  return o;
}

json to_json(const Service& s) {
  json j = {{"code", s.code},       {"prefix", s.prefix},
          {"name_id", s.name_id}, {"name_en", s.name_en},
          {"daily_quota", s.daily_quota}, {"mean_service_s", s.mean_service_s},
          {"resources", s.resources},     {"enabled", s.enabled},
          {"alternative_id", s.alternative_id}, {"alternative_en", s.alternative_en},
          {"alternative_service", s.alternative_service},
          {"issuing_from", s.issuing_from_min >= 0 ? json(hhmm(s.issuing_from_min)) : json(nullptr)},
          {"issuing_until", s.issuing_until_min >= 0 ? json(hhmm(s.issuing_until_min)) : json(nullptr)}};
  // Only a service that takes bookings says so: configs without them compare as before.
  if (s.booking.enabled) j["booking"] = to_json(s.booking);
  return j;
}

Service service_from_json(const json& j) {
  Service s;
  s.code = j.at("code").get<std::string>();
  s.prefix = opt<std::string>(j, "prefix", s.code);
  s.name_id = j.at("name_id").get<std::string>();
  s.name_en = opt<std::string>(j, "name_en", s.name_id);
  s.daily_quota = opt<int>(j, "daily_quota", 0);
  s.mean_service_s = opt<int>(j, "mean_service_s", 300);
  s.resources = opt<std::vector<std::string>>(j, "resources", {});
  s.enabled = opt<bool>(j, "enabled", true);
  s.alternative_id = opt<std::string>(j, "alternative_id", "");
  s.alternative_en = opt<std::string>(j, "alternative_en", s.alternative_id);
  s.alternative_service = opt<std::string>(j, "alternative_service", "");
  for (auto [key, field] : {std::pair{"issuing_from", &s.issuing_from_min}, {"issuing_until", &s.issuing_until_min}}) {
    const std::string text = opt<std::string>(j, key, "");
    if (!text.empty() && !parse_hhmm(text, *field))
      throw std::invalid_argument(std::string(key) + ": must be \"HH:MM\", not \"" + text + "\"");
  }
  if (j.contains("booking") && !j["booking"].is_null()) {
    auto rules = booking_rules_from_json(j["booking"]);
    if (!rules) throw std::invalid_argument(rules.error().reason);
    s.booking = *rules;
  }
  return s;
}

// A ticket and a loket are made into JSON two or three times by every command (its
// reply, its event, the store's row): their members are put in place one by one, since
// a braced list copies every value it holds (about three times the work). Same keys,
// same order (a JSON object here is a sorted map), same text.
json to_json(const Counter& c) {
  json j(json::value_t::object);
  auto& o = j.get_ref<json::object_t&>();
  o.emplace("number", c.number);
  o.emplace("name", c.name);
  o.emplace("services", c.services);
  o.emplace("state", to_string(c.state));
  o.emplace("staff", c.staff);
  o.emplace("current_ticket", c.current_ticket);
  o.emplace("break_until", c.break_until);
  return j;
}

Counter counter_from_json(const json& j) {
  Counter c;
  c.number = j.at("number").get<int>();
  c.name = opt<std::string>(j, "name", "Loket " + std::to_string(c.number));
  c.services = j.at("services").get<std::vector<std::string>>();
  c.state = j.contains("state") ? enum_from<CounterState>(j, "state") : CounterState::closed;
  c.staff = opt<std::string>(j, "staff", "");
  c.current_ticket = opt<int64_t>(j, "current_ticket", 0);
  c.break_until = opt<int64_t>(j, "break_until", 0);
  return c;
}

json to_json(const Ticket& t, bool with_token) {
  json history(json::value_t::array);
  auto& steps = history.get_ref<json::array_t&>();
  steps.reserve(t.history.size());
  for (const TicketStep& s : t.history) {
    json step(json::value_t::object);
    auto& o = step.get_ref<json::object_t&>();
    o.emplace("what", s.what);
    o.emplace("at", s.at);
    o.emplace("counter", s.counter);
    o.emplace("actor", s.actor);
    o.emplace("note", s.note);
    steps.push_back(std::move(step));
  }
  json j(json::value_t::object);
  auto& o = j.get_ref<json::object_t&>();
  o.emplace("id", t.id);
  o.emplace("label", t.label());
  o.emplace("day", t.day);
  o.emplace("service", t.service);
  o.emplace("prefix", t.prefix);
  o.emplace("number", t.number);
  o.emplace("priority", to_string(t.priority));
  o.emplace("state", to_string(t.state));
  o.emplace("issued_at", t.issued_at);
  o.emplace("queue_at", t.queue_at);
  o.emplace("called_at", t.called_at);
  o.emplace("started_at", t.started_at);
  o.emplace("ended_at", t.ended_at);
  o.emplace("counter", t.counter);
  o.emplace("target_counter", t.target_counter);
  o.emplace("recalls", t.recalls);
  o.emplace("transferred_from", t.transferred_from);
  o.emplace("transferred_to", t.transferred_to);
  o.emplace("eta_s_at_issue", t.eta_s_at_issue ? json(*t.eta_s_at_issue) : json(nullptr));
  o.emplace("history", std::move(history));
  if (with_token) o.emplace("token", t.token);
  return j;
}

Ticket ticket_from_json(const json& j) {
  Ticket t;
  t.id = j.at("id").get<int64_t>();
  t.day = j.at("day").get<std::string>();
  t.service = j.at("service").get<std::string>();
  t.prefix = j.at("prefix").get<std::string>();
  t.number = j.at("number").get<int>();
  t.priority = enum_from<Priority>(j, "priority");
  t.state = enum_from<TicketState>(j, "state");
  t.issued_at = j.at("issued_at").get<int64_t>();
  t.queue_at = opt<int64_t>(j, "queue_at", t.issued_at);
  t.called_at = opt<int64_t>(j, "called_at", 0);
  t.started_at = opt<int64_t>(j, "started_at", 0);
  t.ended_at = opt<int64_t>(j, "ended_at", 0);
  t.counter = opt<int>(j, "counter", 0);
  t.target_counter = opt<int>(j, "target_counter", 0);
  t.recalls = opt<int>(j, "recalls", 0);
  t.transferred_from = opt<int64_t>(j, "transferred_from", 0);
  t.transferred_to = opt<int64_t>(j, "transferred_to", 0);
  t.token = opt<std::string>(j, "token", "");
  if (j.contains("eta_s_at_issue") && !j["eta_s_at_issue"].is_null())
    t.eta_s_at_issue = j["eta_s_at_issue"].get<int64_t>();
  for (const json& s : opt<json>(j, "history", json::array()))
    t.history.push_back({s.at("what").get<std::string>(), s.at("at").get<int64_t>(),
                         opt<int>(s, "counter", 0), opt<std::string>(s, "actor", ""),
                         opt<std::string>(s, "note", "")});
  return t;
}

json to_json(const StaffMember& s, bool with_secret) {
  json j = {{"id", s.id}, {"name", s.name}, {"active", s.active}, {"admin", s.admin}};
  if (with_secret) j["pin_hash"] = s.pin_hash;
  return j;
}

StaffMember staff_from_json(const json& j) {
  StaffMember s;
  s.id = j.at("id").get<std::string>();
  s.name = j.at("name").get<std::string>();
  s.pin_hash = opt<std::string>(j, "pin_hash", "");
  s.active = opt<bool>(j, "active", true);
  s.admin = opt<bool>(j, "admin", false);
  return s;
}

json to_json(const Resource& r) {
  return {{"id", r.id},       {"kind", to_string(r.kind)}, {"name_id", r.name_id},
          {"name_en", r.name_en}, {"total", r.total},     {"working", r.working},
          {"stock", r.stock}, {"low_threshold", r.low_threshold}};
}

Resource resource_from_json(const json& j) {
  Resource r;
  r.id = j.at("id").get<std::string>();
  r.kind = j.contains("kind") ? enum_from<ResourceKind>(j, "kind") : ResourceKind::other;
  r.name_id = opt<std::string>(j, "name_id", r.id);
  r.name_en = opt<std::string>(j, "name_en", r.name_id);
  r.total = opt<int>(j, "total", 0);
  r.working = opt<int>(j, "working", r.total);
  r.stock = opt<int>(j, "stock", 0);
  r.low_threshold = opt<int>(j, "low_threshold", 0);
  return r;
}

json to_json(const Disruption& d) {
  return {{"id", d.id},
          {"resource", d.resource},
          {"level", to_string(d.level)},
          {"started_at", d.started_at},
          {"expected_end", d.expected_end ? json(*d.expected_end) : json(nullptr)},
          {"message_id", d.message_id},
          {"message_en", d.message_en},
          {"services", d.services},
          {"declared_by", d.declared_by},
          {"counter", d.counter},
          {"active", d.active},
          {"cleared_at", d.cleared_at},
          {"cleared_by", d.cleared_by}};
}

Disruption disruption_from_json(const json& j) {
  Disruption d;
  d.id = j.at("id").get<int64_t>();
  d.resource = j.at("resource").get<std::string>();
  d.level = enum_from<DisruptionLevel>(j, "level");
  d.started_at = j.at("started_at").get<int64_t>();
  if (j.contains("expected_end") && !j["expected_end"].is_null())
    d.expected_end = j["expected_end"].get<int64_t>();
  d.message_id = opt<std::string>(j, "message_id", "");
  d.message_en = opt<std::string>(j, "message_en", "");
  d.services = opt<std::vector<std::string>>(j, "services", {});
  d.declared_by = opt<std::string>(j, "declared_by", "");
  d.counter = opt<int>(j, "counter", 0);
  d.active = opt<bool>(j, "active", true);
  d.cleared_at = opt<int64_t>(j, "cleared_at", 0);
  d.cleared_by = opt<std::string>(j, "cleared_by", "");
  return d;
}

json to_json(const ServiceStats& s) {
  return {{"service", s.service},           {"mean_service_s", s.mean_service_s}, {"samples", s.samples},
          {"mean_cycle_s", s.mean_cycle_s}, {"var_cycle_s2", s.var_cycle_s2},     {"cycle_samples", s.cycle_samples}};
}

ServiceStats stats_from_json(const json& j) {
  return {j.at("service").get<std::string>(), j.at("mean_service_s").get<double>(),
          opt<int>(j, "samples", 0),          opt<double>(j, "mean_cycle_s", 0.0),
          opt<double>(j, "var_cycle_s2", 0.0), opt<int>(j, "cycle_samples", 0)};
}

namespace {

json call_json(const std::optional<CallForecast>& c) {
  return c ? json::array({c->at_ms, c->low_ms, c->high_ms}) : json(nullptr);
}

std::optional<CallForecast> call_from_json(const json& j) {
  if (j.is_null()) return std::nullopt;
  if (!j.is_array() || j.size() != 3) throw std::invalid_argument("forecast: a call time is [at, low, high] or null");
  return CallForecast{j.at(0).get<int64_t>(), j.at(1).get<int64_t>(), j.at(2).get<int64_t>()};
}

}  // namespace

json to_json(const Forecast& f) {
  json tickets = json::object(), fresh = json::object();
  for (const auto& [id, c] : f.tickets) tickets[std::to_string(id)] = call_json(c);
  for (const auto& [code, c] : f.new_regular) fresh[code]["reguler"] = call_json(c);
  for (const auto& [code, c] : f.new_priority) fresh[code]["prioritas"] = call_json(c);
  return {{"seq", f.seq}, {"made_at", f.made_at}, {"tickets", tickets}, {"new", fresh}};
}

Forecast forecast_from_json(const json& j) {
  Forecast f;
  f.seq = opt<int64_t>(j, "seq", -1);
  f.made_at = opt<int64_t>(j, "made_at", 0);
  const json tickets = opt<json>(j, "tickets", json::object()), fresh = opt<json>(j, "new", json::object());
  for (const auto& [id, c] : tickets.items()) f.tickets[std::stoll(id)] = call_from_json(c);
  for (const auto& [code, x] : fresh.items()) {
    if (x.contains("reguler")) f.new_regular[code] = call_from_json(x["reguler"]);
    if (x.contains("prioritas")) f.new_priority[code] = call_from_json(x["prioritas"]);
  }
  return f;
}

json to_json(const DeviceStatus& d) {
  return {{"id", d.id}, {"state", d.state}, {"message", d.message}, {"at", d.at}};
}

DeviceStatus device_from_json(const json& j) {
  return {j.at("id").get<std::string>(), j.at("state").get<std::string>(), opt<std::string>(j, "message", ""),
          opt<int64_t>(j, "at", 0)};
}

json to_json(const DeviceKey& k) {
  return {{"name", k.name}, {"role", k.role}, {"counter", k.counter}, {"public_key", k.public_key},
          {"added_at", k.added_at}, {"added_by", k.added_by}, {"revoked", k.revoked}, {"revoked_at", k.revoked_at}};
}

DeviceKey device_key_from_json(const json& j) {
  return {j.at("name").get<std::string>(), j.at("role").get<std::string>(), opt<int>(j, "counter", 0),
          j.at("public_key").get<std::string>(), opt<int64_t>(j, "added_at", 0), opt<std::string>(j, "added_by", ""),
          opt<bool>(j, "revoked", false), opt<int64_t>(j, "revoked_at", 0)};
}

json state_to_json(const OfficeState& s, bool public_view, bool all_tickets) {
  json j;
  j["seq"] = s.seq;
  j["office"] = to_json(s.office);
  j["day"] = s.day;
  j["services"] = json::array();
  for (const auto& [_, v] : s.services) j["services"].push_back(to_json(v));
  j["counters"] = json::array();
  for (const auto& [_, v] : s.counters) j["counters"].push_back(to_json(v));
  j["tickets"] = json::array();
  if (all_tickets)
    for (const auto& [_, v] : s.tickets) j["tickets"].push_back(to_json(v, !public_view));
  j["staff"] = json::array();
  for (const auto& [_, v] : s.staff) j["staff"].push_back(to_json(v, !public_view));
  j["resources"] = json::array();
  for (const auto& [_, v] : s.resources) j["resources"].push_back(to_json(v));
  j["disruptions"] = json::array();
  for (const auto& [_, v] : s.disruptions) j["disruptions"].push_back(to_json(v));
  j["stats"] = json::array();
  for (const auto& [_, v] : s.stats) j["stats"].push_back(to_json(v));
  // The hub's forecast reads the arrival curves; screens do not need them.
  if (!public_view) {
    j["arrival_curves"] = json::array();
    for (const auto& [_, v] : s.arrivals) j["arrival_curves"].push_back(to_json(v));
  }
  j["devices"] = json::array();
  for (const auto& [_, v] : s.devices) j["devices"].push_back(to_json(v));
  // Which device holds which key is for admins (key_list); public views leave it out,
  // in snapshots and in events alike, so mirrors never hold it.
  if (!public_view) {
    j["device_keys"] = json::array();
    for (const auto& [_, v] : s.device_keys) j["device_keys"].push_back(to_json(v));
  }
  j["last_number"] = s.last_number;
  j["refused_today"] = s.refused_today;
  j["announcement"] = s.announcement;
  j["closures"] = json::array();
  for (const auto& [_, c] : s.closures) j["closures"].push_back(to_json(c));
  j["next_ticket_id"] = s.next_ticket_id;
  j["next_disruption_id"] = s.next_disruption_id;
  j["comeback"] = json::array();  // without the codes in a public view
  for (const auto& [_, v] : s.comeback) j["comeback"].push_back(to_json(v, !public_view));
  j["next_comeback_id"] = s.next_comeback_id;
  // Bookings are the office's, not the hall's: a public view has only their counts.
  if (!public_view) {
    j["bookings"] = json::array();
    for (const auto& [_, v] : s.bookings) j["bookings"].push_back(to_json(v, true));
    j["next_booking_id"] = s.next_booking_id;
  }
  j["forecast"] = to_json(s.forecast);
  return j;
}

OfficeState state_from_json(const json& j) {
  OfficeState s;
  s.seq = j.at("seq").get<int64_t>();
  s.office = office_from_json(j.at("office"));
  s.day = j.at("day").get<std::string>();
  for (const json& v : j.at("services")) {
    Service x = service_from_json(v);
    s.services[x.code] = x;
  }
  for (const json& v : j.at("counters")) {
    Counter x = counter_from_json(v);
    s.counters[x.number] = x;
  }
  for (const json& v : j.at("tickets")) {
    Ticket x = ticket_from_json(v);
    s.tickets[x.id] = x;
  }
  for (const json& v : opt<json>(j, "staff", json::array())) {
    StaffMember x = staff_from_json(v);
    s.staff[x.id] = x;
  }
  for (const json& v : j.at("resources")) {
    Resource x = resource_from_json(v);
    s.resources[x.id] = x;
  }
  for (const json& v : j.at("disruptions")) {
    Disruption x = disruption_from_json(v);
    s.disruptions[x.id] = x;
  }
  for (const json& v : opt<json>(j, "stats", json::array())) {
    ServiceStats x = stats_from_json(v);
    s.stats[x.service] = x;
  }
  for (const json& v : opt<json>(j, "arrival_curves", json::array())) {
    ArrivalCurve x = arrival_curve_from_json(v);
    s.arrivals[x.service] = x;
  }
  for (const json& v : opt<json>(j, "devices", json::array())) {
    DeviceStatus x = device_from_json(v);
    s.devices[x.id] = x;
  }
  for (const json& v : opt<json>(j, "device_keys", json::array())) {
    DeviceKey x = device_key_from_json(v);
    s.device_keys[x.name] = x;
  }
  s.last_number = opt<std::map<std::string, int>>(j, "last_number", {});
  s.refused_today = opt<std::map<std::string, int>>(j, "refused_today", {});
  s.announcement = opt<std::string>(j, "announcement", "");
  for (const json& v : opt<json>(j, "closures", json::array()))
    if (auto c = closure_from_json(v, "closures")) s.closures[c->date] = *c;
  s.next_ticket_id = opt<int64_t>(j, "next_ticket_id", 1);
  s.next_disruption_id = opt<int64_t>(j, "next_disruption_id", 1);
  for (const json& v : opt<json>(j, "comeback", json::array())) {
    ComebackEntry x = comeback_from_json(v);
    s.comeback[x.id] = x;
  }
  s.next_comeback_id = opt<int64_t>(j, "next_comeback_id", 1);
  for (const json& v : opt<json>(j, "bookings", json::array())) {
    Booking x = booking_from_json(v);
    s.bookings[x.id] = x;
  }
  s.next_booking_id = opt<int64_t>(j, "next_booking_id", 1);
  if (j.contains("forecast") && j["forecast"].is_object()) s.forecast = forecast_from_json(j["forecast"]);
  reindex(s);
  return s;
}

}  // namespace antrian
