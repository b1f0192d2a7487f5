// End to end: the real antrian-kiosk (headless, driven by its automation commands)
// against a real hub (antrian-server on ephemeral ports) with a loopback TCP printer.
// Tickets are taken through the kiosk's own screens and buttons; what the hub holds
// and what the printer received are then checked.
#include <doctest/doctest.h>

#include <signal.h>

#include <chrono>
#include <fstream>
#include <thread>

#include <httplib.h>

#include "antrian/office_config.h"
#include "antrian/office_time.h"
#include "hub_process.h"
#include "kiosk_process.h"

using namespace antrian;
using namespace kiosk_test;
using json = nlohmann::json;
using antrian::test::HubProcess;
using antrian::test::TempDir;

namespace {

json hub_state(const HubProcess& hub) {
  auto r = antrian::test::run_ctl(hub, {"--json", "state"});
  REQUIRE(r.exit_code == 0);
  auto j = json::parse(r.out, nullptr, false);
  REQUIRE(j.is_object());
  return j["result"]["state"];
}

std::vector<std::string> labels(const json& state) {
  std::vector<std::string> out;
  for (const json& t : state["tickets"]) out.push_back(t["label"]);
  return out;
}

std::string device_state(const json& state, const std::string& id) {
  for (const json& d : state["devices"])
    if (d["id"] == id) return d["state"];
  return "";
}

bool has(const std::string& hay, std::string_view needle) { return hay.find(needle) != std::string::npos; }

size_t count(const std::string& hay, std::string_view needle) {
  size_t n = 0;
  for (size_t p = hay.find(needle); p != std::string::npos; p = hay.find(needle, p + 1)) ++n;
  return n;
}

#define REQUIRE_OK(kiosk, line)                                       \
  do {                                                                \
    const json r_ = (kiosk).command(line);                            \
    INFO((kiosk).transcript());                                       \
    REQUIRE_MESSAGE(r_.contains("ok"), line, " -> ", r_.dump());      \
  } while (0)

std::vector<std::string> kiosk_args(const HubProcess& hub, const std::string& printer) {
  std::vector<std::string> a = {"--hub", hub.address(), "--printer", printer, "--name", "kiosk-e2e", "--staff-pin", "2468"};
  for (const std::string& k : hub.key_args("kiosk", "kiosk-e2e")) a.push_back(k);
  return a;
}

}  // namespace

TEST_CASE("e2e: a person routes to a service and leaves with one printed ticket, staff reprint it") {
  TempDir dir;
  HubProcess hub(dir.path() + "/hub");
  PrinterListener printer(healthy_printer);
  auto args = kiosk_args(hub, printer.address());
  args.insert(args.end(), {"--window", "1080x1920", "--paper", "58"});
  KioskProcess kiosk(args, dir.path() + "/kiosk.log");

  REQUIRE_OK(kiosk, "wait home 15");
  REQUIRE_OK(kiosk, "tap route:ektp");
  REQUIRE_OK(kiosk, "wait question");
  REQUIRE_OK(kiosk, "tap route:ektp-rekam");
  REQUIRE_OK(kiosk, "wait ticket");
  auto printed = kiosk.wait_for([](const json& j) { return j.value("print", "") != ""; }, 10000);
  INFO(kiosk.transcript());
  REQUIRE(printed);
  CHECK((*printed)["print"] == "ok");
  CHECK((*printed)["label"] == "A-001");
  CHECK(kiosk.wait_for([](const json& j) { return j.value("report", "") == "ok" && j.value("ok", false); }, 5000));

  json state = hub_state(hub);
  CHECK(labels(state) == std::vector<std::string>{"A-001"});
  CHECK(state["tickets"][0]["service"] == "A");
  CHECK(device_state(state, "kiosk-e2e/printer") == "ok");

  const std::string paper = printer.received();
  CHECK(has(paper, "A-001"));
  CHECK(has(paper, "Perekaman e-KTP"));
  CHECK(has(paper, "Disdukcapil Kabupaten Contoh"));
  CHECK(has(paper, std::string(32, '-') + "\n"));                   // 58 mm: 32 columns
  CHECK(has(paper, "\x1d(k"));                                       // native QR...
  CHECK(has(paper, state["office"]["public_url"].get<std::string>() + "/t/"));  // ...of the status page
  CHECK(has(paper, std::string("\x1dV\x01", 3)));                    // and a cut
  const json view = kiosk.command("view")["view"];
  CHECK(view["label"] == "A-001");
  CHECK(has(view["print"], "Tiket sudah dicetak"));

  // Staff: the hidden gesture, the PIN, reprint. The same ticket comes out again and
  // the hub still has exactly one.
  REQUIRE_OK(kiosk, "tap done");
  REQUIRE_OK(kiosk, "wait home");
  for (int i = 0; i < 5; ++i) REQUIRE_OK(kiosk, "tap staff");
  REQUIRE_OK(kiosk, "wait staff_pin");
  for (const char* k : {"tap pin:2", "tap pin:4", "tap pin:6", "tap pin:8", "tap pin:ok"}) REQUIRE_OK(kiosk, k);
  REQUIRE_OK(kiosk, "wait staff_menu");
  const size_t before = kiosk.lines_seen();
  REQUIRE_OK(kiosk, "tap staff:reprint");
  auto again = kiosk.wait_for([](const json& j) { return j.value("reprint", false); }, 10000, before);
  REQUIRE(again);
  CHECK((*again)["print"] == "ok");
  CHECK(count(printer.received(), "A-001") == 2);
  CHECK(labels(hub_state(hub)) == std::vector<std::string>{"A-001"});
}

