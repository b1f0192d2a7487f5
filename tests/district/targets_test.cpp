// Targets per site and service (docs/DISTRICT.md): tickets served in the site's day or
// week against the district's target, on the dashboard (live, in Chromium), in the
// reports and their CSV; bad targets refused with the reason.
#include <doctest/doctest.h>
#include <httplib.h>

#include "antrian/hub_client.h"
#include "dashboard_fixture.h"
#include "targets.h"
#include "webdriver.h"

using namespace antrian;
using namespace antrian::test;
using nlohmann::json;

TEST_CASE("district: targets per site and service show their progress on the dashboard, in reports and CSV") {
  District d;
  const std::string conn = d.add_site("kec-utara");
  Site s;
  {
    HubClient a(s.hub.client_options("admin", "test-admin", false));
    REQUIRE(a.request("sign_in", {{"counter", 3}, {"staff", "demo1"}, {"pin", "1234"}}).ok);
    for (int i = 0; i < 4; ++i) REQUIRE(a.request("issue", {{"service", "B"}}).ok);
    for (int i = 0; i < 3; ++i) {
      REQUIRE(a.request("call_next", {{"counter", 3}}).ok);
      REQUIRE(a.request("start", {{"counter", 3}}).ok);
      REQUIRE(a.request("finish", {{"counter", 3}}).ok);
    }
  }
  Child fwd(with_hub(s, conn), s.dir.path() + "/fwd.log");
  REQUIRE(district::set_target(*d.admin, "kec-utara", "B", "day", 10, "test"));
  REQUIRE(district::set_target(*d.admin, "kec-utara", "B", "week", 50, "test"));
  REQUIRE(district::set_target(*d.admin, "kec-utara", "A", "day", 5, "test"));
  REQUIRE(district::set_target(*d.admin, "kec-utara", "A", "day", 4, "test"));  // changed
  // Refused with the reason, nothing changed.
  CHECK(district::set_target(*d.admin, "kec-utara", "B", "month", 10, "t").error().reason.find("day or week") != std::string::npos);
  CHECK(district::set_target(*d.admin, "kec-utara", "b1", "day", 10, "t").error().reason.find("code") != std::string::npos);
  CHECK(district::set_target(*d.admin, "kec-nowhere", "B", "day", 10, "t").error().reason.find("no site") != std::string::npos);
  CHECK(!district::set_target(*d.admin, "kec-utara", "B", "day", -1, "t"));
  CHECK(d.scalar("SELECT count(*) FROM district.targets") == 3);
  REQUIRE_MESSAGE(wait_until([&] {
    return d.scalar("SELECT COALESCE(sum(done), 0) FROM district.site_day_counts WHERE site = 'kec-utara' AND service = 'B'") == 3;
  }), fwd.log());
  auto now = district::current_targets(*d.admin);
  REQUIRE(now);
  const json& t = (*now)["kec-utara"];
  REQUIRE(t.size() == 3u);
  CHECK(t[0] == json{{"service", "A"}, {"period", "day"}, {"start", "2026-12-02"}, {"target", 4}, {"done", 0}, {"percent", 0.0}});
  CHECK(t[1] == json{{"service", "B"}, {"period", "day"}, {"start", "2026-12-02"}, {"target", 10}, {"done", 3}, {"percent", 30.0}});
  // The ISO week of Wednesday 2 December 2026 starts on Monday 30 November.
  CHECK(t[2] == json{{"service", "B"}, {"period", "week"}, {"start", "2026-11-30"}, {"target", 50}, {"done", 3}, {"percent", 6.0}});
  CHECK(district::target_percent(2, 3) == 66.7);

  TempDir web;
  Dashboard dash(d, web.path(), "district-token-0123456789");
  Chromedriver driver;
  Browser b(driver, 1200, 800, web.path() + "/chrome");
  b.go(dash.base() + "/");
  REQUIRE_MESSAGE(b.wait_for("!!document.querySelector('[data-site=\"kec-utara\"] [data-target=\"B-day\"]')"), dash.proc->log());
  CHECK(b.text("[data-target=\"B-day\"] .progress").find("3 dari 10 (30%)") != std::string::npos);
  CHECK(b.text("[data-target=\"B-week\"] .progress").find("3 dari 50 (6%)") != std::string::npos);
  CHECK(b.text("[data-target=\"B-week\"]").find("Target minggu ini") != std::string::npos);
  // Live: one more served at the site moves the bar without a reload.
  b.exec("window.notReloaded = true;");
  {
    HubClient a(s.hub.client_options("admin", "test-admin-2", false));
    REQUIRE(a.request("call_next", {{"counter", 3}}).ok);
    REQUIRE(a.request("start", {{"counter", 3}}).ok);
    REQUIRE(a.request("finish", {{"counter", 3}}).ok);
  }
  REQUIRE(b.wait_for("document.querySelector('[data-target=\"B-day\"] .progress').textContent.indexOf('4 dari 10 (40%)') >= 0",
                     std::chrono::milliseconds(15000)));
  CHECK(b.exec("return window.notReloaded === true;") == true);
  CHECK(b.exec("return document.querySelector('[data-target=\"B-day\"] .bar-inner').style.width;") == "40%");
  save_png(b.screenshot_png(), "district-targets.png");

  // Reports: each day or week of every target, and the CSV for a spreadsheet.
  httplib::Client http("127.0.0.1", dash.port);
  auto js = http.Get("/api/report?from=2026-12-01&to=2026-12-31&by=target");
  REQUIRE(js);
  REQUIRE_MESSAGE(js->status == 200, js->body);
  CHECK(json::parse(js->body)["rows"].size() == 3u);
  b.go(dash.base() + "/reports");
  b.exec("var f = document.getElementById('query'); f.from.value = '2026-12-01'; f.to.value = '2026-12-31'; f.by.value = 'target';");
  b.click("#query button[type=submit]");
  REQUIRE(b.wait_for("document.querySelectorAll('table.targets-report tr').length == 4"));
  save_png(b.screenshot_png(), "district-targets-report.png");
  auto csv = http.Get("/api/report.csv?from=2026-12-01&to=2026-12-31&by=target");
  REQUIRE(csv);
  CHECK(csv->status == 200);
  CAPTURE(csv->body);
  CHECK(csv->body.rfind("\xEF\xBB\xBF" "Kode kantor;Kantor;Layanan;Periode;Mulai;Target;Selesai;Capaian (%)\r\n", 0) == 0);
  CHECK(csv->body.find("kec-utara;Kantor kec-utara;A;harian;2026-12-02;4;0;0,0\r\n") != std::string::npos);
  CHECK(csv->body.find("kec-utara;Kantor kec-utara;B;harian;2026-12-02;10;4;40,0\r\n") != std::string::npos);
  CHECK(csv->body.find("kec-utara;Kantor kec-utara;B;mingguan;2026-11-30;50;4;8,0\r\n") != std::string::npos);
  // A range the site did not work in has no rows.
  auto none = http.Get("/api/report?from=2026-11-01&to=2026-11-30&by=target");
  REQUIRE(none);
  CHECK(json::parse(none->body)["rows"].empty());
  // The API: the token, then the fields, each refused with the reason.
  auto no_token = http.Post("/api/targets", R"({"site":"kec-utara","service":"B","period":"day","target":1})", "application/json");
  REQUIRE(no_token);
  CHECK(no_token->status == 403);
  httplib::Headers h = {{"X-District-Token", "district-token-0123456789"}};
  auto bad = http.Post("/api/targets", h, R"({"site":"kec-utara","service":"B","period":"year","target":1})", "application/json");
  REQUIRE(bad);
  CHECK(bad->status == 400);
  CHECK(bad->body.find("day or week") != std::string::npos);
  auto extra = http.Post("/api/targets", h, R"({"site":"kec-utara","service":"B","period":"day","target":1,"x":1})", "application/json");
  REQUIRE(extra);
  CHECK(extra->status == 400);
  auto removed = http.Post("/api/targets", h, R"({"site":"kec-utara","service":"A","period":"day","target":0})", "application/json");
  REQUIRE(removed);
  CHECK(removed->status == 200);
  CHECK(d.scalar("SELECT count(*) FROM district.targets") == 2);
  // The live pictures are made once a second for every viewer (dashboard_cache.h); with
  // the centre's database gone none older than 5 s is served: the reason is.
  auto cached = http.Get("/api/sites");
  REQUIRE(cached);
  CHECK(cached->status == 200);
  d.pg.stop();
  REQUIRE(wait_until([&] { auto r = http.Get("/api/sites"); return r && r->status == 503; }, 12000));
  auto down = http.Get("/api/sites");
  REQUIRE(down);
  CHECK(down->body.find("cannot be reached") != std::string::npos);
}
