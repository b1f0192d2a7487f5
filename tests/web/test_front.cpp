// The web front (nginx + nchan, packaging/nginx/) with a real hub publishing to it:
// live pages, its limits, path tricks, and the office working with the web down.
#include <doctest/doctest.h>

#include <memory>
#include <vector>

#include <nlohmann/json.hpp>

#include "eventually.h"
#include "web_front.h"

using namespace antrian::test;
using json = nlohmann::json;

TEST_CASE("front: a call reaches the ticket's page and the TV through the front at once") {
  FrontedHub f;
  const std::string token = f.issue("A");
  f.command("sign_in", {{"counter", 1}, {"staff", "demo1"}, {"pin", "1234"}});
  SseReader phone(f.front.port(), "/api/t/" + token + "/events", "127.0.0.2");
  SseReader tv(f.front.port(), "/api/display/events?services=A,B", "127.0.0.3");
  REQUIRE(phone.status() == 200);
  REQUIRE(tv.status() == 200);
  CHECK(phone.head().find("text/event-stream") != std::string::npos);
  // The current view comes at once, then the hub's clock.
  CHECK_FALSE(phone.wait_for("ticket", "\"state\":\"waiting\"", 3000).empty());
  CHECK_FALSE(phone.wait_for("ping", "\"now\":", 3000).empty());
  f.command("call_next", {{"counter", 1}});
  const std::string called = phone.wait_for("ticket", "\"state\":\"called\"", 3000);
  CHECK(called.find("\"name\":\"Loket 1\"") != std::string::npos);
  CHECK_FALSE(tv.wait_for("display", "\"label\":\"A-001\"", 3000).empty());
  // The JSON page data still comes from the hub through the front.
  auto page = f.http.Get(("/t/" + token).c_str());
  REQUIRE(page);
  CHECK(page->status == 200);
  CHECK(page->get_header_value("Content-Type").find("text/html") == 0);
}

TEST_CASE("front: unknown, upper-case and malformed tokens get the hub's answer, no stream") {
  FrontedHub f;
  const std::string token = f.issue("A");
  std::string upper = token;
  for (char& c : upper) c = char(std::toupper(static_cast<unsigned char>(c)));
  for (const std::string& bad : {std::string("0123456789abcdef0123456789abcdef"), upper, token + "0"}) {
    SseReader s(f.front.port(), "/api/t/" + bad + "/events", "127.0.0.4");
    CHECK(s.status() == 404);
  }
  SseReader ok(f.front.port(), "/api/t/" + token + "/events", "127.0.0.4");
  CHECK(ok.status() == 200);
}

TEST_CASE("front: static files come from nginx with their type, and path tricks are refused") {
  FrontedHub f;
  auto css = f.http.Get("/static/style.css");
  REQUIRE(css);
  CHECK(css->status == 200);
  CHECK(css->get_header_value("Content-Type").find("text/css") == 0);
  CHECK(css->get_header_value("X-Content-Type-Options") == "nosniff");
  for (const char* trick : {"/static/style.css%00.js", "/static/style.css%2500.js", "/static/../status.html",
                            "/static/%2e%2e/status.html", "/static/style.css/.js", "/static/.hidden.js"}) {
    const RawAnswer a = raw_request(f.front.port(), "127.0.0.5", "GET", trick);
    INFO(trick << " -> " << a.status);
    CHECK((a.status == 400 || a.status == 404));
    CHECK(a.head.find("text/javascript") == std::string::npos);
  }
}

