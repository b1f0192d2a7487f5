// The key paths at chosen office times, each with the outcome that hour should have
// (issue 12): the suite must pass whenever it runs, so the hours are set here, on the
// hub's clock, never taken from the machine's. The default office: Monday to Friday
// 08:00-15:00 WIB, the last number 30 minutes before closing (shared/office_calendar).
#include <doctest/doctest.h>

#include <atomic>
#include <fstream>
#include <map>
#include <mutex>
#include <set>
#include <thread>

#include "antrian/office_config.h"
#include "hub_process.h"
#include "raw_client.h"

using namespace antrian::test;
using nlohmann::json;

namespace {

// What an applicant and a loket get at one moment of the pinned Tuesday (or the
// Wednesday after it, hh >= 24): whether a ticket is issued and why not.
struct HourCase {
  int hh, mm;
  bool issues;             // a kiosk gets a number
  const char* why;         // what the refusal's reason says
  bool waiting_callable;   // a ticket issued at 10:00 that day can still be called
};

const HourCase kHours[] = {
    {7, 59, false, "08:00", false},        // before opening: no numbers yet, nothing to call
    {10, 0, true, "", true},               // an ordinary morning
    {14, 59, false, "08:00", true},        // past the last-number cutoff; staff finish the queue
    {15, 1, false, "08:00", true},         // after closing: no numbers; staff finish the queue
    {23, 59, false, "08:00", true},        // late at night: still that day's queue, no numbers
    {24 + 7, 59, false, "08:00", false},   // the next morning: a new day, yesterday's queue is gone
    {24 + 8, 0, true, "", false},          // the next day opens: numbers start again at 001
};

std::string label_of(const json& reply) { return reply["result"]["ticket"]["label"]; }

}  // namespace

TEST_CASE("issue and call at 07:59, 10:00, 14:59, 15:01, 23:59 and across the day rollover") {
  for (const HourCase& h : kHours) {
    CAPTURE(h.hh);
    CAPTURE(h.mm);
    TempDir dir;
    // A manual clock: the test says when each step happens.
    // A ticket taken at 10:00 waits; then the clock moves to the hour (a case before
    // 10:00 starts at its hour, with nothing waiting).
    const bool before_ten = h.hh < 10;
    const int64_t start = pinned_office_time_ms(before_ten ? h.hh : 10, before_ten ? h.mm : 0);
    HubProcess hub(dir.path(), {"--manual-clock", "--clock-start", std::to_string(start)});
    RawClient c(hub);
    c.prepare({"kiosk", "counter", "display"});
    if (!before_ten) {
      REQUIRE(label_of(c.request("a1", "issue", {{"service", "A"}}, "kiosk")) == "A-001");
      REQUIRE(c.request("clock", "clock_set", {{"now", pinned_office_time_ms(h.hh, h.mm)}})["ok"] == true);
    }
    // Staff sign in at that hour (a loket left signed in overnight is another test).
    REQUIRE(c.request("in", "sign_in", {{"counter", 1}, {"staff", "demo1"}, {"pin", "1234"}})["ok"] == true);

    const json issued = c.request("a2", "issue", {{"service", "A"}}, "kiosk");
    if (h.issues) {
      REQUIRE(issued["ok"] == true);
      // The day rolled over between 10:00 and the next morning: numbering restarts.
      CHECK(label_of(issued) == (h.hh >= 24 || before_ten ? "A-001" : "A-002"));
    } else {
      REQUIRE(issued["ok"] == false);
      CHECK(issued["error"]["code"] == "office_closed");
      // The refusal says when numbers are given again.
      CHECK_MESSAGE(issued["error"]["reason"].get<std::string>().find(h.why) != std::string::npos, issued.dump());
      const json st = c.request("st", "snapshot", json::object(), "display")["result"]["state"];
      // The refusal is counted once, and its reason is the hour's.
      CHECK(st["refused_today"]["A"] == 1);
    }
    const json called = c.request("call", "call_next", {{"counter", 1}}, "counter");
    if (h.waiting_callable) {
      REQUIRE(called["ok"] == true);
      CHECK(label_of(called) == "A-001");
    } else if (h.issues) {
      REQUIRE(called["ok"] == true);  // the new day's own ticket
      CHECK(label_of(called) == "A-001");
    } else {
      CHECK(called["error"]["code"] == "queue_empty");
    }
  }
}

