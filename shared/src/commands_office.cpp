// Rules for changing the office while it runs: a service's names, quota, state and
// alternative; a loket's name and the services it serves (in order of preference).
// The same checks as the config file, so a running office can never hold a
// configuration that would be refused at start.
#include <algorithm>
#include <set>

#include "command_support.h"

namespace antrian::detail {
namespace {

Result<std::string> text_arg(const json& a, const char* field, size_t max_len, bool allow_empty = false) {
  return get_string(a, field, max_len, allow_empty);
}

}  // namespace

Result<Decision> cmd_service_set(const OfficeState& s, const json& a, const CommandContext& ctx) {
  auto code = get_string(a, "code", 3);
  if (!code) return code.error();
  auto it = s.services.find(*code);
  if (it == s.services.end()) return not_found("there is no service \"" + *code + "\" (new services come from the config file)");
  Service svc = it->second;
  for (auto [field, target] : {std::pair{"name_id", &svc.name_id}, std::pair{"name_en", &svc.name_en}}) {
    if (!a.contains(field)) continue;
    auto v = text_arg(a, field, 100);
    if (!v) return v.error();
    *target = *v;
  }
  for (auto [field, target] : {std::pair{"alternative_id", &svc.alternative_id}, std::pair{"alternative_en", &svc.alternative_en}}) {
    if (!a.contains(field)) continue;
    auto v = text_arg(a, field, 300, true);
    if (!v) return v.error();
    *target = *v;
  }
  if (a.contains("alternative_service")) {
    auto v = text_arg(a, "alternative_service", 3, true);
    if (!v) return v.error();
    if (!v->empty() && (!s.services.count(*v) || *v == svc.code))
      return bad_arg("alternative_service", "must be another service's code, or empty");
    svc.alternative_service = *v;
  }
  if (a.contains("daily_quota")) {
    auto q = get_int(a, "daily_quota", 0, 9999);
    if (!q) return q.error();
    svc.daily_quota = int(*q);
  }
  if (a.contains("mean_service_s")) {
    auto m = get_int(a, "mean_service_s", 1, 86400);
    if (!m) return m.error();
    svc.mean_service_s = int(*m);
  }
  if (a.contains("enabled")) {
    if (!a["enabled"].is_boolean()) return bad_arg("enabled", "must be true or false");
    svc.enabled = a["enabled"].get<bool>();
  }
  Decision d;
  d.result["service"] = to_json(svc);
  d.events.push_back(make_event(proto::ev::service_changed, ctx, actor_of(s, ctx, 0),
                                {{"service", svc.code}, {"services", {to_json(svc)}}}));
  return d;
}

Result<Decision> cmd_counter_set(const OfficeState& s, const json& a, const CommandContext& ctx) {
  auto number = get_int(a, "number", 1, 999);
  if (!number) return number.error();
  auto it = s.counters.find(int(*number));
  if (it == s.counters.end()) return not_found("there is no loket " + std::to_string(*number) + " (new lokets come from the config file)");
  Counter c = it->second;
  if (a.contains("name")) {
    auto n = text_arg(a, "name", 60);
    if (!n) return n.error();
    c.name = *n;
  }
  if (a.contains("services")) {
    if (!a["services"].is_array() || a["services"].empty())
      return bad_arg("services", "must be a non-empty list of service codes, most preferred first");
    std::vector<std::string> list;
    std::set<std::string> seen;
    for (const json& v : a["services"]) {
      if (!v.is_string() || !s.services.count(v.get<std::string>()))
        return bad_arg("services", "unknown service " + v.dump());
      if (!seen.insert(v.get<std::string>()).second) return bad_arg("services", "lists " + v.dump() + " twice");
      list.push_back(v.get<std::string>());
    }
    c.services = list;
  }
  Decision d;
  d.result["counter"] = to_json(c);
  d.events.push_back(make_event(proto::ev::counter_changed, ctx, actor_of(s, ctx, 0),
                                {{"counter", c.number}, {"what", "configured"}, {"counters", {to_json(c)}}}));
  return d;
}

}  // namespace antrian::detail
