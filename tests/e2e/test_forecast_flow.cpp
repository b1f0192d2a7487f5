// The hub's forecast reaches every screen: the mirror of a display holds the same
// figures as the hub's HTTP state, the issued ticket promises what the kiosk showed,
// and the shared-loket order of issue 13 shows through a real hub.
#include <doctest/doctest.h>
#include <httplib.h>

#include <cstdlib>

#include "antrian/eta.h"
#include "antrian/forecast.h"
#include "antrian/hub_client.h"
#include "antrian/model_json.h"
#include "eventually.h"
#include "hub_process.h"

using namespace antrian;
using namespace antrian::test;

TEST_CASE("the forecast travels with the snapshot and after every change, and every screen reads the same figure") {
  TempDir dir;
  HubProcess hub(dir.path());
  HubClientOptions admin_options = hub.client_options("admin", "test-admin", /*mirror=*/false);
  HubClient display(hub.client_options("display", "test-display"));
  REQUIRE(eventually([&] { return display.synced(); }));
  HubClient admin(admin_options);
  REQUIRE(admin.request("sign_in", {{"counter", 2}, {"staff", "demo1"}, {"pin", "1234"}}).ok);
  REQUIRE(admin.request("issue", {{"service", "B"}}).ok);
  REQUIRE(admin.request("call_next", {{"counter", 2}}).ok);
  const int64_t b2 = admin.request("issue", {{"service", "B"}}).result["ticket"]["id"];
  int64_t a4 = 0;
  int64_t last_seq = 0;
  for (int i = 0; i < 4; ++i) {
    auto r = admin.request("issue", {{"service", "A"}});
    INFO(r.error.reason);
    REQUIRE(r.ok);
    a4 = r.result["ticket"]["id"];
    last_seq = r.result["seq"];
  }
  // The display's mirror gets the hub's forecast for the state it holds.
  REQUIRE(eventually([&] { return display.with_state([&](const OfficeState& s) { return s.forecast.seq == last_seq; }); }));
  display.with_state([&](const OfficeState& s) {
    const int64_t now = s.forecast.made_at;
    const auto wb = eta_for_ticket(s, s.tickets.at(b2), now), wa = eta_for_ticket(s, s.tickets.at(a4), now);
    REQUIRE(wb);
    REQUIRE(wa);
    CHECK(*wb > *wa);  // B-002 is called after A-004 at loket 2 (A first, then B)
  });
  // The hub's HTTP state carries the same forecast.
  httplib::Client http("127.0.0.1", hub.http_port());
  auto state = http.Get("/api/state");
  REQUIRE(state);
  const auto j = nlohmann::json::parse(state->body);
  display.with_state([&](const OfficeState& s) { CHECK(j["forecast"] == to_json(s.forecast)); });
  // What the kiosk shows before a ticket is what the ticket promises.
  const auto shown = display.with_state(
      [&](const OfficeState& s) { return eta_for_new_ticket(s, "A", Priority::reguler, display.hub_now_ms()); });
  REQUIRE(shown);
  auto r = admin.request("issue", {{"service", "A"}});
  REQUIRE(r.ok);
  CHECK(std::llabs(r.result["eta_s"].get<int64_t>() - *shown) <= 2);
  CHECK(r.result["eta_low_s"].get<int64_t>() <= r.result["eta_s"].get<int64_t>());
  CHECK(r.result["eta_high_s"].get<int64_t>() >= r.result["eta_s"].get<int64_t>());
  // A fresh client gets the forecast in its snapshot, before any new change.
  HubClient late(hub.client_options("display", "test-late"));
  REQUIRE(eventually([&] { return late.synced(); }));
  late.with_state([&](const OfficeState& s) { CHECK(s.forecast.seq == s.seq); });
}
