#include "antrian/service_health.h"

#include <algorithm>

namespace antrian {

ServiceHealth service_health(const OfficeState& s, const std::string& service) {
  ServiceHealth h;
  auto svc = s.services.find(service);
  if (svc == s.services.end()) return h;
  bool halted = false;
  bool any_halting_end_unknown = false;
  int64_t latest_end = 0;
  for (const auto& [id, d] : s.disruptions) {
    if (!d.active) continue;
    if (std::find(d.services.begin(), d.services.end(), service) == d.services.end()) continue;
    h.disruption_ids.push_back(id);
    if (d.level == DisruptionLevel::down) {
      halted = true;
      if (d.expected_end) latest_end = std::max(latest_end, *d.expected_end);
      else any_halting_end_unknown = true;
    } else {
      h.capacity *= kDegradedCapacity;
    }
  }
  // Resources counted in numbers (printers, blangko) cut capacity directly.
  for (const std::string& rid : svc->second.resources) {
    auto r = s.resources.find(rid);
    if (r == s.resources.end()) continue;
    if (r->second.kind == ResourceKind::card_printers && r->second.total > 0) {
      if (r->second.working <= 0) { halted = true; any_halting_end_unknown = true; }
      else h.capacity *= double(r->second.working) / r->second.total;
    }
    if (r->second.kind == ResourceKind::blangko && r->second.stock <= 0) {
      halted = true;
      any_halting_end_unknown = true;
    }
  }
  h.running_capacity = h.capacity;
  if (halted) {
    h.status = ServiceStatus::halted;
    h.capacity = 0;
    h.end_known = !any_halting_end_unknown;
    if (h.end_known && latest_end > 0) h.expected_end = latest_end;
  } else if (h.capacity < 1.0 || !h.disruption_ids.empty()) {
    h.status = ServiceStatus::degraded;
  }
  if (!svc->second.enabled) {
    h.status = ServiceStatus::halted;
    h.capacity = 0;
    h.end_known = false;
  }
  return h;
}

std::vector<std::string> services_needing(const OfficeState& s, const std::string& resource) {
  std::vector<std::string> out;
  for (const auto& [code, svc] : s.services)
    if (std::find(svc.resources.begin(), svc.resources.end(), resource) != svc.resources.end())
      out.push_back(code);
  return out;
}

}  // namespace antrian
