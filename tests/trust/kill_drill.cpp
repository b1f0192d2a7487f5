#include "kill_drill.h"

#include <atomic>
#include <chrono>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>
#include <mutex>
#include <random>
#include <set>
#include <thread>

#include "antrian/hub_client.h"
#include "antrian/office_config.h"
#include "hub_process.h"
#include "trust_util.h"

namespace antrian::test {
namespace {

using json = nlohmann::json;
using Clk = std::chrono::steady_clock;

int64_t ms_since(Clk::time_point t) {
  return std::chrono::duration_cast<std::chrono::milliseconds>(Clk::now() - t).count();
}

// What the load saw, shared by its threads.
struct Load {
  const HubProcess* hub = nullptr;
  std::atomic<bool> stop{false};
  std::mutex mu;
  std::map<std::string, std::string> acked;  // label -> request id
  int64_t duplicated = 0, counter_ops = 0, retried = 0;
  std::string problem;

  void note(const std::string& p) {
    std::lock_guard l(mu);
    if (problem.empty()) problem = p;
  }
};

// Sends a request until it is answered, always with the same id (Lazy Pirate): a
// request the hub committed before it died gets its stored reply after the restart.
std::optional<json> until_answered(std::unique_ptr<RawClient>& c, Load& load, const json& req) {
  for (bool first = true; !load.stop; first = false) {
    if (!first) {
      std::lock_guard l(load.mu);
      ++load.retried;
    }
    c->send_frames({req.dump()});
    if (auto r = c->receive(500)) return json::parse(r->back());
    c = std::make_unique<RawClient>(*load.hub, c->loket());  // a fresh socket drops the unsent copy
  }
  return std::nullopt;
}

json make_request(const std::string& id, const std::string& cmd, const std::string& role, json args) {
  return {{"v", 1}, {"id", id}, {"cmd", cmd}, {"role", role}, {"args", std::move(args)}};
}

void kiosk(Load& load, int k, const std::string& service) {
  auto c = std::make_unique<RawClient>(*load.hub);
  for (int i = 0; !load.stop; ++i) {
    const std::string id = "kiosk" + std::to_string(k) + "-" + std::to_string(i);
    auto r = until_answered(c, load, make_request(id, "issue", "kiosk", {{"service", service}}));
    if (!r) break;
    if (!r->value("ok", false)) {
      load.note("issue " + id + " refused: " + r->dump());
      continue;
    }
    const std::string label = (*r)["result"]["ticket"]["label"];
    {
      std::lock_guard l(load.mu);
      auto [it, fresh] = load.acked.emplace(label, id);
      if (!fresh && it->second != id) {
        ++load.duplicated;
        if (load.problem.empty()) load.problem = "number " + label + " given to " + it->second + " and " + id;
      }
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
}

// Calls, starts and finishes in a loop; refusals (empty queue, a ticket still open
// from before a kill) are part of the cycle and heal by themselves.
void counter(Load& load, int number) {
  auto c = std::make_unique<RawClient>(*load.hub, number);
  const char* steps[] = {"call_next", "start", "finish"};
  for (int i = 0; !load.stop; ++i) {
    const std::string id = "loket" + std::to_string(number) + "-" + std::to_string(i);
    auto r = until_answered(c, load, make_request(id, steps[i % 3], "counter", {{"counter", number}}));
    if (!r) break;
    if (r->value("ok", false)) {
      std::lock_guard l(load.mu);
      ++load.counter_ops;
    } else {
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
  }
}

// Every ticket of the day by id: the snapshot's, then the closed ones it left out,
// page by page (history). Empty when the hub did not answer.
std::optional<std::map<int64_t, json>> day_tickets(std::unique_ptr<RawClient>& c, Load& load, const std::string& id,
                                                   int64_t& seq_out) {
  auto snap = until_answered(c, load, make_request(id, "snapshot", "display", json::object()));
  if (!snap || !snap->value("ok", false)) return std::nullopt;
  seq_out = (*snap)["result"]["seq"];
  std::map<int64_t, json> out;
  for (const json& x : (*snap)["result"]["state"]["tickets"]) out[x["id"]] = x;
  for (int64_t after = 0, page = 0;; ++page) {
    auto r = until_answered(c, load, make_request(id + "-h" + std::to_string(page), "history", "display", {{"after_id", after}}));
    if (!r || !r->value("ok", false)) return std::nullopt;
    for (const json& x : (*r)["result"]["tickets"]) out.emplace(x["id"].get<int64_t>(), x);
    if (!(*r)["result"].value("more", false)) break;
    after = (*r)["result"]["next_after"];
  }
  return out;
}

std::string office_config_file(const std::string& dir) {
  // The default office's daily quotas would end the load early: lift them.
  json cfg = json::parse(default_office_json());
  for (json& s : cfg["services"]) s["daily_quota"] = 0;
  const std::string path = dir + "/office.json";
  std::ofstream(path) << cfg.dump();
  return path;
}

}  // namespace

DrillTotals run_kill_drill(const DrillOptions& opt) {
  DrillTotals t;
  TempDir dir;
  const std::string data = dir.path() + "/data", db = data + "/antrian.db";
  HubProcess hub(data, {"--config", office_config_file(dir.path())});
  Load load;
  load.hub = &hub;
  {
    RawClient admin(hub);
    for (auto [n, staff] : {std::pair{1, "demo1"}, {4, "demo2"}})
      if (!admin.request("sign-" + std::to_string(n), "sign_in", {{"counter", n}, {"staff", staff}, {"pin", "1234"}})
               .value("ok", false))
        throw std::runtime_error("drill: cannot sign in at loket " + std::to_string(n));
  }
  // The drill compares the display's copy with the whole day: it pages in the history too.
  HubClientOptions display_opt = hub.client_options("display", "drill-display");
  display_opt.full_day = true;
  HubClient display(display_opt);
  // The drill measures how a display comes back, so it starts from one in step.
  for (const auto t0 = Clk::now(); !display.synced() && ms_since(t0) < 5000;)
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  if (!display.synced()) throw std::runtime_error("drill: the display never synced with the fresh hub");
  std::vector<std::thread> threads;
  const char* services[] = {"A", "C", "D", "E", "F"};
  for (int k = 0; k < opt.kiosks; ++k) threads.emplace_back(kiosk, std::ref(load), k, services[k % 5]);
  threads.emplace_back(counter, std::ref(load), 1);
  threads.emplace_back(counter, std::ref(load), 4);

  std::mt19937 rng(opt.seed);
  std::unique_ptr<RawClient> checker = std::make_unique<RawClient>(hub);
  std::set<std::string> duplicate_labels;
  for (int k = 1; k <= opt.kills; ++k) {
    std::this_thread::sleep_for(
        std::chrono::milliseconds(opt.min_run_ms + int(rng() % unsigned(opt.max_run_ms - opt.min_run_ms + 1))));
    hub.kill9();
    ++t.kills;
    // What the display showed when the hub died: the hub publishes an event only
    // after its (group) commit, so every one of these tickets must survive the kill.
    std::vector<std::string> shown;
    display.with_state([&](const OfficeState& s) {
      for (const auto& [id, x] : s.tickets) shown.push_back(x.label());
    });
    // Before the restart: the file as the kill left it (WAL included) must be sound.
    const std::string integrity = integrity_of(db);
    if (integrity != "ok") {
      ++t.integrity_failures;
      if (t.first_problem.empty()) t.first_problem = "kill " + std::to_string(k) + ": integrity_check: " + integrity;
    }
    hub.restart();
    const auto ready = Clk::now();
    std::map<std::string, std::string> acked;
    {
      std::lock_guard l(load.mu);
      acked = load.acked;
    }
    int64_t hub_seq = 0;
    auto day = day_tickets(checker, load, "check-" + std::to_string(k), hub_seq);
    if (!day) throw std::runtime_error("drill: no snapshot and history after restart " + std::to_string(k));
    const int64_t snapshot_ms = ms_since(ready);
    std::map<std::string, int> present;
    for (const auto& [_, x] : *day) ++present[x["label"].get<std::string>()];
    for (const auto& [label, n] : present)
      if (n > 1 && duplicate_labels.insert(label).second) ++t.duplicated;
    for (const auto& label : shown)
      if (!present.count(label)) {
        ++t.phantoms;
        if (t.first_problem.empty())
          t.first_problem = "kill " + std::to_string(k) + ": the display showed " + label + ", gone after the restart";
      }
    for (const auto& [label, id] : acked) {
      ++t.checked;
      if (!present.count(label)) {
        ++t.lost;
        if (t.first_problem.empty()) t.first_problem = "kill " + std::to_string(k) + ": lost " + label + " (" + id + ")";
      }
    }
    // The display: back in step with the hub (its seq at least the hub's just after
    // the restart), counted from the moment the hub was ready again.
    auto in_step = [&] { return display.synced() && display.seq() >= hub_seq; };
    while (!in_step() && ms_since(ready) < 2000) std::this_thread::sleep_for(std::chrono::milliseconds(5));
    const int64_t resync = ms_since(ready);
    t.max_resync_ms = std::max(t.max_resync_ms, resync);
    if (!in_step() || resync > 2000) {
      ++t.resync_failures;
      if (t.first_problem.empty())
        t.first_problem = "kill " + std::to_string(k) + ": display at seq " + std::to_string(display.seq()) +
                          ", hub at " + std::to_string(hub_seq) + " after 2 s";
    }
    if (opt.verbose)
      std::cerr << "kill " << k << ": seq " << hub_seq << ", " << acked.size() << " acknowledged, " << present.size()
                << " present, integrity " << integrity << ", snapshot answered in " << snapshot_ms
                << " ms, display in step after " << resync << " ms\n";
  }
  load.stop = true;
  for (auto& th : threads) th.join();
  // Quiet now: the mirror must equal the hub exactly.
  load.stop = false;
  int64_t final_seq = 0;
  auto last = day_tickets(checker, load, "final", final_seq);
  if (!last) throw std::runtime_error("drill: no final snapshot and history");
  std::map<std::string, std::string> hub_tickets, mirror_tickets;
  for (const auto& [_, x] : *last) hub_tickets[x["label"]] = x["state"].get<std::string>();
  // The display's mirror pages in the closed tickets its last snapshot left out.
  const auto quiet = Clk::now();
  for (;;) {
    mirror_tickets.clear();
    display.with_state([&](const OfficeState& s) {
      for (const auto& [id, x] : s.tickets) mirror_tickets[x.label()] = to_string(x.state);
    });
    if ((display.seq() == final_seq && mirror_tickets == hub_tickets) || ms_since(quiet) > 3000) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  t.final_mirror_equal = display.seq() == final_seq && hub_tickets == mirror_tickets;
  if (!t.final_mirror_equal && t.first_problem.empty())
    t.first_problem = "after the load: display at seq " + std::to_string(display.seq()) + " with " +
                      std::to_string(mirror_tickets.size()) + " tickets, hub at " + std::to_string(final_seq) +
                      " with " + std::to_string(hub_tickets.size());
  t.acknowledged = int64_t(load.acked.size());
  t.duplicated += load.duplicated;
  t.counter_ops = load.counter_ops;
  t.retried = load.retried;
  if (t.first_problem.empty()) t.first_problem = load.problem;
  return t;
}

}  // namespace antrian::test
