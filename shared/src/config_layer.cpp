#include "antrian/config_layer.h"

#include <map>
#include <set>

#include "antrian/model_json.h"

namespace antrian {

using nlohmann::json;

namespace {

Error layer_error(const std::string& where, const std::string& what) {
  return make_error("bad_config", where + ": " + what);
}

const std::set<std::string>& service_fields() {
  static const std::set<std::string> f = {"code", "prefix", "name_id", "name_en", "daily_quota", "mean_service_s",
                                          "resources", "enabled", "alternative_id", "alternative_en",
                                          "alternative_service", "issuing_from", "issuing_until"};
  return f;
}

// Drops nulls so that a field left null means "as the office has it" (to_json writes
// null for an issuing window that is not set).
json without_nulls(const json& j) {
  json out = json::object();
  for (const auto& [k, v] : j.items())
    if (!v.is_null()) out[k] = v;
  return out;
}

}  // namespace

Result<Ok> check_config_layer(const json& layer) {
  if (!layer.is_object()) return layer_error("config", "must be a JSON object with services, calendar, holidays");
  for (const auto& [key, value] : layer.items()) {
    if (key == "services") {
      if (!value.is_array()) return layer_error("services", "must be a list of services");
      std::set<std::string> codes;
      for (std::size_t i = 0; i < value.size(); ++i) {
        const std::string where = "services[" + std::to_string(i) + "]";
        const json& s = value[i];
        if (!s.is_object()) return layer_error(where, "must be an object with a code");
        if (!s.contains("code") || !s["code"].is_string() || s["code"].get<std::string>().empty())
          return layer_error(where + ".code", "missing: a service is named by its code, e.g. \"A\"");
        if (!codes.insert(s["code"].get<std::string>()).second)
          return layer_error(where + ".code", "\"" + s["code"].get<std::string>() + "\" twice");
        for (const auto& [f, v] : s.items()) {
          if (!service_fields().count(f)) return layer_error(where + "." + f, "unknown field");
          const bool ok = f == "daily_quota" || f == "mean_service_s" ? v.is_number_integer()
                          : f == "enabled"                          ? v.is_boolean()
                          : f == "resources"                        ? v.is_array()
                          : f == "issuing_from" || f == "issuing_until" ? (v.is_string() || v.is_null())
                                                                        : v.is_string();
          if (!ok) return layer_error(where + "." + f, "has the wrong type");
        }
      }
    } else if (key == "calendar") {
      if (!value.is_object()) return layer_error("calendar", "must be an object with hours, breaks, last_ticket_minutes");
      for (const auto& [f, v] : value.items()) {
        if (f == "hours" && !v.is_object()) return layer_error("calendar.hours", "must be {\"mon\": \"08:00-15:00\", ...}");
        if (f == "breaks" && !v.is_array()) return layer_error("calendar.breaks", "must be a list");
        if (f == "last_ticket_minutes" && !v.is_number_integer())
          return layer_error("calendar.last_ticket_minutes", "must be a whole number of minutes");
        if (f != "hours" && f != "breaks" && f != "last_ticket_minutes")
          return layer_error("calendar." + f, "unknown field (hours, breaks, last_ticket_minutes)");
      }
    } else if (key == "holidays") {
      if (!value.is_array()) return layer_error("holidays", "must be a list of dates");
      for (std::size_t i = 0; i < value.size(); ++i)
        if (!value[i].is_object() || !value[i].contains("date") || !value[i]["date"].is_string())
          return layer_error("holidays[" + std::to_string(i) + "]", "must be {\"date\": \"YYYY-MM-DD\", \"reason_id\": ...}");
    } else {
      return layer_error(key, "unknown field (services, calendar, holidays)");
    }
  }
  return Ok{};
}

json merge_config_layers(const json& base, const json& over) {
  json out = base.is_object() ? base : json::object();
  if (!over.is_object()) return out;
  if (over.contains("services")) {
    json merged = out.value("services", json::array());
    for (const json& s : over["services"]) {
      bool found = false;
      for (json& m : merged)
        if (m.value("code", "") == s.value("code", "")) {
          m.update(s);
          found = true;
        }
      if (!found) merged.push_back(s);
    }
    out["services"] = merged;
  }
  if (over.contains("calendar")) {
    json cal = out.value("calendar", json::object());
    for (const auto& [f, v] : over["calendar"].items()) {
      if (f == "hours" && cal.contains("hours") && cal["hours"].is_object()) cal["hours"].update(v);
      else cal[f] = v;
    }
    out["calendar"] = cal;
  }
  if (over.contains("holidays")) {
    std::map<std::string, json> by_date;
    for (const json& h : out.value("holidays", json::array())) by_date[h.value("date", "")] = h;
    for (const json& h : over["holidays"]) by_date[h.value("date", "")] = h;
    json list = json::array();
    for (auto& [_, h] : by_date) list.push_back(h);
    out["holidays"] = list;
  }
  return out;
}

json office_config_json(const OfficeState& s) {
  json cfg;
  cfg["office"] = to_json(s.office);
  cfg["services"] = json::array();
  for (const auto& [_, x] : s.services) cfg["services"].push_back(without_nulls(to_json(x)));
  cfg["counters"] = json::array();
  for (const auto& [n, c] : s.counters)
    cfg["counters"].push_back({{"number", n}, {"name", c.name}, {"services", c.services}});
  cfg["resources"] = json::array();
  for (const auto& [_, r] : s.resources) cfg["resources"].push_back(to_json(r));
  cfg["closures"] = json::array();
  for (const auto& [_, c] : s.closures) cfg["closures"].push_back(to_json(c));
  return cfg;
}

Result<OfficeConfig> apply_config_layer(const OfficeState& s, const json& layer) {
  if (auto r = check_config_layer(layer); !r) return r.error();
  json cfg = office_config_json(s);
  for (const json& t : layer.value("services", json::array())) {
    bool found = false;
    for (json& x : cfg["services"])
      if (x["code"] == t["code"]) {
        x.update(t);
        x = without_nulls(x);
        found = true;
      }
    if (!found) cfg["services"].push_back(without_nulls(t));
  }
  if (layer.contains("calendar"))
    for (const auto& [f, v] : layer["calendar"].items()) {
      if (f == "hours") cfg["office"]["hours"].update(v);
      else cfg["office"][f] = v;
    }
  // Holidays join the dates the site has (a date it closed itself stays closed).
  std::map<std::string, json> closed;
  for (const json& c : cfg["closures"]) closed[c.value("date", "")] = c;
  for (const json& h : layer.value("holidays", json::array())) {
    json item = h;
    if (!item.contains("kind")) item["kind"] = "holiday";
    closed[h.value("date", "")] = item;
  }
  cfg["closures"] = json::array();
  for (auto& [_, c] : closed) cfg["closures"].push_back(c);
  return parse_office_config(cfg.dump());
}

}  // namespace antrian
