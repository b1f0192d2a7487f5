// antrian-bench-hub: the hub's speed against the raw limits of this machine, all
// measured in one run so the ratios hold on a noisy shared machine.
//   raw CURVE round trip (DEALER <-> ROUTER echo on loopback TCP, CURVE both ends)
//   raw SQLite commit (WAL, synchronous=FULL, one small row per transaction)
// both at the start of the run and again beside each size's own figures (interleaved
// with its latency samples, right before and after each burst): the bars compare the
// hub with the raw limits of the same minutes, since this machine's disk is not the
// same from one minute to the next.
//   per day size (10 / 1,000 / 10,000 / 50,000 tickets): issue and call_next
//     latency, call_next -> ticket_called at a subscriber, issue throughput with
//     1 / 4 / 16 clients, restart until ready, a snapshot's size and what it does
//     to a call_next sent meanwhile, the hub's memory before and after it.
//   then the same bursts against a hub whose database is on tmpfs (a sync costs
//     nothing there): the ceiling a hub that hid its commits could reach.
// The hub runs on a manual clock pinned to a weekday morning (the office's hours
// rule refuses tickets after closing), with no daily quotas. Any refused or missing
// reply ends the run with its reason.
#include <CLI/CLI.hpp>
#include <malloc.h>
#include <unistd.h>
#include <sqlite3.h>

#include <atomic>
#include <cstdarg>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <thread>

#include <nlohmann/json.hpp>
#include <zmq.hpp>
#include <zmq_addon.hpp>

#include "antrian/device_keys.h"
#include "antrian/office_config.h"
#include "bench_client.h"
#include "bench_stats.h"
#include "day_seed.h"
#include "hub_process.h"
#include "raw_limits.h"

using namespace antrian;
using namespace antrian::bench;
using json = nlohmann::json;
using Clk = std::chrono::steady_clock;

