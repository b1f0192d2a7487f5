#include "antrian/counter/dialogs.h"

#include <algorithm>

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
  preset_affected(s, d);
  return d;
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
  a["level"] = to_string(d.level);
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
