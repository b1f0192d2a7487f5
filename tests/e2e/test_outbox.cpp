// Messages to citizens' phones through the webhook: a phone number left for a
// ticket, the messages its changes cause (near, called, halted, back), a gateway that
// refuses connections and answers 500 before it recovers; every message arrives, none
// twice; the number never reaches events, /api/state or the log table; an admin
// exports and deletes one person's data; numbers past the retention days go.
#include <doctest/doctest.h>

#include <sqlite3.h>

#include <fstream>
#include <set>
#include <thread>

#include "antrian/office_config.h"
#include "eventually.h"
#include "hub_process.h"
#include "raw_client.h"
#include "webhook_receiver.h"

using namespace antrian::test;
using nlohmann::json;

namespace {

std::string office_with_messages(const std::string& dir, const json& messages) {
  json cfg = json::parse(antrian::default_office_json());
  cfg["messages"] = messages;
  const std::string path = dir + "/office.json";
  std::ofstream(path) << cfg.dump();
  return path;
}

// Every text of the database's event log, for "the number is not in it".
std::string event_log_text(const std::string& db_path) {
  sqlite3* db = nullptr;
  sqlite3_open_v2(db_path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr);
  sqlite3_stmt* st = nullptr;
  sqlite3_prepare_v2(db, "SELECT type || actor || data FROM events UNION ALL SELECT json FROM entities "
                         "UNION ALL SELECT reply FROM requests", -1, &st, nullptr);
  std::string all;
  while (sqlite3_step(st) == SQLITE_ROW) all += reinterpret_cast<const char*>(sqlite3_column_text(st, 0));
  sqlite3_finalize(st);
  sqlite3_close(db);
  return all;
}

}  // namespace

