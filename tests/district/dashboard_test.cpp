// The district dashboard in real headless Chromium against a real PostgreSQL fed by
// real hubs and forwarders: a site offline, a district disruption, a blangko warning,
// live without reload; the site page, reports and their CSV; bad input refused.
#include <doctest/doctest.h>
#include <httplib.h>

#include <filesystem>
#include <fstream>
#include <regex>

#include "antrian/hub_client.h"
#include "district_fixture.h"
#include "dashboard_fixture.h"
#include "webdriver.h"

using namespace antrian;
using namespace antrian::test;


TEST_CASE("district: the dashboard shows every site live with an offline site and a disruption and a blangko warning") {
  District d;
  const std::string c_utara = d.add_site("kec-utara"), c_barat = d.add_site("kec-barat"),
                    c_selatan = d.add_site("kec-selatan");
  REQUIRE(d.admin->exec("UPDATE district.sites SET name = CASE site WHEN 'kec-utara' THEN 'UPT Kec. Utara' "
                        "WHEN 'kec-barat' THEN 'UPT Kec. Barat' ELSE 'UPT Kec. Selatan' END"));
  Site utara, barat, selatan;
  {
    HubClient a(utara.hub.client_options("admin", "test-admin", false));
    REQUIRE(a.request("sign_in", {{"counter", 3}, {"staff", "demo1"}, {"pin", "1234"}}).ok);
    for (int i = 0; i < 6; ++i) REQUIRE(a.request("issue", {{"service", i < 2 ? "B" : "A"}}).ok);
    // Two cards printed today, then the stock-take finds 120 left (under the warning level).
    for (int i = 0; i < 2; ++i) {
      auto c = a.request("call_next", {{"counter", 3}});
      REQUIRE_MESSAGE(c.ok, c.error.reason);
      REQUIRE(a.request("start", {{"counter", 3}}).ok);
      REQUIRE(a.request("finish", {{"counter", 3}}).ok);
    }
    REQUIRE(a.request("resource_set", {{"resource", "blangko"}, {"stock", 120}}).ok);
    REQUIRE(a.request("resource_set", {{"resource", "printers"}, {"working", 2}}).ok);
    // Information (C) with one number today: the second applicant joins the come-back list.
    REQUIRE(a.request("service_set", {{"code", "C"}, {"daily_quota", 1}}).ok);
    REQUIRE(a.request("issue", {{"service", "C"}}).ok);
    REQUIRE(!a.request("issue", {{"service", "C"}}).ok);
    auto cb = a.request("comeback_join", {{"service", "C"}, {"via", "refusal"}});
    REQUIRE_MESSAGE(cb.ok, cb.error.reason);
    HubClient b(barat.hub.client_options("admin", "test-admin", false));
    for (int i = 0; i < 3; ++i) REQUIRE(b.request("issue", {{"service", "C"}}).ok);
    HubClient s(selatan.hub.client_options("admin", "test-admin", false));
    for (int i = 0; i < 4; ++i) REQUIRE(s.request("issue", {{"service", "A"}}).ok);
  }
  // Selatan sends once, then its link goes down.
  {
    Child once(forwarder_args(selatan, c_selatan, 100, {"--exit-when-caught-up"}), selatan.dir.path() + "/fwd.log");
    REQUIRE_MESSAGE(once.wait(20000) == 0, once.log());
  }
  Child f_utara(with_hub(utara, c_utara), utara.dir.path() + "/fwd.log");
  Child f_barat(with_hub(barat, c_barat), barat.dir.path() + "/fwd.log");
  auto notice = district::publish_notice(*d.admin, "disruption",
                                         {{"resource", "siak"}, {"level", "down"},
                                          {"message_id", "SIAK pusat terputus"}, {"message_en", "Central SIAK down"}},
                                         {"kec-utara"}, "test");
  REQUIRE(notice);
  TempDir web;
  Dashboard dash(d, web.path(), "district-token-0123456789");
  Chromedriver driver;
  Browser b(driver, 1500, 1000, web.path() + "/chrome");
  b.go(dash.base() + "/");
  REQUIRE_MESSAGE(b.wait_for("document.querySelectorAll('.site-card').length == 3"), dash.proc->log());
  REQUIRE_MESSAGE(b.wait_for("!!document.querySelector('[data-site=\"kec-utara\"] .disruption')", std::chrono::milliseconds(20000)),
                  f_utara.log());
  REQUIRE(b.wait_for("!!document.querySelector('[data-site=\"kec-selatan\"].offline')"));
  CHECK(b.exists("[data-site=\"kec-utara\"] .blangko-warn"));
  CHECK(b.text("[data-site=\"kec-utara\"] .blangko").find("120 lembar, cukup 60 hari kerja") != std::string::npos);
  CHECK(b.text("[data-site=\"kec-utara\"] .printers").find("2 dari 6") != std::string::npos);
  CHECK(b.text("[data-site=\"kec-utara\"] .disruption").find("SIAK pusat terputus") != std::string::npos);
  // The come-back list on the card, as the hub counts it: the one who joined at Utara
  // waits or (once the hub has found room) is invited; nobody at Barat.
  const std::string comeback = b.text("[data-site=\"kec-utara\"] .comeback");
  CHECK_MESSAGE(std::regex_search(comeback, std::regex("^Daftar kembali.*(1 menunggu · 0 diundang|0 menunggu · 1 diundang) · "
                                                       "0 datang · 0 kedaluwarsa")), comeback);
  CHECK(!b.exists("[data-site=\"kec-barat\"] .comeback"));
  CHECK(!b.exists("[data-site=\"kec-barat\"].offline"));
  CHECK(!b.exists("[data-site=\"kec-barat\"] .blangko-warn"));
  CHECK(b.text("[data-site=\"kec-barat\"] tr[data-service=\"C\"] .waiting") == "3");
  // Every English text carries lang="en".
  CHECK(b.exec("return Array.prototype.every.call(document.querySelectorAll('.en'), function (e) { return e.lang === 'en'; });") == true);
  // Live: new tickets at Barat show up without a reload.
  b.exec("window.notReloaded = true;");
  {
    HubClient a(barat.hub.client_options("admin", "test-admin-2", false));
    for (int i = 0; i < 2; ++i) REQUIRE(a.request("issue", {{"service", "C"}}).ok);
  }
  REQUIRE(b.wait_for("document.querySelector('[data-site=\"kec-barat\"] tr[data-service=\"C\"] .waiting').textContent == '5'"));
  CHECK(b.exec("return window.notReloaded === true;") == true);
  // Published against applied.
  REQUIRE(b.wait_for("document.querySelector('[data-notice] .applied') && "
                     "document.querySelector('[data-notice] .applied').textContent.indexOf('1 dari 3') >= 0"));
  save_png(b.screenshot_png(), "district-dashboard.png");

  // A district disruption declared from the page, with the token.
  b.type("#declare [name=message_id]", "Jaringan provinsi terputus");
  b.type("#declare [name=token]", "district-token-0123456789");
  b.click("#declare button[type=submit]");
  REQUIRE(b.wait_for("document.getElementById('declare-result').textContent.indexOf('#') == 0"));
  CHECK(d.scalar("SELECT count(*) FROM district.notices WHERE body->>'message_id' = 'Jaringan provinsi terputus'") == 1);

  // The site's own page.
  b.go(dash.base() + "/site/kec-utara");
  REQUIRE(b.wait_for("document.querySelectorAll('table.services tr').length > 3"));
  CHECK(b.text("#site-name") == "UPT Kec. Utara");
  save_png(b.screenshot_png(), "district-site.png");

  // Reports: the page, and CSV for a spreadsheet with Indonesian settings.
  b.go(dash.base() + "/reports");
  b.exec("document.querySelector('[name=from]').value = '2026-12-01'; document.querySelector('[name=to]').value = '2026-12-31';");
  b.click("#query button[type=submit]");
  REQUIRE(b.wait_for("document.querySelectorAll('table.report tr').length == 4"));
  save_png(b.screenshot_png(), "district-reports.png");
  httplib::Client http("127.0.0.1", dash.port);
  auto csv = http.Get("/api/report.csv?from=2026-12-01&to=2026-12-31&by=service&site=kec-utara");
  REQUIRE(csv);
  CHECK(csv->status == 200);
  CHECK(csv->body.rfind("\xEF\xBB\xBF" "Kode kantor;Kantor;Layanan;", 0) == 0);
  CHECK(csv->body.find("kec-utara;UPT Kec. Utara;B;;;2;2;0;0;") != std::string::npos);
  CHECK(csv->body.find("\r\n") != std::string::npos);
  // Bad input: a clear reason, nothing changed.
  auto bad = http.Get("/api/report?from=2026-02-30&to=2026-03-01");
  REQUIRE(bad);
  CHECK(bad->status == 400);
  CHECK(bad->body.find("real dates") != std::string::npos);
  auto no_token = http.Post("/api/notices", R"({"kind":"announcement","body":{"text":"x"}})", "application/json");
  REQUIRE(no_token);
  CHECK(no_token->status == 403);
  auto missing = http.Get("/api/sites/kec-nowhere");
  REQUIRE(missing);
  CHECK(missing->status == 404);
  CHECK(d.scalar("SELECT count(*) FROM district.notices") == 2);
}
