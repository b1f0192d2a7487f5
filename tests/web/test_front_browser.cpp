// The web front with a real browser: a page whose stream was refused (every phone
// slot taken) polls, and goes back to the stream by itself once a slot is free.
#include <doctest/doctest.h>

#include <memory>

#include "web_front.h"
#include "webdriver.h"

using namespace antrian::test;

TEST_CASE("front: a status page in Chromium refused a stream polls, then goes back to the stream when a slot is free") {
  // One phone slot in all, taken by another phone.
  FrontedHub f({"ANTRIAN_WEB_PHONE_STREAMS=1"});
  const std::string token = f.issue("A"), other = f.issue("A");
  auto taken = std::make_unique<SseReader>(f.front.port(), "/api/t/" + other + "/events", "127.0.6.1");
  REQUIRE(taken->status() == 200);
  Chromedriver driver;
  TempDir profile_dir;
  Browser phone(driver, 412, 915, profile_dir.path() + "/chrome");
  phone.go(f.front.base() + "/t/" + token);
  REQUIRE(phone.wait_for("document.getElementById('position')"));  // the JSON route answered
  REQUIRE(phone.wait_for("document.body.getAttribute('data-live') == 'poll'"));
  taken.reset();  // the other phone leaves
  CHECK(phone.wait_for("document.body.getAttribute('data-live') == 'stream'", std::chrono::milliseconds(30000)));
  // And it is live: a call shows without waiting for a poll.
  f.command("sign_in", {{"counter", 1}, {"staff", "demo1"}, {"pin", "1234"}});
  f.command("call_next", {{"counter", 1}});  // `token` came first
  CHECK(phone.wait_for("document.getElementById('call')", std::chrono::milliseconds(5000)));
}
