// The pages in real headless Chromium (Debian's chromium + chromedriver): a status
// page follows its ticket by itself, a disruption declared in /admin reaches /display
// without a reload, the display speaks a call once and not again after a reload, and
// screenshots of every page for docs/.
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "browser_shots.h"
#include "eventually.h"
#include "office_day.h"
#include "web_fixture.h"
#include "webdriver.h"

using namespace antrian;
using namespace antrian::test;

namespace {

std::string profile(const WebHub& w, const std::string& name) { return w.dir.path() + "/chrome-" + name; }

void sign_in(Browser& b) {
  REQUIRE(b.wait_for("document.getElementById('signin-staff')"));
  b.type("#signin-staff", "admin");
  b.type("#signin-pin", "admin1234");
  b.click("#signin-submit");
  REQUIRE(b.wait_for("document.body.getAttribute('data-seq') || document.getElementById('report')"));
}

}  // namespace

TEST_CASE("browser: the status page updates by itself when its ticket is called") {
  WebHub w;
  w.issue("A");
  const std::string token = w.issue("A");
  w.command("sign_in", {{"counter", 3}, {"staff", "demo1"}, {"pin", "1234"}});
  Chromedriver driver;
  Browser phone(driver, 412, 860, profile(w, "phone"));
  phone.go(w.base() + "/t/" + token);
  REQUIRE(phone.wait_for("document.getElementById('state') && document.getElementById('state').getAttribute('data-state') == 'waiting'"));
  CHECK(phone.text("#label") == "A-002");
  CHECK(phone.text("#position") == "2");
  phone.exec("window.notReloaded = true;");

  w.command("call_next", {{"counter", 3}});
  REQUIRE(phone.wait_for("document.getElementById('position') && document.getElementById('position').textContent == '1'"));
  w.command("start", {{"counter", 3}});
  w.command("finish", {{"counter", 3}});
  w.command("call_next", {{"counter", 3}});  // ours
  REQUIRE(phone.wait_for("document.getElementById('state').getAttribute('data-state') == 'called'"));
  CHECK(phone.text("#loket") == "Loket 3");
  CHECK(phone.text("#call").find("Nomor Anda dipanggil!") != std::string::npos);
  CHECK(phone.text("#call").find("Your number is called!") != std::string::npos);
  CHECK(phone.exec("return window.notReloaded === true;") == true);
  CHECK(phone.exec("return document.title;").get<std::string>().find("A-002") == 0);
}

TEST_CASE("browser: a disruption declared in /admin appears on /display without a reload") {
  WebHub w;
  Chromedriver driver;
  Browser tv(driver, 1280, 720, profile(w, "tv"));
  Browser office(driver, 1280, 900, profile(w, "admin"));
  tv.go(w.base() + "/display?services=A,B");
  REQUIRE(tv.wait_for("document.body.getAttribute('data-seq')"));
  CHECK_FALSE(tv.exists(".banner"));
  tv.exec("window.notReloaded = true;");

  office.go(w.base() + "/admin");
  sign_in(office);
  REQUIRE(office.wait_for("document.getElementById('declare-submit')"));
  office.exec("document.getElementById('d-resource').value = 'printers';");
  office.type("#d-message-id", "Printer kartu rusak");
  office.type("#d-message-en", "Card printers broken");
  office.type("#d-minutes", "45");
  office.click("#declare-submit");
  REQUIRE(office.wait_for("document.querySelector('#active-disruptions [data-disruption]')"));

  REQUIRE(tv.wait_for("document.querySelector('.banner') && document.querySelector('.banner').textContent.indexOf('Printer kartu rusak') >= 0"));
  CHECK(tv.text(".banner").find("Card printers broken") != std::string::npos);
  CHECK(tv.exec("return document.querySelector('[data-service=B]').className;").get<std::string>().find("halted") !=
        std::string::npos);
  CHECK(tv.exec("return window.notReloaded === true;") == true);

  // Cleared in /admin: gone from the display, still without a reload.
  office.exec("window.confirm = function () { return true; };");
  office.click("#active-disruptions .d-clear");
  CHECK(tv.wait_for("!document.querySelector('.banner')"));
  CHECK(tv.exec("return window.notReloaded === true;") == true);
}

