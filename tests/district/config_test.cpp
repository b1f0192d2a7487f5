// Configuration sent down (docs/DISTRICT.md): the district's template and per-site
// overrides reach every site's real hub through its forwarder; a version that does not
// fit a site is refused by that hub with the reason (it keeps what it runs); a site
// offline keeps its configuration and gets the new one when it reconnects; applying is
// a config_applied event in the site's log, once however often the forwarder restarts.
#include <doctest/doctest.h>
#include <httplib.h>

#include "antrian/hub_client.h"
#include "antrian/office_config.h"
#include "dashboard_fixture.h"
#include "district_config.h"
#include "webdriver.h"

using namespace antrian;
using namespace antrian::test;
using nlohmann::json;

namespace {

// A site's hub on the pinned morning, optionally with its own office config file.
struct OwnSite {
  TempDir dir;
  std::unique_ptr<HubProcess> hub;
  explicit OwnSite(const json& config = nullptr) {
    std::vector<std::string> args = {"--clock-start", kOfficeMorningMs};
    if (!config.is_null()) {
      std::ofstream(dir.path() + "/office.json") << config.dump();
      args.insert(args.end(), {"--config", dir.path() + "/office.json"});
    }
    hub = std::make_unique<HubProcess>(dir.path(), args);
  }
  std::string db() const { return dir.path() + "/antrian.db"; }
};

// The demo office without the information desk (F): a site whose lokets differ.
json office_without_f() {
  json cfg = json::parse(default_office_json());
  json services = json::array();
  for (json& s : cfg["services"])
    if (s["code"] != "F") {
      s.erase("alternative_service");
      services.push_back(s);
    }
  cfg["services"] = services;
  json counters = json::array();
  for (const json& c : cfg["counters"])
    if (c["number"] != 8) counters.push_back(c);
  cfg["counters"] = counters;
  return cfg;
}

int quota(const HubClient& c, const std::string& code) {
  return c.with_state([&](const OfficeState& s) { return s.services.count(code) ? s.services.at(code).daily_quota : -1; });
}
bool closed_on(const HubClient& c, const std::string& date) {
  return c.with_state([&](const OfficeState& s) { return s.closures.count(date) > 0; });
}

const json kTemplate = {
    {"services", {{{"code", "A"}, {"daily_quota", 90}}, {{"code", "B"}, {"alternative_service", "F"}}}},
    {"calendar", {{"last_ticket_minutes", 45}}},
    {"holidays", {{{"date", "2026-12-24"}, {"reason_id", "Cuti bersama Natal"}, {"reason_en", "Christmas leave"}}}}};

}  // namespace