TEST_CASE("e2e: a disrupted service is warned about first, going back issues nothing, confirming issues one") {
  TempDir dir;
  HubProcess hub(dir.path() + "/hub");
  auto set = antrian::test::run_ctl(hub, {"disruption-set", "siak", "down", "--message-id", "Server pusat terputus",
                                          "--message-en", "Central server down", "--expected-minutes", "120"});
  REQUIRE_MESSAGE(set.exit_code == 0, set.err);
  KioskProcess kiosk(kiosk_args(hub, "none"), dir.path() + "/kiosk.log");
  REQUIRE_OK(kiosk, "wait home 15");
  REQUIRE_OK(kiosk, "tap route:ektp");
  REQUIRE_OK(kiosk, "tap route:ektp-cetak");
  REQUIRE_OK(kiosk, "wait warning");
  const json w = kiosk.command("view")["view"];
  CHECK(w["headline"] == "Layanan Pencetakan e-KTP sedang terhenti");
  CHECK(w["messages"] == json::array({"Server pusat terputus"}));
  CHECK(has(w["expected_back"], "Perkiraan pulih pukul"));
  CHECK(has(w["alternative"], "surat keterangan pengganti KTP-el"));
  REQUIRE_OK(kiosk, "tap back");
  REQUIRE_OK(kiosk, "wait question");
  CHECK(labels(hub_state(hub)).empty());
  REQUIRE_OK(kiosk, "tap route:ektp-cetak");
  REQUIRE_OK(kiosk, "tap confirm");
  REQUIRE_OK(kiosk, "wait ticket");
  CHECK(labels(hub_state(hub)) == std::vector<std::string>{"B-001"});
}

TEST_CASE("e2e: a used-up quota gives no ticket and says what to do instead") {
  TempDir dir;
  auto cfg = json::parse(default_office_json());
  for (json& s : cfg["services"])
    if (s["code"] == "D") s["daily_quota"] = 1;
  const std::string file = dir.path() + "/office.json";
  std::ofstream(file) << cfg.dump();
  HubProcess hub(dir.path() + "/hub", {"--config", file});
  REQUIRE(antrian::test::run_ctl(hub, {"issue", "D"}).exit_code == 0);
  KioskProcess kiosk(kiosk_args(hub, "none"), dir.path() + "/kiosk.log");
  REQUIRE_OK(kiosk, "wait home 15");
  REQUIRE_OK(kiosk, "tap route:akta");
  REQUIRE_OK(kiosk, "wait unavailable");
  const json v = kiosk.command("view")["view"];
  CHECK(has(v["headline"], "sudah habis"));
  CHECK(has(v["advice"], "hari kerja berikutnya"));
  CHECK(labels(hub_state(hub)) == std::vector<std::string>{"D-001"});
}

