// SMS through the real gammu-smsd: the daemon runs with gammu's dummy phone driver
// (a folder plays the modem) and its SQL backend on SQLite (libdbi), as an office runs
// it with a GSM modem. The hub writes into gammu's outbox; the daemon sends and moves
// each message to sentitems, where the test finds it by its id (CreatorID). A number
// over its daily limit gets no more messages.
#include <doctest/doctest.h>

#include <fcntl.h>
#include <signal.h>
#include <sqlite3.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <thread>

#include "antrian/office_config.h"
#include "eventually.h"
#include "gammu_smsd.h"
#include "hub_process.h"
#include "raw_client.h"

using namespace antrian::test;
using nlohmann::json;


TEST_CASE("outbox: SMS through the real gammu-smsd (dummy phone), each message once, limits per number") {
  TempDir dir;
  GammuSmsd smsd(dir.path() + "/gammu");
  json cfg = json::parse(antrian::default_office_json());
  cfg["messages"] = {{"near", {{"ahead", 1}}}, {"max_per_number_per_day", 2},
                     {"gammu", {{"database", smsd.database()}}}, {"retry", {{"first_s", 1}, {"max_s", 1}}}};
  const std::string cfg_path = dir.path() + "/office.json";
  std::ofstream(cfg_path) << cfg.dump();
  HubProcess hub(dir.path() + "/data", {"--config", cfg_path});
  RawClient c(hub);
  json t1 = c.request("i1", "issue", {{"service", "C"}}, "kiosk")["result"]["ticket"];
  json t2 = c.request("i2", "issue", {{"service", "C"}}, "kiosk")["result"]["ticket"];
  REQUIRE(c.request("c1", "contact_set", {{"token", t1["token"]}, {"phone", "0812 3456 7890"}})["ok"] == true);
  REQUIRE(c.request("in", "sign_in", {{"counter", 4}, {"staff", "demo1"}, {"pin", "1234"}})["ok"] == true);
  REQUIRE(c.request("call", "call_next", {{"counter", 4}})["ok"] == true);
  // The same number for a second ticket: its "near" is the day's third message.
  REQUIRE(c.request("c2", "contact_set", {{"token", t2["token"]}, {"phone", "+6281234567890"}})["ok"] == true);

  const std::string l1 = t1["label"];
  REQUIRE(eventually([&] { return smsd.sent().size() >= 2; }, std::chrono::seconds(40)));
  std::this_thread::sleep_for(std::chrono::milliseconds(1500));
  const auto sent = smsd.sent();
  INFO(smsd.log());
  REQUIRE(sent.size() == 2);
  std::set<std::string> kinds;
  for (const auto& [id, row] : sent) {
    INFO(id);
    kinds.insert(id.substr(id.rfind('-') + 1));
    CHECK(row[0].rfind("SendingOK", 0) == 0);  // SendingOK or SendingOKNoReport
    CHECK(row[1] == "+6281234567890");
    CHECK(row[2].find(l1) != std::string::npos);
  }
  CHECK(kinds == std::set<std::string>{"near", "called"});
  CHECK(smsd.log().find("Transmitted") != std::string::npos);

  // The hub sees them sent (gammu moved them to sentitems), the third one limited.
  REQUIRE(eventually([&] {
    json s = c.request("st-" + std::to_string(std::rand()), "outbox_status", json::object());
    return s["result"]["channels"]["sms"]["states"].value("sent", 0) == 2;
  }, std::chrono::seconds(10)));
  json s = c.request("st", "outbox_status", json::object());
  CHECK(s["result"]["channels"]["sms"]["states"]["limited"] == 1);
  json exported = c.request("x", "contact_export", {{"phone", "081234567890"}});
  CHECK(exported["result"]["contacts"].size() == 2);
  CHECK(exported["result"]["messages"].size() == 3);
}