TEST_CASE("district: configuration sent down is applied by each site's hub, refused whole when it does not fit, kept offline") {
  District d;
  const std::string c1 = d.add_site("kec-1"), c2 = d.add_site("kec-2");
  OwnSite s1(office_without_f()), s2;
  auto f1 = std::make_unique<Child>(with_hub(*s1.hub, s1.db(), c1), s1.dir.path() + "/fwd.log");
  auto f2 = std::make_unique<Child>(with_hub(*s2.hub, s2.db(), c2), s2.dir.path() + "/fwd.log");
  HubClient hall1(s1.hub->client_options("display", "hall-1"));
  HubClient hall2(s2.hub->client_options("display", "hall-2"));
  REQUIRE(wait_until([&] { return quota(hall1, "A") == 150 && quota(hall2, "A") == 150; }));
  TempDir web;
  Dashboard dash(d, web.path(), "district-token-0123456789");
  Chromedriver driver;
  Browser b(driver, 1400, 900, web.path() + "/chrome");
  b.go(dash.base() + "/config");

  // Version 1, the template: fits kec-2; kec-1 has no service F for B's alternative.
  auto v1 = district::publish_config(*d.admin, kTemplate, "", "test", "quotas and Christmas leave");
  REQUIRE_MESSAGE(v1, v1.error().reason);
  REQUIRE_MESSAGE(wait_until([&] { return quota(hall2, "A") == 90 && closed_on(hall2, "2026-12-24"); }), f2->log());
  CHECK(hall2.with_state([](const OfficeState& s) { return s.office.hours.last_ticket_minutes; }) == 45);
  REQUIRE_MESSAGE(wait_until([&] {
    return d.text("SELECT state FROM district.config_reports WHERE site = 'kec-1'") == "refused";
  }), f1->log());
  const std::string why = d.text("SELECT error FROM district.config_reports WHERE site = 'kec-1'");
  CHECK(why.find("alternative_service") != std::string::npos);
  CHECK(why.find("\"F\"") != std::string::npos);
  // kec-1 keeps what it ran: nothing of version 1 is in force there.
  CHECK(quota(hall1, "A") == 150);
  CHECK(!closed_on(hall1, "2026-12-24"));
  // Applied is what the site's log says: a config_applied event with the version.
  REQUIRE(wait_until([&] { return d.scalar("SELECT config_version FROM district.site_status WHERE site = 'kec-2'") == *v1; }));
  CHECK(d.scalar("SELECT count(*) FROM district.events WHERE site = 'kec-2' AND type = 'config_applied' "
                 "AND (data->>'version')::bigint = $1", {std::to_string(*v1)}) == 1);
  CHECK(d.scalar("SELECT config_version FROM district.site_status WHERE site = 'kec-1'") == 0);
  // The page says so, live: kec-1 refused version 1 and why, kec-2 runs it.
  REQUIRE_MESSAGE(b.wait_for("document.querySelector('tr[data-site=\"kec-1\"] .refused') && "
                             "document.querySelector('tr[data-site=\"kec-2\"] .applied').textContent == 'v" + std::to_string(*v1) + "'"),
                  dash.proc->log());
  CHECK(b.text("tr[data-site=\"kec-1\"] .refused").find("ditolak kantor refused by the site: bad_request") != std::string::npos);
  CHECK(b.text("tr[data-site=\"kec-1\"] .applied") == "–");
  save_png(b.screenshot_png(), "district-config-refused.png");

  // Version 2, kec-1's override: no alternative there, a quota of its own.
  auto v2 = district::publish_config(*d.admin, {{"services", {{{"code", "B"}, {"alternative_service", ""}},
                                                              {{"code", "C"}, {"daily_quota", 40}}}}},
                                     "kec-1", "test");
  REQUIRE_MESSAGE(v2, v2.error().reason);
  REQUIRE_MESSAGE(wait_until([&] {
    return quota(hall1, "A") == 90 && quota(hall1, "C") == 40 && closed_on(hall1, "2026-12-24");
  }), f1->log());
  CHECK(quota(hall2, "C") == 150);  // the override is kec-1's alone
  REQUIRE(wait_until([&] { return d.scalar("SELECT config_version FROM district.site_status WHERE site = 'kec-1'") == *v2; }));
  CHECK(d.text("SELECT state FROM district.config_reports WHERE site = 'kec-1'") == "applied");

  // kec-2's link goes down; version 3 of the template reaches kec-1 only. kec-2 keeps
  // version 1 (also across a restart of its hub) and gets 3 when it is back.
  f2->kill9();
  json t3 = kTemplate;
  t3["services"][0]["daily_quota"] = 70;
  auto v3 = district::publish_config(*d.admin, t3, "", "test");
  REQUIRE(v3);
  REQUIRE(wait_until([&] { return quota(hall1, "A") == 70 && quota(hall1, "C") == 40; }));
  s2.hub->restart();
  HubClient hall2b(s2.hub->client_options("display", "hall-2b"));
  REQUIRE(wait_until([&] { return hall2b.online() && quota(hall2b, "A") == 90; }));
  std::this_thread::sleep_for(std::chrono::milliseconds(500));
  CHECK(quota(hall2b, "A") == 90);
  f2 = std::make_unique<Child>(with_hub(*s2.hub, s2.db(), c2), s2.dir.path() + "/fwd.log");
  REQUIRE_MESSAGE(wait_until([&] { return quota(hall2b, "A") == 70; }), f2->log());

  // A forwarder restarted (killed at once) applies nothing twice.
  REQUIRE(wait_until([&] { return d.scalar("SELECT config_version FROM district.site_status WHERE site = 'kec-1'") == *v3; }));
  f1->kill9();
  f1 = std::make_unique<Child>(with_hub(*s1.hub, s1.db(), c1), s1.dir.path() + "/fwd.log");
  std::this_thread::sleep_for(std::chrono::milliseconds(1500));
  CHECK(d.scalar("SELECT count(*) FROM district.events WHERE site = 'kec-1' AND type = 'config_applied'") == 2);

  // The dashboard: per site, published against applied; then kec-2 offline with a new version waiting.
  f2->kill9();
  auto v4 = district::publish_config(*d.admin, {{"calendar", {{"last_ticket_minutes", 60}}}}, "kec-2", "test");
  REQUIRE(v4);
  REQUIRE(wait_until([&] {
    return d.scalar("SELECT config_version FROM district.site_status WHERE site = 'kec-2'") == *v3;
  }));
  httplib::Client http("127.0.0.1", dash.port);
  auto status = http.Get("/api/config");
  REQUIRE(status);
  const json st = json::parse(status->body);
  REQUIRE(st["sites"].size() == 2u);
  CHECK(st["sites"][0]["published"] == *v3);
  CHECK(st["sites"][0]["applied"] == *v3);
  CHECK(st["sites"][0]["up_to_date"] == true);
  CHECK(st["sites"][1]["published"] == *v4);
  CHECK(st["sites"][1]["applied"] == *v3);
  CHECK(st["sites"][1]["up_to_date"] == false);
  CHECK(st["sites"][1]["effective"]["calendar"]["last_ticket_minutes"] == 60);
  REQUIRE(b.wait_for("document.querySelector('tr[data-site=\"kec-2\"] .published').textContent == 'v" + std::to_string(*v4) + "'"));
  CHECK(b.text("tr[data-site=\"kec-2\"] .published") == "v" + std::to_string(*v4));
  CHECK(b.text("tr[data-site=\"kec-2\"] .applied") == "v" + std::to_string(*v3));
  CHECK(b.text("tr[data-site=\"kec-2\"] .state").find("menunggu kantor") != std::string::npos);
  CHECK(b.text("tr[data-site=\"kec-1\"] .state").find("sudah berlaku") != std::string::npos);
  CHECK(b.exec("return Array.prototype.every.call(document.querySelectorAll('.en'), function (e) { return e.lang === 'en'; });") == true);
  // Publishing from the page: a bad document is refused with the reason, a good one is a new version.
  b.exec("document.querySelector('#publish [name=doc]').value = '{\"services\": [{\"code\": \"A\", \"daily_qouta\": 5}]}';");
  b.type("#publish [name=token]", "district-token-0123456789");
  b.click("#publish button[type=submit]");
  REQUIRE(b.wait_for("document.getElementById('publish-result').textContent.length > 0"));
  CHECK(b.text("#publish-result").find("services[0].daily_qouta: unknown field") != std::string::npos);
  b.exec("document.querySelector('#publish [name=doc]').value = '{\"services\": [{\"code\": \"A\", \"daily_quota\": 75}]}';");
  b.click("#publish button[type=submit]");
  REQUIRE(b.wait_for("document.getElementById('publish-result').textContent.indexOf('v') == 0"));
  REQUIRE(b.wait_for("document.querySelector('tr[data-site=\"kec-1\"] .state').textContent.indexOf('sudah berlaku') >= 0 && "
                     "document.querySelector('tr[data-site=\"kec-1\"] .applied').textContent == document.querySelector('tr[data-site=\"kec-1\"] .published').textContent && "
                     "document.querySelector('tr[data-site=\"kec-1\"] .applied').textContent != 'v" + std::to_string(*v3) + "'",
                     std::chrono::milliseconds(15000)));
  CHECK(quota(hall1, "A") == 75);
  b.exec("window.scrollTo(0, 0);");
  save_png(b.screenshot_png(), "district-config.png");
}