TEST_CASE("e2e: a printer out of paper: the kiosk says so, keeps the ticket, tells the hub, issues once") {
  TempDir dir;
  HubProcess hub(dir.path() + "/hub");
  PrinterListener printer(printer_without_paper);
  KioskProcess kiosk(kiosk_args(hub, printer.address()), dir.path() + "/kiosk.log");
  REQUIRE_OK(kiosk, "wait home 15");
  REQUIRE_OK(kiosk, "tap route:info");
  REQUIRE_OK(kiosk, "wait ticket");
  auto printed = kiosk.wait_for([](const json& j) { return j.value("print", "") != ""; }, 10000);
  INFO(kiosk.transcript());
  REQUIRE(printed);
  CHECK((*printed)["print"] == "paper_out");
  CHECK(kiosk.wait_for([](const json& j) { return j.value("report", "") == "paper_out"; }, 5000));
  const json v = kiosk.command("view")["view"];
  CHECK(v["screen"] == "ticket");
  CHECK(has(v["print"], "Kertas printer habis"));
  const json state = hub_state(hub);
  CHECK(device_state(state, "kiosk-e2e/printer") == "paper_out");
  CHECK(labels(state) == std::vector<std::string>{"F-001"});
  CHECK_FALSE(has(printer.received(), "F-001"));  // the printer said no paper: no job sent
}

TEST_CASE("e2e: hub gone: a calm please-wait screen within 3 s and no ticket, back when the hub is") {
  TempDir dir;
  HubProcess hub(dir.path() + "/hub");
  KioskProcess kiosk(kiosk_args(hub, "none"), dir.path() + "/kiosk.log");
  REQUIRE_OK(kiosk, "wait home 15");
  const size_t before = kiosk.lines_seen();
  const auto killed = std::chrono::steady_clock::now();
  hub.kill9();
  auto off = kiosk.wait_for([](const json& j) { return j.value("screen", "") == "offline"; }, 6000, before);
  const auto took = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - killed);
  INFO(kiosk.transcript());
  REQUIRE(off);
  CHECK(took.count() <= 3300);  // silence is noticed after 3 s of no heartbeat (1/s)
  // Nothing to touch: the service buttons are gone.
  const json tap = kiosk.command("tap route:kk 1");
  CHECK(tap.value("error", "") == "tap");
  CHECK(kiosk.command("view")["view"]["headline"] == "Mohon tunggu sebentar");
  hub.restart();
  REQUIRE_OK(kiosk, "wait home 15");
  CHECK(labels(hub_state(hub)).empty());
}

TEST_CASE("e2e: an issue retried while the hub stalls gives exactly one ticket") {
  TempDir dir;
  HubProcess hub(dir.path() + "/hub");
  KioskProcess kiosk(kiosk_args(hub, "none"), dir.path() + "/kiosk.log");
  REQUIRE_OK(kiosk, "wait home 15");
  REQUIRE(::kill(hub.pid(), SIGSTOP) == 0);
  REQUIRE_OK(kiosk, "tap route:kk");
  // Long enough for the request to be sent again (every 1.5 s) and for the kiosk to
  // lose the hub's heartbeat; the person keeps seeing "please wait".
  std::this_thread::sleep_for(std::chrono::milliseconds(4000));
  CHECK(kiosk.command("view")["view"]["screen"] == "issuing");
  REQUIRE(::kill(hub.pid(), SIGCONT) == 0);
  REQUIRE_OK(kiosk, "wait ticket 15");
  CHECK(labels(hub_state(hub)) == std::vector<std::string>{"C-001"});
}

