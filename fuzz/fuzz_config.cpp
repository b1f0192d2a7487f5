// Fuzz harness 2: the office config file. An office writes it by hand (services,
// lokets, resources, staff, probes, the kiosk's routing table), so a typo must come back
// as a reason naming the field, never a crash. A config that passes is taken as far as
// the programs take it: the hub's first events of a new database applied to a state
// (configure_office_events, as Hub::create does), every probe spec through
// parse_probes again, and the routing table through the kiosk's own check
// (choose_routing in kiosk/model/src/routing.cpp, compiled in here).
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <string>
#include <string_view>

#include "antrian/commands.h"
#include "antrian/event.h"
#include "antrian/kiosk/routing.h"
#include "antrian/model_json.h"
#include "antrian/office_config.h"
#include "antrian/probe.h"

namespace {

using namespace antrian;

// 2026-11-23 09:00 WIB (a Monday morning).
constexpr int64_t kMonday9am = 1'795'399'200'000;

[[noreturn]] void fail(const std::string& what) {
  std::fprintf(stderr, "config fuzz: %s\n", what.c_str());
  std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  auto cfg = parse_office_config(text);
  if (!cfg) {
    if (cfg.error().reason.empty()) fail("a config was refused without a reason");
    return 0;
  }
  // Staff PINs are hashed by the hub with Argon2 (slow by design, not what is fuzzed).
  cfg->staff.clear();
  OfficeState s;
  for (Event e : configure_office_events(s, *cfg, kMonday9am)) {
    e.seq = s.seq + 1;
    e.data.dump();  // the store's events.data column
    apply_event(s, e);
  }
  if (auto day = day_rollover_event(s, kMonday9am)) {
    day->seq = s.seq + 1;
    apply_event(s, *day);
  }
  state_to_json(s, true).dump();

  std::vector<std::string> resources;
  for (const auto& r : cfg->resources) resources.push_back(r.id);
  for (const ProbeSpec& p : cfg->probes) {
    nlohmann::json one = {{"resource", p.resource}, {"check", p.check}};
    auto again = parse_probes(nlohmann::json::array({one}), resources);
    if (!again) fail("an accepted probe is refused when given alone: " + again.error().reason);
  }

  std::map<std::string, kiosk::Text> services;
  for (const auto& sv : cfg->services) services[sv.code] = kiosk::Text{sv.name_id, sv.name_en};
  auto routing = kiosk::choose_routing(s.office.routing, services);
  for (const auto& root : routing.table.roots) {
    kiosk::services_under(root);
    kiosk::choices_at(routing.table, {root.id});
  }
  return 0;
}
