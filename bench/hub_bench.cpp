// antrian-bench-hub: the hub's speed against the raw limits of this machine, all
// measured in one run so the ratios hold on a noisy shared machine.
//   raw ZeroMQ round trip (DEALER <-> ROUTER echo on loopback TCP)
//   raw SQLite commit (WAL, synchronous=FULL, one small row per transaction)
//   call_next request sent -> ticket_called event received by a subscriber
//   tickets issued per second (one kiosk, and four at once)
//   hub restart with a full day of tickets, until it answers
#include <CLI/CLI.hpp>
#include <sqlite3.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <thread>

#include <nlohmann/json.hpp>
#include <zmq.hpp>
#include <zmq_addon.hpp>

#include "antrian/office_config.h"
#include "bench_stats.h"
#include "hub_process.h"

using namespace antrian;
using namespace antrian::bench;
using json = nlohmann::json;
using Clk = std::chrono::steady_clock;

namespace {

double ms_since(Clk::time_point t) { return std::chrono::duration<double, std::milli>(Clk::now() - t).count(); }

Summary raw_zmq_round_trip(int n) {
  zmq::context_t ctx{1};
  zmq::socket_t router(ctx, zmq::socket_type::router);
  // CURVE on both ends, as between the hub and its clients (no ZAP handler: any key).
  const CurveKeyPair server = generate_curve_keys(), client = generate_curve_keys();
  router.set(zmq::sockopt::curve_server, true);
  router.set(zmq::sockopt::curve_secretkey, server.secret_key);
  router.bind("tcp://127.0.0.1:*");
  const std::string ep = router.get(zmq::sockopt::last_endpoint);
  std::atomic<bool> stop{false};
  std::thread echo([&] {
    while (!stop) {
      zmq::pollitem_t item{router.handle(), 0, ZMQ_POLLIN, 0};
      zmq::poll(&item, 1, std::chrono::milliseconds(50));
      if (!(item.revents & ZMQ_POLLIN)) continue;
      std::vector<zmq::message_t> frames;
      if (!zmq::recv_multipart(router, std::back_inserter(frames))) continue;
      zmq::send_multipart(router, frames);
    }
  });
  zmq::socket_t dealer(ctx, zmq::socket_type::dealer);
  dealer.set(zmq::sockopt::curve_serverkey, server.public_key);
  dealer.set(zmq::sockopt::curve_publickey, client.public_key);
  dealer.set(zmq::sockopt::curve_secretkey, client.secret_key);
  dealer.connect(ep);
  const std::string payload(200, 'x');  // about the size of a call_next request
  std::vector<double> samples;
  for (int i = 0; i < n + 100; ++i) {
    const auto t = Clk::now();
    dealer.send(zmq::buffer(payload));
    zmq::message_t m;
    if (!dealer.recv(m)) break;
    if (i >= 100) samples.push_back(ms_since(t));  // skip warm-up
  }
  stop = true;
  echo.join();
  return summarize(samples);
}

Summary raw_sqlite_commit(const std::string& dir, int n) {
  sqlite3* db = nullptr;
  sqlite3_open((dir + "/raw.db").c_str(), &db);
  sqlite3_exec(db, "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;"
                   "CREATE TABLE t (id INTEGER PRIMARY KEY, data TEXT)", nullptr, nullptr, nullptr);
  sqlite3_stmt* ins = nullptr;
  sqlite3_prepare_v2(db, "INSERT INTO t (data) VALUES (?)", -1, &ins, nullptr);
  const std::string row(600, 'y');  // about an event plus its ticket row
  std::vector<double> samples;
  for (int i = 0; i < n; ++i) {
    const auto t = Clk::now();
    sqlite3_exec(db, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr);
    sqlite3_reset(ins);
    sqlite3_bind_text(ins, 1, row.c_str(), -1, SQLITE_STATIC);
    sqlite3_step(ins);
    sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr);
    samples.push_back(ms_since(t));
  }
  sqlite3_finalize(ins);
  sqlite3_close(db);
  return summarize(samples);
}

void curve_client(zmq::socket_t& s, const test::HubProcess& hub) {
  auto keys = load_client_keys(hub.admin_key_file(), hub.hub_key_file());
  if (!keys) throw std::runtime_error(keys.error().reason);
  s.set(zmq::sockopt::curve_serverkey, keys->hub_public_key);
  s.set(zmq::sockopt::curve_publickey, keys->public_key);
  s.set(zmq::sockopt::curve_secretkey, keys->secret_key);
}

class Requester {
 public:
  // Every request as the hub's own admin key (admins may send every command).
  explicit Requester(const test::HubProcess& hub) : sock_(ctx_, zmq::socket_type::dealer) {
    curve_client(sock_, hub);
    sock_.connect(hub.address());
  }
  json call(const std::string& cmd, json args, const std::string& role = "admin") {
    sock_.send(zmq::buffer(json{{"v", 1}, {"id", "b" + std::to_string(next_++) + "-" + std::to_string(uintptr_t(this))},
                                {"cmd", cmd}, {"role", role}, {"args", args}}.dump()));
    zmq::message_t m;
    if (!sock_.recv(m)) throw std::runtime_error("no reply");
    return json::parse(m.to_string_view());
  }

 private:
  zmq::context_t ctx_{1};
  zmq::socket_t sock_;
  long next_ = 0;
};

