// The printable monthly report: a real hub's month (served, refused, no-show, blangko
// used, a survey answer, the come-back list, a target) forwarded to a real PostgreSQL;
// the JSON, the CSV for a spreadsheet with Indonesian settings, the page in Chromium
// and its print to PDF on A4 by headless Chromium; bad months refused.
#include <doctest/doctest.h>
#include <httplib.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

#include "antrian/hub_client.h"
#include "dashboard_fixture.h"
#include "district_fixture.h"
#include "targets.h"
#include "webdriver.h"

using namespace antrian;
using namespace antrian::test;
using nlohmann::json;

namespace {

void serve_one(HubClient& a, int counter) {
  auto c = a.request("call_next", {{"counter", counter}});
  REQUIRE_MESSAGE(c.ok, c.error.reason);
  REQUIRE(a.request("start", {{"counter", counter}}).ok);
  REQUIRE(a.request("finish", {{"counter", counter}}).ok);
}

}  // namespace

TEST_CASE("district: the monthly report per site, service and loket prints on A4 and opens in a spreadsheet") {
  District d;
  const std::string conn = d.add_site("kec-utara");
  d.add_site("kec-sepi");  // a site with nothing this month still gets its page
  REQUIRE(d.admin->exec("UPDATE district.sites SET name = 'UPT Kec. Utara' WHERE site = 'kec-utara'"));
  Site s;
  {
    HubClient a(s.hub.client_options("admin", "test-admin", false));
    REQUIRE(a.request("sign_in", {{"counter", 3}, {"staff", "demo1"}, {"pin", "1234"}}).ok);
    for (int i = 0; i < 3; ++i) REQUIRE(a.request("issue", {{"service", "B"}}).ok);
    REQUIRE(a.request("issue", {{"service", "C"}}).ok);
    serve_one(a, 3);  // two cards printed: blangko used 2
    serve_one(a, 3);
    REQUIRE(a.request("call_next", {{"counter", 3}}).ok);
    REQUIRE(a.request("no_show", {{"counter", 3}}).ok);
    // The survey of the first ticket served: every element 4 (IKM 100,00, A).
    auto sv = a.request("survey_submit", {{"ticket", "B-001"}, {"answers", {4, 4, 4, 4, 4, 4, 4, 4, 4}}});
    REQUIRE_MESSAGE(sv.ok, sv.error.reason);
    // Recording (A) with one number today: the second applicant is refused and joins
    // the come-back list.
    REQUIRE(a.request("service_set", {{"code", "A"}, {"daily_quota", 1}}).ok);
    REQUIRE(a.request("issue", {{"service", "A"}}).ok);
    CHECK(!a.request("issue", {{"service", "A"}}).ok);
    auto cb = a.request("comeback_join", {{"service", "A"}, {"via", "refusal"}});
    REQUIRE_MESSAGE(cb.ok, cb.error.reason);
  }
  REQUIRE(district::set_target(*d.admin, "kec-utara", "B", "day", 4, "test"));
  {
    Child once(forwarder_args(s, conn, 500, {"--exit-when-caught-up"}), s.dir.path() + "/fwd.log");
    REQUIRE_MESSAGE(once.wait(20000) == 0, once.log());
  }
  TempDir web;
  Dashboard dash(d, web.path(), "district-token-0123456789");
  httplib::Client http("127.0.0.1", dash.port);

  auto r = http.Get("/api/report/month?month=2026-12");
  REQUIRE_MESSAGE(r, dash.proc->log());
  REQUIRE_MESSAGE(r->status == 200, r->body);
  const json m = json::parse(r->body);
  CHECK(m["from"] == "2026-12-01");
  CHECK(m["to"] == "2026-12-31");
  REQUIRE(m["sites"].size() == 2);
  const json& u = m["sites"][1];  // ordered by site id: kec-sepi, kec-utara
  CHECK(m["sites"][0]["services"].empty());
  CHECK(u["name"] == "UPT Kec. Utara");
  std::map<std::string, json> svc;
  for (const json& x : u["services"]) svc[x["service"]] = x;
  REQUIRE(svc.count("B"));
  CHECK(svc["B"]["issued"] == 3);
  CHECK(svc["B"]["done"] == 2);
  CHECK(svc["B"]["no_show"] == 1);
  CHECK(svc["B"]["ikm"]["responses"] == 1);
  CHECK(svc["B"]["ikm"]["converted"].get<double>() == doctest::Approx(100.0));
  CHECK(svc["C"]["issued"] == 1);
  REQUIRE(svc.count("A"));  // one ticket, one refused who joined the come-back list
  CHECK(svc["A"]["issued"] == 1);
  CHECK(svc["A"]["refused"] == 1);
  CHECK(svc["A"]["comeback"]["joined"] == 1);
  CHECK(u["total"]["issued"] == 5);
  CHECK(u["total"]["refused"] == 1);
  CHECK(u["total"]["blangko_used"] == 2);
  CHECK(u["ikm"]["grade"] == "A");
  REQUIRE(u["counters"].size() == 1);
  CHECK(u["counters"][0]["counter"] == 3);
  CHECK(u["counters"][0]["done"] == 2);
  REQUIRE(u["targets"].size() == 1);
  CHECK(u["targets"][0]["target"] == 4);
  CHECK(u["targets"][0]["done"] == 2);
  // The live card has the come-back list as the hub counts it (comeback_counts), per
  // service and for the site.
  auto live = http.Get("/api/sites/kec-utara");
  REQUIRE(live);
  REQUIRE_MESSAGE(live->status == 200, live->body);
  const json site = json::parse(live->body);
  // (Waiting, or invited once the hub has found room for it.)
  CHECK(site["comeback"]["waiting"].get<int>() + site["comeback"]["invited"].get<int>() == 1);
  CHECK(site["comeback"]["came"] == 0);
  CHECK(site["comeback"]["expired"] == 0);
  for (const json& x : site["services"])
    CHECK_MESSAGE(x["comeback"]["waiting"].get<int>() + x["comeback"]["invited"].get<int>() == (x["code"] == "A" ? 1 : 0),
                  x.dump());
  // Another month has nothing; one site only.
  auto nov = http.Get("/api/report/month?month=2026-11&site=kec-utara");
  REQUIRE(nov);
  CHECK(nov->status == 200);
  CHECK(json::parse(nov->body)["sites"][0]["services"].empty());

  // CSV for a spreadsheet set to Indonesian: BOM, semicolons, decimal commas, CRLF.
  auto csv = http.Get("/api/report/month.csv?month=2026-12&site=kec-utara");
  REQUIRE(csv);
  CHECK(csv->status == 200);
  CHECK(csv->get_header_value("Content-Disposition").find("laporan-bulanan-2026-12-kec-utara.csv") != std::string::npos);
  CHECK(csv->body.rfind("\xEF\xBB\xBF" "Kode kantor;Kantor;Bagian;Kode;Diambil;Selesai;Ditolak;", 0) == 0);
  CHECK(csv->body.find("\r\nkec-utara;UPT Kec. Utara;Layanan;B Pencetakan e-KTP;3;2;0;1;0;") != std::string::npos);
  CHECK(csv->body.find(";100,00;1\r\n") != std::string::npos);  // the IKM with a decimal comma
  CHECK(csv->body.find("\r\nkec-utara;UPT Kec. Utara;Loket;3;") != std::string::npos);
  CHECK(csv->body.find("\r\nkec-utara;UPT Kec. Utara;Jumlah;;5;2;1;1;0;") != std::string::npos);

  // Bad input: the reason, nothing else.
  for (const char* bad : {"/api/report/month?month=2026-13", "/api/report/month?month=12-2026", "/api/report/month",
                          "/api/report/month?month=2026-12&site=Bad%20Site"}) {
    auto b = http.Get(bad);
    REQUIRE(b);
    CHECK_MESSAGE(b->status == 400, bad);
    CHECK(b->body.find("reason") != std::string::npos);
  }
  auto missing = http.Get("/api/report/month?month=2026-12&site=kec-nowhere");
  REQUIRE(missing);
  CHECK(missing->status == 404);

  // The page in Chromium: one section per site, the figures of the JSON.
  {
    Chromedriver driver;
    Browser b(driver, 1100, 1400, web.path() + "/chrome");
    b.go(dash.base() + "/reports/month?month=2026-12&site=kec-utara");
    REQUIRE(b.wait_for("document.body.getAttribute('data-ready') == '2026-12'"));
    CHECK(b.text(".month-site .month-name") == "Desember 2026");
    CHECK(b.text("[data-service=\"B\"] td:nth-child(3)") == "2");
    CHECK(b.text("[data-service=\"A\"] .comeback") == "1 / 0");
    CHECK(b.text(".month-site .ikm-month").find("100,00 (A)") != std::string::npos);
    CHECK(b.exec("return Array.prototype.every.call(document.querySelectorAll('.en'), function (e) { return e.lang === 'en'; });") == true);
    save_png(b.screenshot_png(), "district-monthly-report.png");
  }
  // Printed by headless Chromium: A4 pages (595 x 842 points), one per site here.
  const std::string pdf = web.path() + "/month.pdf";
  Child print({"/usr/bin/chromium", "--headless", "--no-sandbox", "--disable-gpu", "--user-data-dir=" + web.path() + "/print",
               "--virtual-time-budget=8000", "--no-pdf-header-footer", "--print-to-pdf=" + pdf,
               dash.base() + "/reports/month?month=2026-12"},
              web.path() + "/print.log");
  REQUIRE_MESSAGE(print.wait(60000) == 0, print.log());
  std::ifstream in(pdf, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  const std::string bytes = ss.str();
  REQUIRE(bytes.rfind("%PDF", 0) == 0);
  std::smatch box;
  REQUIRE(std::regex_search(bytes, box, std::regex("/MediaBox \\[0 0 (\\d+(\\.\\d+)?) (\\d+(\\.\\d+)?)\\]")));
  CHECK(std::stod(box[1]) == doctest::Approx(595.0).epsilon(0.01));
  CHECK(std::stod(box[3]) == doctest::Approx(842.0).epsilon(0.01));
  std::smatch pages;
  REQUIRE(std::regex_search(bytes, pages, std::regex("/Type /Pages[^>]*/Count (\\d+)|/Count (\\d+)[^>]*/Type /Pages")));
  const int count = std::stoi(pages[1].matched ? pages[1].str() : pages[2].str());
  CHECK(count == 2);  // each site starts on a page of its own
  if (const char* dir = std::getenv("ANTRIAN_SCREENSHOT_DIR"); dir && *dir)
    std::filesystem::copy_file(pdf, std::string(dir) + "/district-monthly-report.pdf",
                               std::filesystem::copy_options::overwrite_existing);
}
