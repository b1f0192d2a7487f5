// The web's small parts on their own: rate limits, sessions, the live-stream cap and
// the call log the display speaks from.
#include <doctest/doctest.h>

#include <thread>

#include "antrian/protocol.h"
#include "web/admin_sessions.h"
#include "web/call_log.h"
#include "web/change_feed.h"
#include "web/display_view.h"
#include "web/http_util.h"
#include "web/rate_limiter.h"
#include "web/ticket_status.h"

using namespace antrian;
using namespace antrian::web;

TEST_CASE("parts: a token bucket allows a burst, then refills at its rate, per key") {
  RateLimiter r(3, 60);  // 3 at once, one a second
  r.set_now_for_test(1000);
  int wait = 0;
  CHECK(r.allow("a", 1, wait));
  CHECK(r.allow("a", 1, wait));
  CHECK(r.allow("a", 1, wait));
  CHECK_FALSE(r.allow("a", 1, wait));
  CHECK(wait == 1);
  CHECK(r.allow("b", 1, wait));  // another address is not slowed down
  r.set_now_for_test(2000);
  CHECK(r.has("a", 1, wait));
  CHECK(r.allow("a", 1, wait));
  CHECK_FALSE(r.allow("a", 1, wait));
  r.reset("a");
  CHECK(r.allow("a", 3, wait));
}

TEST_CASE("parts: sessions end when idle too long or too old, and can be removed") {
  AdminSessions s;
  const AdminSession a = s.create("admin", 0);
  CHECK(a.id.size() == 32);
  CHECK(a.csrf.size() == 32);
  CHECK(a.id != a.csrf);
  CHECK(s.find(a.id, AdminSessions::kIdleMs - 1));
  CHECK(s.alive(a.id, 2 * AdminSessions::kIdleMs - 2));
  CHECK_FALSE(s.find(a.id, 3 * AdminSessions::kIdleMs));  // idle
  AdminSession b = s.create("admin", 0);
  for (int64_t t = 0; t < AdminSessions::kMaxAgeMs; t += AdminSessions::kIdleMs / 2) CHECK(s.find(b.id, t));
  CHECK_FALSE(s.find(b.id, AdminSessions::kMaxAgeMs + 1));  // too old, however busy
  AdminSession c = s.create("admin", 0);
  s.remove(c.id);
  CHECK_FALSE(s.find(c.id, 1));
  CHECK_FALSE(s.find("short", 1));
}

TEST_CASE("parts: live streams are capped, and stop() wakes every waiting stream") {
  ChangeFeed f(2);
  CHECK(f.open_stream());
  CHECK(f.open_stream());
  CHECK_FALSE(f.open_stream());
  f.close_stream();
  CHECK(f.open_stream());
  const uint64_t v = f.version();
  std::thread waker([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    f.bump();
  });
  CHECK(f.wait_newer(v, std::chrono::milliseconds(5000)) == v + 1);
  waker.join();
  std::thread stopper([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    f.stop();
  });
  const auto t0 = std::chrono::steady_clock::now();
  f.wait_newer(f.version(), std::chrono::milliseconds(5000));
  CHECK(std::chrono::steady_clock::now() - t0 < std::chrono::seconds(2));
  stopper.join();
  CHECK(f.stopping());
  CHECK_FALSE(f.open_stream());
}

TEST_CASE("parts: the call log keeps calls and recalls in order, without duplicates") {
  auto call = [](int64_t seq, const char* type, int recalls) {
    Event e;
    e.seq = seq;
    e.at = seq * 1000;
    e.type = type;
    e.data = {{"counter", 2},
              {"tickets", {{{"id", 7}, {"label", "A-007"}, {"service", "A"}, {"recalls", recalls}}}}};
    return e;
  };
  CallLog log(3);
  log.add(call(10, "ticket_called", 0));
  Event other = call(11, "ticket_issued", 0);
  log.add(other);
  log.add(call(12, "ticket_recalled", 1));
  log.add(call(12, "ticket_recalled", 1));  // replayed
  REQUIRE(log.recent(10).size() == 2);
  CHECK(log.find(12)->recalls == 1);
  CHECK_FALSE(log.find(11));
  log.merge({*CallLog::from_event(call(5, "ticket_called", 0)), *CallLog::from_event(call(10, "ticket_called", 0))});
  auto all = log.recent(10);
  REQUIRE(all.size() == 3);
  CHECK(all[0].seq == 5);
  CHECK(all[2].seq == 12);
  log.add(call(13, "ticket_called", 0));
  CHECK(log.recent(10).front().seq == 10);  // capacity 3: the oldest went
}

TEST_CASE("parts: tokens, filters, cookies and hub errors") {
  CHECK(valid_token_format("0123456789abcdef0123456789abcdef"));
  CHECK_FALSE(valid_token_format("0123456789abcdef0123456789ABCDEF"));  // the hub makes lower case only
  CHECK_FALSE(valid_token_format("0123456789abcdef0123456789abcde"));
  CHECK_FALSE(valid_token_format("A-001"));
  std::string error;
  auto f = parse_display_filter("A,B", "1,12", error);
  REQUIRE(f);
  CHECK(f->shows_service("B"));
  CHECK_FALSE(f->shows_service("C"));
  CHECK(f->shows_loket(12));
  CHECK(parse_display_filter("", "", error)->shows_service("Z"));
  CHECK_FALSE(parse_display_filter("A,b", "", error));
  CHECK(error.find("\"b\"") != std::string::npos);
  CHECK_FALSE(parse_display_filter("", "1,1000", error));
  httplib::Request req;
  req.headers.emplace("Cookie", "a=1; antrian_admin=abc; b=2");
  CHECK(cookie_value(req, "antrian_admin") == "abc");
  CHECK(cookie_value(req, "c").empty());
  CHECK(status_for_hub_error(proto::err::not_found) == 404);
  CHECK(status_for_hub_error(proto::err::illegal_state) == 409);
  CHECK(status_for_hub_error(proto::err::unreachable) == 503);
  CHECK(secure_equals("abc", "abc"));
  CHECK_FALSE(secure_equals("abc", "abd"));
  CHECK(html_escape("<a href=\"x\">&'") == "&lt;a href=&quot;x&quot;&gt;&amp;&#39;");
}
