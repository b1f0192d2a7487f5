// antrian-district-offline (bench/district-offline.sh, docs/BENCHMARKS.md "30 days
// offline"): one site cut off from the centre for 30 simulated office days, then
// reconnected. A real PostgreSQL 15 (initdb, fsync on), a real hub on a manual clock,
// the real antrian-forwarder running all the while (retrying while the centre is
// down). The days are played as fast as the hub answers (the simulator's normal day,
// 300 applicants); no real waiting. Measured: the catch-up time, every event once
// (counted and compared event by event with the hub's log), and the hub's request
// latency (a kiosk issuing, 20 a second) during the catch-up against the same probe
// with the link idle, before the outage and after the catch-up, in the same run.
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <CLI/CLI.hpp>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <mutex>
#include <sstream>
#include <thread>

#include "antrian/office_config.h"
#include "antrian/office_time.h"
#include "bench_stats.h"
#include "child.h"
#include "day_runner.h"
#include "district_admin.h"
#include "hub_log.h"
#include "hub_process.h"
#include "pg.h"
#include "pg_process.h"

using namespace antrian;
using nlohmann::json;
using Steady = std::chrono::steady_clock;

namespace {

double ms_since(Steady::time_point t) { return std::chrono::duration<double, std::milli>(Steady::now() - t).count(); }

// A kiosk issuing a ticket every 50 ms; each latency is filed under the phase it
// started in. Services cycle over those with the largest quotas left on the probe day.
class Probe {
 public:
  explicit Probe(const test::HubProcess& hub) : client_(hub.client_options("kiosk", "offline-probe", false, 5000, 0)) {}
  ~Probe() { stop(); }
  void start() {
    thread_ = std::thread([this] { run(); });
  }
  void stop() {
    stop_ = true;
    if (thread_.joinable()) thread_.join();
  }
  void phase(const std::string& p) {
    std::lock_guard l(mu_);
    phase_ = p;
  }
  std::vector<double> samples(const std::string& p) {
    std::lock_guard l(mu_);
    return samples_[p];
  }
  int errors(const std::string& p) {
    std::lock_guard l(mu_);
    return errors_[p];
  }
  std::string first_error() {
    std::lock_guard l(mu_);
    return first_error_;
  }

