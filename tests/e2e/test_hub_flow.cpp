// The basic flow through a real hub: a ticket issued and called reaches a subscriber.
#include <doctest/doctest.h>
#include <httplib.h>

#include <atomic>
#include <chrono>
#include <mutex>
#include <thread>

#include "antrian/hub_client.h"
#include "eventually.h"
#include "hub_process.h"

using namespace antrian;
using namespace antrian::test;
using namespace std::chrono_literals;

TEST_CASE("issue and call: the subscriber sees both events and the same state") {
  TempDir dir;
  HubProcess hub(dir.path());
  // Keys first: registering one is itself an event.
  HubClientOptions admin_options = hub.client_options("admin", "test-admin", /*mirror=*/false);
  HubClient display(hub.client_options("display", "test-display"));
  std::mutex mu;
  std::vector<std::string> seen;
  display.on_event([&](const Event& e, bool live) {
    std::lock_guard l(mu);
    if (live && e.type != "day_started") seen.push_back(e.type);
  });
  REQUIRE(eventually([&] { return display.synced(); }));
  CHECK(display.online());

  HubClient admin(admin_options);
  auto issued = admin.request("issue", {{"service", "A"}});
  REQUIRE(issued.ok);
  CHECK(issued.result["ticket"]["label"] == "A-001");
  CHECK(issued.result["ticket"]["token"].get<std::string>().size() == 32);
  REQUIRE(admin.request("sign_in", {{"counter", 2}, {"staff", "demo1"}, {"pin", "1234"}}).ok);
  auto called = admin.request("call_next", {{"counter", 2}});
  REQUIRE(called.ok);
  const int64_t seq = called.result["seq"];
  REQUIRE(eventually([&] { return display.seq() == seq; }));
  {
    std::lock_guard l(mu);
    CHECK(seen == std::vector<std::string>{"ticket_issued", "counter_changed", "ticket_called"});
  }
  display.with_state([](const OfficeState& s) {
    REQUIRE(s.tickets.size() == 1);
    const Ticket& t = s.tickets.begin()->second;
    CHECK(t.state == TicketState::called);
    CHECK(t.counter == 2);
    CHECK(t.token.empty());  // tokens are never published
    CHECK(s.staff.at("demo1").pin_hash.empty());
  });
}

TEST_CASE("HTTP: healthz, metrics and the state as JSON") {
  TempDir dir;
  HubProcess hub(dir.path());
  HubClient admin(hub.client_options("admin", "t", false));
  REQUIRE(admin.request("issue", {{"service", "C"}}).ok);
  httplib::Client http("127.0.0.1", hub.http_port());
  auto health = http.Get("/healthz");
  REQUIRE(health);
  CHECK(health->status == 200);
  CHECK(nlohmann::json::parse(health->body)["ok"] == true);
  auto metrics = http.Get("/metrics");
  REQUIRE(metrics);
  CHECK(metrics->body.find("antrian_tickets_issued_today{service=\"C\"} 1") != std::string::npos);
  CHECK(metrics->body.find("antrian_request_duration_seconds_count") != std::string::npos);
  auto state = http.Get("/api/state");
  REQUIRE(state);
  auto j = nlohmann::json::parse(state->body);
  CHECK(j["tickets"].size() == 1);
  CHECK_FALSE(j["tickets"][0].contains("token"));
  CHECK(j["summaries"].size() == 6);
  auto missing = http.Get("/no/such/page");
  REQUIRE(missing);
  CHECK(missing->status == 404);
  CHECK(nlohmann::json::parse(missing->body).contains("error"));
}

TEST_CASE("a client that hears nothing for 3 s is offline, keeps the state, and resyncs") {
  TempDir dir;
  HubProcess hub(dir.path());
  HubClient admin(hub.client_options("admin", "t", false, 500, 1));
  HubClient display(hub.client_options("display", "d"));
  REQUIRE(admin.request("issue", {{"service", "A"}}).ok);
  REQUIRE(eventually([&] { return display.synced() && display.seq() >= 4; }));
  hub.kill9();
  const auto killed = std::chrono::steady_clock::now();
  REQUIRE(eventually([&] { return !display.online(); }, 5000ms));
  const auto noticed = std::chrono::steady_clock::now() - killed;
  CHECK(noticed <= 3000ms);  // 2 s of silence + up to 1 s since the last heartbeat
  CHECK(display.state_copy().tickets.size() == 1);  // the last state stays on screen
  hub.restart();
  REQUIRE(admin.request("issue", {{"service", "A"}}).ok);
  const auto restarted = std::chrono::steady_clock::now();
  REQUIRE(eventually([&] { return display.online() && display.state_copy().tickets.size() == 2; }, 5000ms));
  CHECK(std::chrono::steady_clock::now() - restarted < 3000ms);
}
