// The dashboard reading from a streaming replica: a real standby made by
// pg_basebackup -R from the test's primary, the forwarder writing to the primary, the
// dashboard's pages in Chromium following the site through the replica, and proof
// that they read the replica (its replay paused, the page stands still while the
// primary has the new tickets; resumed, the page catches up).
#include <doctest/doctest.h>
#include <httplib.h>

#include "antrian/hub_client.h"
#include "dashboard_fixture.h"
#include "district_fixture.h"
#include "webdriver.h"

using namespace antrian;
using namespace antrian::test;

namespace {

std::string waiting_js(const char* service, int n) {
  return "(function(){var e=document.querySelector('[data-site=\"kec-timur\"] tr[data-service=\"" + std::string(service) +
         "\"] .waiting');return !!e && e.textContent=='" + std::to_string(n) + "';})()";
}

}  // namespace

TEST_CASE("district: the dashboard reads a site's events through a streaming replica made by pg_basebackup") {
  District d;
  const std::string conn = d.add_site("kec-timur");
  REQUIRE(district::add_dashboard_login(*d.admin, "dashboard", "dashboard-password-1"));
  PgProcess replica(PgProcess::ReplicaOf{d.pg});
  auto on_replica = must_connect(replica.admin_conninfo() + "");
  REQUIRE(on_replica->exec("SELECT 1"));
  CHECK(on_replica->exec("SELECT pg_is_in_recovery()")->get(0, 0) == "t");
  // A write on the replica is refused: it is a real standby, not a copy.
  auto write = on_replica->exec("INSERT INTO district.targets (site, service, period, target, set_by) "
                                "VALUES ('kec-timur', 'A', 'day', 5, 'x')");
  CHECK(!write);

  Site s;
  HubClient admin(s.hub.client_options("admin", "test-admin", false));
  for (int i = 0; i < 3; ++i) REQUIRE(admin.request("issue", {{"service", "A"}}).ok);
  Child fwd(forwarder_args(s, conn, 200), s.dir.path() + "/fwd.log");

  TempDir web;
  const std::string read = replica.conninfo("dashboard", "dashboard-password-1");
  Dashboard dash(d, web.path(), "district-token-0123456789", {"--read-pg", read});
  httplib::Client http("127.0.0.1", dash.port);
  auto health = http.Get("/healthz");
  REQUIRE(health);
  CHECK(health->status == 200);
  CHECK(health->body.find("\"reads_from\":\"replica\"") != std::string::npos);

  Chromedriver driver;
  Browser b(driver, 1400, 900, web.path() + "/chrome");
  b.go(dash.base() + "/");
  REQUIRE_MESSAGE(b.wait_for(waiting_js("A", 3), std::chrono::milliseconds(20000)), (fwd.log() + dash.proc->log()));

  // Replay paused on the replica: the primary gets two more tickets, the page does not.
  REQUIRE(on_replica->exec("SELECT pg_wal_replay_pause()"));
  for (int i = 0; i < 2; ++i) REQUIRE(admin.request("issue", {{"service", "A"}}).ok);
  REQUIRE(wait_until([&] {
    return d.scalar("SELECT coalesce(sum(waiting), 0) FROM district.site_services WHERE site = 'kec-timur' AND code = 'A'") == 5;
  }));
  std::this_thread::sleep_for(std::chrono::milliseconds(2500));  // more than two of the page's polls
  CHECK(b.wait_for(waiting_js("A", 3), std::chrono::milliseconds(100)));
  CHECK(!b.wait_for(waiting_js("A", 5), std::chrono::milliseconds(100)));
  // Resumed: the page follows without a reload.
  b.exec("window.notReloaded = true;");
  REQUIRE(on_replica->exec("SELECT pg_wal_replay_resume()"));
  REQUIRE(b.wait_for(waiting_js("A", 5), std::chrono::milliseconds(10000)));
  CHECK(b.exec("return window.notReloaded === true;") == true);

  // Publishing still goes to the primary (a replica refuses writes) and comes back
  // through the replica.
  httplib::Headers token{{"X-District-Token", "district-token-0123456789"}};
  auto posted = http.Post("/api/notices", token, R"({"kind":"announcement","body":{"text":"Rapat dinas pukul 13.00"}})",
                          "application/json");
  REQUIRE(posted);
  CHECK_MESSAGE(posted->status == 201, posted->body);
  CHECK(d.scalar("SELECT count(*) FROM district.notices") == 1);
  CHECK(wait_until([&] {
    auto n = http.Get("/api/notices");
    return n && n->body.find("Rapat dinas pukul 13.00") != std::string::npos;
  }));
  save_png(b.screenshot_png(), "district-replica.png");

  // --read-pg that is not a replica is refused at start with the reason.
  Child wrong({ANTRIAN_DISTRICT_BIN, "serve", "--pg", d.pg.conninfo("dashboard", "dashboard-password-1"), "--port", "0",
               "--read-pg", d.pg.conninfo("dashboard", "dashboard-password-1")},
              web.path() + "/wrong.log");
  CHECK(wrong.wait(10000) == 1);
  CHECK(wrong.log().find("not a replica") != std::string::npos);
}
