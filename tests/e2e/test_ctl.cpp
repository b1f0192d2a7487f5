// antrian-ctl: human and JSON output, exit codes scripts rely on, and `watch`
// following what another shell does.
#include <doctest/doctest.h>

#include <fstream>
#include <future>
#include <thread>

#include <nlohmann/json.hpp>

#include "antrian/hub_client.h"
#include "antrian/office_config.h"
#include "hub_process.h"

using namespace antrian::test;
using nlohmann::json;

TEST_CASE("ctl: exit 0 done, 1 refused with a reason, 2 bad usage, 3 hub unreachable") {
  TempDir dir;
  HubProcess hub(dir.path());
  auto ok = run_ctl(hub, {"issue", "A", "--priority", "lansia"});
  CHECK(ok.exit_code == 0);
  CHECK(ok.out.find("A-001 waiting") != std::string::npos);
  auto as_json = run_ctl(hub, {"--json", "issue", "A"});
  CHECK(as_json.exit_code == 0);
  CHECK(json::parse(as_json.out)["result"]["ticket"]["label"] == "A-002");
  auto refused = run_ctl(hub, {"finish", "3"});
  CHECK(refused.exit_code == 1);
  CHECK(refused.err.find("Loket 3") != std::string::npos);
  CHECK(run_ctl(hub, {"issue"}).exit_code == 2);
  CHECK(run_ctl(hub, {"call-next", "abc"}).exit_code == 2);
  CHECK(run_ctl(hub, {"issue", "A", "--priority", "vip"}).exit_code == 2);
  auto bad_hub = run_process({ANTRIAN_CTL_BIN, "--hub", "localhost:5555", "state"});
  CHECK(bad_hub.exit_code == 2);
  CHECK(bad_hub.err.find("tcp://HOST:PORT") != std::string::npos);
  auto nobody = run_process({ANTRIAN_CTL_BIN, "--hub", "tcp://127.0.0.1:1", "--key", hub.admin_key_file(), "--hub-key",
                             hub.hub_key_file(), "--timeout-ms", "200", "--retries", "1", "state"});
  CHECK(nobody.exit_code == 3);
  CHECK(nobody.err.find("did not answer") != std::string::npos);
  auto state = run_ctl(hub, {"state"});
  CHECK(state.exit_code == 0);
  CHECK(state.out.find("A-001*") != std::string::npos);  // priority marked in the waiting list
}

TEST_CASE("ctl watch shows a ticket issued and called from another shell") {
  TempDir dir;
  HubProcess hub(dir.path());
  auto watcher = std::async(std::launch::async, [&] { return run_ctl(hub, {"watch", "--max-events", "3", "--seconds", "15"}); });
  std::this_thread::sleep_for(std::chrono::milliseconds(800));  // let it subscribe
  CHECK(run_ctl(hub, {"issue", "C"}).exit_code == 0);
  CHECK(run_ctl(hub, {"sign-in", "4", "demo2", "1234"}).exit_code == 0);
  CHECK(run_ctl(hub, {"call-next", "4"}).exit_code == 0);
  auto out = watcher.get();
  CHECK(out.exit_code == 0);
  CHECK(out.out.find("snapshot at event") != std::string::npos);
  CHECK(out.out.find("ticket_issued  C-001 waiting") != std::string::npos);
  CHECK(out.out.find("ticket_called  C-001 called @loket 4") != std::string::npos);
}

TEST_CASE("the business day rolls over at local midnight on the hub's clock") {
  TempDir dir;
  // 23:59:58 WIB on 23 Nov 2026 on a manual clock: the test decides when midnight comes.
  const int64_t start = 1'795'453'198'000;
  auto args = all_day_office(dir.path() + "/cfg");  // numbers at midnight: an office open round the clock
  args.insert(args.end(), {"--manual-clock", "--clock-start", std::to_string(start)});
  HubProcess hub(dir.path() + "/hub", args);
  auto first = json::parse(run_ctl(hub, {"--json", "issue", "A"}).out);
  CHECK(first["result"]["ticket"]["day"] == "2026-11-23");
  CHECK(json::parse(run_ctl(hub, {"--json", "issue", "A"}).out)["result"]["ticket"]["label"] == "A-002");
  antrian::HubClient admin(hub.client_options("admin", "test", false));
  REQUIRE(admin.request("clock_set", {{"now", start + 3000}}).ok);  // 00:00:01
  auto second = json::parse(run_ctl(hub, {"--json", "issue", "A"}).out);
  CHECK(second["result"]["ticket"]["day"] == "2026-11-24");
  CHECK(second["result"]["ticket"]["label"] == "A-001");
  CHECK(json::parse(run_ctl(hub, {"--json", "state"}).out)["result"]["state"]["tickets"].size() == 1);
}
