// A bulk-moved ticket of an earlier day that joined the come-back list: its status
// page follows the list live through the real web front (nginx + nchan), like today's
// tickets: its place, then the invitation pushed the moment the printers are back,
// with no personal data in what is pushed.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "web_front.h"

using namespace antrian::test;
using json = nlohmann::json;

TEST_CASE("front: an earlier day's bulk-moved ticket gets its come-back invitation pushed live") {
  FrontedHub f({}, "127.0.0.1", {"--manual-clock"});
  constexpr int64_t kMonday9 = 1'772'416'800'000;  // Mon 2 Mar 2026 09:00 WIB, the hub's start
  auto at = [&](int64_t day, int hh, int mm) {
    f.command("clock_set", {{"now", kMonday9 + day * 86'400'000 + ((hh - 9) * 60 + mm) * 60'000}});
  };
  // Monday: a B ticket, then the card printers stop and B's line is moved off.
  const std::string token = f.issue("B");
  auto halt = f.admin.request("disruption_set", {{"resource", "printers"}, {"level", "down"}});
  REQUIRE(halt.ok);
  f.command("bulk_move", {{"service", "B"}, {"reason", "printer kartu rusak"}});
  auto joined = f.admin.request("comeback_join", {{"token", token}});
  REQUIRE(joined.ok);
  const std::string code = joined.result["code"];

  // Tuesday 08:30, printers still down: the ticket is no longer today's.
  at(1, 8, 30);
  f.command("sign_in", {{"counter", 2}, {"staff", "demo1"}, {"pin", "1234"}});
  SseReader phone(f.front.port(), "/api/t/" + token + "/events", "127.0.0.2");
  REQUIRE(phone.status() == 200);
  const std::string first = phone.wait_for("ticket", "\"today\":false", 3000);
  REQUIRE_FALSE(first.empty());
  CHECK(first.find("\"state\":\"waiting\"") != std::string::npos);  // the come-back entry's
  CHECK(first.find(code) != std::string::npos);                     // the holder's own code

  // 08:40 the printers are back: the invitation reaches the open page at once.
  at(1, 8, 40);
  f.command("disruption_clear", {{"id", halt.result["disruption"]["id"]}});
  const std::string invited = phone.wait_for("ticket", "\"state\":\"invited\"", 5000);
  REQUIRE_FALSE(invited.empty());
  CHECK(invited.find("Datang antara") != std::string::npos);
  CHECK(invited.find("\"today\":false") != std::string::npos);
  CHECK(invited.find("phone") == std::string::npos);  // the entry carries no personal data
  // The page's JSON says the same (a phone that polls).
  auto page = f.http.Get(("/api/t/" + token).c_str());
  REQUIRE(page);
  CHECK(json::parse(page->body)["view"]["comeback"]["state"] == "invited");
}
