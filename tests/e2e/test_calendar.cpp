// The office calendar against a real hub on a pinned clock: no numbers after closing
// (the reason says when they come back), lokets left signed in are signed out by
// the hub (logged), holidays set by an admin, and every refused issue counted.
#include <doctest/doctest.h>

#include <httplib.h>

#include <nlohmann/json.hpp>

#include "antrian/hub_client.h"
#include "antrian/office_time.h"
#include "hub_process.h"

using namespace antrian::test;
using nlohmann::json;

namespace {

// 2026-11-23 is a Monday.
int64_t wib(int day, int hour, int minute) {
  return antrian::local_midnight_ms(2026, 11, 23, 7) + int64_t(day) * 86'400'000 + (hour * 60 + minute) * 60'000LL;
}

json ctl_json(const HubProcess& hub, std::vector<std::string> args) {
  args.insert(args.begin(), "--json");
  auto r = run_ctl(hub, args);
  INFO(r.out, r.err);
  return json::parse(r.out);
}

}  // namespace

TEST_CASE("calendar: at 15:07 no number is given, the refusal says when numbers come back and is counted") {
  TempDir dir;
  HubProcess hub(dir.path(), {"--clock-start", std::to_string(wib(0, 15, 7))});
  auto refused = run_ctl(hub, {"issue", "C"});
  CHECK(refused.exit_code == 1);
  CHECK(refused.err.find("office_closed") != std::string::npos);
  CHECK(refused.err.find("numbers are given again tomorrow at 08:00") != std::string::npos);
  const json snap = ctl_json(hub, {"state"})["result"];
  CHECK(snap["state"]["tickets"].empty());
  CHECK(snap["state"]["refused_today"]["C"] == 1);
  CHECK(snap["hours"]["issuing_any"] == false);
  CHECK(snap["hours"]["closed"] == "after_closing");
  CHECK(snap["hours"]["next_text_id"] == "Pengambilan nomor dibuka lagi besok pukul 08:00");
  auto state = run_ctl(hub, {"state"});
  CHECK(state.out.find("Kantor sudah tutup untuk hari ini") != std::string::npos);
  CHECK(state.out.find("Pengambilan nomor dibuka lagi besok pukul 08:00") != std::string::npos);
  httplib::Client http("127.0.0.1", hub.http_port());
  auto metrics = http.Get("/metrics");
  REQUIRE(metrics);
  CHECK(metrics->body.find("antrian_tickets_refused_today{service=\"C\"} 1") != std::string::npos);
}

TEST_CASE("calendar: lokets are signed out at closing and at midnight, at 00:20 no number and never 0 min") {
  TempDir dir;
  HubProcess hub(dir.path(), {"--manual-clock", "--clock-start", std::to_string(wib(0, 14, 0))});
  antrian::HubClient admin(hub.client_options("admin", "test", false));
  REQUIRE(run_ctl(hub, {"sign-in", "1", "demo1", "1234"}).exit_code == 0);
  REQUIRE(run_ctl(hub, {"sign-in", "4", "demo2", "1234"}).exit_code == 0);
  REQUIRE(run_ctl(hub, {"issue", "C"}).exit_code == 0);  // still waiting at closing: loket 4 stays
  REQUIRE(admin.request("clock_set", {{"now", wib(0, 15, 2)}}).ok);
  json s = ctl_json(hub, {"state"})["result"]["state"];
  CHECK(s["counters"][0]["state"] == "closed");
  CHECK(s["counters"][3]["state"] == "open");
  // The log says who did it and why.
  auto events = admin.request("events_since", {{"seq", 0}});
  REQUIRE(events.ok);
  bool logged = false;
  for (const json& e : events.result["events"])
    if (e["type"] == "counter_changed" && e["actor"] == "hub" && e["data"]["what"] == "signed_out_at_closing")
      logged = e["data"]["signed_out"] == json::array({1});
  CHECK(logged);

  // Loket 4 was never signed out; the next day at 00:20 it is, and nothing is issued.
  REQUIRE(admin.request("clock_set", {{"now", wib(1, 0, 20)}}).ok);
  s = ctl_json(hub, {"state"})["result"]["state"];
  CHECK(s["counters"][3]["state"] == "closed");
  auto late = run_ctl(hub, {"--json", "issue", "A"});
  CHECK(late.exit_code == 1);
  CHECK(json::parse(late.out)["error"]["code"] == "office_closed");
  CHECK(json::parse(late.out)["error"]["reason"].get<std::string>().find("today at 08:00") != std::string::npos);
  for (const json& x : ctl_json(hub, {"state"})["result"]["state"]["tickets"]) CHECK(x["state"] != "waiting");

  // 08:00: numbers again.
  REQUIRE(admin.request("clock_set", {{"now", wib(1, 8, 0)}}).ok);
  CHECK(run_ctl(hub, {"issue", "A"}).exit_code == 0);
}