TEST_CASE("outbox: messages reach a webhook that refuses and fails before it recovers, each once") {
  TempDir dir;
  WebhookReceiver gateway;  // down: connections are refused until start()
  const std::string cfg = office_with_messages(
      dir.path(), {{"near", {{"ahead", 1}}},
                   {"webhook", {{"url", gateway.url()}, {"timeout_s", 2}}},
                   {"retry", {{"first_s", 1}, {"max_s", 1}}}});
  HubProcess hub(dir.path() + "/data", {"--config", cfg});
  RawClient c(hub);
  std::vector<json> tickets;
  for (int i = 0; i < 4; ++i) {
    json r = c.request("issue-" + std::to_string(i), "issue", {{"service", "A"}}, "kiosk");
    REQUIRE(r["ok"] == true);
    tickets.push_back(r["result"]["ticket"]);
  }
  const std::string t1 = tickets[0]["token"], t3 = tickets[2]["token"];

  // Bad input: a clear reason that does not repeat the number, nothing stored.
  json bad = c.request("bad-phone", "contact_set", {{"token", t1}, {"phone", "021-555-12345"}});
  CHECK(bad["error"]["code"] == "bad_request");
  CHECK(bad["error"]["reason"].get<std::string>().find("mobile") != std::string::npos);
  CHECK(bad["error"]["reason"].get<std::string>().find("555") == std::string::npos);
  CHECK(c.request("bad-token", "contact_set", {{"token", "nope"}, {"phone", "081234567890"}})["error"]["code"] ==
        "not_found");
  CHECK(c.request("no-phone", "contact_set", {{"token", t1}})["error"]["code"] == "bad_request");
  CHECK(c.request("display", "contact_set", {{"token", t1}, {"phone", "081234567890"}}, "display")["error"]["code"] ==
        "forbidden");

  json ok1 = c.request("contact-1", "contact_set", {{"token", t1}, {"phone", "0812-3456-7890"}}, "kiosk");
  REQUIRE(ok1["ok"] == true);
  CHECK(ok1["result"]["phone"] == "+62812****7890");
  // The QR status page's form posts through the hub's web.
  httplib::Client page("127.0.0.1", hub.http_port());
  auto sends = page.Get("/api/messages");
  REQUIRE(sends);
  CHECK(json::parse(sends->body)["sends"] == true);
  auto refused = page.Post("/api/t/" + t3 + "/contact", json{{"phone", "0213456"}}.dump(), "application/json");
  REQUIRE(refused);
  CHECK(refused->status == 400);
  CHECK(refused->body.find("0213456") == std::string::npos);
  auto saved = page.Post("/api/t/" + t3 + "/contact", json{{"phone", "+62 813 1111 2222"}}.dump(), "application/json");
  REQUIRE(saved);
  INFO(saved->body);
  REQUIRE(saved->status == 200);
  CHECK(json::parse(saved->body)["phone"] == "+62813****2222");
  CHECK(page.Post("/api/t/" + std::string(32, 'a') + "/contact", json{{"phone", "081234567890"}}.dump(),
                  "application/json")->status == 404);

  // A-001 has nobody ahead: "near" at once. Called: "called". A-003 then has one ahead: near.
  REQUIRE(c.request("sign-in", "sign_in", {{"counter", 1}, {"staff", "demo1"}, {"pin", "1234"}})["ok"] == true);
  json called = c.request("call-1", "call_next", {{"counter", 1}});
  REQUIRE(called["ok"] == true);
  REQUIRE(called["result"]["ticket"]["label"] == tickets[0]["label"]);
  // The central server goes down: A halts; A-003 waits and is told, then told it is back.
  json down = c.request("siak-down", "disruption_set", {{"resource", "siak"}, {"level", "down"}});
  REQUIRE(down["ok"] == true);
  REQUIRE(c.request("siak-up", "disruption_clear", {{"id", down["result"]["disruption"]["id"]}})["ok"] == true);

  std::this_thread::sleep_for(std::chrono::milliseconds(1500));  // a few refused connections
  gateway.fail_next(3);
  gateway.start();
  REQUIRE(eventually([&] { return gateway.messages().size() >= 5; }, std::chrono::seconds(30)));
  std::this_thread::sleep_for(std::chrono::milliseconds(1500));  // anything more would show now
  const auto got = gateway.messages();
  std::multiset<std::string> kinds;
  for (const auto& [id, m] : got) {
    INFO(m.dump());
    const std::string kind = m["kind"];
    kinds.insert(m["ticket"].get<std::string>() + " " + kind.substr(0, kind.find('-')));
    CHECK(id.find(kind) != std::string::npos);
    CHECK(m["text"].get<std::string>().find(m["ticket"].get<std::string>()) != std::string::npos);
    CHECK(m["text"].get<std::string>().size() <= 160);
    if (m["ticket"] == tickets[0]["label"]) CHECK(m["to"] == "+6281234567890");
    else CHECK(m["to"] == "+6281311112222");
    if (kind == "called") CHECK(m["text"].get<std::string>().find("Loket 1") != std::string::npos);
  }
  const std::string a1 = tickets[0]["label"], a3 = tickets[2]["label"];
  CHECK(kinds == std::multiset<std::string>{a1 + " near", a1 + " called", a3 + " near", a3 + " halted", a3 + " back"});
  CHECK(gateway.redeliveries() == 0);
  CHECK(gateway.refused() == 3);

  // Delivery state for /admin and /metrics.
  json status = c.request("status", "outbox_status", json::object());
  INFO(status.dump());
  CHECK(status["result"]["channels"]["webhook"]["states"]["sent"] == 5);
  CHECK(status["result"]["channels"]["webhook"]["failed_attempts"].get<int>() >= 4);
  CHECK(status["result"]["failures"].dump().find("+62812****7890") != std::string::npos);
  httplib::Client web("127.0.0.1", hub.http_port());
  REQUIRE(eventually([&] {
    auto m = web.Get("/metrics");
    return m && m->body.find("antrian_messages{channel=\"webhook\",state=\"sent\"} 5") != std::string::npos;
  }));
  CHECK(web.Get("/metrics")->body.find("antrian_message_failed_attempts{channel=\"webhook\"}") != std::string::npos);

  // The numbers are nowhere but in the contacts and outbox tables.
  auto state = web.Get("/api/state");
  REQUIRE(state);
  for (const std::string digits : {"34567890", "31111222", "3456-7890"}) {
    CHECK(state->body.find(digits) == std::string::npos);
    CHECK(event_log_text(hub.data_dir() + "/antrian.db").find(digits) == std::string::npos);
  }
  json events = c.request("events", "events_since", {{"seq", 0}});
  CHECK(events.dump().find("34567890") == std::string::npos);
  CHECK(events.dump().find("contact_added") != std::string::npos);
}

