// The site's log reaches the centre exactly once: a batch sent twice, a forwarder
// killed mid-batch, PostgreSQL killed and restarted mid-batch, the centre down while
// the office works. Real PostgreSQL, real hubs, the real forwarder.
#include <doctest/doctest.h>

#include "antrian/hub_client.h"
#include "district_fixture.h"
#include "hub_log.h"

using namespace antrian;
using namespace antrian::test;

namespace {

// A small office morning: tickets issued, called, served, one printer down.
void play_morning(HubProcess& hub, int tickets) {
  HubClient admin(hub.client_options("admin", "test-admin", /*mirror=*/false));
  REQUIRE(admin.request("sign_in", {{"counter", 1}, {"staff", "demo1"}, {"pin", "1234"}}).ok);
  for (int i = 0; i < tickets; ++i) {
    auto r = admin.request("issue", {{"service", i % 3 == 0 ? "C" : "A"}});
    REQUIRE_MESSAGE(r.ok, r.error.reason);
  }
  for (int i = 0; i < tickets / 3; ++i) {
    auto c = admin.request("call_next", {{"counter", 1}});
    if (!c.ok) break;
    REQUIRE(admin.request("start", {{"counter", 1}}).ok);
    REQUIRE(admin.request("finish", {{"counter", 1}}).ok);
  }
}

int64_t hub_last_seq(const Site& s) {
  auto log = district::HubLog::open(s.db());
  REQUIRE(log);
  return *(*log)->last_seq();
}

}  // namespace

TEST_CASE("district: the forwarder sends every event once and the projections follow the hub") {
  District d;
  const std::string conn = d.add_site("kec-a");
  Site s;
  play_morning(s.hub, 30);
  const int64_t last = hub_last_seq(s);
  REQUIRE(last > 40);
  Child fwd(forwarder_args(s, conn, 7, {"--exit-when-caught-up"}), s.dir.path() + "/forwarder.log");
  REQUIRE_MESSAGE(fwd.wait(30000) == 0, fwd.log());
  CHECK(d.events("kec-a") == last);
  CHECK(d.distinct_seqs("kec-a") == last);
  CHECK(d.scalar("SELECT max(seq) FROM district.events WHERE site = 'kec-a'") == last);
  CHECK(d.acked("kec-a") == last);
  // Tokens and PIN hashes never leave the hub.
  CHECK(d.scalar("SELECT count(*) FROM district.events WHERE data::text LIKE '%\"token\"%' OR "
                 "data::text LIKE '%pin_hash%'") == 0);
  // The centre's picture is the hub's own figures.
  HubClient display(s.hub.client_options("display", "test-display"));
  REQUIRE(wait_until([&] { return display.synced(); }));
  const int waiting_a = display.with_state([](const OfficeState& st) {
    int n = 0;
    for (const auto& [_, t] : st.tickets) n += t.service == "A" && t.state == TicketState::waiting;
    return n;
  });
  CHECK(d.scalar("SELECT waiting FROM district.site_services WHERE site = 'kec-a' AND code = 'A'") == waiting_a);
  CHECK(d.scalar("SELECT sum(issued) FROM district.site_day_counts WHERE site = 'kec-a'") == 30);
  CHECK(d.scalar("SELECT sum(done) FROM district.site_day_counts WHERE site = 'kec-a'") == 10);
  CHECK(d.scalar("SELECT count(*) FROM district.site_resources WHERE site = 'kec-a'") > 0);
  // The month partition was made on demand.
  CHECK(d.scalar("SELECT count(*) FROM pg_inherits WHERE inhparent = 'district.events'::regclass") >= 1);
}

