// `antrian-ctl watch`: follows the hub's event stream live through the same client
// the GUIs use (snapshot, then events; gaps filled; offline shown).
#include <atomic>
#include <chrono>
#include <csignal>
#include <iostream>
#include <mutex>
#include <thread>

#include "antrian/hub_client.h"
#include "antrian/office_time.h"
#include "ctl.h"

namespace antrian::ctl {
namespace {
std::atomic<bool> g_interrupted{false};
void on_sigint(int) { g_interrupted = true; }
}  // namespace

void add_watch(CLI::App& app, WatchOptions& opt, bool& chosen) {
  auto* sc = app.add_subcommand("watch", "Follow the hub's events live (snapshot, then updates)");
  sc->add_option("--max-events", opt.max_events, "Stop after this many events")->check(CLI::NonNegativeNumber);
  sc->add_option("--seconds", opt.seconds, "Stop after this many seconds")->check(CLI::NonNegativeNumber);
  sc->callback([&chosen] { chosen = true; });
}

int run_watch(const Globals& g, const WatchOptions& opt) {
  std::signal(SIGINT, on_sigint);
  std::signal(SIGTERM, on_sigint);
  HubClientOptions hub_opt{g.hub, g.role, g.client, true, g.timeout_ms, g.retries};
  hub_opt.keys = g.keys;
  HubClient client(hub_opt);
  std::mutex out_mu;
  std::atomic<int> events{0};
  std::atomic<int> tz{7};
  client.on_snapshot([&] {
    const OfficeState s = client.state_copy();
    int h = 7;
    timezone_offset_hours(s.office.timezone, h);
    tz = h;
    int waiting = 0;
    for (const auto& [_, t] : s.tickets) waiting += t.state == TicketState::waiting;
    std::lock_guard l(out_mu);
    if (g.json) std::cout << nlohmann::json{{"snapshot", s.seq}, {"waiting", waiting}}.dump() << std::endl;
    else std::cout << "snapshot at event " << s.seq << ": " << s.office.name << ", " << waiting << " waiting" << std::endl;
  });
  client.on_event([&](const Event& e, bool live) {
    std::lock_guard l(out_mu);
    const nlohmann::json j = event_to_json(e, true);
    if (g.json) std::cout << j.dump() << std::endl;
    else std::cout << describe_event(j, tz) << (live ? "" : "  [recovered]") << std::endl;
    events += 1;
  });
  bool was_online = false;
  const auto start = std::chrono::steady_clock::now();
  while (!g_interrupted) {
    if (opt.max_events > 0 && events >= opt.max_events) break;
    if (opt.seconds > 0 && std::chrono::steady_clock::now() - start > std::chrono::duration<double>(opt.seconds)) break;
    const bool online = client.online();
    if (online != was_online) {
      std::lock_guard l(out_mu);
      if (g.json) std::cout << nlohmann::json{{"online", online}}.dump() << std::endl;
      else std::cout << (online ? "connected to " + g.hub : "OFFLINE: the hub has been silent for 3 s; showing the last state") << std::endl;
      was_online = online;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  return kOk;
}

}  // namespace antrian::ctl