namespace {
// 2026-11-23 is a Monday; the hub's clock is pinned so the test never depends on today.
int64_t monday(int hour, int minute) { return local_midnight_ms(2026, 11, 23, 7) + (hour * 60 + minute) * 60'000LL; }
}  // namespace

TEST_CASE("e2e: two people turned away at the kiosk (blangko out) are counted twice, in the state and /metrics") {
  TempDir dir;
  HubProcess hub(dir.path() + "/hub", {"--clock-start", std::to_string(monday(9, 0))});
  REQUIRE(antrian::test::run_ctl(hub, {"resource-set", "blangko", "--stock", "0"}).exit_code == 0);
  KioskProcess kiosk(kiosk_args(hub, "none"), dir.path() + "/kiosk.log");
  REQUIRE_OK(kiosk, "wait home 15");
  REQUIRE_OK(kiosk, "tap route:ektp");
  for (int person = 0; person < 2; ++person) {
    REQUIRE_OK(kiosk, "tap route:ektp-cetak");
    REQUIRE_OK(kiosk, "wait unavailable");
    CHECK(has(kiosk.command("view")["view"]["headline"], "sudah habis"));
    REQUIRE_OK(kiosk, "tap back");
    REQUIRE_OK(kiosk, "wait question");
  }
  const json state = hub_state(hub);
  CHECK(labels(state).empty());
  CHECK(state["refused_today"]["B"] == 2);
  httplib::Client http("127.0.0.1", hub.http_port());
  auto metrics = http.Get("/metrics");
  REQUIRE(metrics);
  CHECK(has(metrics->body, "antrian_tickets_refused_today{service=\"B\"} 2"));
}

TEST_CASE("e2e: after closing the kiosk shows when numbers are given again instead of its cards") {
  TempDir dir;
  HubProcess hub(dir.path() + "/hub", {"--clock-start", std::to_string(monday(15, 7))});
  KioskProcess kiosk(kiosk_args(hub, "none"), dir.path() + "/kiosk.log");
  REQUIRE_OK(kiosk, "wait home 15");
  const json v = kiosk.command("view")["view"];
  CHECK(v["office_closed"] == true);
  CHECK(v["buttons"].empty());
  CHECK(v["title"] == "Pengambilan nomor dibuka lagi besok pukul 08:00");
  CHECK(v["subtitle"] == "Kantor sudah tutup untuk hari ini");
  CHECK(labels(hub_state(hub)).empty());
}

TEST_CASE("e2e: the kiosk at 07:59, 10:00, 14:59, 15:01 and 23:59: the warning only while numbers are given") {
  // Printing halted by the central server, back in two hours. What a person at the
  // kiosk is offered depends on the hour, on the hub's clock (never the machine's):
  // Tuesday 10 February 2026; numbers 08:00-14:30 (the last 30 minutes before closing).
  struct Hour {
    int hh, mm;
    bool open;
    const char* title;  // the home screen's title when numbers are not given
  };
  for (const Hour h : {Hour{10, 0, true, ""}, Hour{7, 59, false, "Pengambilan nomor dibuka lagi hari ini pukul 08:00"},
                       Hour{14, 59, false, "Pengambilan nomor dibuka lagi besok pukul 08:00"},
                       Hour{15, 1, false, "Pengambilan nomor dibuka lagi besok pukul 08:00"},
                       Hour{23, 59, false, "Pengambilan nomor dibuka lagi besok pukul 08:00"}}) {
    CAPTURE(h.hh);
    TempDir dir;
    HubProcess hub(dir.path() + "/hub", antrian::test::clock_at(antrian::test::pinned_office_time_ms(h.hh, h.mm)));
    auto set = antrian::test::run_ctl(hub, {"disruption-set", "siak", "down", "--message-id", "Server pusat terputus",
                                            "--message-en", "Central server down", "--expected-minutes", "120"});
    REQUIRE_MESSAGE(set.exit_code == 0, set.err);
    KioskProcess kiosk(kiosk_args(hub, "none"), dir.path() + "/kiosk.log");
    REQUIRE_OK(kiosk, "wait home 15");
    const json home = kiosk.command("view")["view"];
    CHECK(home["office_closed"] == !h.open);
    if (h.open) {
      REQUIRE_OK(kiosk, "tap route:ektp");
      REQUIRE_OK(kiosk, "tap route:ektp-cetak");
      REQUIRE_OK(kiosk, "wait warning");
      CHECK(has(kiosk.command("view")["view"]["headline"], "sedang terhenti"));
    } else {
      CHECK(home["buttons"].empty());
      CHECK_MESSAGE(home["title"] == h.title, home.dump());
    }
    CHECK(labels(hub_state(hub)).empty());
  }
}