TEST_CASE("browser: a service and a loket edited in /admin change the hub, and a bad list shows the hub's reason") {
  WebHub w;
  Chromedriver driver;
  Browser office(driver, 1280, 900, profile(w, "admin"));
  office.go(w.base() + "/admin");
  sign_in(office);
  REQUIRE(office.wait_for("document.querySelector('#service-table .sv-edit[data-code=C]')"));
  office.click("#service-table .sv-edit[data-code=C]");
  CHECK(office.exec("return document.getElementById('sv-quota').value;") == "150");
  office.exec("document.getElementById('sv-quota').value = '25';"
              "document.getElementById('sv-enabled').checked = false;"
              "document.getElementById('sv-alt-en').value = 'Come back tomorrow';");
  office.click("#service-submit");
  REQUIRE(office.wait_for("document.querySelector('#message.ok')"));
  REQUIRE(eventually([&] {
    const json state = w.get_json("/api/state");
    for (const json& x : state["services"])
      if (x["code"] == "C") return x["daily_quota"] == 25 && x["enabled"] == false && x["alternative_en"] == "Come back tomorrow";
    return false;
  }));
  CHECK(office.wait_for("document.querySelector('#service-table [data-service=C]').textContent.indexOf('25') >= 0"));

  office.click("#loket-table .lk-edit[data-number='4']");
  CHECK(office.exec("return document.getElementById('lk-services').value;") == "C, D");
  const int64_t before = w.seq();
  office.exec("document.getElementById('lk-services').value = 'D, D';");
  office.click("#counter-submit");
  REQUIRE(office.wait_for("document.querySelector('#message.bad')"));
  CHECK(office.text("#message").find("twice") != std::string::npos);
  CHECK(w.seq() == before);
  office.exec("document.getElementById('lk-name').value = 'Loket KK';"
              "document.getElementById('lk-services').value = 'D, C';");
  office.click("#counter-submit");
  REQUIRE(office.wait_for("document.querySelector('#loket-table [data-loket=\"4\"]').textContent.indexOf('Loket KK') >= 0"));
  const json state = w.get_json("/api/state");
  for (const json& c : state["counters"])
    if (c["number"] == 4) CHECK(c["services"] == json{"D", "C"});
  office.exec("document.getElementById('services').scrollIntoView();");
  save_png(office.screenshot_png(), "web-admin-services.png");
}

TEST_CASE("browser: everyone waiting in B moved from /admin to its alternative F — a refusal shows the hub reason") {
  WebHub w;
  const std::string token = w.issue("B");
  w.issue("B");
  Chromedriver driver;
  Browser office(driver, 1280, 900, profile(w, "admin"));
  office.go(w.base() + "/admin");
  sign_in(office);
  REQUIRE(office.wait_for("document.querySelector('#hall-services .bm-open[data-code=B]')"));
  CHECK(office.exec("return !!document.querySelector('#hall-services .bm-open[data-code=C]');") == false);
  office.exec("window.confirm = function () { return true; };");
  office.click("#hall-services .bm-open[data-code=B]");
  CHECK(office.exec("return document.getElementById('bm-to').value;") == "F");
  // No target and no reason: the hub refuses and nothing changes.
  const int64_t before = w.seq();
  office.exec("document.getElementById('bm-to').value = '';");
  office.click("#bm-submit");
  REQUIRE(office.wait_for("document.querySelector('#message.bad')"));
  CHECK(office.text("#message").find("reason") != std::string::npos);
  CHECK(w.seq() == before);
  office.exec("document.getElementById('bm-to').value = 'F';");
  office.click("#bm-submit");
  REQUIRE(office.wait_for("document.querySelector('#message.ok')"));
  CHECK(office.text("#message").find("2 tiket dipindahkan") != std::string::npos);
  CHECK(office.wait_for("!document.querySelector('#hall-services .bm-open[data-code=B]')"));
  const json v = w.get_json("/api/t/" + token)["view"];
  CHECK(v["service"]["code"] == "F");
  CHECK(v["label"] == "B-001");
}

