#include "antrian/office_config.h"
#include "antrian/secrets.h"

#include <fstream>
#include <set>
#include <sstream>

#include "antrian/model_json.h"
#include "antrian/office_time.h"

namespace antrian {
namespace {

Error config_error(const std::string& where, const std::string& what) {
  return make_error("bad_config", where + ": " + what);
}

bool valid_code(const std::string& s) {
  if (s.empty() || s.size() > 3) return false;
  for (char c : s)
    if (!(c >= 'A' && c <= 'Z')) return false;
  return true;
}

}  // namespace

Result<OfficeConfig> parse_office_config(std::string_view text) {
  json root;
  try {
    root = json::parse(text);
  } catch (const json::exception& e) {  // also out_of_range: a number too large for a double
    return config_error("config", std::string("not valid JSON (") + e.what() + ")");
  }
  if (!root.is_object()) return config_error("config", "must be a JSON object");
  OfficeConfig cfg;
  std::string where = "office";
  try {
    if (!root.contains("office")) return config_error("office", "missing");
    cfg.office = office_from_json(root.at("office"));
    int tz = 0;
    if (!timezone_offset_hours(cfg.office.timezone, tz))
      return config_error("office.timezone", "must be WIB, WITA or WIT, not \"" + cfg.office.timezone + "\"");
    if (cfg.office.opening_hour < 0 || cfg.office.closing_hour > 24 ||
        cfg.office.opening_hour >= cfg.office.closing_hour)
      return config_error("office", "opening_hour must be before closing_hour, both 0..24");
    if (!cfg.office.routing.is_array()) return config_error("office.routing", "must be a list");
    if (cfg.office.no_show_return_min < 0 || cfg.office.no_show_return_min > 480)
      return config_error("office.no_show_return_minutes",
                          "must be a whole number of minutes from 0 (a no-show cannot be brought back) to 480, not " +
                              std::to_string(cfg.office.no_show_return_min));
    if (root.contains("roster")) {
      if (!root["roster"].is_array()) return config_error("roster", "must be a list of {counter, from, until}");
      where = "roster";
      cfg.office.roster = office_from_json({{"name", cfg.office.name}, {"roster", root["roster"]}}).roster;
    }
    if (root.contains("routing")) {
      if (!root["routing"].is_array()) return config_error("routing", "must be a list");
      cfg.office.routing = root["routing"];
    }

    std::set<std::string> resource_ids;
    const json resources = root.value("resources", json::array());
    for (size_t i = 0; i < resources.size(); ++i) {
      where = "resources[" + std::to_string(i) + "]";
      Resource r = resource_from_json(resources[i]);
      if (r.id.empty()) return config_error(where + ".id", "must not be empty");
      if (!resource_ids.insert(r.id).second) return config_error(where + ".id", "duplicate \"" + r.id + "\"");
      if (r.total < 0 || r.working < 0 || r.working > r.total || r.stock < 0 || r.low_threshold < 0)
        return config_error(where, "counts must be >= 0 and working <= total");
      cfg.resources.push_back(r);
    }

    std::set<std::string> codes, prefixes;
    const json services = root.value("services", json::array());
    if (services.empty()) return config_error("services", "at least one service is needed");
    for (size_t i = 0; i < services.size(); ++i) {
      where = "services[" + std::to_string(i) + "]";
      Service s = service_from_json(services[i]);
      if (!valid_code(s.code)) return config_error(where + ".code", "must be 1-3 capital letters, not \"" + s.code + "\"");
      if (!valid_code(s.prefix)) return config_error(where + ".prefix", "must be 1-3 capital letters");
      if (!codes.insert(s.code).second) return config_error(where + ".code", "duplicate \"" + s.code + "\"");
      if (!prefixes.insert(s.prefix).second) return config_error(where + ".prefix", "duplicate \"" + s.prefix + "\"");
      if (s.daily_quota < 0 || s.daily_quota > 9999) return config_error(where + ".daily_quota", "must be 0 (no limit) to 9999");
      if (s.mean_service_s <= 0 || s.mean_service_s > 86400) return config_error(where + ".mean_service_s", "must be 1..86400 seconds");
      for (const std::string& r : s.resources)
        if (!resource_ids.count(r)) return config_error(where + ".resources", "unknown resource \"" + r + "\"");
      if (s.issuing_from_min >= 0 && s.issuing_until_min >= 0 && s.issuing_until_min <= s.issuing_from_min)
        return config_error(where + ".issuing_until", "must be after issuing_from");
      cfg.services.push_back(s);
    }

    for (size_t i = 0; i < cfg.services.size(); ++i) {
      const std::string& alt = cfg.services[i].alternative_service;
      if (!alt.empty() && (!codes.count(alt) || alt == cfg.services[i].code))
        return config_error("services[" + std::to_string(i) + "].alternative_service",
                            "must be another service's code, not \"" + alt + "\"");
    }

    std::set<int> numbers;
    const json counters = root.value("counters", json::array());
    for (size_t i = 0; i < counters.size(); ++i) {
      where = "counters[" + std::to_string(i) + "]";
      Counter c = counter_from_json(counters[i]);
      c.state = CounterState::closed;
      c.staff.clear();
      c.current_ticket = 0;
      if (c.number <= 0 || c.number > 999) return config_error(where + ".number", "must be 1..999");
      if (!numbers.insert(c.number).second) return config_error(where + ".number", "duplicate " + std::to_string(c.number));
      if (c.services.empty()) return config_error(where + ".services", "a loket must serve at least one service");
      for (const std::string& s : c.services)
        if (!codes.count(s)) return config_error(where + ".services", "unknown service \"" + s + "\"");
      cfg.counters.push_back(c);
    }

    for (size_t i = 0; i < cfg.office.roster.size(); ++i) {
      const RosterShift& r = cfg.office.roster[i];
      where = "roster[" + std::to_string(i) + "]";
      if (!numbers.count(r.counter)) return config_error(where + ".counter", "no loket " + std::to_string(r.counter));
      if (r.from_min >= r.until_min) return config_error(where, "from must be before until");
    }

    std::set<std::string> staff_ids;
    const json staff = root.value("staff", json::array());
    for (size_t i = 0; i < staff.size(); ++i) {
      where = "staff[" + std::to_string(i) + "]";
      StaffSeed s{staff[i].at("id").get<std::string>(), staff[i].at("name").get<std::string>(),
                  staff[i].at("pin").get<std::string>(), staff[i].value("admin", false)};
      if (s.id.empty() || !staff_ids.insert(s.id).second) return config_error(where + ".id", "empty or duplicate");
      if (auto why = pin_rule_violation(s.pin); !why.empty()) return config_error(where + ".pin", why);
      cfg.staff.push_back(s);
    }
    std::set<std::string> dates;
    for (const char* list : {"holidays", "closures"}) {
      const json items = root.value(list, json::array());
      if (!items.is_array()) return config_error(list, "must be a list of dates");
      for (size_t i = 0; i < items.size(); ++i) {
        where = std::string(list) + "[" + std::to_string(i) + "]";
        auto c = closure_from_json(items[i], where);
        if (!c) return c.error();
        if (std::string(list) == "closures" && !items[i].contains("kind")) c->kind = "closure";
        if (!dates.insert(c->date).second) return config_error(where + ".date", "duplicate " + c->date);
        cfg.closures.push_back(*c);
      }
    }
    std::vector<std::string> ids(resource_ids.begin(), resource_ids.end());
    auto probes = parse_probes(root.value("probes", json::array()), ids);
    if (!probes) return probes.error();
    cfg.probes = *probes;
    auto messages = parse_message_config(root.value("messages", json()));
    if (!messages) return messages.error();
    cfg.messages = *messages;
  } catch (const std::exception& e) {
    return config_error(where, e.what());
  }
  return cfg;
}

Result<OfficeConfig> load_office_config_file(const std::string& path) {
  std::ifstream in(path);
  if (!in) return config_error(path, "cannot be read (does it exist?)");
  std::stringstream ss;
  ss << in.rdbuf();
  auto r = parse_office_config(ss.str());
  if (!r) return make_error(r.error().code, path + ": " + r.error().reason);
  return r;
}

Result<OfficeConfig> default_office_config() { return parse_office_config(default_office_json()); }

}  // namespace antrian
