// Transfer keeps the ticket's label, history and place in line.
#include "antrian/queue_rules.h"
#include "office_fixture.h"

using namespace antrian;
using antrian::test::TestOffice;
namespace cmd = antrian::proto::cmd;
namespace err = antrian::proto::err;

TEST_CASE("transfer to another service keeps label, history, priority and arrival") {
  TestOffice o;
  o.open(1);
  o.open(4);
  const int64_t a1 = o.issue("A", "lansia");
  o.now += 60'000;
  o.issue("C");  // arrived after A-001
  o.call_next(1);
  o.ok(cmd::start, {{"counter", 1}});
  o.now += 60'000;
  auto r = o.ok(cmd::transfer, {{"counter", 1}, {"to_service", "C"}, {"note", "needs a KK first"}});
  const int64_t moved = r["ticket"]["id"];
  const Ticket& old = o.ticket(a1);
  const Ticket& t = o.ticket(moved);
  CHECK(old.state == TicketState::transferred);
  CHECK(old.transferred_to == moved);
  CHECK(t.transferred_from == a1);
  CHECK(t.label() == "A-001");
  CHECK(t.service == "C");
  CHECK(t.state == TicketState::waiting);
  CHECK(t.priority == Priority::lansia);
  CHECK(t.queue_at == old.queue_at);
  CHECK(t.token == old.token);  // the status page keeps working
  CHECK(t.history.back().what == "transferred");
  CHECK(t.history.back().note == "needs a KK first");
  CHECK(t.history.size() == old.history.size());
  CHECK(o.state.counters.at(1).current_ticket == 0);
  CHECK(o.call_next(4) == "A-001");  // its place in line: before C-001
  CHECK(issued_today(o.state, "C") == 1);  // a transfer in is not a new C ticket
  CHECK(issued_today(o.state, "A") == 1);
}

TEST_CASE("transfer to a loket puts the ticket first in that loket's line only") {
  TestOffice o;
  o.open(4);
  o.open(5);
  o.open(6);
  o.issue("C");
  o.issue("C");
  o.call_next(4);  // C-001
  o.ok(cmd::transfer, {{"counter", 4}, {"to_counter", 6}});
  CHECK(o.call_next(5) == "C-002");  // loket 5 does not see the ticket meant for 6
  CHECK(o.call_next(6) == "C-001");
}

TEST_CASE("transfer refuses what makes no sense") {
  TestOffice o;
  o.open(4);
  o.issue("C");
  o.call_next(4);
  o.refused(cmd::transfer, {{"counter", 4}}, err::bad_request);
  o.refused(cmd::transfer, {{"counter", 4}, {"to_service", "C"}}, err::illegal_state);   // same service
  o.refused(cmd::transfer, {{"counter", 4}, {"to_counter", 4}}, err::illegal_state);     // itself
  o.refused(cmd::transfer, {{"counter", 4}, {"to_counter", 1}, {"to_service", "C"}}, err::illegal_state);  // 1 serves A
  o.refused(cmd::transfer, {{"counter", 4}, {"to_counter", 77}}, err::not_found);
  o.refused(cmd::transfer, {{"counter", 4}, {"to_service", "Q"}}, err::not_found);
}