TEST_CASE("calendar: an admin closes a date (logged), the kiosk's request is refused with the reason, then opens it") {
  TempDir dir;
  HubProcess hub(dir.path(), {"--clock-start", std::to_string(wib(0, 9, 0))});
  auto add = run_ctl(hub, {"closure-add", "2026-11-23", "--reason-id", "Pemadaman listrik", "--reason-en", "Power cut"});
  INFO(add.err);
  REQUIRE(add.exit_code == 0);
  antrian::HubClient kiosk(hub.client_options("kiosk", "kiosk-1", false));
  auto r = kiosk.request("issue", {{"service", "A"}});
  REQUIRE_FALSE(r.ok);
  CHECK(r.error.code == "office_closed");
  CHECK(r.error.reason.find("Power cut") != std::string::npos);
  CHECK(r.error.reason.find("tomorrow at 08:00") != std::string::npos);
  const json hours = ctl_json(hub, {"state"})["result"]["hours"];
  CHECK(hours["closed"] == "holiday");
  CHECK(hours["closed_text_id"] == "Kantor tutup hari ini: Pemadaman listrik");
  CHECK(run_ctl(hub, {"closure-add", "2026-02-30", "--reason-id", "x"}).exit_code == 1);
  CHECK(run_ctl(hub, {"closure-remove", "2026-11-23"}).exit_code == 0);
  CHECK(kiosk.request("issue", {{"service", "A"}}).ok);
  // A restart keeps the calendar; the config's holidays are there too.
  hub.restart();
  const json closures = ctl_json(hub, {"state"})["result"]["state"]["closures"];
  bool christmas = false;
  for (const json& c : closures) christmas |= c["date"] == "2026-12-25";
  CHECK(christmas);
  CHECK(closures.size() == 6);
}

TEST_CASE("ctl: --expected-minutes counts on the hub's clock, not the laptop's") {
  TempDir dir;
  // The reproduction: a hub at 07:55 showed "pulih pukul 14:05" (the laptop's afternoon + 45 min).
  const int64_t start = wib(0, 7, 55);
  HubProcess hub(dir.path(), {"--clock-start", std::to_string(start)});
  auto r = ctl_json(hub, {"disruption-set", "siak", "down", "--expected-minutes", "45"});
  REQUIRE(r["ok"] == true);
  const int64_t end = r["result"]["disruption"]["expected_end"];
  CHECK(end >= start + 45 * 60'000);
  CHECK(end < start + 46 * 60'000);
  // The hub counts minutes itself too (expected_minutes), for clients without a clock of their own.
  antrian::HubClient counter(hub.client_options("admin", "test", false));
  auto d = counter.request("disruption_set", {{"id", r["result"]["disruption"]["id"]}, {"expected_minutes", 30}});
  REQUIRE(d.ok);
  CHECK(d.result["disruption"]["expected_end"].get<int64_t>() >= start + 30 * 60'000);
  CHECK(d.result["disruption"]["expected_end"].get<int64_t>() < start + 31 * 60'000);
}
