// The come-back list against a real hub on a manual clock: e-KTP printing halts,
// three people join (one at the kiosk, one after the kiosk refused a number, one
// whose ticket a bulk move closed), the printers come back, the hub invites them in
// batches the loket can serve in a two-hour window, each checks in with the code and
// is called in the order of their places in line.
#include <doctest/doctest.h>
#include <httplib.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <thread>

#include <nlohmann/json.hpp>

#include "antrian/hub_client.h"
#include "antrian/office_config.h"
#include "hub_process.h"

using namespace antrian::test;
using nlohmann::json;

namespace {

// The default office, B taking an hour a person at one loket of its own (loket 3):
// a two-hour window serves two people.
std::vector<std::string> slow_printing_office(const std::string& dir) {
  auto cfg = json::parse(antrian::default_office_json());
  for (json& s : cfg["services"])
    if (s["code"] == "B") s["mean_service_s"] = 3600;
  for (json& c : cfg["counters"]) {
    if (c["number"] == 2) c["services"] = {"A"};
    if (c["number"] == 3) c["services"] = {"B"};
  }
  std::filesystem::create_directories(dir);
  const std::string file = dir + "/slow-printing.json";
  std::ofstream(file) << cfg.dump(2);
  return {"--config", file};
}

json ok(antrian::HubClient& c, std::string_view cmd, json args) {
  auto r = c.request(cmd, args);
  INFO(cmd, " ", args.dump(), " -> ", r.error.code, " ", r.error.reason);
  REQUIRE(r.ok);
  return r.result;
}

json comeback_counts(antrian::HubClient& c) { return ok(c, "snapshot", json::object())["state"]["comeback_counts"]["B"]; }

// The hub invites on its heartbeat (every second of real time).
json wait_for_invited(antrian::HubClient& c, int invited) {
  json counts;
  for (int i = 0; i < 50; ++i) {
    counts = comeback_counts(c);
    if (counts["invited"] == invited) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  return counts;
}

}  // namespace

TEST_CASE("comeback: halted, three join, invited in capacity-sized batches, checked in and called in order") {
  TempDir dir;
  const int64_t t0830 = pinned_office_time_ms(8, 30);
  auto args = slow_printing_office(dir.path() + "/cfg");
  args.insert(args.end(), {"--manual-clock", "--clock-start", std::to_string(t0830)});
  HubProcess hub(dir.path() + "/data", args);
  antrian::HubClient admin(hub.client_options("admin", "comeback-admin", false));
  antrian::HubClient kiosk(hub.client_options("kiosk", "kiosk-1", false));
  auto at = [&](int hh, int mm) { REQUIRE(admin.request("clock_set", {{"now", pinned_office_time_ms(hh, mm)}}).ok); };

  // 08:30 the third person takes B-001; 08:40 the card printers stop until near closing,
  // and the waiting line is closed by a bulk move.
  const std::string token = ok(kiosk, "issue", {{"service", "B"}})["ticket"]["token"];
  at(8, 40);
  const int64_t halt = ok(admin, "disruption_set", {{"resource", "printers"}, {"level", "down"}, {"expected_at", "14:50"}})
                           ["disruption"]["id"];
  CHECK(ok(admin, "bulk_move", {{"service", "B"}, {"reason", "printer kartu rusak"}})["moved"] == 1);

  // 08:45 the first joins at the kiosk, told the service is halted.
  at(8, 45);
  auto direct = ok(kiosk, "comeback_join", {{"service", "B"}});
  const std::string code1 = direct["code"];
  CHECK(direct["position"] == 1);
  // 08:50 the second is refused a number (the lokets cannot serve B before closing), then joins.
  at(8, 50);
  auto refusal = kiosk.request("issue", {{"service", "B"}});
  REQUIRE_FALSE(refusal.ok);
  CHECK(refusal.error.code == "quota_exhausted");
  const std::string code2 = ok(kiosk, "comeback_join", {{"service", "B"}, {"via", "refusal"}})["code"];
  // 08:55 the third joins with the QR of the closed ticket: its 08:30 place comes first.
  at(8, 55);
  auto moved = ok(kiosk, "comeback_join", {{"token", token}});
  const std::string code3 = moved["code"];
  CHECK(moved["position"] == 1);
  CHECK(moved["entry"]["joined_at"] == t0830);
  // A display may not join; a bad code is refused by name.
  antrian::HubClient display(hub.client_options("display", "display-1", false));
  CHECK(display.request("comeback_join", {{"service", "B"}}).error.code == "forbidden");
  CHECK(kiosk.request("comeback_checkin", {{"code", "12"}}).error.code == "bad_request");
  CHECK(comeback_counts(admin)["waiting"] == 3);

  // 09:00 the printers are back: one loket, an hour a person, two-hour windows: two invited.
  at(9, 0);
  ok(admin, "disruption_clear", {{"id", halt}});
  auto counts = wait_for_invited(admin, 2);
  CHECK(counts["invited"] == 2);
  CHECK(counts["waiting"] == 1);
  auto ev = ok(admin, "events_since", {{"seq", 0}});
  json invitation;
  for (const json& e : ev["events"])
    if (e["type"] == "comeback_invited") invitation = e;
  REQUIRE(invitation.is_object());
  CHECK(invitation["actor"] == "hub");
  CHECK(invitation["data"]["count"] == 2);
  CHECK(invitation["data"]["window_from"] == pinned_office_time_ms(9, 0));
  CHECK(invitation["data"]["window_until"] == pinned_office_time_ms(11, 0));
  // Codes are the citizens' own: never in what the hub publishes.
  for (const std::string& code : {code1, code2, code3}) CHECK(ev.dump().find(code) == std::string::npos);

  // The second is not invited yet; the invited two check in (codes as typed on a keypad).
  auto early = kiosk.request("comeback_checkin", {{"code", code2}});
  CHECK(early.error.code == "illegal_state");
  CHECK(early.error.reason.find("not invited yet") != std::string::npos);
  at(9, 5);
  auto t3 = ok(kiosk, "comeback_checkin", {{"code", code3}});
  CHECK(t3["ticket"]["queue_at"] == t0830);
  std::string typed = code1.substr(0, 3) + "-" + code1.substr(3);
  auto t1 = ok(kiosk, "comeback_checkin", {{"code", typed}});
  CHECK(t1["ahead"] == 1);
  auto again = kiosk.request("comeback_checkin", {{"code", code3}});
  CHECK(again.error.code == "illegal_state");
  CHECK(again.error.reason.find("used already") != std::string::npos);

  // Loket 3 calls them in the order of their places, an hour each.
  ok(admin, "sign_in", {{"counter", 3}, {"staff", "demo1"}, {"pin", "1234"}});
  CHECK(ok(admin, "call_next", {{"counter", 3}})["ticket"]["label"] == t3["ticket"]["label"]);
  ok(admin, "start", {{"counter", 3}});
  at(10, 5);
  ok(admin, "finish", {{"counter", 3}});
  CHECK(ok(admin, "call_next", {{"counter", 3}})["ticket"]["label"] == t1["ticket"]["label"]);
  ok(admin, "start", {{"counter", 3}});

  // 11:00 the first window has ended: the next batch is the one left on the list.
  at(11, 0);
  counts = wait_for_invited(admin, 1);
  CHECK(counts["invited"] == 1);
  CHECK(counts["waiting"] == 0);
  CHECK(counts["came"] == 2);
  at(11, 5);
  ok(admin, "finish", {{"counter", 3}});
  auto t2 = ok(kiosk, "comeback_checkin", {{"code", code2}});
  CHECK(ok(admin, "call_next", {{"counter", 3}})["ticket"]["label"] == t2["ticket"]["label"]);

  // The figures: the snapshot's summary and /metrics.
  counts = comeback_counts(admin);
  CHECK(counts == json{{"waiting", 0}, {"invited", 0}, {"came", 3}, {"expired", 0}});
  httplib::Client http("127.0.0.1", hub.http_port());
  auto metrics = http.Get("/metrics");
  REQUIRE(metrics);
  CHECK(metrics->body.find("antrian_comeback{service=\"B\",state=\"came\"} 3") != std::string::npos);
  for (const std::string& code : {code1, code2, code3}) {
    CHECK(metrics->body.find(code) == std::string::npos);
    auto state = http.Get("/api/state");
    REQUIRE(state);
    CHECK(state->body.find(code) == std::string::npos);
  }

  // kill -9: the list and its codes survive (a used code stays used).
  hub.kill9();
  hub.restart();
  antrian::HubClient kiosk2(hub.client_options("kiosk", "kiosk-1", false));
  CHECK(kiosk2.request("comeback_checkin", {{"code", code2}}).error.reason.find("used already") != std::string::npos);
}
