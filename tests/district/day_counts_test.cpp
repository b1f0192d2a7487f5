// The centre's day counts stay whole when tickets move between lokets across batches:
// tickets forwarded while waiting (loket 0) and later called at a loket are counted
// once, at that loket. (The upsert alone kept the loket-0 row and counted them twice;
// bench/district-kill-drill.sh found it against a replay in one batch.)
#include <doctest/doctest.h>

#include "antrian/hub_client.h"
#include "district_fixture.h"

using namespace antrian;
using namespace antrian::test;

TEST_CASE("district: day counts of tickets forwarded while waiting and served later are counted once") {
  District d;
  const std::string conn = d.add_site("kec-timur");
  Site s;
  HubClient a(s.hub.client_options("admin", "test-admin", false));
  for (int i = 0; i < 3; ++i) REQUIRE(a.request("issue", {{"service", "E"}}).ok);
  auto forward_once = [&] {
    Child once(forwarder_args(s, conn, 500, {"--exit-when-caught-up"}), s.dir.path() + "/fwd.log");
    REQUIRE_MESSAGE(once.wait(20000) == 0, once.log());
  };
  forward_once();  // three E tickets waiting: the row (E, loket 0)
  CHECK(d.scalar("SELECT issued FROM district.site_day_counts WHERE site = 'kec-timur' AND service = 'E' AND counter = 0") == 3);
  REQUIRE(a.request("sign_in", {{"counter", 7}, {"staff", "demo1"}, {"pin", "1234"}}).ok);
  for (int i = 0; i < 3; ++i) {
    auto c = a.request("call_next", {{"counter", 7}});
    REQUIRE_MESSAGE(c.ok, c.error.reason);
    REQUIRE(a.request("start", {{"counter", 7}}).ok);
    REQUIRE(a.request("finish", {{"counter", 7}}).ok);
  }
  forward_once();  // all three served at loket 7: no loket-0 row is left
  CHECK(d.scalar("SELECT count(*) FROM district.site_day_counts WHERE site = 'kec-timur' AND counter = 0") == 0);
  CHECK(d.scalar("SELECT sum(issued) FROM district.site_day_counts WHERE site = 'kec-timur'") == 3);
  CHECK(d.scalar("SELECT sum(done) FROM district.site_day_counts WHERE site = 'kec-timur' AND counter = 7") == 3);
}
