// The information desk against a real hub on a manual clock: a no-show found by its
// number and brought back (it survives kill -9 and the replay), refused once the
// office's time has passed; a loket left signed in freed by an admin; a disruption's
// expected end as a time of day on the hub's clock.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "antrian/hub_client.h"
#include "hub_process.h"

using namespace antrian::test;
using nlohmann::json;

namespace {
json ctl_json(const HubProcess& hub, std::vector<std::string> args) {
  args.insert(args.begin(), "--json");
  auto r = run_ctl(hub, args);
  INFO(r.out, r.err);
  return json::parse(r.out);
}
}  // namespace

TEST_CASE("desk: a no-show comes back within the office's time, survives kill -9, and the loket is freed") {
  TempDir dir;
  const int64_t nine = pinned_office_time_ms(9, 0);
  HubProcess hub(dir.path(), {"--manual-clock", "--clock-start", std::to_string(nine)});
  antrian::HubClient admin(hub.client_options("admin", "desk-test", false));
  for (int i = 0; i < 3; ++i) REQUIRE(run_ctl(hub, {"issue", "A"}).exit_code == 0);
  REQUIRE(run_ctl(hub, {"sign-in", "1", "demo1", "1234"}).exit_code == 0);
  REQUIRE(run_ctl(hub, {"call-next", "1"}).exit_code == 0);
  REQUIRE(run_ctl(hub, {"no-show", "1"}).exit_code == 0);
  REQUIRE(run_ctl(hub, {"call-next", "1"}).exit_code == 0);
  REQUIRE(run_ctl(hub, {"no-show", "1"}).exit_code == 0);

  // The desk finds it however it is typed, and says until when it may come back.
  auto found = run_ctl(hub, {"ticket-find", "a1"});
  CHECK(found.exit_code == 0);
  CHECK(found.out.find("A-001  no_show") != std::string::npos);
  INFO(found.out);
  CHECK(found.out.find("may be brought back until 09:30") != std::string::npos);
  auto missing = run_ctl(hub, {"ticket-find", "A-009"});
  CHECK(missing.exit_code == 1);
  CHECK(missing.err.find("no ticket A-009 today (today's A numbers go up to A-003)") != std::string::npos);

  REQUIRE(admin.request("clock_set", {{"now", nine + 10 * 60'000}}).ok);
  auto back = ctl_json(hub, {"restore-no-show", "A-001"});
  REQUIRE(back["ok"] == true);
  CHECK(back["result"]["ticket"]["state"] == "waiting");

  // 31 minutes after A-002 was marked: refused with the reason, nothing changed.
  REQUIRE(admin.request("clock_set", {{"now", nine + 31 * 60'000 + 1000}}).ok);
  auto late = run_ctl(hub, {"restore-no-show", "A-002"});
  CHECK(late.exit_code == 1);
  CHECK(late.err.find("more than 30 minutes ago") != std::string::npos);

  // Loket 1 calls the returned ticket before A-003, then its PC "crashes".
  auto called = ctl_json(hub, {"call-next", "1"});
  CHECK(called["result"]["ticket"]["label"] == "A-001");
  auto taken = run_ctl(hub, {"sign-in", "1", "demo2", "1234"});
  CHECK(taken.exit_code == 1);
  CHECK(taken.err.find("they must sign out first") != std::string::npos);
  auto freed = ctl_json(hub, {"force-sign-out", "1", "--reason", "PC mati"});
  REQUIRE(freed["ok"] == true);
  CHECK(freed["result"]["returned"] == "A-001");
  CHECK(run_ctl(hub, {"sign-in", "1", "demo2", "1234"}).exit_code == 0);

  // A disruption expected back at 10:00 on the hub's clock (09:31 now).
  auto siak = ctl_json(hub, {"disruption-set", "siak", "down", "--expected-at", "10:00"});
  REQUIRE(siak["ok"] == true);
  CHECK(siak["result"]["disruption"]["expected_end"] == pinned_office_time_ms(10, 0));
  auto past = run_ctl(hub, {"disruption-set", "siak", "down", "--expected-at", "09:00"});
  CHECK(past.exit_code == 1);
  CHECK(past.err.find("has passed already on the hub's clock (it is 09:31 there)") != std::string::npos);

  // kill -9 and the replay of the log: the restore and the forced sign-out are there.
  hub.kill9();
  hub.restart();
  antrian::HubClient again(hub.client_options("admin", "desk-test-2", false));
  REQUIRE(again.request("clock_set", {{"now", nine + 32 * 60'000}}).ok);
  auto after = ctl_json(hub, {"ticket-find", "A-001"});
  CHECK(after["result"]["ticket"]["state"] == "waiting");
  std::vector<std::string> steps;
  for (const json& st : after["result"]["ticket"]["history"]) steps.push_back(st["what"]);
  CHECK(steps == std::vector<std::string>{"issued", "called", "no_show", "restored", "called", "returned"});
  auto events = again.request("events_since", {{"seq", 0}});
  REQUIRE(events.ok);
  int restored = 0, forced = 0;
  for (const json& e : events.result["events"]) {
    restored += e["type"] == "ticket_restored";
    forced += e["type"] == "counter_changed" && e["data"].value("what", "") == "force_signed_out" &&
              e["actor"].get<std::string>().rfind("admin:", 0) == 0;
  }
  CHECK(restored == 1);
  CHECK(forced == 1);
}