namespace {

// Monday 2 March 2026, 08:00 WIB: the office is open, whatever day the bench runs.
constexpr int64_t kClockStartMs = 1772413200000;

double ms_since(Clk::time_point t) { return std::chrono::duration<double, std::milli>(Clk::now() - t).count(); }

// Every figure line is flushed as it is printed: a run cut short keeps what it measured.
void say(const char* fmt, ...) __attribute__((format(printf, 1, 2)));
void say(const char* fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  std::vprintf(fmt, ap);
  va_end(ap);
  std::fflush(stdout);
}

// n samples of one raw limit, one after another (the run's start-of-run figures).
template <class Sample>
Summary sample_n(int n, Sample one) {
  std::vector<double> v;
  for (int i = 0; i < n; ++i) v.push_back(one());
  return summarize(v);
}

// The machine's load (1, 5, 15 min): other jobs on a shared machine move every figure.
std::string load_average() {
  std::ifstream f("/proc/loadavg");
  std::string a, b, c;
  f >> a >> b >> c;
  return a + " " + b + " " + c;
}

json bench_config() {
  json cfg = json::parse(default_office_json());
  for (json& s : cfg["services"]) s["daily_quota"] = 0;  // 0 = no limit
  // The hours rule would stop a 16-kiosk burst at what the lokets can serve by 15:00;
  // the bench measures the hub's own cost, so numbers are limited only by 9999/service.
  cfg["office"]["quota_follows_capacity"] = false;
  return cfg;
}

// A subscriber to the hub's events (a display).
struct Subscriber {
  zmq::context_t ctx{1};
  zmq::socket_t sub{ctx, zmq::socket_type::sub};
  explicit Subscriber(const test::HubProcess& hub) {
    sub.set(zmq::sockopt::subscribe, "ev");
    sub.set(zmq::sockopt::rcvtimeo, 15000);
    curve_client(sub, hub);
    sub.connect("tcp://127.0.0.1:" + std::to_string(hub.pub_port()));
  }
  void wait_for(const std::string& type) {
    for (;;) {
      std::vector<zmq::message_t> frames;
      if (!zmq::recv_multipart(sub, std::back_inserter(frames)))
        throw RunFailed("no " + type + " event within 15 s");
      if (json::parse(frames.back().to_string_view()).value("type", "") == type) return;
    }
  }
  void drain() {
    for (zmq::message_t m; sub.recv(m, zmq::recv_flags::dontwait);) {}
  }
};

struct SizeFigures {
  int tickets = 0;
  double restart_ms = 0;
  Summary issue, call_reply, call_event;
  Summary raw_rtt, raw_commit;         // interleaved with the latency samples, one of each per sample
  double rate[3] = {0, 0, 0};
  double raw_rate[3] = {0, 0, 0};      // raw single-row commits/s right before and after each burst
  double burst_cpu_us[3] = {0, 0, 0};  // the hub's CPU (all threads) per issue in each burst
  double client_cpu_us[3] = {0, 0, 0}; // the bench's own CPU (its client threads) per issue
  double latency_cpu_us = 0;           // the same per command in the latency loop
  Summary burst[3];
  double snapshot_mb = 0, snapshot_ms = 0, delay_p50 = 0, delay_p90 = 0, delay_max = 0, rss_before = 0, rss_after = 0;
  double full_day_mb = 0, full_day_ms = 0;
  Summary call_with, call_without;
};

constexpr int kClients[3] = {1, 4, 16};

// issue (A) -> call_next at loket 1 -> event at the subscriber -> no_show, `n` times,
// each followed by one raw round trip and one raw commit (not at the same time: the
// limits of the same seconds, not a competitor).
void latency(const test::HubProcess& hub, Requester& req, Subscriber& sub, RawLimits& raw, int n, SizeFigures& f) {
  std::vector<double> issue, reply, event, rtt, commit;
  sub.drain();
  const double cpu0 = cpu_seconds(hub.pid());
  for (int i = 0; i < n + 20; ++i) {
    auto t = Clk::now();
    req.call("issue", {{"service", "A"}});
    const double issue_ms = ms_since(t);
    sub.wait_for("ticket_issued");
    t = Clk::now();
    req.call("call_next", {{"counter", 1}});
    const double reply_ms = ms_since(t);
    sub.wait_for("ticket_called");
    if (i >= 20) {  // warm-up
      issue.push_back(issue_ms);
      reply.push_back(reply_ms);
      event.push_back(ms_since(t));
    }
    req.call("no_show", {{"counter", 1}});
    sub.wait_for("ticket_no_show");
    if (i >= 20) {
      rtt.push_back(raw.round_trip_ms());
      commit.push_back(raw.commit_ms());
    }
  }
  f.latency_cpu_us = (cpu_seconds(hub.pid()) - cpu0) * 1e6 / (3.0 * (n + 20));
  f.raw_rtt = summarize(rtt);
  f.raw_commit = summarize(commit);
  f.issue = summarize(issue);
  f.call_reply = summarize(reply);
  f.call_event = summarize(event);
}

// The time `n` raw single-row commits take one after another, in ms.
double raw_commits_ms(RawLimits& raw, int n) {
  double total_ms = 0;
  for (int i = 0; i < n; ++i) total_ms += raw.commit_ms();
  return total_ms;
}

// `burst` issues from k clients at once (services C-F), split between them; then the
// tickets are closed again with bulk_move so the day's open queue stays short.
// The raw commit rate is taken right before and right after each burst (500 commits
// each), so the burst is compared with the disk of its own second.
void throughput(test::HubProcess& hub, RawLimits& raw, int burst, SizeFigures& f) {
  for (int c = 0; c < 3; ++c) {
    const int k = kClients[c], per_client = burst / k;
    std::vector<std::vector<double>> lat(k);
    std::vector<std::string> failed(k);
    std::vector<std::thread> threads;
    std::atomic<int> ready{0};
    std::atomic<bool> go{false};
    for (int i = 0; i < k; ++i)
      threads.emplace_back([&, i] {
        try {
          Requester r(hub);
          r.call("hello", json::object());
          ++ready;
          go.wait(false);  // asleep, not spinning: the raw commits beside the burst get the CPU
          const char* svc[] = {"C", "D", "E", "F"};
          for (int j = 0; j < per_client; ++j) {
            const auto t = Clk::now();
            r.call("issue", {{"service", svc[(i + j) % 4]}});
            lat[i].push_back(ms_since(t));
          }
        } catch (const std::exception& e) {
          failed[i] = e.what();
          ++ready;
        }
      });
    while (ready < k) std::this_thread::sleep_for(std::chrono::milliseconds(1));
    const double raw_before_ms = raw_commits_ms(raw, 500);
    const double cpu0 = cpu_seconds(hub.pid()), own0 = cpu_seconds(getpid());
    const auto t = Clk::now();
    go = true;
    go.notify_all();
    for (auto& th : threads) th.join();
    const double secs = ms_since(t) / 1000.0;
    f.burst_cpu_us[c] = (cpu_seconds(hub.pid()) - cpu0) * 1e6 / double(per_client * k);
    f.client_cpu_us[c] = (cpu_seconds(getpid()) - own0) * 1e6 / double(per_client * k);
    f.raw_rate[c] = 1000.0 * 1000 / (raw_before_ms + raw_commits_ms(raw, 500));
    for (const auto& why : failed)
      if (!why.empty()) throw RunFailed("throughput with " + std::to_string(k) + " clients: " + why);
    std::vector<double> all;
    for (auto& v : lat) all.insert(all.end(), v.begin(), v.end());
    f.rate[c] = double(all.size()) / secs;
    f.burst[c] = summarize(all);
    Requester admin(hub);
    for (const char* s : {"C", "D", "E", "F"}) admin.call("bulk_move", {{"service", s}, {"reason", "bench: closed"}});
  }
}

// The whole day as a client gets it: the snapshot, then every page of the closed
// tickets it left out (history). Returns the bytes received.
size_t full_day(Requester& r, double& snapshot_ms) {
  auto t = Clk::now();
  size_t bytes = r.call("snapshot", json::object()).dump().size();
  snapshot_ms = ms_since(t);
  for (int64_t after = 0;;) {
    const json page = r.call("history", {{"after_id", after}});
    bytes += page.dump().size();
    if (!page["result"].value("more", false)) break;
    after = page["result"]["next_after"];
  }
  return bytes;
}

// A snapshot (and the history pages after it) sent while a call_next is under way:
// how much later the call_next is answered than the size's own call_next p50. Then
// the hub's memory before and after a client took the full day.
void snapshot_effect(test::HubProcess& hub, Requester& req, int trials, SizeFigures& f) {
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  std::vector<double> with, without;
  for (int i = 0; i < trials; ++i) {
    // The control: the same call_next with nothing else in flight.
    req.call("issue", {{"service", "A"}});
    auto c = Clk::now();
    req.call("call_next", {{"counter", 1}});
    without.push_back(ms_since(c));
    req.call("no_show", {{"counter", 1}});
    req.call("issue", {{"service", "A"}});
    std::atomic<bool> sent{false};
    double snap_ms = 0;
    size_t snap_bytes = 0;
    std::string failed;
    std::thread snapper([&] {
      try {
        Requester r(hub, 30000);
        r.call("hello", json::object());
        const auto t = Clk::now();
        sent = true;
        const json s = r.call("snapshot", json::object());
        snap_ms = ms_since(t);
        snap_bytes = s.dump().size();
        for (int p = 0; p < 5; ++p) r.call("history", {{"after_id", p * 1000}});
      } catch (const std::exception& e) {
        failed = e.what();
        sent = true;
      }
    });
    while (!sent) std::this_thread::yield();
    std::this_thread::sleep_for(std::chrono::microseconds(500));  // the snapshot is at the hub first
    const auto t = Clk::now();
    req.call("call_next", {{"counter", 1}});
    with.push_back(ms_since(t));
    snapper.join();
    if (!failed.empty()) throw RunFailed("snapshot: " + failed);
    req.call("no_show", {{"counter", 1}});
    f.snapshot_ms = std::max(f.snapshot_ms, snap_ms);
    f.snapshot_mb = double(snap_bytes) / 1e6;
  }
  // The delay: how much later a call_next is answered with a snapshot in flight than
  // without one, at the median, the 90th percentile and the worst of the trials. The
  // bar is on p50 and p90: a difference of two maxima is the disk's worst fsync of
  // the run (the control's own max is several ms), not the snapshot's cost.
  const Summary w = summarize(with), wo = summarize(without);
  f.delay_p50 = w.p50_ms - wo.p50_ms;
  f.delay_p90 = w.p90_ms - wo.p90_ms;
  f.delay_max = w.max_ms - wo.max_ms;
  f.call_with = w;
  f.call_without = wo;
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  f.rss_before = rss_mb(hub.pid());
  Requester r(hub, 30000);
  double ms = 0;
  const auto t = Clk::now();
  f.full_day_mb = double(full_day(r, ms)) / 1e6;
  f.full_day_ms = ms_since(t);
  std::this_thread::sleep_for(std::chrono::milliseconds(500));
  f.rss_after = rss_mb(hub.pid());
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"antrian-bench-hub: hub latency and throughput against raw ZeroMQ and SQLite"};
  int samples = 300, raw_n = 2000, commits = 2000, burst = 1600, trials = 40;
  std::vector<int> sizes = {10, 1000, 10000, 50000};
  app.add_option("--samples", samples, "issue/call_next samples per day size")->check(CLI::Range(10, 100000));
  app.add_option("--raw", raw_n, "raw ZeroMQ round trips")->check(CLI::Range(10, 1000000));
  app.add_option("--commits", commits, "raw SQLite commits")->check(CLI::Range(10, 100000));
  app.add_option("--burst", burst, "issues in each throughput burst (split between its clients)")
      ->check(CLI::Range(16, 4000));
  app.add_option("--snapshots", trials, "snapshot trials per day size")->check(CLI::Range(1, 1000));
  std::string ceiling_dir = "/dev/shm";
  app.add_option("--ceiling-dir", ceiling_dir,
                 "a tmpfs folder for the hub without a disk (its syncs cost nothing): the most that hiding "
                 "the commits could give (\"\" to skip)");
  app.add_option("--sizes", sizes, "tickets in the day before each round (ascending)")
      ->check(CLI::Range(1, 55000))->delimiter(',');
  CLI11_PARSE(app, argc, argv);
  if (!ceiling_dir.empty() && !std::filesystem::is_directory(ceiling_dir)) {
    std::fprintf(stderr, "--ceiling-dir %s: no such folder (a tmpfs folder such as /dev/shm, or \"\" to skip)\n",
                 ceiling_dir.c_str());
    return 2;
  }

