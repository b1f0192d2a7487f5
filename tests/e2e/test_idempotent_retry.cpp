// A retried request id never acts twice: not while the hub runs, not after a crash.
#include <doctest/doctest.h>

#include "hub_process.h"
#include "raw_client.h"

using namespace antrian::test;
using nlohmann::json;

TEST_CASE("the same request id twice issues one ticket and returns the first answer") {
  TempDir dir;
  HubProcess hub(dir.path());
  RawClient c(hub);
  const json first = c.request("kiosk-1-0001", "issue", {{"service", "B"}}, "kiosk");
  const json again = c.request("kiosk-1-0001", "issue", {{"service", "B"}}, "kiosk");
  REQUIRE(first["ok"] == true);
  CHECK(again == first);
  const json other = c.request("kiosk-1-0002", "issue", {{"service", "B"}}, "kiosk");
  CHECK(other["result"]["ticket"]["label"] == "B-002");
  const json snap = c.request("s", "snapshot", json::object(), "display");
  CHECK(snap["result"]["state"]["tickets"].size() == 2);
}

TEST_CASE("a retry after the hub was killed gets the stored answer, not a second ticket") {
  TempDir dir;
  HubProcess hub(dir.path());
  json first;
  {
    RawClient c(hub);
    first = c.request("kiosk-7-0001", "issue", {{"service", "A"}}, "kiosk");
    REQUIRE(first["ok"] == true);
  }
  hub.kill9();
  hub.restart();
  RawClient c(hub);
  const json again = c.request("kiosk-7-0001", "issue", {{"service", "A"}}, "kiosk");
  CHECK(again == first);
  const json snap = c.request("s", "snapshot", json::object(), "display");
  CHECK(snap["result"]["state"]["tickets"].size() == 1);
  CHECK(c.request("kiosk-7-0002", "issue", {{"service", "A"}}, "kiosk")["result"]["ticket"]["label"] == "A-002");
}
