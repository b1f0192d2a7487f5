// Issue 17's end-to-end test of the come-back list, with every part real: a hub on a
// pinned manual clock, the real kiosk (headless, automation), a loopback TCP printer,
// the real gammu-smsd with its dummy phone and a webhook receiver.
// e-KTP printing (B) halts; three citizens join its come-back list: one at the kiosk
// (the warning before a ticket), one after the kiosk was refused a number, one whose
// ticket a bulk move closed (with its status-page token). Each leaves a phone number.
// Printing comes back: each hears "the service is back", then the hub invites the list
// in batches the day's capacity can serve (2, then 1), each invitation going out through
// gammu-smsd and the webhook; each checks in at the kiosk with the code (typed on the
// keypad, or scanned) and is called in the order of their places in line.
#include <doctest/doctest.h>

#include <chrono>
#include <filesystem>
#include <set>
#include <fstream>
#include <thread>

#include <nlohmann/json.hpp>

#include "antrian/hub_client.h"
#include "antrian/office_config.h"
#include "eventually.h"
#include "gammu_smsd.h"
#include "hub_process.h"
#include "kiosk_e2e.h"
#include "kiosk_process.h"
#include "webhook_receiver.h"

using namespace antrian::test;
using namespace kiosk_test;
using json = nlohmann::json;

namespace {

// B takes an hour a person at loket 3 alone: a two-hour window serves two people.
std::string office_file(const std::string& dir, const std::string& webhook, const std::string& gammu_db) {
  auto cfg = json::parse(antrian::default_office_json());
  for (json& s : cfg["services"])
    if (s["code"] == "B") s["mean_service_s"] = 3600;
  for (json& c : cfg["counters"]) {
    if (c["number"] == 2) c["services"] = {"A"};
    if (c["number"] == 3) c["services"] = {"B"};
  }
  cfg["messages"] = {{"webhook", {{"url", webhook}}}, {"gammu", {{"database", gammu_db}}},
                     {"retry", {{"first_s", 1}, {"max_s", 1}}}};
  const std::string file = dir + "/office.json";
  std::ofstream(file) << cfg.dump(2);
  return file;
}

// Joins at the kiosk from the screen it is on, leaves a phone number on the keypad,
// and returns the code the kiosk showed.
std::string join_at_kiosk(KioskProcess& kiosk, const std::string& phone_digits) {
  const size_t from = kiosk.lines_seen();
  KIOSK_OK(kiosk, "tap comeback");
  KIOSK_OK(kiosk, "wait comeback");
  auto joined = kiosk.wait_for([](const json& j) { return j.value("request", "") == "comeback_join"; }, 5000, from);
  REQUIRE(joined);
  REQUIRE((*joined)["ok"] == true);
  const std::string code = (*joined)["code"];
  json view = kiosk.command("view")["view"];
  CHECK(view["code"] == code.substr(0, 3) + " " + code.substr(3));  // grouped to be read back
  CHECK(view["title"] == "Kode kembali Anda");
  // The slip came out of the printer.
  auto printed = kiosk.wait_for([&](const json& j) { return j.value("print", "") != "" && j.value("label", "") == code; },
                                10000, from);
  REQUIRE(printed);
  CHECK((*printed)["print"] == "ok");
  KIOSK_OK(kiosk, "tap comeback:phone");
  KIOSK_OK(kiosk, "wait comeback_phone");
  // A wrong number is refused on the kiosk with the reason, nothing is sent.
  KIOSK_OK(kiosk, "tap key:1");
  KIOSK_OK(kiosk, "tap key:2");
  for (int i = 0; i < 8; ++i) KIOSK_OK(kiosk, "tap key:3");
  KIOSK_OK(kiosk, "tap key:ok");
  view = kiosk.command("view")["view"];
  CHECK(view["message"].get<std::string>().find("Bukan nomor HP Indonesia") != std::string::npos);
  for (int i = 0; i < 10; ++i) KIOSK_OK(kiosk, "tap key:del");
  for (char d : phone_digits) KIOSK_OK(kiosk, std::string("tap key:") + d);
  KIOSK_OK(kiosk, "tap key:ok");
  KIOSK_OK(kiosk, "wait comeback");
  view = kiosk.command("view")["view"];
  CHECK(view["phone"].get<std::string>().find("****") != std::string::npos);  // masked
  KIOSK_OK(kiosk, "tap done");
  KIOSK_OK(kiosk, "wait home");
  return code;
}

// Check in at the kiosk: "Punya kode?" and the keypad, or a barcode scanner's typing.
std::string checkin_at_kiosk(KioskProcess& kiosk, const std::string& code, bool scanner) {
  const size_t from = kiosk.lines_seen();
  if (scanner) {
    KIOSK_OK(kiosk, "type " + code.substr(0, 3) + "-" + code.substr(3));
  } else {
    KIOSK_OK(kiosk, "tap checkin");
    KIOSK_OK(kiosk, "wait checkin");
    for (char c : code) KIOSK_OK(kiosk, std::string("tap key:") + c);
    KIOSK_OK(kiosk, "tap key:ok");
  }
  KIOSK_OK(kiosk, "wait ticket");
  auto t = kiosk.wait_for([](const json& j) { return j.value("request", "") == "comeback_checkin"; }, 5000, from);
  REQUIRE(t);
  REQUIRE((*t)["ok"] == true);
  KIOSK_OK(kiosk, "tap done");
  KIOSK_OK(kiosk, "wait home");
  return (*t)["ticket"];
}

}  // namespace

