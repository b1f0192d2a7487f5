// A subscriber that misses events fills the gap from the hub's log (or a snapshot)
// and ends with exactly the hub's state, every event delivered in order.
#include <doctest/doctest.h>

#include <mutex>

#include "antrian/hub_client.h"
#include "antrian/model_json.h"
#include "antrian/snapshot_view.h"
#include "eventually.h"
#include "hub_process.h"

using namespace antrian;
using namespace antrian::test;

namespace {
nlohmann::json hub_state(HubClient& admin) {
  auto r = admin.request("snapshot");
  REQUIRE(r.ok);
  return r.result["state"];
}
}  // namespace

TEST_CASE("dropped events are recovered from the log, in order, and the state matches") {
  TempDir dir;
  HubProcess hub(dir.path());
  HubClient admin(hub.client_options("admin", "t", false));
  HubClientOptions opt = hub.client_options("display", "lossy");  // registering its key is an event too
  // Let the hub start its day first, so the sequence numbers below are known.
  REQUIRE(admin.request("issue", {{"service", "A"}}).ok);
  const int64_t base = admin.request("snapshot").result["seq"];
  opt.drop_events_for_test = {base + 2, base + 3, base + 6};
  HubClient lossy(opt);
  std::mutex mu;
  std::vector<int64_t> order;
  std::vector<bool> live;
  lossy.on_event([&](const Event& e, bool is_live) {
    std::lock_guard l(mu);
    order.push_back(e.seq);
    live.push_back(is_live);
  });
  REQUIRE(eventually([&] { return lossy.synced() && lossy.seq() == base; }));
  for (int i = 0; i < 6; ++i) REQUIRE(admin.request("issue", {{"service", i % 2 ? "B" : "C"}}).ok);
  REQUIRE(eventually([&] { return lossy.seq() == base + 6; }));
  {
    std::lock_guard l(mu);
    std::vector<int64_t> expected;
    for (int64_t s = base + 1; s <= base + 6; ++s) expected.push_back(s);
    CHECK(order == expected);
    CHECK(live[0] == true);    // arrived normally
    CHECK(live[1] == false);   // recovered from the log
  }
  // The last event was dropped too: only the heartbeat can reveal that gap.
  CHECK(snapshot_json(lossy.state_copy()) == hub_state(admin));  // the mirror, seen as a snapshot shows it
}

TEST_CASE("a hub that lost its pub port (restart on new ports) is found again via hello") {
  TempDir dir;
  auto hub = std::make_unique<HubProcess>(dir.path());
  HubClient display(hub->client_options("display", "d"));
  REQUIRE(eventually([&] { return display.synced(); }));
  const int req_port = hub->req_port();
  hub->kill9();
  REQUIRE(eventually([&] { return !display.online(); }));
  // Same request port, a different event port.
  HubProcess again(dir.path(), {}, req_port);
  HubClient admin(again.client_options("admin", "t", false));
  REQUIRE(admin.request("issue", {{"service", "D"}}).ok);
  REQUIRE(eventually([&] { return display.online() && display.state_copy().tickets.size() == 1; }, std::chrono::milliseconds(6000)));
  CHECK(snapshot_json(display.state_copy()) == hub_state(admin));
}