TEST_CASE("district: a batch sent twice is stored once and a batch that skips ahead is refused") {
  District d;
  const std::string conn = d.add_site("kec-b");
  auto site = must_connect(conn);
  const std::string batch = R"([[1, 1796176800000, "x", "t", {}], [2, 1796176801000, "y", "t", {}]])";
  for (int i = 0; i < 2; ++i) {
    auto r = site->exec("SELECT district.ingest(1, $1::jsonb, NULL, 2, 1796176801000)", {batch});
    REQUIRE_MESSAGE(r, r.error().reason);
    CHECK(r->get_int(0, 0) == 2);
  }
  CHECK(d.events("kec-b") == 2);
  // Overlapping the stored part: only the new event is added.
  auto r = site->exec("SELECT district.ingest(2, $1::jsonb, NULL, 3, 1796176802000)",
                      {std::string(R"([[2, 1796176801000, "y", "t", {}], [3, 1796176802000, "z", "t", {}]])")});
  REQUIRE_MESSAGE(r, r.error().reason);
  CHECK(d.events("kec-b") == 3);
  // A gap would leave a hole in the log: refused with the sequence to resend from.
  auto gap = site->exec("SELECT district.ingest(9, $1::jsonb, NULL, 9, 1796176802000)",
                        {std::string(R"([[9, 1796176809000, "q", "t", {}]])")});
  REQUIRE(!gap);
  CHECK(gap.error().reason.find("resend from 4") != std::string::npos);
  CHECK(d.events("kec-b") == 3);
  // The forwarder's COPY path: a batch already stored is refused whole at its start,
  // and rows copied past the batch's check are refused by the key.
  auto again = site->exec("SELECT district.begin_batch(2, 1796176801000, 1796176802000)");
  REQUIRE(!again);
  CHECK(again.error().reason.find("resend from 4") != std::string::npos);
  REQUIRE(site->exec("BEGIN"));
  REQUIRE(site->exec("SELECT district.begin_batch(4, 1796176803000, 1796176803000)"));
  auto dup = site->copy_in("COPY district.events (seq, at, type, actor, data) FROM STDIN",
                           "3\t2026-12-02 02:00:02+00\tz\tt\t{}\n");
  CHECK(!dup);
  site->exec("ROLLBACK");
  CHECK(d.events("kec-b") == 3);
}

TEST_CASE("district: a site's credential cannot touch another site's rows") {
  District d;
  const std::string conn1 = d.add_site("site-1");
  const std::string conn2 = d.add_site("site-2");
  auto s1 = must_connect(conn1);
  REQUIRE(s1->exec("SELECT district.ingest(1, $1::jsonb, NULL, 1, 1796176800000)",
                   {std::string(R"([[1, 1796176800000, "x", "t", {}]])")}));
  auto s2 = must_connect(conn2);
  const std::vector<std::string> attacks = {
      "INSERT INTO district.events VALUES ('site-1', 2, now(), 'x', 't', '{}')",
      "UPDATE district.events SET type = 'forged' WHERE site = 'site-1'",
      "DELETE FROM district.events WHERE site = 'site-1'",
      "UPDATE district.site_status SET acked_seq = 0 WHERE site = 'site-1'",
      "SELECT district.apply_projection('site-1', '{}'::jsonb)",
      "INSERT INTO district.notice_applied VALUES ('site-1', 1, 1, 'active')",
      "SET ROLE site_site-1",
      "SET ROLE \"site_site-1\"",
      "SELECT * FROM district.events",
  };
  for (const std::string& sql : attacks) {
    auto r = s2->exec(sql);
    CHECK_MESSAGE(!r, "site-2 could run: " << sql);
  }
  // Nor through the forwarder's COPY path.
  REQUIRE(s2->exec("BEGIN"));
  REQUIRE(s2->exec("SELECT district.begin_batch(1, 1796176800000, 1796176800000)"));
  auto forged = s2->copy_in("COPY district.events (site, seq, at, type, actor, data) FROM STDIN",
                            "site-1\t2\t2026-12-02 02:00:00+00\tforged\tt\t{}\n");
  REQUIRE(!forged);
  CHECK(forged.error().reason.find("permission denied") != std::string::npos);
  s2->exec("ROLLBACK");
  // The rows a site copies are stored as its own: it cannot name the site.
  REQUIRE(s2->exec("BEGIN"));
  REQUIRE(s2->exec("SELECT district.begin_batch(1, 1796176800000, 1796176800000)"));
  auto own = s2->copy_in("COPY district.events (seq, at, type, actor, data) FROM STDIN",
                         "1\t2026-12-02 02:00:00+00\tmine\tt\t{}\n");
  REQUIRE_MESSAGE(own, own.error().reason);
  REQUIRE(s2->exec("SELECT district.finish_batch(1, 1, NULL, 1, 1796176800000)"));
  REQUIRE(s2->exec("COMMIT"));
  // Its own ingest writes its own rows only, whatever the batch says.
  REQUIRE(s2->exec("SELECT district.ingest(1, $1::jsonb, NULL, 1, 1796176800000)",
                   {std::string(R"([[1, 1796176800000, "mine", "t", {}]])")}));
  CHECK(d.events("site-1") == 1);
  CHECK(d.text("SELECT type FROM district.events WHERE site = 'site-1' AND seq = 1") == "x");
  CHECK(d.text("SELECT type FROM district.events WHERE site = 'site-2' AND seq = 1") == "mine");
  // A wrong password is no credential at all.
  CHECK(!district::Pg::connect(d.pg.conninfo("site_site-1", "wrong-password-123")));
}