TEST_CASE("browser: the display speaks a new call once, with the hub's audio, and not again after a reload") {
  WebHub w;
  w.issue("C");
  w.issue("C");
  w.command("sign_in", {{"counter", 4}, {"staff", "demo1"}, {"pin", "1234"}});
  Chromedriver driver;
  Browser tv(driver, 1280, 720, profile(w, "tv"));
  tv.go(w.base() + "/display");
  REQUIRE(tv.wait_for("document.body.getAttribute('data-seq')"));
  tv.click("#sound");  // a real click: the browser now lets the page play sound
  CHECK(tv.exec("return document.getElementById('sound').getAttribute('aria-pressed');") == "true");
  w.command("call_next", {{"counter", 4}});
  REQUIRE(tv.wait_for("window.antrianSpoken.length == 1"));
  const json spoken = tv.exec("return window.antrianSpoken[0];");
  CHECK(tv.exec("return document.getElementById('player').currentSrc;").get<std::string>().find(
            "/display/audio/" + std::to_string(spoken.get<int64_t>()) + ".wav") != std::string::npos);
  CHECK(tv.text("#newest-label") == "C-001");
  // The audio loads and plays through (no decode error).
  CHECK(tv.wait_for("!document.getElementById('player').error && (document.getElementById('player').ended || document.getElementById('player').currentTime > 0)"));

  tv.refresh();
  REQUIRE(tv.wait_for("document.body.getAttribute('data-seq')"));
  // The TV remembers that its sound is on: nobody has to press the button again.
  CHECK(tv.exec("return document.getElementById('sound').getAttribute('aria-pressed');") == "true");
  std::this_thread::sleep_for(std::chrono::milliseconds(1500));
  CHECK(tv.exec("return window.antrianSpoken.length;") == 0);  // the same call is not spoken again
  w.command("start", {{"counter", 4}});
  w.command("finish", {{"counter", 4}});
  w.command("call_next", {{"counter", 4}});
  CHECK(tv.wait_for("window.antrianSpoken.length == 1"));  // but the next call is
  CHECK(tv.text("#newest-label") == "C-002");
}

