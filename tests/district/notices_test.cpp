// District disruptions and announcements reach every site's hall through its
// forwarder, once, also for a site that was offline; clearing clears everywhere; the
// centre records which version each site applied.
#include <doctest/doctest.h>

#include "antrian/hub_client.h"
#include "district_fixture.h"

using namespace antrian;
using namespace antrian::test;

namespace {

int active_from_district(const HubClient& c) {
  return c.with_state([](const OfficeState& s) {
    int n = 0;
    for (const auto& [_, d] : s.disruptions)
      n += d.active && d.resource == "siak" && d.message_id == "SIAK pusat terputus di seluruh kabupaten";
    return n;
  });
}

}  // namespace

TEST_CASE("district: a district disruption reaches every site's hall and clearing it clears it everywhere") {
  District d;
  const std::string c1 = d.add_site("kec-1");
  const std::string c2 = d.add_site("kec-2");
  Site s1, s2;
  auto fwd_args = [](Site& s, const std::string& conn) {
    return forwarder_args(s, conn, 500, s.hub.key_args("admin", "district-forwarder"));
  };
  std::vector<std::string> a1 = fwd_args(s1, c1);
  a1.insert(a1.end(), {"--hub", s1.hub.address()});
  std::vector<std::string> a2 = fwd_args(s2, c2);
  a2.insert(a2.end(), {"--hub", s2.hub.address()});
  Child f1(a1, s1.dir.path() + "/forwarder.log");
  // Site 2's link to the centre is down when the district declares the outage.
  auto published = district::publish_notice(*d.admin, "disruption",
                                             {{"resource", "siak"}, {"level", "down"},
                                              {"message_id", "SIAK pusat terputus di seluruh kabupaten"},
                                              {"message_en", "The central SIAK is down across the district"}},
                                             {}, "test");
  REQUIRE(published);
  HubClient hall1(s1.hub.client_options("display", "hall-1"));
  HubClient hall2(s2.hub.client_options("display", "hall-2"));
  REQUIRE_MESSAGE(wait_until([&] { return active_from_district(hall1) == 1; }), f1.log());
  // Recording and printing are halted in site 1's hall, as for a local outage.
  CHECK(hall1.with_state([](const OfficeState& s) {
    for (const auto& [_, dis] : s.disruptions)
      if (dis.active) return dis.services.size() >= 2u;
    return false;
  }));
  CHECK(active_from_district(hall2) == 0);
  REQUIRE(wait_until([&] {
    return d.scalar("SELECT count(*) FROM district.notice_applied WHERE notice_id = $1 AND state = 'active'",
                    {std::to_string(*published)}) == 1;
  }));
  // Site 2 reconnects and gets it.
  Child f2(a2, s2.dir.path() + "/forwarder.log");
  REQUIRE_MESSAGE(wait_until([&] { return active_from_district(hall2) == 1; }), f2.log());
  // A forwarder restarted right away applies nothing twice (the hub's request ids).
  f1.kill9();
  Child f1b(a1, s1.dir.path() + "/forwarder.log");
  std::this_thread::sleep_for(std::chrono::milliseconds(1500));
  CHECK(active_from_district(hall1) == 1);
  CHECK(hall1.with_state([](const OfficeState& s) { return s.disruptions.size(); }) == 1u);
  // A site can still declare and clear its own.
  HubClient staff(s1.hub.client_options("admin", "staff-1", false));
  auto own = staff.request("disruption_set", {{"resource", "network"}, {"level", "degraded"}, {"message_id", "Jaringan lambat"}});
  REQUIRE(own.ok);
  REQUIRE(staff.request("disruption_clear", {{"id", own.result["disruption"]["id"]}}).ok);
  CHECK(active_from_district(hall1) == 1);
  // Cleared once at the district: cleared in both halls.
  REQUIRE(district::clear_notice(*d.admin, *published));
  REQUIRE(wait_until([&] { return active_from_district(hall1) == 0 && active_from_district(hall2) == 0; }));
  REQUIRE(wait_until([&] {
    return d.scalar("SELECT count(*) FROM district.notice_applied WHERE notice_id = $1 AND state = 'cleared'",
                    {std::to_string(*published)}) == 2;
  }));
  // The same path carries an announcement to the running text.
  REQUIRE(district::publish_notice(*d.admin, "announcement", {{"text", "Layanan Sabtu dibuka 08.00"}}, {"kec-2"}, "test"));
  REQUIRE(wait_until([&] {
    return hall2.with_state([](const OfficeState& s) { return s.announcement == "Layanan Sabtu dibuka 08.00"; });
  }));
  CHECK(hall1.with_state([](const OfficeState& s) { return s.announcement.empty(); }));
  // And the centre's projection of the hall follows (the forwarder sends its log).
  REQUIRE(wait_until([&] {
    return d.text("SELECT announcement FROM district.site_status WHERE site = 'kec-2'") == "Layanan Sabtu dibuka 08.00";
  }));
}

TEST_CASE("district: bad notices are refused with the reason and change nothing") {
  District d;
  CHECK(!district::publish_notice(*d.admin, "disruption", {{"level", "down"}, {"message_id", "x"}}, {}, "t"));
  CHECK(!district::publish_notice(*d.admin, "disruption", {{"resource", "siak"}, {"level", "broken"}, {"message_id", "x"}}, {}, "t"));
  CHECK(!district::publish_notice(*d.admin, "weather", {{"text", "x"}}, {}, "t"));
  CHECK(!district::publish_notice(*d.admin, "announcement", {{"text", 5}}, {}, "t"));
  auto bad_site = district::publish_notice(*d.admin, "announcement", {{"text", "x"}}, {"Kec A; DROP"}, "t");
  REQUIRE(!bad_site);
  CHECK(bad_site.error().reason.find("not a site id") != std::string::npos);
  CHECK(d.scalar("SELECT count(*) FROM district.notices") == 0);
  CHECK(!district::clear_notice(*d.admin, 42));
  CHECK(!district::add_site(*d.admin, "Bad Site", "x", "long-enough-password"));
  CHECK(!district::add_site(*d.admin, "ok-site", "x", "short"));
  CHECK(d.scalar("SELECT count(*) FROM district.sites") == 0);
}
