#include "antrian/counter/dialogs.h"

#include <algorithm>
#include <cstdio>

#include "antrian/service_health.h"
#include "antrian/strings.h"

namespace antrian::counter {

TransferDialog open_transfer(const OfficeState& s, int loket, const Ticket& held) {
  TransferDialog d;
  d.ticket_id = held.id;
  d.ticket_label = held.label();
  d.ticket_service = held.service;
  for (const auto& [code, svc] : s.services)
    if (svc.enabled && code != held.service) d.targets.push_back({false, code, 0});
  for (const auto& [n, c] : s.counters)
    if (n != loket) d.targets.push_back({true, {}, n});
  return d;
}

nlohmann::json transfer_args(const TransferDialog& d, int loket) {
  nlohmann::json a = {{"counter", loket}, {"note", d.note.text()}};
  if (d.targets.empty()) return a;
  const TransferTarget& t = d.targets.at(std::clamp<std::size_t>(d.chosen, 0, d.targets.size() - 1));
  if (t.to_loket) a["to_counter"] = t.loket;
  else a["to_service"] = t.service;
  return a;
}

DisruptionDialog open_disruption(const OfficeState& s, int loket) {
  DisruptionDialog d;
  for (const auto& [id, _] : s.resources) d.resources.push_back(id);
  auto c = s.counters.find(loket);
  if (c != s.counters.end()) d.services = c->second.services;
  for (const auto& [_, x] : s.disruptions)
    if (x.active && x.counter == loket) {
      auto at = std::find(d.resources.begin(), d.resources.end(), x.resource);
      if (at != d.resources.end()) {
        d.chosen = int(at - d.resources.begin());
        d.level = x.level;
      }
      break;
    }
  preset_affected(s, d);
  return d;
}

const Disruption* own_disruption(const OfficeState& s, const DisruptionDialog& d, int loket) {
  if (d.resources.empty()) return nullptr;
  const std::string& id = d.resources.at(std::clamp<std::size_t>(d.chosen, 0, d.resources.size() - 1));
  for (const auto& [_, x] : s.disruptions)
    if (x.active && x.counter == loket && x.resource == id) return &x;
  return nullptr;
}

std::optional<nlohmann::json> expected_end_args(std::string_view typed) {
  std::string t(typed);
  while (!t.empty() && t.back() == ' ') t.pop_back();
  while (!t.empty() && t.front() == ' ') t.erase(0, 1);
  if (t.empty()) return nlohmann::json::object();
  const auto digits = [](std::string_view x) {
    return !x.empty() && std::all_of(x.begin(), x.end(), [](char ch) { return ch >= '0' && ch <= '9'; });
  };
  if (digits(t)) {
    const int minutes = std::stoi(t);
    if (minutes < 1) return std::nullopt;
    return nlohmann::json{{"expected_minutes", minutes}};
  }
  const auto sep = t.find_first_of(":.");
  if (sep == std::string::npos) return std::nullopt;
  const std::string hh = t.substr(0, sep), mm = t.substr(sep + 1);
  if (!digits(hh) || hh.size() > 2 || !digits(mm) || mm.size() != 2) return std::nullopt;
  const int h = std::stoi(hh), m = std::stoi(mm);
  if (h > 23 || m > 59) return std::nullopt;
  char buf[8];
  std::snprintf(buf, sizeof buf, "%02d:%02d", h, m);
  return nlohmann::json{{"expected_at", buf}};
}

void preset_affected(const OfficeState& s, DisruptionDialog& d) {
  d.affected.assign(d.services.size(), false);
  if (d.resources.empty()) return;
  const auto needing = services_needing(s, d.resources.at(std::clamp<std::size_t>(d.chosen, 0, d.resources.size() - 1)));
  bool any = false;
  for (std::size_t i = 0; i < d.services.size(); ++i)
    if (std::find(needing.begin(), needing.end(), d.services[i]) != needing.end()) d.affected[i] = any = true;
  if (!any) d.affected.assign(d.services.size(), true);
}

nlohmann::json disruption_args(const OfficeState& s, const DisruptionDialog& d, int loket) {
  nlohmann::json a = {{"counter", loket}};
  if (d.resources.empty()) return a;
  const std::string& id = d.resources.at(std::clamp<std::size_t>(d.chosen, 0, d.resources.size() - 1));
  a["resource"] = id;
  if (const Disruption* own = own_disruption(s, d, loket)) {
    a.erase("resource");  // an update of what this loket reported, not a second report
    a["id"] = own->id;
  }
  a["level"] = to_string(d.level);
  if (auto end = expected_end_args(d.expected.text()); end) a.update(*end);
  nlohmann::json services = nlohmann::json::array();
  for (std::size_t i = 0; i < d.services.size(); ++i)
    if (d.affected[i]) services.push_back(d.services[i]);
  a["services"] = services;
  if (!d.message.empty()) {
    a["message_id"] = d.message.text();
    a["message_en"] = d.message.text();
    return a;
  }
  auto r = s.resources.find(id);
  const std::string name_id = r != s.resources.end() ? r->second.name_id : id;
  const std::string name_en = r != s.resources.end() ? r->second.name_en : id;
  auto c = s.counters.find(loket);
  const std::string where = c != s.counters.end() ? c->second.name : "Loket " + std::to_string(loket);
  const std::string key = d.level == DisruptionLevel::down ? "counter.disruption.default_down"
                                                          : "counter.disruption.default_degraded";
  a["message_id"] = trf(key, Lang::id, {name_id, where});
  a["message_en"] = trf(key, Lang::en, {name_en, where});
  return a;
}

}  // namespace antrian::counter
