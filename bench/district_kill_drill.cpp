// antrian-district-kill-drill (bench/district-kill-drill.sh, docs/RELIABILITY.md): 100
// SIGKILLs spread over the forwarder, the hub and PostgreSQL while a site's log is being
// forwarded. A real PostgreSQL 15 (initdb, fsync on), a real hub on a manual clock, the
// real antrian-forwarder in batches of 5 events (many transactions to die in). Each round: the hall works (tickets issued,
// called, served), then after a random moment one of the three is SIGKILLed (in turn)
// and started again. At the end: every event of the hub's log once in the centre and
// equal to the hub's (seq, time, type, actor), and the centre's projections equal those
// of a clean replay of the same log (a second site fed a copy of the log by one
// forwarder that nobody kills).
#include <CLI/CLI.hpp>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <random>
#include <thread>

#include "antrian/hub_client.h"
#include "child.h"
#include "district_admin.h"
#include "hub_log.h"
#include "hub_process.h"
#include "pg.h"
#include "pg_process.h"

using namespace antrian;
using nlohmann::json;
using Steady = std::chrono::steady_clock;

namespace {

const char* const kTables[] = {"site_services", "site_disruptions", "site_resources",
                               "site_devices",  "site_day_counts",  "site_blangko_days"};

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"antrian-district-kill-drill: SIGKILLs over forwarder, hub and PostgreSQL during forwarding"};
  int kills = 100;
  uint64_t seed = 16;
  std::string forwarder, work;
  app.add_option("--forwarder", forwarder, "The antrian-forwarder program")->required()->check(CLI::ExistingFile);
  app.add_option("--work", work, "An empty folder for the hub")->required();
  app.add_option("--kills", kills, "SIGKILLs in all (forwarder, hub and PostgreSQL in turn)")->check(CLI::Range(3, 1000));
  app.add_option("--seed", seed, "Random seed of the kill moments");
  CLI11_PARSE(app, argc, argv);
  try {
    std::filesystem::create_directories(work);
    test::PgProcess pg;
    std::ofstream(pg.dir() + "/data/postgresql.conf", std::ios::app) << "fsync = on\n";
    pg.stop();
    pg.start();
    auto connect_admin = [&] {
      auto c = district::Pg::connect(pg.admin_conninfo());
      if (!c) throw std::runtime_error(c.error().reason);
      return std::move(*c);
    };
    auto admin = connect_admin();
    if (auto r = district::setup_schema(*admin); !r) throw std::runtime_error(r.error().reason);
    const std::string password = "secret-of-the-drill-123";
    auto role = district::add_site(*admin, "kec-drill", "Kec. Drill", password);
    auto replay_role = district::add_site(*admin, "kec-replay", "Kec. Replay", password);
    if (!role || !replay_role) throw std::runtime_error("add_site failed");

    // Wednesday 2 December 2026, 08:00 WIB, a manual clock: the drill's day.
    test::HubProcess hub(work + "/hub", {"--manual-clock", "--clock-start", "1796173200000"});
    auto fwd_args = [&] {
      return std::vector<std::string>{forwarder, "--hub-db", work + "/hub/antrian.db", "--pg", pg.conninfo(*role, password),
                                      "--batch", "5", "--idle-ms", "50", "--max-backoff-ms", "300", "--log-level", "error",
                                      "--catch-up-pause-ms", "0"};  // the drill is about kills, not the pace
    };
    auto fwd = std::make_unique<test::Child>(fwd_args(), work + "/forwarder.log");
    auto client = std::make_unique<HubClient>(hub.client_options("admin", "drill", false, 1500, 3));
    // Four lokets that together serve every service (A-B, C-D, E-C-D, F).
    const int lokets[] = {2, 4, 7, 8};
    for (int c : lokets) {
      const std::string staff = "petugas" + std::to_string(c);
      client->request("staff_set", {{"id", staff}, {"name", "Petugas " + std::to_string(c)}, {"pin", "2468"}});
      auto r = client->request("sign_in", {{"counter", c}, {"staff", staff}, {"pin", "2468"}});
      if (!r.ok) throw std::runtime_error("sign_in: " + r.error.reason);
    }
    auto hub_last = [&] {
      auto log = district::HubLog::open(work + "/hub/antrian.db");
      if (!log) throw std::runtime_error(log.error().reason);
      return *(*log)->last_seq();
    };
    auto acked = [&](const std::string& site) -> int64_t {
      for (int attempt = 0; attempt < 100; ++attempt) {
        if (admin->ok()) {
          auto r = admin->exec("SELECT acked_seq FROM district.site_status WHERE site = $1", {site});
          if (r) return r->rows() ? r->get_int(0, 0) : 0;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
        auto c = district::Pg::connect(pg.admin_conninfo());
        if (c) admin = std::move(*c);
      }
      throw std::runtime_error("the centre did not answer for 10 s");
    };

    std::mt19937_64 rng(seed);
    const char* services[] = {"A", "B", "C", "D", "E", "F"};
    int in_flight = 0, done[3] = {0, 0, 0}, requests = 0, refused = 0;
    std::string first_refusal;
    std::map<std::string, int> refusal_kinds;
    int pg_start_retries = 0;
    const auto started = Steady::now();
    // One kill, of the forwarder, the hub or PostgreSQL in turn, each started again.
    auto kill_one = [&](int target) {
      in_flight += acked("kec-drill") < hub_last();
      if (target == 0) {
        fwd->kill9();
        fwd = std::make_unique<test::Child>(fwd_args(), work + "/forwarder.log");
      } else if (target == 1) {
        client.reset();
        hub.kill9();
        hub.restart();
        client = std::make_unique<HubClient>(hub.client_options("admin", "drill", false, 1500, 3));
      } else {
        pg.kill9();
        // A backend may still hold the old shared memory for a moment after the
        // postmaster died; PostgreSQL then refuses to start, and is asked again.
        for (int attempt = 0;; ++attempt) {
          try {
            pg.start();
            break;
          } catch (const std::exception&) {
            if (attempt >= 50) throw;
            ++pg_start_retries;
            std::this_thread::sleep_for(std::chrono::milliseconds(200));
          }
        }
      }
    };
    for (int k = 0; k < kills; ++k) {
      // The hall works (tickets issued, called, served at four lokets) while the
      // forwarder sends it in batches of 5; the kill comes after a random one of the
      // round's requests, with no request of ours open at that moment.
      const int target = k % 3;
      const int kill_after = int(rng() % 20);
      int asked = 0;
      bool killed = false;
      auto ask = [&](const char* cmd, json args) {
        ++requests;
        auto r = client->request(cmd, std::move(args));
        if (!r.ok) {
          ++refused;
          if (first_refusal.empty()) first_refusal = std::string(cmd) + ": " + r.error.reason;
          ++refusal_kinds[std::string(cmd) + ": " + r.error.code];
        }
        if (!killed && ++asked > kill_after) {
          std::this_thread::sleep_for(std::chrono::milliseconds(rng() % 10));
          kill_one(target);
          killed = true;
        }
        return r.ok;
      };
      for (int i = 0; i < 8; ++i) ask("issue", {{"service", services[rng() % 6]}});
      for (int c : lokets) {
        if (!ask("call_next", {{"counter", c}})) continue;
        if (rng() % 5 == 0) {  // one in five does not come to the desk
          ask("no_show", {{"counter", c}});
          continue;
        }
        ask("start", {{"counter", c}});
        ask("finish", {{"counter", c}});
      }
      if (!killed) kill_one(target);
      ++done[target];
      if ((k + 1) % 10 == 0)
        std::cerr << k + 1 << " kills (" << done[0] << " forwarder, " << done[1] << " hub, " << done[2]
                  << " PostgreSQL), hub seq " << hub_last() << std::endl;
    }
    const int64_t last = hub_last();
    const auto settle = Steady::now();
    while (acked("kec-drill") < last) {
      if (Steady::now() - settle > std::chrono::seconds(120)) throw std::runtime_error("not caught up after 120 s");
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    const double drill_s = std::chrono::duration<double>(Steady::now() - started).count();
    fwd->terminate();
    hub.terminate();

    // The clean replay: a copy of the log sent by one forwarder nobody kills.
    std::filesystem::create_directories(work + "/replay");
    std::filesystem::copy_file(work + "/hub/antrian.db", work + "/replay/antrian.db");
    for (const char* ext : {"-wal", "-shm"})
      if (std::filesystem::exists(work + "/hub/antrian.db" + ext))
        std::filesystem::copy_file(work + "/hub/antrian.db" + ext, work + "/replay/antrian.db" + ext);
    test::Child replay({forwarder, "--hub-db", work + "/replay/antrian.db", "--pg", pg.conninfo(*replay_role, password),
                        "--batch", "5000", "--catch-up-pause-ms", "0", "--exit-when-caught-up", "--log-level", "error"},
                       work + "/replay.log");
    if (replay.wait(120000) != 0) throw std::runtime_error("the replay failed: " + replay.log());

    admin = connect_admin();
    auto one = [&](const std::string& sql) {
      auto r = admin->exec(sql);
      if (!r) throw std::runtime_error(r.error().reason);
      return r->get_int(0, 0);
    };
    const int64_t rows = one("SELECT count(*) FROM district.events WHERE site = 'kec-drill'");
    const int64_t distinct = one("SELECT count(DISTINCT seq) FROM district.events WHERE site = 'kec-drill'");
    const int64_t differ = one(
        "SELECT count(*) FROM (SELECT * FROM district.events WHERE site = 'kec-drill') a FULL JOIN "
        "(SELECT * FROM district.events WHERE site = 'kec-replay') b ON a.seq = b.seq WHERE a.seq IS NULL OR "
        "b.seq IS NULL OR a.at <> b.at OR a.type <> b.type OR a.actor <> b.actor OR a.data <> b.data");
    int64_t projection_differ = 0;
    for (const char* t : kTables) {
      const std::string q = std::string("SELECT to_jsonb(x) - 'site' FROM district.") + t + " x WHERE site = ";
      const int64_t n = one("SELECT count(*) FROM ((" + q + "'kec-drill' EXCEPT " + q + "'kec-replay') UNION ALL (" + q +
                            "'kec-replay' EXCEPT " + q + "'kec-drill')) d");
      projection_differ += n;
      if (n == 0) continue;
      for (const char* side : {"kec-drill", "kec-replay"}) {  // say which rows, for whoever investigates
        const char* other = std::string(side) == "kec-drill" ? "kec-replay" : "kec-drill";
        auto rows = admin->exec(q + "'" + side + "' EXCEPT " + q + "'" + other + "'");
        for (int i = 0; rows && i < rows->rows(); ++i) std::cout << "  " << t << " only at " << side << ": " << rows->get(i, 0) << "\n";
      }
    }
    const int64_t projection_rows = [&] {
      int64_t n = 0;
      for (const char* t : kTables) n += one(std::string("SELECT count(*) FROM district.") + t + " WHERE site = 'kec-drill'");
      return n;
    }();
    const int64_t lost = std::max<int64_t>(0, last - distinct), duplicated = rows - distinct;
    std::cout << "kills: " << kills << " (" << done[0] << " forwarder, " << done[1] << " hub, " << done[2]
              << " PostgreSQL), " << in_flight << " with events not yet acknowledged at the kill; PostgreSQL "
              << "refused " << pg_start_retries << " restarts while the old backends were still going\n"
              << "hall: " << requests << " requests (" << refused << " refused by the office's rules"
              << (first_refusal.empty() ? "" : ", first: " + first_refusal) << "), " << drill_s << " s\n";
    for (const auto& [kind, n] : refusal_kinds) std::cout << "  refused " << kind << ": " << n << "\n";
    std::cout
              << "centre: " << rows << " rows, " << distinct << " distinct seqs, hub log " << last << " events; "
              << differ << " differ from the clean replay's copy (seq, at, type, actor, data)\n"
              << "projections: " << projection_rows << " rows in " << std::size(kTables) << " tables, " << projection_differ
              << " differ from the clean replay\n";
    std::printf("kills=%d events=%lld lost=%lld duplicated=%lld differ=%lld projection_differ=%lld\n", kills,
                (long long)last, (long long)lost, (long long)duplicated, (long long)differ, (long long)projection_differ);
    return lost == 0 && duplicated == 0 && differ == 0 && projection_differ == 0 ? 0 : 1;
  } catch (const std::exception& e) {
    std::cerr << "antrian-district-kill-drill: " << e.what() << "\n";
    return 2;
  }
}
