// The outbox's kill drill: the hub is killed (SIGKILL) again and again while tickets
// with phone numbers are issued and called. Every message whose cause was
// acknowledged arrives at the webhook, and gammu's tables hold each message id once.
// ANTRIAN_OUTBOX_KILLS=100 runs the long version (bench/outbox-kill-drill.sh).
#include <doctest/doctest.h>

#include <sqlite3.h>

#include <cstdlib>
#include <fstream>
#include <iostream>
#include <random>
#include <set>
#include <sstream>
#include <thread>

#include "antrian/office_config.h"
#include "eventually.h"
#include "hub_process.h"
#include "raw_client.h"
#include "webhook_receiver.h"

using namespace antrian::test;
using nlohmann::json;

namespace {

// gammu-smsd's own SQLite schema, as the daemon would find it.
void make_gammu_database(const std::string& path) {
  std::ifstream in("/usr/share/doc/gammu-smsd/examples/sqlite.sql");
  REQUIRE_MESSAGE(in, "gammu-smsd's schema is missing: apt-get install gammu-smsd");
  std::stringstream sql;
  sql << in.rdbuf();
  sqlite3* db = nullptr;
  sqlite3_open(path.c_str(), &db);
  REQUIRE(sqlite3_exec(db, sql.str().c_str(), nullptr, nullptr, nullptr) == SQLITE_OK);
  sqlite3_close(db);
}

// CreatorID -> how many rows gammu has of it (outbox and sentitems).
std::map<std::string, int> gammu_ids(const std::string& path) {
  std::map<std::string, int> out;
  sqlite3* db = nullptr;
  sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr);
  sqlite3_stmt* st = nullptr;
  sqlite3_prepare_v2(db, "SELECT CreatorID FROM outbox UNION ALL SELECT CreatorID FROM sentitems", -1, &st, nullptr);
  while (sqlite3_step(st) == SQLITE_ROW) ++out[reinterpret_cast<const char*>(sqlite3_column_text(st, 0))];
  sqlite3_finalize(st);
  sqlite3_close(db);
  return out;
}

// One citizen after another: issue, leave a number, be called, not come. A step that
// got no answer (the hub died) is sent again after the restart with the same id.
struct Driver {
  int ticket = 0, step = 0;
  json current;
  std::set<std::string> expected;  // "A-001 near", "A-001 called": acknowledged causes
  int acknowledged_steps = 0;

  // Runs until the hub stops answering or `stop`.
  void run(RawClient& c, const std::atomic<bool>& stop) {
    while (!stop) {
      const std::string id = "t" + std::to_string(ticket) + "-s" + std::to_string(step);
      json args;
      std::string cmd, role = "admin";
      if (step == 0) cmd = "issue", role = "kiosk", args = {{"service", "A"}};
      if (step == 1) cmd = "contact_set", args = {{"token", current["token"]}, {"phone", "0812" + std::to_string(10000000 + ticket)}};
      if (step == 2) cmd = "call_next", args = {{"counter", 1}};
      if (step == 3) cmd = "no_show", args = {{"counter", 1}};
      c.send_frames({json{{"v", 1}, {"id", id}, {"cmd", cmd}, {"role", role}, {"args", args}}.dump()});
      auto r = c.receive(1000);
      if (!r) return;  // the hub is gone; this step may or may not be on disk
      json reply = json::parse(r->back());
      REQUIRE_MESSAGE(reply["ok"] == true, reply.dump());
      ++acknowledged_steps;
      if (step == 0) current = reply["result"]["ticket"];
      if (step == 1) expected.insert(current["label"].get<std::string>() + " near");
      if (step == 2) {
        REQUIRE(reply["result"]["ticket"]["label"] == current["label"]);
        expected.insert(current["label"].get<std::string>() + " called");
      }
      if (++step == 4) step = 0, ++ticket;
    }
  }
};

}  // namespace

TEST_CASE("outbox kill drill: kill -9 while messages flow, none lost, none twice by id") {
  const char* env = std::getenv("ANTRIAN_OUTBOX_KILLS");
  const int kills = env ? std::max(1, std::atoi(env)) : 5;
  TempDir dir;
  WebhookReceiver gateway;
  gateway.start();
  const std::string gammu_db = dir.path() + "/smsd.db";
  make_gammu_database(gammu_db);
  json cfg = json::parse(antrian::default_office_json());
  for (json& s : cfg["services"]) s["daily_quota"] = 0;
  cfg["office"]["quota_follows_capacity"] = false;
  cfg["messages"] = {{"near", {{"ahead", 1}}}, {"max_per_number_per_day", 10},
                     {"webhook", {{"url", gateway.url()}, {"timeout_s", 2}}},
                     {"gammu", {{"database", gammu_db}}},
                     {"retry", {{"first_s", 1}, {"max_s", 1}}}};
  const std::string cfg_path = dir.path() + "/office.json";
  std::ofstream(cfg_path) << cfg.dump();
  HubProcess hub(dir.path() + "/data", {"--config", cfg_path});
  RawClient(hub).prepare({"kiosk"});
  REQUIRE(RawClient(hub).request("sign-in", "sign_in", {{"counter", 1}, {"staff", "demo1"}, {"pin", "1234"}})["ok"] == true);

  std::mt19937 rng(20260210);
  Driver driver;
  for (int k = 0; k < kills; ++k) {
    std::atomic<bool> stop{false};
    std::thread t([&] {
      RawClient c(hub);
      driver.run(c, stop);
    });
    std::this_thread::sleep_for(std::chrono::milliseconds(200 + rng() % 400));
    hub.kill9();
    stop = true;
    t.join();
    hub.restart();
  }
  {  // and a last stretch with the hub alive, so the open step completes
    std::atomic<bool> stop{false};
    std::thread t([&] {
      RawClient c(hub);
      driver.run(c, stop);
    });
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    stop = true;
    t.join();
  }
  REQUIRE(driver.expected.size() >= 4);

  auto arrived = [&] {
    std::set<std::string> got;
    for (const auto& [id, m] : gateway.messages())
      got.insert(m["ticket"].get<std::string>() + " " + m["kind"].get<std::string>());
    return got;
  };
  const bool all = eventually([&] {
    const auto got = arrived();
    for (const std::string& e : driver.expected)
      if (!got.count(e)) return false;
    return true;
  }, std::chrono::seconds(60 + 3 * kills));
  const auto got = arrived();
  int lost = 0;
  for (const std::string& e : driver.expected)
    if (!got.count(e)) {
      ++lost;
      MESSAGE("lost: ", e);
    }
  CHECK(all);
  // gammu's view: every message id handed over once, however often the hub died.
  CHECK(eventually([&] {
    const auto now = gammu_ids(gammu_db);
    for (const auto& [id, m] : gateway.messages())
      if (!now.count(id)) return false;
    return true;
  }, std::chrono::seconds(30 + kills)));
  int gammu_twice = 0;
  for (const auto& [id, n] : gammu_ids(gammu_db)) gammu_twice += n > 1;
  std::cout << "outbox kill drill: " << kills << " kills, " << driver.expected.size()
            << " messages acknowledged, " << lost << " lost; webhook: " << gateway.messages().size()
            << " distinct ids, " << gateway.redeliveries() << " redeliveries dropped by id, 0 processed twice; gammu: "
            << gammu_ids(gammu_db).size() << " ids, " << gammu_twice << " twice" << std::endl;
  CHECK(lost == 0);
  CHECK(gammu_twice == 0);
  // A kill can cut at most the one delivery in flight: its message comes again, same id.
  CHECK(gateway.redeliveries() <= kills);
}