TEST_CASE("district: a forwarder killed mid-batch again and again leaves every event exactly once") {
  District d;
  const std::string conn = d.add_site("kec-c");
  Site s;
  play_morning(s.hub, 45);
  const int64_t last = hub_last_seq(s);
  // Each run dies (SIGKILL) right after its 2nd batch was committed, before it reads
  // the answer; the next run starts from what the centre acknowledged.
  int runs = 0;
  while (d.acked("kec-c") < last && runs < 40) {
    Child fwd(forwarder_args(s, conn, 3, {"--crash-after-batches", "2", "--exit-when-caught-up"}),
              s.dir.path() + "/forwarder.log");
    const int rc = fwd.wait(20000);
    REQUIRE_MESSAGE((rc == 128 + 9 || rc == 0), fwd.log());
    ++runs;
  }
  CHECK(runs > 5);
  CHECK(d.events("kec-c") == last);
  CHECK(d.distinct_seqs("kec-c") == last);
  // And killed from outside at unplanned moments while sending.
  play_morning(s.hub, 30);
  const int64_t last2 = hub_last_seq(s);
  for (int i = 0; i < 6 && d.acked("kec-c") < last2; ++i) {
    Child fwd(forwarder_args(s, conn, 2), s.dir.path() + "/forwarder.log");
    std::this_thread::sleep_for(std::chrono::milliseconds(120 + 37 * i));
    fwd.kill9();
  }
  Child fwd(forwarder_args(s, conn, 50, {"--exit-when-caught-up"}), s.dir.path() + "/forwarder.log");
  REQUIRE_MESSAGE(fwd.wait(30000) == 0, fwd.log());
  CHECK(d.events("kec-c") == last2);
  CHECK(d.distinct_seqs("kec-c") == last2);
  CHECK(d.scalar("SELECT sum(issued) FROM district.site_day_counts WHERE site = 'kec-c'") == 75);
}

TEST_CASE("district: PostgreSQL killed and restarted mid-batch while the hub works on and its backlog drains") {
  District d;
  const std::string conn = d.add_site("kec-d");
  Site s;
  play_morning(s.hub, 30);
  Child fwd(forwarder_args(s, conn, 2), s.dir.path() + "/forwarder.log");
  REQUIRE(wait_until([&] { return d.acked("kec-d") > 10; }));
  d.pg.kill9();
  // The office goes on as before while the centre is gone.
  const auto t0 = std::chrono::steady_clock::now();
  play_morning(s.hub, 30);
  const auto office_ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - t0).count();
  CHECK(office_ms < 10000);
  CHECK(fwd.running());
  d.pg.start();
  d.reconnect();
  const int64_t last = hub_last_seq(s);
  REQUIRE_MESSAGE(wait_until([&] { return d.acked("kec-d") == last; }, 30000), fwd.log());
  CHECK(d.events("kec-d") == last);
  CHECK(d.distinct_seqs("kec-d") == last);
  CHECK(d.scalar("SELECT sum(issued) FROM district.site_day_counts WHERE site = 'kec-d'") == 60);
  // Connected again: the centre knows how far behind the site is (not at all).
  CHECK(d.scalar("SELECT hub_seq - acked_seq FROM district.site_status WHERE site = 'kec-d'") == 0);
  fwd.terminate();
}
