// A queue no open loket calls (no loket of its service signed in) is never called in
// the forecast's play: its tickets and a new ticket of it are unknown, and it changes
// nothing of the figures of the queues that are called. The forecast and the issue's
// own run skip it instead of playing the day out for it.
#include "antrian/forecast.h"
#include "office_fixture.h"

namespace antrian::test {

TEST_CASE("a queue no open loket calls is unknown and leaves the called queues' figures as they were") {
  TestOffice o;
  o.open(1);  // loket 1 calls A only
  std::vector<int64_t> a;
  for (int i = 0; i < 6; ++i) a.push_back(o.issue("A", i == 4 ? "lansia" : "reguler"));
  const Forecast before = compute_forecast(o.state, o.now);
  std::vector<int64_t> c;
  for (int i = 0; i < 40; ++i) c.push_back(o.issue(i % 2 ? "C" : "F", i % 5 ? "reguler" : "lansia"));
  const Forecast after = compute_forecast(o.state, o.now);
  for (int64_t id : a) {
    INFO("ticket " << id);
    REQUIRE(before.tickets.at(id).has_value());
    REQUIRE(after.tickets.at(id).has_value());
    CHECK(after.tickets.at(id)->at_ms == before.tickets.at(id)->at_ms);
    CHECK(after.tickets.at(id)->high_ms == before.tickets.at(id)->high_ms);
  }
  for (int64_t id : c) CHECK_FALSE(after.tickets.at(id).has_value());
  for (const char* code : {"C", "F"}) {
    CHECK_FALSE(after.new_regular.at(code).has_value());
    CHECK_FALSE(after.new_priority.at(code).has_value());
    CHECK_FALSE(new_ticket_call(o.state, code, Priority::reguler, o.now).has_value());
    CHECK_FALSE(new_ticket_call(o.state, code, Priority::lansia, o.now).has_value());
  }
  for (Priority p : {Priority::reguler, Priority::lansia}) {
    const auto& b = (p == Priority::reguler ? before.new_regular : before.new_priority).at("A");
    const auto& x = (p == Priority::reguler ? after.new_regular : after.new_priority).at("A");
    const auto own = new_ticket_call(o.state, "A", p, o.now);
    REQUIRE(b.has_value());
    REQUIRE(x.has_value());
    REQUIRE(own.has_value());
    CHECK(x->at_ms == b->at_ms);
    CHECK(own->at_ms == b->at_ms);
    CHECK(own->low_ms == b->low_ms);
  }
  // Once a loket of C signs in, C's queue is called and has figures.
  o.open(4);
  const Forecast open = compute_forecast(o.state, o.now);
  CHECK(open.new_regular.at("C").has_value());
  CHECK(open.tickets.at(c[1]).has_value());
  CHECK_FALSE(open.tickets.at(c[0]).has_value());  // F: still no loket
}

}  // namespace antrian::test
