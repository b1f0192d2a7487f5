// End to end: a booking checked in on the real antrian-kiosk (headless, automation)
// against a real hub on a pinned manual clock. The web's booking_create books e-KTP
// printing (B) for 09:00; at 08:40 the citizen types the 8-character code on the
// "Punya kode?" keypad; the kiosk shows (and prints) the ticket, which stands in the
// one fair line at its slot's start: after the walk-ins who came before 09:00, before
// the one who came after. A wrong code and a used code get the hub's reason in words.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "antrian/hub_client.h"
#include "hub_process.h"
#include "kiosk_e2e.h"
#include "kiosk_process.h"

using namespace antrian::test;
using namespace kiosk_test;
using json = nlohmann::json;

namespace {

}  // namespace

TEST_CASE("e2e: booking check-in on the kiosk program: the code typed, the ticket shown in the fair line, a wrong code refused in words") {
  TempDir dir;
  HubProcess hub(dir.path() + "/hub",
                 {"--manual-clock", "--clock-start", std::to_string(pinned_office_time_ms(8, 30))});
  antrian::HubClient admin(hub.client_options("admin", "booking-kiosk-admin", false));
  auto at = [&](int hh, int mm) { REQUIRE(admin.request("clock_set", {{"now", pinned_office_time_ms(hh, mm)}}).ok); };

  // 08:30 booked on the web (the hub's web books as admin) for 09:00 today.
  const json booking = ok(admin, "booking_create",
                          {{"service", "B"}, {"date", "2026-02-10"}, {"slot", "09:00"}, {"name", "Ani Wulandari"},
                           {"phone", "0812-1111-2222"}, {"nik", "3201014501900001"}});
  const std::string code = booking["code"];
  REQUIRE(code.size() == 8);
  // 08:35 a walk-in for the same service.
  at(8, 35);
  const std::string walk_in_early = ok(admin, "issue", {{"service", "B"}})["ticket"]["label"];

  PrinterListener printer(healthy_printer);
  KioskProcess kiosk(kiosk_program_args(hub, "kiosk-booking", {"--printer", printer.address()}), dir.path() + "/kiosk.log");
  KIOSK_OK(kiosk, "wait home 15");

  // A wrong code first (scanned): the hub's reason in words, no ticket.
  at(8, 40);
  size_t from = kiosk.lines_seen();
  KIOSK_OK(kiosk, "type ABCD-EFGH");
  auto wrong = kiosk.wait_for([](const json& j) { return j.value("request", "") == "booking_checkin"; }, 5000, from);
  REQUIRE(wrong);
  CHECK((*wrong)["error"] == "not_found");
  json view = kiosk.command("view")["view"];
  CHECK(view["screen"] == "checkin");
  CHECK(view["message"] == "Kode tidak dikenal. Periksa kode pada kertas atau pesan Anda.");
  KIOSK_OK(kiosk, "tap back");
  KIOSK_OK(kiosk, "wait home");

  // The booking's code typed on the "Punya kode?" keypad: its ticket on screen and paper.
  from = kiosk.lines_seen();
  KIOSK_OK(kiosk, "tap checkin");
  KIOSK_OK(kiosk, "wait checkin");
  for (char c : code) KIOSK_OK(kiosk, std::string("tap key:") + c);
  KIOSK_OK(kiosk, "tap key:ok");
  KIOSK_OK(kiosk, "wait ticket");
  auto checked = kiosk.wait_for([](const json& j) { return j.value("request", "") == "booking_checkin"; }, 5000, from);
  REQUIRE(checked);
  REQUIRE((*checked)["ok"] == true);
  const std::string booked = (*checked)["ticket"];
  view = kiosk.command("view")["view"];
  CHECK(view["label"] == booked);
  CHECK(view["service"] == "Pencetakan e-KTP");
  auto printed = kiosk.wait_for([&](const json& j) { return j.value("label", "") == booked && j.contains("print"); },
                                10000, from);
  REQUIRE(printed);
  CHECK((*printed)["print"] == "ok");
  KIOSK_OK(kiosk, "tap done");
  KIOSK_OK(kiosk, "wait home");

  // The same code again: used, said in words; nothing issued.
  from = kiosk.lines_seen();
  KIOSK_OK(kiosk, "type " + code);
  auto used = kiosk.wait_for([](const json& j) { return j.value("request", "") == "booking_checkin"; }, 5000, from);
  REQUIRE(used);
  CHECK((*used)["error"] == "illegal_state");
  CHECK(kiosk.command("view")["view"]["message"].get<std::string>().find("tidak dapat dipakai") != std::string::npos);
  KIOSK_OK(kiosk, "tap back");

  // 08:50 and 09:05 two more walk-ins. The line: those who came before 09:00, the
  // booking at 09:00 (though it checked in at 08:40), then the one after.
  at(8, 50);
  const std::string walk_in_before = ok(admin, "issue", {{"service", "B"}})["ticket"]["label"];
  at(9, 5);
  const std::string walk_in_after = ok(admin, "issue", {{"service", "B"}})["ticket"]["label"];
  ok(admin, "sign_in", {{"counter", 3}, {"staff", "demo1"}, {"pin", "1234"}});
  std::vector<std::string> called;
  for (int i = 0; i < 4; ++i) {
    called.push_back(ok(admin, "call_next", {{"counter", 3}})["ticket"]["label"]);
    ok(admin, "start", {{"counter", 3}});
    ok(admin, "finish", {{"counter", 3}});
  }
  CHECK(called == std::vector<std::string>{walk_in_early, walk_in_before, booked, walk_in_after});
  CHECK(ok(admin, "snapshot", json::object())["state"]["booking_counts"]["B"]["checked_in"] == 1);
}