TEST_CASE("kill -9 during a stream of issues at 10:00, 14:59, 15:01, 23:59 and 07:59") {
  // The same drill as test_crash_recovery, on a hub whose clock starts at each hour.
  // In the morning every reply is a ticket; at the other hours every reply is a
  // refusal (office_closed), each counted exactly once however often the hub dies.
  for (auto [hh, mm] : {std::pair{10, 0}, {14, 59}, {15, 1}, {23, 59}, {7, 59}}) {
    CAPTURE(hh);
    json cfg = json::parse(antrian::default_office_json());
    for (json& s : cfg["services"]) s["daily_quota"] = 0;
    // About kills and hours, not about how many the lokets can serve.
    cfg["office"]["quota_follows_capacity"] = false;
    TempDir dir;
    const std::string cfg_path = dir.path() + "/office.json";
    std::ofstream(cfg_path) << cfg.dump();
    HubProcess hub(dir.path() + "/data", {"--config", cfg_path, "--clock-start", std::to_string(pinned_office_time_ms(hh, mm))});
    const bool open = hh == 10;
    // Registered before the kills start (a registration cut by a kill is not the point).
    RawClient(hub).prepare({"kiosk"});
    std::set<std::string> tickets, refused_ids;
    for (int round = 0; round < 3; ++round) {
      std::atomic<bool> stop{false};
      std::mutex mu;
      std::vector<std::pair<std::string, json>> replies;
      std::thread kiosk([&] {
        RawClient c(hub);
        for (int i = 0; !stop && i < 200; ++i) {
          const std::string id = "r" + std::to_string(round) + "-" + std::to_string(i);
          c.send_frames({json{{"v", 1}, {"id", id}, {"cmd", "issue"}, {"role", "kiosk"}, {"args", {{"service", "C"}}}}.dump()});
          auto r = c.receive(500);
          if (!r) break;  // the hub is gone: this one may or may not have been saved
          std::lock_guard l(mu);
          replies.emplace_back(id, json::parse(r->back()));
        }
      });
      std::this_thread::sleep_for(std::chrono::milliseconds(150 + 100 * round));
      hub.kill9();
      stop = true;
      kiosk.join();
      for (auto& [id, r] : replies) {
        INFO(r.dump());
        REQUIRE(r["ok"] == open);
        if (open) CHECK_MESSAGE(tickets.insert(label_of(r)).second, "number used twice: ", label_of(r));
        else refused_ids.insert(id);
      }
      hub.restart();
    }
    RawClient c(hub);
    const json st = c.request("final", "snapshot", json::object(), "display")["result"]["state"];
    std::set<std::string> present;
    for (const json& t : st["tickets"]) present.insert(t["label"].get<std::string>());
    if (open) {
      REQUIRE(tickets.size() > 5);
      for (const auto& l : tickets) CHECK_MESSAGE(present.count(l) == 1, "lost: ", l);
    } else {
      CHECK(present.empty());
      REQUIRE(refused_ids.size() > 5);
      // Every answered refusal is in the count; a retry of each changes nothing.
      const int counted = st["refused_today"].value("C", 0);
      CHECK(counted >= int(refused_ids.size()));
      for (const std::string& id : refused_ids) {
        const json again = c.request(id, "issue", {{"service", "C"}}, "kiosk");
        CHECK(again["ok"] == false);
      }
      const json after = c.request("final2", "snapshot", json::object(), "display")["result"]["state"];
      CHECK(after["refused_today"].value("C", 0) == counted);
    }
  }
}
