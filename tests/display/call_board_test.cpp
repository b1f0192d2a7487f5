// The board of calls is rebuilt from the state: per loket, recalls marked (never an
// extra row), transfers listed once, filters applied.
#include <doctest/doctest.h>

#include "antrian/display/call_log.h"
#include "antrian/display/display_filter.h"
#include "office.h"

using namespace antrian;
using namespace antrian::display;
using antrian::display::test::TestOffice;

namespace {

const LoketBoardRow& row(const std::vector<LoketBoardRow>& rows, int n) {
  for (const auto& r : rows)
    if (r.number == n) return r;
  FAIL("no row for loket " << n);
  throw 0;
}

}  // namespace

TEST_CASE("each loket shows its latest ticket, a recall is a mark and not a row") {
  TestOffice o;
  o.issue("A", 4);
  o.open(1);
  o.open(2);
  o.call_next(1);  // A-001 at 1
  o.advance(1000);
  o.call_next(2);  // A-002 at 2
  o.advance(1000);
  o.start(1);
  o.finish(1);
  o.call_next(1);  // A-003 at 1
  o.advance(1000);
  o.recall(1);
  o.advance(1000);
  o.recall(1);

  const DisplayFilter all;
  const auto log = call_log(o.state, all);
  REQUIRE(log.size() == 5);  // three calls, two recalls
  CHECK(log.front().label == "A-003");
  CHECK(log.front().recall_no == 2);

  const auto rows = loket_board(o.state, all, log);
  CHECK(rows.size() == 8);  // every loket of the office has a place
  const auto& r1 = row(rows, 1);
  REQUIRE(r1.current);
  CHECK(r1.current->label == "A-003");
  CHECK(r1.current->recalls == 2);
  CHECK(r1.previous == std::vector<std::string>{"A-001"});  // A-003 listed once despite 3 entries
  const auto& r2 = row(rows, 2);
  REQUIRE(r2.current);
  CHECK(r2.current->label == "A-002");
  CHECK(r2.current->recalls == 0);
  CHECK_FALSE(row(rows, 3).current);
  CHECK(row(rows, 3).state == CounterState::closed);
}

TEST_CASE("a transferred ticket's call is listed once, at the loket that made it") {
  TestOffice o;
  o.issue("A");
  o.open(2);
  o.open(4);
  o.call_next(2);
  o.run(proto::cmd::transfer, {{"counter", 2}, {"to_service", "C"}});
  o.advance(5000);
  o.call_next(4);  // the same label, now in service C, at loket 4
  const auto log = call_log(o.state, DisplayFilter{});
  REQUIRE(log.size() == 2);
  CHECK(log[0].loket == 4);
  CHECK(log[0].service == "C");
  CHECK(log[1].loket == 2);
  CHECK(log[1].service == "A");
  CHECK(log[1].state == TicketState::transferred);
}

TEST_CASE("filters: a hall for e-KTP sees only its services and the lokets serving them") {
  TestOffice o;
  o.issue("A");
  o.issue("C");
  o.open(1);
  o.open(4);
  o.call_next(1);
  o.call_next(4);
  const DisplayFilter ektp({"A", "B"}, {});
  const auto log = call_log(o.state, ektp);
  REQUIRE(log.size() == 1);
  CHECK(log[0].label == "A-001");
  CHECK(ektp.lokets_to_show(o.state) == std::vector<int>{1, 2, 3});

  const DisplayFilter lokets({}, {4, 5});
  CHECK(call_log(o.state, lokets).front().label == "C-001");
  CHECK(lokets.lokets_to_show(o.state) == std::vector<int>{4, 5});
  CHECK(lokets.shows_call("Z", 4));
  CHECK_FALSE(lokets.shows_call("C", 1));
}

TEST_CASE("filter entries the office lacks are reported, not silently ignored") {
  TestOffice o;
  const DisplayFilter f({"A", "Z"}, {2, 42});
  const auto p = f.problems(o.state);
  REQUIRE(p.size() == 2);
  CHECK(p[0].find("service Z") != std::string::npos);
  CHECK(p[0].find("A, B, C, D, E, F") != std::string::npos);
  CHECK(p[1].find("loket 42") != std::string::npos);
  CHECK(DisplayFilter({"A"}, {1}).problems(o.state).empty());
  CHECK(f.problems(o.state, antrian::Lang::id)[0].find("layanan Z tidak ada") == 0);
}