TEST_CASE("e2e: come-back list: printing halts, three join (kiosk, refusal, bulk move), invited by SMS and webhook in batches, served in order") {
  TempDir dir;
  GammuSmsd smsd(dir.path() + "/gammu");
  WebhookReceiver webhook;
  webhook.start();
  const std::string cfg = office_file(dir.path(), webhook.url(), smsd.database());
  HubProcess hub(dir.path() + "/hub",
                 {"--config", cfg, "--manual-clock", "--clock-start", std::to_string(pinned_office_time_ms(8, 30))});
  antrian::HubClient admin(hub.client_options("admin", "comeback-admin", false));
  auto at = [&](int hh, int mm) { REQUIRE(admin.request("clock_set", {{"now", pinned_office_time_ms(hh, mm)}}).ok); };
  PrinterListener printer(healthy_printer);
  KioskProcess kiosk(kiosk_program_args(hub, "kiosk-cb", {"--printer", printer.address()}), dir.path() + "/kiosk.log");
  KIOSK_OK(kiosk, "wait home 15");

  // 08:30 the third citizen takes B-001; 08:40 the card printers stop, and the waiting
  // line is closed by a bulk move.
  const std::string token = ok(admin, "issue", {{"service", "B"}})["ticket"]["token"];
  at(8, 40);
  const int64_t halt = ok(admin, "disruption_set", {{"resource", "printers"}, {"level", "down"}})["disruption"]["id"];
  CHECK(ok(admin, "bulk_move", {{"service", "B"}, {"reason", "printer kartu rusak"}})["moved"] == 1);

  // 08:45 the first: the kiosk warns that printing is halted and offers the list.
  at(8, 45);
  KIOSK_OK(kiosk, "tap route:ektp");
  KIOSK_OK(kiosk, "tap route:ektp-cetak");
  KIOSK_OK(kiosk, "wait warning");
  CHECK(kiosk.command("view")["view"]["comeback"] == "Beri tahu saya saat layanan pulih");
  const std::string code1 = join_at_kiosk(kiosk, "081200000001");

  // 08:50 no numbers are left for B today (the office cut its quota to the one taken);
  // the second is refused, and the refusal itself says the list is open.
  at(8, 50);
  ok(admin, "service_set", {{"code", "B"}, {"daily_quota", 1}});
  auto refused = admin.request("issue", {{"service", "B"}});
  REQUIRE_FALSE(refused.ok);
  CHECK(refused.error.comeback_can_join);
  // (An admin-made refusal; the kiosk's own comes next: the hub counts both.)
  KIOSK_OK(kiosk, "tap route:ektp");
  KIOSK_OK(kiosk, "tap route:ektp-cetak");
  KIOSK_OK(kiosk, "wait unavailable");
  CHECK(kiosk.command("view")["view"]["comeback"] == "Beri tahu saya saat layanan pulih");
  const std::string code2 = join_at_kiosk(kiosk, "081200000002");

  // 08:55 the quota is lifted again; the third joins with the bulk-moved ticket's token (its 08:30 place first).
  at(8, 55);
  ok(admin, "service_set", {{"code", "B"}, {"daily_quota", 0}});
  auto moved = ok(admin, "comeback_join", {{"token", token}});
  const std::string code3 = moved["code"];
  CHECK(moved["position"] == 1);
  ok(admin, "contact_set", {{"code", code3}, {"phone", "0812-0000-0003"}});
  // A bad code or number is refused with the reason and changes nothing.
  CHECK(admin.request("contact_set", {{"code", "ZZZZZZ"}, {"phone", "081200000009"}}).error.code == "not_found");
  CHECK(admin.request("contact_set", {{"code", code3}, {"phone", "12345"}}).error.code == "bad_request");
  json vias;
  const json snapshot = ok(admin, "snapshot", json::object());
  for (const json& e : snapshot["state"]["comeback"]) vias[e["via"].get<std::string>()] = e["id"];
  CHECK(vias.size() == 3);  // kiosk, refusal, bulk_move
  CHECK(vias.contains("kiosk"));
  CHECK(vias.contains("refusal"));
  CHECK(vias.contains("bulk_move"));

  // 09:00 the printers are back: everyone hears it; two are invited (one loket, an
  // hour each, a two-hour window), the oldest places first: the third and the first.
  at(9, 0);
  ok(admin, "disruption_clear", {{"id", halt}});
  auto kinds_of = [&](const std::string& phone) {
    std::multiset<std::string> kinds;
    for (const auto& [id, m] : webhook.messages())
      if (m["to"] == phone) kinds.insert(m["kind"].get<std::string>().substr(0, m["kind"].get<std::string>().find('-')));
    return kinds;
  };
  REQUIRE(eventually([&] { return webhook.messages().size() >= 5; }, std::chrono::seconds(20)));
  std::this_thread::sleep_for(std::chrono::milliseconds(1500));
  CHECK(kinds_of("+6281200000003") == std::multiset<std::string>{"back", "invited"});
  CHECK(kinds_of("+6281200000001") == std::multiset<std::string>{"back", "invited"});
  CHECK(kinds_of("+6281200000002") == std::multiset<std::string>{"back"});
  for (const auto& kv : webhook.messages()) {
    const json& m = kv.second;  // not a structured binding: INFO captures it (clang 14)
    if (m["kind"] != "invited") continue;
    INFO(m.dump());
    const std::string text = m["text"];
    CHECK(text.find("Datang antara 09:00-11:00 hari ini") != std::string::npos);
    CHECK((text.find(code1) != std::string::npos || text.find(code3) != std::string::npos));
    CHECK(text.size() <= 160);
  }
  // The same messages through the real gammu-smsd: the dummy phone sent each once.
  REQUIRE(eventually([&] { return smsd.sent().size() >= 5; }, std::chrono::seconds(40)));
  {
    INFO(smsd.log());
    int invited = 0;
    for (const auto& [id, row] : smsd.sent()) {
      CHECK(row[0].rfind("SendingOK", 0) == 0);
      if (id.size() > 8 && id.substr(id.size() - 8) == "-invited") ++invited;
    }
    CHECK(invited == 2);
  }
  // The invitation's code is only in the private outbox, never in what the hub publishes.
  const std::string published = ok(admin, "events_since", {{"seq", 0}}).dump();
  for (const std::string& code : {code1, code2, code3}) CHECK(published.find(code) == std::string::npos);

  // 09:05 the invited check in at the kiosk: the third scans the code, the first types it.
  // The second is not invited yet: the keypad says so and nothing is issued.
  at(9, 5);
  const std::string t3 = checkin_at_kiosk(kiosk, code3, true);
  const std::string t1 = checkin_at_kiosk(kiosk, code1, false);
  KIOSK_OK(kiosk, "type " + code2);
  auto early = kiosk.wait_for([](const json& j) { return j.value("request", "") == "comeback_checkin" && j.contains("error"); },
                              5000);
  REQUIRE(early);
  CHECK((*early)["error"] == "illegal_state");
  CHECK(kiosk.command("view")["view"]["message"].get<std::string>().find("belum") != std::string::npos);
  KIOSK_OK(kiosk, "tap back");

  // Loket 3 serves them in the order of their places: the bulk-moved 08:30 one first.
  ok(admin, "sign_in", {{"counter", 3}, {"staff", "demo1"}, {"pin", "1234"}});
  CHECK(ok(admin, "call_next", {{"counter", 3}})["ticket"]["label"] == t3);
  ok(admin, "start", {{"counter", 3}});
  at(10, 5);
  ok(admin, "finish", {{"counter", 3}});
  CHECK(ok(admin, "call_next", {{"counter", 3}})["ticket"]["label"] == t1);
  ok(admin, "start", {{"counter", 3}});

  // 11:00 the first window has ended: the second batch is the one left, invited by SMS.
  at(11, 0);
  REQUIRE(eventually([&] { return kinds_of("+6281200000002").count("invited") == 1; }, std::chrono::seconds(20)));
  at(11, 5);
  ok(admin, "finish", {{"counter", 3}});
  const std::string t2 = checkin_at_kiosk(kiosk, code2, false);
  CHECK(ok(admin, "call_next", {{"counter", 3}})["ticket"]["label"] == t2);
  REQUIRE(eventually([&] { return smsd.sent().size() >= 6; }, std::chrono::seconds(40)));
  CHECK(ok(admin, "snapshot", json::object())["state"]["comeback_counts"]["B"] ==
        json{{"waiting", 0}, {"invited", 0}, {"came", 3}, {"expired", 0}});
  CHECK(webhook.redeliveries() == 0);
}