TEST_CASE("browser: screenshots of the status, display, admin and report pages") {
  TempDir cfg;
  WebHub w(office_day_args(cfg.path(), wib(0, 7, 40)));
  simulate_office_day(w.admin);
  // The next morning: yesterday's report, and a busy hall with a printer problem.
  set_clock(w.admin, wib(1, 9, 20));
  std::string token;
  for (int i = 0; i < 14; ++i) {
    const char* svc = i % 3 == 0 ? "C" : i % 3 == 1 ? "A" : "B";
    const std::string t = w.issue(svc);
    if (i == 10) token = t;
  }
  w.command("sign_in", {{"counter", 1}, {"staff", "demo1"}, {"pin", "1234"}});
  w.command("sign_in", {{"counter", 3}, {"staff", "demo2"}, {"pin", "1234"}});
  w.command("sign_in", {{"counter", 4}, {"staff", "siti"}, {"pin", "2222"}});
  w.command("sign_in", {{"counter", 5}, {"staff", "budi"}, {"pin", "3333"}});
  int minute = 24;
  for (int n : {1, 4, 5, 1, 3}) {
    w.command("call_next", {{"counter", n}});
    w.command("start", {{"counter", n}});
    if (n != 3 && n != 5) w.command("finish", {{"counter", n}});
    set_clock(w.admin, wib(1, 9, minute += 3));
  }
  w.command("resource_set", {{"resource", "printers"}, {"working", 2}});
  w.command("disruption_set", {{"resource", "printers"}, {"level", "degraded"}, {"expected_end", wib(1, 11, 0)},
                               {"message_id", "Hanya 2 dari 6 printer kartu berfungsi"},
                               {"message_en", "Only 2 of 6 card printers work"}});
  w.command("announcement_set", {{"text", "Pendaftaran perekaman e-KTP bagi pemilih pemula dibuka sampai pukul 14.00. "
                                          "Siapkan fotokopi KK."}});
  Chromedriver driver;
  {
    Browser phone(driver, 412, 915, profile(w, "phone"));
    phone.go(w.base() + "/t/" + token);
    REQUIRE(phone.wait_for("document.getElementById('position')"));
    save_png(phone.screenshot_png(), "web-status.png");
  }
  {
    Browser tv(driver, 1280, 720, profile(w, "tv"));
    tv.go(w.base() + "/display");
    REQUIRE(tv.wait_for("document.body.getAttribute('data-seq')"));
    tv.click("#sound");
    w.command("call_next", {{"counter", 4}});
    REQUIRE(tv.wait_for("document.getElementById('newest-label') && document.querySelector('.newest.fresh')"));
    save_png(tv.screenshot_png(), "web-display.png");
  }
  {
    Browser office(driver, 1280, 1500, profile(w, "admin"));
    office.go(w.base() + "/admin");
    sign_in(office);
    REQUIRE(office.wait_for("document.getElementById('hall-services')"));
    save_png(office.screenshot_png(), "web-admin.png");
    // The device panel (issue 13): a kiosk's printer out of paper, a display without
    // sound, blank cards running low; each device with its state in the page's words
    // and since when (the hub's clock, pinned to 09:40).
    set_clock(w.admin, wib(1, 9, 40));
    w.command("device_report", {{"device", "kiosk-1/printer"}, {"state", "paper_out"},
                                {"message", "printer reports paper end"}});
    w.command("device_report", {{"device", "tv-1/audio"}, {"state", "error"}, {"message", "no audio device"}});
    w.command("device_report", {{"device", "kiosk-2/printer"}, {"state", "ok"}});
    w.command("resource_set", {{"resource", "blangko"}, {"stock", 15}, {"low_threshold", 20}});
    office.go(w.base() + "/admin#devices");
    REQUIRE(office.wait_for("document.querySelector('#device-table tr[data-device=\"tv-1/audio\"]')"));
    const std::string panel = office.text("#devices");
    CHECK(panel.find("kertas habis") != std::string::npos);   // paper_out, in Indonesian first
    CHECK(panel.find("09:40") != std::string::npos);          // since when
    CHECK(panel.find("kiosk-2/printer") != std::string::npos);
    CHECK(panel.find("menipis") != std::string::npos);        // blangko low, in the shortages list
    office.exec("document.getElementById('devices').scrollIntoView()");
    save_png(office.screenshot_png(), "web-admin-devices.png");
    office.go(w.base() + "/reports");
    REQUIRE(office.wait_for("document.body.getAttribute('data-report') == '2026-03-02_2026-03-02'"));
    CHECK(office.exists("#arrivals-chart svg rect.bar"));
    CHECK(office.text("#per-service").find("Perekaman e-KTP") != std::string::npos);
    save_png(office.screenshot_png(), "web-report.png");
  }
  // The report's numbers hold together.
  const AdminLogin a = w.login();
  json r = w.get_json("/api/reports?from=2026-03-02", 200, &a);
  std::ofstream(std::string(ANTRIAN_TEST_OUTPUT_DIR) + "/report-2026-03-02.json") << r.dump(1);  // for docs/API.md
  CHECK(r["totals"]["issued"].get<int>() > 100);
  CHECK(r["totals"]["refused"].get<int>() > 0);         // service E's small quota ran out
  CHECK(r["totals"]["refused_quota"].get<int>() > 0);
  CHECK(r["disruptions"][0]["down_s"] == 45 * 60);      // SIAK down 10:31-11:16
  CHECK(r["totals"]["wait"]["p90_s"].get<double>() >= r["totals"]["wait"]["mean_s"].get<double>());
}