TEST_CASE("front: TVs have slots of their own and streams are limited per address") {
  // Small limits so the test needs few sockets: 3 phones per address, 5 in all.
  FrontedHub f({"ANTRIAN_WEB_PHONE_STREAMS_PER_ADDR=3", "ANTRIAN_WEB_PHONE_STREAMS=5"});
  const std::string token = f.issue("A");
  std::vector<std::unique_ptr<SseReader>> open;
  auto phone = [&](const std::string& ip) {
    open.push_back(std::make_unique<SseReader>(f.front.port(), "/api/t/" + token + "/events", ip));
    return open.back()->status();
  };
  for (int i = 0; i < 3; ++i) CHECK(phone("127.0.1.1") == 200);
  CHECK(phone("127.0.1.1") == 503);  // this address has its three
  CHECK(phone("127.0.1.2") == 200);
  CHECK(phone("127.0.1.3") == 200);
  CHECK(phone("127.0.1.4") == 503);  // every phone slot is taken
  // A TV still gets its stream; TVs too are limited per address (4).
  for (int i = 0; i < 4; ++i) {
    open.push_back(std::make_unique<SseReader>(f.front.port(), "/api/display/events", "127.0.1.9"));
    CHECK(open.back()->status() == 200);
  }
  open.push_back(std::make_unique<SseReader>(f.front.port(), "/api/display/events", "127.0.1.9"));
  CHECK(open.back()->status() == 503);
  // A closed stream frees its slot.
  open.erase(open.begin());
  CHECK(eventually([&] { return phone("127.0.1.1") == 200; }));
}

TEST_CASE("front: the admin hall streams only with a session, and sign-in limits are per address") {
  FrontedHub f;
  SseReader anon(f.front.port(), "/api/admin/events", "127.0.2.1");
  CHECK(anon.status() == 401);
  // An attacker's address uses up its own budget...
  int limited = 0;
  for (int i = 0; i < 12; ++i) {
    const RawAnswer a = raw_request(f.front.port(), "127.0.2.66", "POST", "/api/admin/login",
                                    "Content-Type: application/json\r\n",
                                    json{{"staff", "admin"}, {"pin", "guess" + std::to_string(i)}}.dump());
    limited += a.status == 429;
  }
  CHECK(limited >= 6);
  // ...and never the admin's: from another address the right PIN still works.
  const RawAnswer ok = raw_request(f.front.port(), "127.0.2.2", "POST", "/api/admin/login",
                                   "Content-Type: application/json\r\n", json{{"staff", "admin"}, {"pin", "admin1234"}}.dump());
  REQUIRE(ok.status == 200);
  const std::size_t at = ok.head.find("Set-Cookie: ");
  REQUIRE(at != std::string::npos);
  const std::string cookie = ok.head.substr(at + 12, ok.head.find(';', at) - at - 12);
  SseReader hall(f.front.port(), "/api/admin/events", "127.0.2.2", cookie);
  REQUIRE(hall.status() == 200);
  CHECK_FALSE(hall.wait_for("overview", "\"totals\"", 3000).empty());
}

TEST_CASE("front: the office works with the web down, and live pages resume when it is back") {
  FrontedHub f;
  const std::string token = f.issue("A");
  f.front.stop();
  // The programs use ZeroMQ: issuing, signing in and calling go on.
  const std::string second = f.issue("A");
  f.command("sign_in", {{"counter", 1}, {"staff", "demo1"}, {"pin", "1234"}});
  f.command("call_next", {{"counter", 1}});
  // The front comes back empty; the hub publishes everything again and the page is current.
  FrontProcess again(f.front_dir.path(), f.hub.http_port());
  SseReader phone(again.port(), "/api/t/" + token + "/events", "127.0.3.1");
  REQUIRE(phone.status() == 200);
  CHECK_FALSE(phone.wait_for("ticket", "\"state\":\"called\"", 5000).empty());
  SseReader other(again.port(), "/api/t/" + second + "/events", "127.0.3.1");
  CHECK_FALSE(other.wait_for("ticket", "\"position\":1", 5000).empty());
}

TEST_CASE("front: stream lookups are limited per phone's address, not once for the whole front") {
  FrontedHub f;
  auto unknown = [](int i) {
    char t[33];
    std::snprintf(t, sizeof t, "%032x", i + 1);
    return "/api/t/" + std::string(t) + "/events";
  };
  // Twelve phones behind twelve addresses, each with a typo: all told "unknown".
  for (int i = 0; i < 12; ++i) {
    SseReader s(f.front.port(), unknown(i), "127.0.4." + std::to_string(i + 1));
    CHECK(s.status() == 404);
  }
  // One address typing twelve codes: the last ones wait.
  int limited = 0;
  for (int i = 0; i < 12; ++i) {
    SseReader s(f.front.port(), unknown(100 + i), "127.0.5.1");
    limited += s.status() == 429;
  }
  CHECK(limited == 2);
}