  try {
    test::TempDir dir;
    std::ofstream(dir.path() + "/office.json") << bench_config().dump();
    say("antrian hub benchmark (all figures from this one run); load average %s\n\n", load_average().c_str());
    RawLimits raw(dir.path());
    const Summary rt = sample_n(raw_n, [&] { return raw.round_trip_ms(); });
    say("%s\n", describe("raw CURVE round trip", rt).c_str());
    const Summary commit = sample_n(commits, [&] { return raw.commit_ms(); });
    say("%s\n", describe("raw SQLite commit (WAL, FULL)", commit).c_str());
    const double raw_rate = 1000.0 / commit.mean_ms;
    say("raw single-row commits per second: %.0f\n\n", raw_rate);

    std::vector<SizeFigures> all;
    for (int size : sizes) {
      // A fresh office for each size: the day holds what was seeded plus what is measured.
      SizeFigures f;
      const std::string data = dir.path() + "/data-" + std::to_string(size);
      test::HubProcess hub(data, {"--config", dir.path() + "/office.json", "--manual-clock", "--clock-start",
                                  std::to_string(kClockStartMs)});
      Requester(hub).call("sign_in", {{"counter", 1}, {"staff", "demo1"}, {"pin", "1234"}});
      hub.terminate();
      f.tickets = seed_closed_tickets(data + "/antrian.db", size, kClockStartMs);
      const auto t = Clk::now();
      hub.restart();
      f.restart_ms = ms_since(t);
      Requester req(hub);
      Subscriber sub(hub);
      std::this_thread::sleep_for(std::chrono::milliseconds(300));  // the subscription reaches the hub
      latency(hub, req, sub, raw, samples, f);
      say("day of %5d tickets: restart ready in %4.0f ms; hub CPU %.0f us per command (all threads)\n", f.tickets,
          f.restart_ms, f.latency_cpu_us);
      say("  %s\n", describe("issue reply", f.issue).c_str());
      say("  %s\n", describe("call_next reply", f.call_reply).c_str());
      say("  %s\n", describe("call_next -> event at subscriber", f.call_event).c_str());
      say("  %s\n", describe("raw CURVE round trip, interleaved", f.raw_rtt).c_str());
      say("  %s\n", describe("raw FULL commit, interleaved", f.raw_commit).c_str());
      throughput(hub, raw, burst, f);
      for (int c = 0; c < 3; ++c)
        say("  issue with %2d clients: %5.0f tickets/s (%.2fx raw commits beside it, %.0f/s), p50 %.3f ms, p99 %.3f ms; "
            "hub CPU %.0f us per issue, clients' %.0f us\n", kClients[c], f.rate[c], f.rate[c] / f.raw_rate[c],
            f.raw_rate[c], f.burst[c].p50_ms, f.burst[c].p99_ms, f.burst_cpu_us[c], f.client_cpu_us[c]);
      snapshot_effect(hub, req, trials, f);
      say("  snapshot: %.3f MB in up to %.1f ms; call_next with a snapshot in flight p50 %.2f / p90 %.2f / max %.2f ms, "
          "without p50 %.2f / p90 %.2f / max %.2f ms: %.2f ms later at p50, %.2f ms at p90, %.2f ms at max\n",
          f.snapshot_mb, f.snapshot_ms, f.call_with.p50_ms, f.call_with.p90_ms, f.call_with.max_ms,
          f.call_without.p50_ms, f.call_without.p90_ms, f.call_without.max_ms, f.delay_p50, f.delay_p90, f.delay_max);
      say("  full day (snapshot + every history page): %.2f MB in %.0f ms; hub RSS %.0f MB before, %.0f MB after\n\n",
          f.full_day_mb, f.full_day_ms, f.rss_before, f.rss_after);
      all.push_back(f);
    }

    say("load average at the end %s\n", load_average().c_str());
    const SizeFigures &lo = all.front(), &hi = all.back();
    const double target = rt.p99_ms + commit.p99_ms;
    auto bar = [](bool met) { return met ? "MET" : "MISSED"; };
    say("bars (issue 15), %d tickets against %d:\n", hi.tickets, lo.tickets);
    const double r_ip50 = hi.issue.p50_ms / lo.issue.p50_ms, r_ip99 = hi.issue.p99_ms / lo.issue.p99_ms;
    const double r_cp50 = hi.call_reply.p50_ms / lo.call_reply.p50_ms, r_cp99 = hi.call_reply.p99_ms / lo.call_reply.p99_ms;
    say("  issue p50 %.2fx, p99 %.2fx; call_next p50 %.2fx, p99 %.2fx (bar <= 1.2x): %s\n", r_ip50, r_ip99, r_cp50, r_cp99,
        bar(std::max({r_ip50, r_ip99, r_cp50, r_cp99}) <= 1.2));
    // Each size against the raw limits of its own minutes; the worst size decides.
    // The start-of-run limits are printed too.
    const SizeFigures* ev = &all.front();
    auto event_ratio = [](const SizeFigures& f) { return f.call_event.p99_ms / (f.raw_rtt.p99_ms + f.raw_commit.p99_ms); };
    for (const auto& f : all)
      if (event_ratio(f) > event_ratio(*ev)) ev = &f;
    say("  call->event p99 (worst size, %d tickets) %.3f ms = %.2fx of (raw CURVE RTT p99 + raw FULL commit p99) "
        "%.3f ms interleaved with it (bar <= 1.5x): %s; against the start-of-run limits %.3f ms: %.2fx\n",
        ev->tickets, ev->call_event.p99_ms, event_ratio(*ev), ev->raw_rtt.p99_ms + ev->raw_commit.p99_ms,
        bar(event_ratio(*ev) <= 1.5), target, ev->call_event.p99_ms / target);
    const SizeFigures* th = &all.front();
    for (const auto& f : all)
      if (f.rate[2] / f.raw_rate[2] < th->rate[2] / th->raw_rate[2]) th = &f;
    say("  16 clients issue (worst size, %d tickets) %.0f/s = %.2fx the raw single-row commit rate %.0f/s beside it "
        "(bar >= 1.5x): %s; against the start-of-run rate %.0f/s: %.2fx\n",
        th->tickets, th->rate[2], th->rate[2] / th->raw_rate[2], th->raw_rate[2], bar(th->rate[2] >= 1.5 * th->raw_rate[2]),
        raw_rate, th->rate[2] / raw_rate);
    say("  snapshot at %d tickets delays a concurrent call_next by %.2f ms at p50, %.2f ms at p90 (bar < 5 ms), "
        "%.2f ms at max; the snapshot answered in up to %.1f ms: %s\n",
        hi.tickets, hi.delay_p50, hi.delay_p90, hi.delay_max, hi.snapshot_ms, bar(std::max(hi.delay_p50, hi.delay_p90) < 5));
    say("  hub RSS after a client took the full day %.0f MB, before %.0f MB (bar: within 50 MB): %s\n", hi.rss_after,
        hi.rss_before,
        bar(hi.rss_after - hi.rss_before <= 50));
    if (!ceiling_dir.empty()) {
      // The same bursts against a hub whose database is on tmpfs, where a sync returns at
      // once: what a hub that committed on another thread (or never waited for the disk)
      // could reach at best, against the same disk's raw commits beside it.
      test::TempDir shm(ceiling_dir);
      SizeFigures c;
      test::HubProcess hub(shm.path() + "/data", {"--config", dir.path() + "/office.json", "--manual-clock",
                                                  "--clock-start", std::to_string(kClockStartMs)});
      throughput(hub, raw, burst, c);
      say("ceiling without a disk (the hub's database on tmpfs %s, the raw commits on the disk):\n", ceiling_dir.c_str());
      for (int k = 0; k < 3; ++k)
        say("  issue with %2d clients: %5.0f tickets/s (%.2fx raw commits beside it, %.0f/s); hub CPU %.0f us per issue, "
            "clients' %.0f us\n", kClients[k], c.rate[k], c.rate[k] / c.raw_rate[k], c.raw_rate[k], c.burst_cpu_us[k],
            c.client_cpu_us[k]);
      say("  16 clients without syncs %.0f/s = %.2fx the raw commit rate (bar >= 1.5x with syncs): %s\n", c.rate[2],
          c.rate[2] / c.raw_rate[2], c.rate[2] >= 1.5 * c.raw_rate[2] ? "within reach of a writer thread"
                                                                       : "out of reach by hiding the commit alone");
    }
    return 0;
  } catch (const std::exception& e) {
    say("\nFAILED: %s\n", e.what());
    return 1;
  }
}
