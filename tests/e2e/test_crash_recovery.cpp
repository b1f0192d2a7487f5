// kill -9 of the hub in the middle of a stream of issue requests: every ticket that
// got a reply is there after the restart, and no number is used twice.
#include <doctest/doctest.h>

#include <atomic>
#include <fstream>
#include <map>
#include <mutex>
#include <random>
#include <set>
#include <thread>

#include "antrian/office_config.h"
#include "hub_process.h"
#include "raw_client.h"

using namespace antrian::test;
using nlohmann::json;

TEST_CASE("kill -9 during a stream of issues loses no acknowledged ticket and reuses no number") {
  TempDir dir;
  // The default office's daily quotas would end the stream early: lift them.
  json cfg = json::parse(antrian::default_office_json());
  for (json& s : cfg["services"]) s["daily_quota"] = 0;
  // Nor what the lokets can serve before closing (test_any_hour runs this at each hour).
  cfg["office"]["quota_follows_capacity"] = false;
  const std::string cfg_path = dir.path() + "/office.json";
  std::ofstream(cfg_path) << cfg.dump();
  HubProcess hub(dir.path() + "/data", {"--config", cfg_path});
  // Register the kiosks' key before the hub starts dying: a registration cut by a
  // kill would end the test for the wrong reason (slow machines hit it).
  RawClient(hub).prepare({"kiosk"});
  std::mt19937 rng(12345);
  std::map<std::string, std::string> acknowledged;  // label -> request id
  int requests = 0;
  for (int round = 0; round < 5; ++round) {
    std::atomic<bool> stop{false};
    std::mutex mu;
    std::vector<std::pair<std::string, json>> replies;
    // Two "kiosks" issue as fast as they can until the hub dies under them.
    std::vector<std::thread> kiosks;
    for (int k = 0; k < 2; ++k)
      kiosks.emplace_back([&, k] {
        RawClient c(hub);
        for (int i = 0; !stop; ++i) {
          const std::string id = "r" + std::to_string(round) + "-k" + std::to_string(k) + "-" + std::to_string(i);
          c.send_frames({json{{"v", 1}, {"id", id}, {"cmd", "issue"}, {"role", "kiosk"},
                              {"args", {{"service", k == 0 ? "A" : "C"}}}}.dump()});
          auto r = c.receive(500);
          if (!r) break;  // the hub is gone: this request may or may not have been saved
          std::lock_guard l(mu);
          replies.emplace_back(id, json::parse(r->back()));
        }
      });
    std::this_thread::sleep_for(std::chrono::milliseconds(100 + rng() % 300));
    hub.kill9();
    stop = true;
    for (auto& t : kiosks) t.join();
    for (auto& [id, r] : replies) {
      INFO(r.dump());
      REQUIRE(r["ok"] == true);
      const std::string label = r["result"]["ticket"]["label"];
      CHECK_MESSAGE(acknowledged.count(label) == 0, "number used twice: ", label);
      acknowledged[label] = id;
    }
    requests += int(replies.size());
    hub.restart();
  }
  REQUIRE(requests > 20);  // the test did exercise the hub
  RawClient c(hub);
  const json snap = c.request("final", "snapshot", json::object(), "display");
  std::set<std::string> present;
  for (const json& t : snap["result"]["state"]["tickets"]) {
    const std::string label = t["label"];
    CHECK_MESSAGE(present.insert(label).second, "duplicate in the hub: ", label);
  }
  for (const auto& [label, id] : acknowledged) CHECK_MESSAGE(present.count(label) == 1, "lost: ", label);
  // Numbers are dense: a ticket saved but not acknowledged still holds its number.
  CHECK(present.size() >= acknowledged.size());
}