TEST_CASE("outbox: an admin exports and deletes one person's data, and numbers past retention are deleted") {
  TempDir dir;
  const std::string cfg = office_with_messages(
      dir.path(), {{"retention_days", 1}, {"webhook", {{"url", "http://127.0.0.1:9/never"}}}});
  HubProcess hub(dir.path() + "/data", {"--config", cfg, "--manual-clock", "--clock-start", std::to_string(kPinnedMorningMs)});
  RawClient c(hub);
  json t1 = c.request("i1", "issue", {{"service", "C"}}, "kiosk")["result"]["ticket"];
  json t2 = c.request("i2", "issue", {{"service", "C"}}, "kiosk")["result"]["ticket"];
  REQUIRE(c.request("c1", "contact_set", {{"token", t1["token"]}, {"phone", "081234567890"}})["ok"] == true);
  REQUIRE(c.request("c2", "contact_set", {{"token", t2["token"]}, {"phone", "081299998888"}})["ok"] == true);

  // antrian-ctl does the same from the shell.
  ProcessResult set = run_ctl(hub, {"contact-set", t1["token"].get<std::string>(), "0812 3456 7890"});
  CHECK(set.exit_code == 0);
  CHECK(set.out.find("+62812****7890") != std::string::npos);
  CHECK(run_ctl(hub, {"contact-set", t1["token"].get<std::string>(), "12345"}).exit_code == 1);
  ProcessResult status = run_ctl(hub, {"--json", "outbox"});
  CHECK(status.exit_code == 0);
  CHECK(json::parse(status.out)["result"]["sends"] == true);
  json exported = json::parse(run_ctl(hub, {"--json", "contact-export", "+62 812 3456 7890"}).out);
  INFO(exported.dump());
  REQUIRE(exported["ok"] == true);
  CHECK(exported["result"]["phone"] == "+6281234567890");
  CHECK(exported["result"]["contacts"].size() == 1);
  CHECK(exported["result"]["messages"].size() == 1);  // "near": nobody ahead of C-001
  CHECK(exported["result"]["messages"][0]["ticket"] == t1["label"]);
  CHECK(c.request("x-bad", "contact_export", {{"phone", "hello"}})["error"]["code"] == "bad_request");
  CHECK(c.request("x-kiosk", "contact_export", {{"phone", "081234567890"}}, "kiosk")["error"]["code"] == "forbidden");

  json deleted = c.request("d1", "contact_delete", {{"phone", "081234567890"}});
  REQUIRE(deleted["ok"] == true);
  CHECK(deleted["result"]["contacts"] == 1);
  CHECK(deleted["result"]["messages"] == 1);
  CHECK(c.request("x2", "contact_export", {{"phone", "081234567890"}})["result"]["contacts"].empty());
  CHECK(c.request("d2", "contact_delete", {{"phone", "081234567890"}})["error"]["code"] == "not_found");
  // The other person's data stays.
  CHECK(c.request("x3", "contact_export", {{"phone", "081299998888"}})["result"]["contacts"].size() == 1);

  // Two days later the retention of one day is past: the hub deletes it by itself.
  REQUIRE(c.request("later", "clock_set", {{"now", kPinnedMorningMs + 2 * 86'400'000LL}})["ok"] == true);
  REQUIRE(eventually([&] {
    return c.request("x4-" + std::to_string(std::rand()), "contact_export", {{"phone", "081299998888"}})["result"]
        ["contacts"].empty();
  }));
  const std::string log = c.request("ev", "events_since", {{"seq", 0}}).dump();
  CHECK(log.find("\"reason\":\"retention\"") != std::string::npos);
  CHECK(log.find("\"reason\":\"request\"") != std::string::npos);
  CHECK(log.find("99998888") == std::string::npos);
}