TEST_CASE("district: a bad configuration document is refused at the centre with the reason and changes nothing") {
  District d;
  d.add_site("kec-1");
  auto refused = [&](const json& doc, const std::string& site, const std::string& part) {
    auto r = district::publish_config(*d.admin, doc, site, "test");
    REQUIRE(!r);
    CAPTURE(r.error().reason);
    CHECK(r.error().reason.find(part) != std::string::npos);
  };
  refused(json::array(), "", "must be a JSON object");
  refused({{"servics", json::array()}}, "", "servics: unknown field");
  refused({{"services", {{{"code", "A"}, {"daily_quota", 20000}}}}}, "", "daily_quota: must be 0 (no limit) to 9999");
  refused({{"services", {{{"code", "A"}, {"daily_quota", "many"}}}}}, "", "daily_quota: has the wrong type");
  refused({{"calendar", {{"hours", {{"mon", "25:00-26:00"}}}}}}, "", "office.hours.mon");
  refused({{"holidays", {{{"date", "2026-02-30"}}}}}, "", "2026-02-30");
  refused({{"services", {{{"code", "G"}, {"name_id", "Baru"}, {"prefix", "A"}}}}}, "", "prefix");
  refused({{"calendar", {{"last_ticket_minutes", 30}}}}, "kec-nowhere", "no site");
  CHECK(d.scalar("SELECT count(*) FROM district.config_docs") == 0);
  // An override is checked together with the template it will be laid over.
  REQUIRE(district::publish_config(*d.admin, {{"services", {{{"code", "G"}, {"prefix", "G"}, {"name_id", "KIA"}}}}}, "", "test"));
  refused({{"services", {{{"code", "G"}, {"prefix", "A"}}}}}, "kec-1", "with the district's template");
  CHECK(d.scalar("SELECT count(*) FROM district.config_docs") == 1);
  // The command line: the same checks, a new version, the state of every site, targets.
  TempDir files;
  const std::string conn = d.pg.admin_conninfo();
  std::ofstream(files.path() + "/bad.json") << R"({"services": [{"code": "A", "daily_quota": 20000}]})";
  std::ofstream(files.path() + "/good.json") << R"({"calendar": {"last_ticket_minutes": 45}})";
  std::ofstream(files.path() + "/broken.json") << "{";
  auto bad = run_process({ANTRIAN_DISTRICT_BIN, "config", "--pg", conn, "--doc", files.path() + "/bad.json"});
  CHECK(bad.exit_code == 1);
  CHECK(bad.err.find("daily_quota: must be 0 (no limit) to 9999") != std::string::npos);
  auto broken = run_process({ANTRIAN_DISTRICT_BIN, "config", "--pg", conn, "--doc", files.path() + "/broken.json"});
  CHECK(broken.exit_code == 1);
  CHECK(broken.err.find("not valid JSON") != std::string::npos);
  auto good = run_process({ANTRIAN_DISTRICT_BIN, "config", "--pg", conn, "--doc", files.path() + "/good.json",
                           "--site", "kec-1", "--note", "closing earlier"});
  CHECK_MESSAGE(good.exit_code == 0, good.err);
  CHECK(good.out.find("published for kec-1") != std::string::npos);
  auto show = run_process({ANTRIAN_DISTRICT_BIN, "config", "--pg", conn, "--show"});
  REQUIRE(show.exit_code == 0);
  const json st = json::parse(show.out);
  CHECK(st["sites"][0]["published"] == 2);
  CHECK(st["sites"][0]["applied"] == 0);
  CHECK(st["sites"][0]["effective"]["calendar"]["last_ticket_minutes"] == 45);
  auto target = run_process({ANTRIAN_DISTRICT_BIN, "target", "--pg", conn, "--site", "kec-1", "--service", "B",
                             "--period", "week", "--count", "12000"});
  CHECK_MESSAGE(target.exit_code == 0, target.err);
  auto bad_target = run_process({ANTRIAN_DISTRICT_BIN, "target", "--pg", conn, "--site", "kec-1", "--service", "b!",
                                 "--count", "5"});
  CHECK(bad_target.exit_code == 1);
  CHECK(bad_target.err.find("service must be a code") != std::string::npos);
  CHECK(d.scalar("SELECT target FROM district.targets WHERE site = 'kec-1' AND service = 'B' AND period = 'week'") == 12000);
}