 private:
  void run() {
    // Information desk (quota 300), KK (150), akta (120): weighted so none runs out.
    static const char* services[] = {"F", "F", "C", "F", "D", "C"};
    auto next = Steady::now();
    for (int i = 0; !stop_; ++i) {
      std::string p;
      {
        std::lock_guard l(mu_);
        p = phase_;
      }
      next += std::chrono::milliseconds(50);
      if (p == "paused") {  // the days are being played on the hub's clock: leave them alone
        std::this_thread::sleep_until(next);
        continue;
      }
      const auto t = Steady::now();
      auto r = client_.request("issue", {{"service", services[i % 6]}});
      const double ms = ms_since(t);
      std::lock_guard l(mu_);
      if (r.ok) {
        samples_[p].push_back(ms);
      } else {  // a refusal is answered without the ticket's work: kept apart, counted
        ++errors_[p];
        if (first_error_.empty()) first_error_ = r.error.reason;
      }
      std::this_thread::sleep_until(next);
    }
  }
  HubClient client_;
  std::thread thread_;
  std::atomic<bool> stop_{false};
  std::mutex mu_;
  std::map<std::string, int> errors_;
  std::string first_error_;
  std::string phase_ = "none";
  std::map<std::string, std::vector<double>> samples_;
};

int64_t scalar(district::Pg& pg, const std::string& sql, const std::string& site) {
  auto r = pg.exec(sql, {site});
  if (!r) throw std::runtime_error(r.error().reason);
  return r->get_int(0, 0);
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"antrian-district-offline: one site offline for 30 office days, then reconnected"};
  int days = 30, idle_s = 10, forwarder_nice = 0;
  std::string forwarder, work;
  app.add_option("--forwarder", forwarder, "The antrian-forwarder program")->required()->check(CLI::ExistingFile);
  app.add_option("--work", work, "An empty folder for the hub")->required();
  app.add_option("--days", days, "Office days offline")->check(CLI::Range(1, 60));
  app.add_option("--idle-s", idle_s, "Seconds of each idle-link latency measurement")->check(CLI::Range(3, 600));
  app.add_option("--forwarder-nice", forwarder_nice, "Run the forwarder at this nice level (its unit's Nice=)")
      ->check(CLI::Range(0, 19));
  bool centre_io_idle = false;
  app.add_flag("--centre-io-idle", centre_io_idle, "Run PostgreSQL (the centre) in the idle I/O class too");
  std::string forwarder_args;
  app.add_option("--forwarder-args", forwarder_args,
                 "More flags for the forwarder, space-separated, e.g. \"--nice 0 --io-class unchanged\" (its defaults otherwise)");
  CLI11_PARSE(app, argc, argv);
  try {
    std::filesystem::create_directories(work);
    test::PgProcess pg;
    std::ofstream(pg.dir() + "/data/postgresql.conf", std::ios::app) << "fsync = on\n";  // later lines win
    pg.stop();
    // PostgreSQL stands for the district centre, another machine in a district: here it
    // shares the site's two cores and disk, so it runs at nice 10 and, with
    // --centre-io-idle, in the idle I/O class (the postmaster's group; backends it starts
    // later inherit both) and takes CPU and disk time the hub would have had.
    auto start_centre = [&] {
      pg.start();
      ::setpriority(PRIO_PGRP, id_t(pg.pid()), 10);
      if (centre_io_idle) ::syscall(SYS_ioprio_set, 2 /* IOPRIO_WHO_PGRP */, int(pg.pid()), 3 << 13 /* idle */);
    };
    start_centre();
    auto admin = district::Pg::connect(pg.admin_conninfo());
    if (!admin) throw std::runtime_error(admin.error().reason);
    if (auto r = district::setup_schema(**admin); !r) throw std::runtime_error(r.error().reason);
    const std::string site = "kec-sampang", password = "secret-of-kec-sampang-123";
    auto role = district::add_site(**admin, site, "UPT Disdukcapil Kec. Sampang", password);
    if (!role) throw std::runtime_error(role.error().reason);

    // Monday 2 November 2026 WIB is office day 0 (the probe's); office days skip the
    // weekends, as the default office does: 30 office days are six calendar weeks.
    const int64_t first_midnight = local_midnight_ms(2026, 11, 2, 7);
    auto midnight_of = [&](int office_day) {
      int calendar = 0;
      for (int k = 0; k < office_day; ++k) {
        ++calendar;
        while (calendar % 7 == 5 || calendar % 7 == 6) ++calendar;  // Saturday, Sunday
      }
      return first_midnight + int64_t(calendar) * 86'400'000;
    };
    // The default office without its Friday prayer break: the simulator's day issues
    // through the late morning and would be refused at 11:30 on Fridays.
    json cfg = json::parse(default_office_json());
    cfg["office"]["breaks"] = json::array();
    // Enough blank cards for every day (as a district's deliveries would keep it):
    // an office out of cards refuses printing, which is not a normal day.
    for (json& r : cfg["resources"])
      if (r.value("kind", "") == "blangko") r["stock"] = r.value("stock", 0) * (days + 1);
    const std::string config = work + "/office.json";
    std::ofstream(config) << cfg.dump(2);
    test::HubProcess hub(work + "/hub", {"--config", config, "--manual-clock", "--clock-start",
                                         std::to_string(first_midnight + 7 * 3'600'000)});
    HubClient client(hub.client_options("admin", "offline-days", false, 5000, 0));
    auto play = [&](int d) {
      sim::DayPlan plan = sim::DayPlan::normal();
      plan.arrivals = 300;
      auto r = sim::run_day("day " + std::to_string(d + 1), plan, client, midnight_of(d),
                            2026 + uint64_t(d), 0);
      return r.issued;
    };
    auto hub_last = [&] {
      auto log = district::HubLog::open(work + "/hub/antrian.db");
      if (!log) throw std::runtime_error(log.error().reason);
      return *(*log)->last_seq();
    };
    auto acked = [&] {
      if (!(*admin)->ok()) {
        auto c = district::Pg::connect(pg.admin_conninfo());
        if (!c) return int64_t(-1);
        *admin = std::move(*c);
      }
      auto r = (*admin)->exec("SELECT acked_seq FROM district.site_status WHERE site = $1", {site});
      return r && r->rows() ? r->get_int(0, 0) : int64_t(-1);
    };
    auto wait_caught_up = [&](int64_t seq, int timeout_s) {
      const auto end = Steady::now() + std::chrono::seconds(timeout_s);
      while (Steady::now() < end) {
        if (acked() >= seq) return true;
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
      }
      return false;
    };

    std::vector<std::string> fwd_argv{"/usr/bin/nice", "-n", std::to_string(forwarder_nice), forwarder, "--hub-db",
                                      work + "/hub/antrian.db", "--pg", pg.conninfo(*role, password),
                                      "--idle-ms", "200", "--max-backoff-ms", "1000", "--log-level", "warn"};
    std::string extra;
    std::istringstream words(forwarder_args);
    for (std::string a; words >> a;)
      if (!a.empty()) {
        fwd_argv.push_back(a);
        extra += " " + a;
      }
    // The forwarder's own batch size unless the flags give one.
    std::cerr << "forwarder flags:" << (extra.empty() ? " (its defaults)" : extra) << std::endl;
    test::Child fwd(fwd_argv, work + "/forwarder.log");
    // Day 0, the link up and idle: the forwarder has everything; a kiosk issues.
    if (!wait_caught_up(hub_last(), 120)) throw std::runtime_error("the hub's first events were not forwarded: " + fwd.log());
    auto set_clock = [&](int day, int hour) {
      auto r = client.request("clock_set", {{"now", midnight_of(day) + int64_t(hour) * 3'600'000}});
      if (!r.ok) throw std::runtime_error("clock_set: " + r.error.reason);
    };
    set_clock(0, 9);
    Probe probe(hub);
    probe.phase("idle_before");
    probe.start();
    std::this_thread::sleep_for(std::chrono::seconds(idle_s));
    probe.phase("paused");
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    if (!wait_caught_up(hub_last(), 60)) throw std::runtime_error("the probe's tickets were not forwarded");
    const int64_t acked_before = acked();

    // The link goes down for `days` office days.
    pg.stop();
    int tickets = 0;
    const auto played_from = Steady::now();
    for (int d = 1; d <= days; ++d) {
      tickets += play(d);
      if (d % 5 == 0) std::cerr << "day " << d + 1 << " (link down): " << tickets << " tickets so far" << std::endl;
    }
    const double played_s = ms_since(played_from) / 1000;
    const int64_t backlog_to = hub_last();
    std::cerr << days << " days offline: " << tickets << " tickets, " << backlog_to << " events in the hub's log" << std::endl;
    set_clock(days + 1, 9);  // the morning after: the kiosk issues while the backlog drains
    std::this_thread::sleep_for(std::chrono::seconds(2));  // the forwarder is in its backoff, as after a long outage

    // Reconnect: the centre is back; the forwarder finds it on its next attempt. The
    // kiosk issues on the probe's day all the while.
    probe.phase("catch_up");
    const auto t0 = Steady::now();
    start_centre();
    // A paced catch-up lasts longer than an idle window: the kiosk moves to the next
    // office day every idle_s seconds, so no day gets more of its tickets than an idle
    // window's (a full day's lokets refuse, and a longer queue is not like for like).
    int probe_day = days + 1;
    bool caught_up = false;
    for (auto window = Steady::now(); !caught_up && Steady::now() - t0 < std::chrono::seconds(1800);) {
      caught_up = acked() >= backlog_to;
      if (caught_up) break;
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
      if (Steady::now() - window >= std::chrono::seconds(idle_s)) {
        probe.phase("paused");
        std::this_thread::sleep_for(std::chrono::milliseconds(300));
        set_clock(++probe_day, 9);
        probe.phase("catch_up");
        window = Steady::now();
      }
    }
    if (!caught_up) throw std::runtime_error("no catch-up within 30 min: " + fwd.log());
    const double catch_up_s = ms_since(t0) / 1000;
    // The link idle again, on the next office day (the probe's tickets of this morning
    // would otherwise use up the lokets' capacity for the day and be refused).
    probe.phase("paused");
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    set_clock(probe_day + 1, 9);
    probe.phase("idle_after");
    std::this_thread::sleep_for(std::chrono::seconds(idle_s));
    probe.stop();
    const int64_t last = hub_last();
    if (!wait_caught_up(last, 120)) throw std::runtime_error("the probe's tickets were not forwarded");
    fwd.terminate();

    // Every event once: counted, then compared one by one with the hub's log.
    const int64_t rows = scalar(**admin, "SELECT count(*) FROM district.events WHERE site = $1", site);
    const int64_t distinct = scalar(**admin, "SELECT count(DISTINCT seq) FROM district.events WHERE site = $1", site);
    auto pg_events = (*admin)->exec("SELECT seq, (extract(epoch FROM at) * 1000)::bigint, type, actor "
                                    "FROM district.events WHERE site = $1 ORDER BY seq", {site});
    if (!pg_events) throw std::runtime_error(pg_events.error().reason);
    auto log = district::HubLog::open(work + "/hub/antrian.db");
    if (!log) throw std::runtime_error(log.error().reason);
    auto hub_events = (*log)->after(0, 10'000'000);
    if (!hub_events) throw std::runtime_error(hub_events.error().reason);
    int64_t differ = 0;
    const int n = std::min<int>(pg_events->rows(), int(hub_events->size()));
    for (int i = 0; i < n; ++i) {
      const Event& e = (*hub_events)[size_t(i)];
      if (pg_events->get_int(i, 0) != e.seq || pg_events->get_int(i, 1) != e.at || pg_events->get(i, 2) != e.type ||
          pg_events->get(i, 3) != e.actor)
        ++differ;
    }
    const int64_t lost = std::max<int64_t>(0, int64_t(hub_events->size()) - distinct);
    const int64_t duplicated = rows - distinct;

    auto idle = probe.samples("idle_before");
    for (double x : probe.samples("idle_after")) idle.push_back(x);
    const auto s_idle = bench::summarize(idle), s_catch = bench::summarize(probe.samples("catch_up"));
    const double ratio = s_idle.p99_ms > 0 ? s_catch.p99_ms / s_idle.p99_ms : 0;
    const double ratio50 = s_idle.p50_ms > 0 ? s_catch.p50_ms / s_idle.p50_ms : 0;
    std::cout << "days offline: " << days << " (" << tickets << " tickets, played in " << int(played_s) << " s)\n"
              << "backlog: " << backlog_to - acked_before << " events (seq " << acked_before + 1 << " to " << backlog_to
              << ")\n"
              << "catch-up: " << catch_up_s << " s = " << int((backlog_to - acked_before) / catch_up_s) << " events/s\n"
              << "centre: " << rows << " rows, " << distinct << " distinct seqs, hub log " << hub_events->size()
              << " events, " << differ << " differ (seq, at, type, actor)\n"
              << bench::describe("hub issue, link idle (before + after)", s_idle) << "\n"
              << bench::describe("hub issue, during the catch-up", s_catch) << "\n"
              << "probe refusals: " << probe.errors("idle_before") + probe.errors("idle_after") << " idle, "
              << probe.errors("catch_up") << " during the catch-up" << (probe.first_error().empty() ? "" : " (first: ")
              << probe.first_error() << (probe.first_error().empty() ? "" : ")") << "; p50 ratio " << ratio50 << "\n";
    std::printf("days=%d events=%lld backlog=%lld catchup_s=%.1f lost=%lld duplicated=%lld differ=%lld "
                "idle_p99_ms=%.2f catchup_p99_ms=%.2f latency_ratio=%.2f\n",
                days, (long long)rows, (long long)(backlog_to - acked_before), catch_up_s, (long long)lost,
                (long long)duplicated, (long long)differ, s_idle.p99_ms, s_catch.p99_ms, ratio);
    return lost == 0 && duplicated == 0 && differ == 0 && rows == int64_t(hub_events->size()) ? 0 : 1;
  } catch (const std::exception& e) {
    std::cerr << "antrian-district-offline: " << e.what() << "\n";
    return 2;
  }
}