json unlimited_config() {
  json cfg = json::parse(default_office_json());
  for (json& s : cfg["services"]) s["daily_quota"] = 0;
  return cfg;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"antrian-bench-hub: hub latency and throughput against raw ZeroMQ and SQLite"};
  int calls = 1000, raw_n = 2000, commits = 2000, issues = 1000, restart_tickets = 10000;
  app.add_option("--calls", calls, "call_next samples")->check(CLI::Range(10, 100000));
  app.add_option("--raw", raw_n, "raw ZeroMQ round trips")->check(CLI::Range(10, 1000000));
  app.add_option("--commits", commits, "raw SQLite commits")->check(CLI::Range(10, 100000));
  app.add_option("--issues", issues, "tickets for the throughput figure")->check(CLI::Range(10, 100000));
  app.add_option("--restart-tickets", restart_tickets, "tickets in the database before the restart test (0 skips it)")
      ->check(CLI::Range(0, 100000));
  CLI11_PARSE(app, argc, argv);

  test::TempDir dir;
  std::ofstream(dir.path() + "/office.json") << unlimited_config().dump();
  std::printf("antrian hub benchmark (all figures from this one run)\n\n");

  const Summary rt = raw_zmq_round_trip(raw_n);
  std::printf("%s\n", describe("raw ZeroMQ round trip", rt).c_str());
  const Summary commit = raw_sqlite_commit(dir.path(), commits);
  std::printf("%s\n", describe("raw SQLite commit (WAL, FULL)", commit).c_str());

  test::HubProcess hub(dir.path() + "/data", {"--config", dir.path() + "/office.json"});
  Requester req(hub);
  for (int c : {1, 2}) req.call("sign_in", {{"counter", c}, {"staff", c == 1 ? "demo1" : "demo2"}, {"pin", "1234"}});

  // call_next -> event at a subscriber.
  zmq::context_t ctx{1};
  zmq::socket_t sub(ctx, zmq::socket_type::sub);
  sub.set(zmq::sockopt::subscribe, "ev");
  curve_client(sub, hub);
  sub.connect("tcp://127.0.0.1:" + std::to_string(hub.pub_port()));
  std::this_thread::sleep_for(std::chrono::milliseconds(300));  // let the subscription reach the hub
  for (int i = 0; i < calls + 20; ++i) req.call("issue", {{"service", "A"}});
  // Drain the issue events.
  for (zmq::message_t m; sub.recv(m, zmq::recv_flags::dontwait);) {}
  std::vector<double> call_samples, call_reply_samples;
  for (int i = 0; i < calls + 20; ++i) {
    const auto t = Clk::now();
    req.call("call_next", {{"counter", 1}});
    const double reply_ms = ms_since(t);
    for (;;) {
      std::vector<zmq::message_t> frames;
      if (!zmq::recv_multipart(sub, std::back_inserter(frames))) break;
      if (json::parse(frames.back().to_string_view()).value("type", "") == "ticket_called") break;
    }
    if (i >= 20) {
      call_samples.push_back(ms_since(t));
      call_reply_samples.push_back(reply_ms);
    }
    req.call("no_show", {{"counter", 1}});
    for (zmq::message_t m; sub.recv(m, zmq::recv_flags::dontwait);) {}
  }
  const Summary call = summarize(call_samples);
  std::printf("%s\n", describe("call_next reply", summarize(call_reply_samples)).c_str());
  std::printf("%s\n", describe("call_next -> event at subscriber", call).c_str());
  const double target = rt.p99_ms + commit.p99_ms;
  std::printf("\n  bar: call-to-event p99 within 2x of (raw round trip p99 + raw commit p99) = 2 x %.3f ms\n", target);
  std::printf("  ratio p99: %.2f  (%s)\n", call.p99_ms / target, call.p99_ms <= 2 * target ? "MEETS the bar" : "MISSES the bar");
  std::printf("  ratio p50: %.2f of (raw round trip p50 + raw commit p50)\n\n", call.p50_ms / (rt.p50_ms + commit.p50_ms));

  // Throughput: one kiosk, then four kiosks at once.
  auto issue_rate = [&](int kiosks) {
    std::vector<std::thread> threads;
    const auto t = Clk::now();
    for (int k = 0; k < kiosks; ++k)
      threads.emplace_back([&] {
        Requester r(hub);
        for (int i = 0; i < issues / kiosks; ++i) r.call("issue", {{"service", "C"}});
      });
    for (auto& th : threads) th.join();
    return double(issues / kiosks * kiosks) / (ms_since(t) / 1000.0);
  };
  const double one = issue_rate(1), four = issue_rate(4);
  std::printf("tickets issued per second: %.0f (one kiosk), %.0f (four kiosks); raw commits per second: %.0f\n",
              one, four, 1000.0 / commit.mean_ms);

  if (restart_tickets > 0) {
    const int have = calls + 20 + (issues / 4) * 4 + issues;
    Requester r(hub);
    for (int i = have; i < restart_tickets; ++i) r.call("issue", {{"service", "D"}});
    hub.kill9();
    const auto t = Clk::now();
    hub.restart();
    const double ready_ms = ms_since(t);
    Requester after(hub);
    const json snap = after.call("snapshot", json::object());
    std::printf("hub restart with %zu tickets today: ready (JSON line printed) in %.0f ms%s\n",
                snap["result"]["state"]["tickets"].size(), ready_ms, ready_ms < 1000 ? " (under 1 s)" : " (OVER 1 s)");
  }
  return 0;
}
