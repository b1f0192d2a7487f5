// The come-back list on the web (issue 17) in real headless Chromium and over HTTP:
// a ticket a bulk move closed off halted printing offers "Beri tahu saya saat layanan
// pulih" on its QR page; joining shows the code and the place on the list, and once the
// printers are back the invitation's window; axe finds nothing on either page; /admin's
// panel and the report count the list. Bad requests change nothing.
#include <fstream>
#include <sstream>
#include <thread>

#include "antrian/office_time.h"
#include "browser_shots.h"
#include "hub_process.h"
#include "web_fixture.h"
#include "webdriver.h"

using namespace antrian;
using namespace antrian::test;

namespace {

std::string axe_violations(Browser& b) {
  std::ifstream in(ANTRIAN_AXE_JS);
  std::stringstream ss;
  ss << in.rdbuf();
  b.exec(ss.str() + "\n;return true;");
  b.exec("window.__axe = undefined; axe.run(document, {runOnly: {type: 'tag', values: "
         "['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}}).then(function (r) { window.__axe = r.violations; });"
         "return true;");
  REQUIRE(b.wait_for("window.__axe !== undefined", std::chrono::milliseconds(20000)));
  const json v = b.exec("return window.__axe.map(function (x) { return x.id + ': ' + "
                        "x.nodes.map(function (n) { return n.target.join(' '); }).join(' | '); });");
  std::string out;
  for (const auto& line : v) out += line.get<std::string>() + "\n";
  return out;
}

}  // namespace

TEST_CASE("browser: a bulk-moved ticket's page joins the come-back list, then shows the invitation; admin and report count it") {
  WebHub w({"--manual-clock", "--clock-start", std::to_string(pinned_office_time_ms(8, 30))});
  const std::string token = w.issue("B");
  const std::string waiting = w.issue("A");
  w.command("clock_set", {{"now", pinned_office_time_ms(8, 40)}});
  auto halt = w.admin.request("disruption_set", {{"resource", "printers"}, {"level", "down"},
                                                 {"message_id", "Printer kartu rusak"}});
  REQUIRE(halt.ok);
  w.command("bulk_move", {{"service", "B"}, {"reason", "printer kartu rusak"}});

  // Bad input is refused with the reason and changes nothing.
  const int64_t seq = w.seq();
  auto bad = w.http.Post("/api/t/0123456789abcdef0123456789abcdef/comeback", "{}", "application/json");
  REQUIRE(bad);
  CHECK(bad->status == 404);
  auto open_ticket = w.http.Post(("/api/t/" + waiting + "/comeback").c_str(), "{}", "application/json");
  REQUIRE(open_ticket);
  CHECK(open_ticket->status == 409);  // a waiting ticket keeps its place: nothing to join
  CHECK(w.seq() == seq);
  CHECK(w.get_json("/api/t/" + waiting)["view"]["comeback"].is_null());

  Chromedriver driver;
  Browser phone(driver, 412, 915, w.dir.path() + "/chrome-phone");
  phone.go(w.base() + "/t/" + token);
  REQUIRE(phone.wait_for("document.getElementById('comeback-join')"));
  CHECK(phone.text("#comeback-join").find("Beri tahu saya saat layanan pulih") != std::string::npos);
  CHECK(axe_violations(phone) == "");
  phone.click("#comeback-join");
  REQUIRE(phone.wait_for("document.getElementById('comeback') && "
                         "document.getElementById('comeback').textContent.indexOf('Kode kembali Anda') >= 0"));
  const json view = w.get_json("/api/t/" + token)["view"]["comeback"];
  REQUIRE(view["state"] == "waiting");
  const std::string code = view["code"];
  CHECK(phone.text("#comeback").find(code) != std::string::npos);
  CHECK(phone.text("#comeback").find("Urutan Anda di daftar: 1") != std::string::npos);
  // Once per ticket.
  auto twice = w.http.Post(("/api/t/" + token + "/comeback").c_str(), "{}", "application/json");
  REQUIRE(twice);
  CHECK(twice->status == 409);

  // 09:00 the printers are back: the hub invites (one loket for B, signed in).
  w.command("clock_set", {{"now", pinned_office_time_ms(9, 0)}});
  w.command("sign_in", {{"counter", 2}, {"staff", "demo1"}, {"pin", "1234"}});
  w.command("disruption_clear", {{"id", halt.result["disruption"]["id"]}});
  json invited = json::object();
  for (int i = 0; i < 60 && invited.value("state", "") != "invited"; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    const json v = w.get_json("/api/t/" + token)["view"]["comeback"];
    if (v.is_object()) invited = v;
  }
  REQUIRE(invited["state"] == "invited");
  CHECK(invited["window_id"].get<std::string>().rfind("Datang antara 09:00", 0) == 0);
  phone.refresh();
  REQUIRE(phone.wait_for("document.getElementById('comeback') && "
                         "document.getElementById('comeback').textContent.indexOf('Datang antara') >= 0"));
  CHECK(phone.text("#comeback").find("Punya kode?") != std::string::npos);
  CHECK(axe_violations(phone) == "");
  phone.exec("document.getElementById('comeback').scrollIntoView(); return true;");
  save_png(phone.screenshot_png(), "web-status-comeback.png");

  // /admin's panel and the day's report count the list.
  const AdminLogin a = w.login();
  const json overview = w.get_json("/api/admin/overview", 200, &a)["view"];
  CHECK(overview["comeback"]["B"]["invited"] == 1);
  CHECK(overview["comeback"]["B"]["window"].get<std::string>().rfind("Datang antara 09:00", 0) == 0);
  Browser office(driver, 1280, 1200, w.dir.path() + "/chrome-admin");
  office.go(w.base() + "/admin");
  REQUIRE(office.wait_for("document.getElementById('signin-staff')"));
  office.type("#signin-staff", "admin");
  office.type("#signin-pin", "admin1234");
  office.click("#signin-submit");
  REQUIRE(office.wait_for("document.querySelector('#comeback-table tr[data-service=B]')"));
  CHECK(office.text("#comeback-table").find("Datang antara 09:00") != std::string::npos);
  const json report = w.get_json("/api/reports", 200, &a);
  REQUIRE(report["comeback"].size() == 2);  // the total, then B
  CHECK(report["comeback"][1]["service"] == "B");
  CHECK(report["comeback"][1]["joined_bulk_move"] == 1);
  CHECK(report["comeback"][1]["invited"] == 1);
  httplib::Headers h{{"Cookie", a.cookie}};
  auto csv = w.http.Get("/api/reports.csv?table=comeback", h);
  REQUIRE(csv);
  CHECK(csv->status == 200);
  CHECK(csv->body.find("joined_bulk_move") != std::string::npos);
  CHECK(csv->body.find(",B,") != std::string::npos);
}
