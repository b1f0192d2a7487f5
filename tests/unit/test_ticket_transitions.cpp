// Every legal and illegal step of a ticket's life, and of a loket's.
#include "office_fixture.h"

using namespace antrian;
using antrian::test::TestOffice;
namespace cmd = antrian::proto::cmd;
namespace err = antrian::proto::err;

TEST_CASE("a ticket goes waiting -> called -> serving -> done, each step recorded") {
  TestOffice o;
  o.open(1);
  const int64_t id = o.issue("A");
  CHECK(o.ticket(id).state == TicketState::waiting);
  CHECK(o.call_next(1) == "A-001");
  CHECK(o.ticket(id).state == TicketState::called);
  CHECK(o.ticket(id).counter == 1);
  CHECK(o.state.counters.at(1).current_ticket == id);
  o.now += 60'000;
  o.ok(cmd::recall, {{"counter", 1}});
  CHECK(o.ticket(id).recalls == 1);
  CHECK(o.ticket(id).state == TicketState::called);
  o.ok(cmd::start, {{"counter", 1}});
  CHECK(o.ticket(id).state == TicketState::serving);
  o.now += 300'000;
  o.ok(cmd::finish, {{"counter", 1}});
  const Ticket& t = o.ticket(id);
  CHECK(t.state == TicketState::done);
  CHECK(t.ended_at - t.started_at == 300'000);
  CHECK(o.state.counters.at(1).current_ticket == 0);
  std::vector<std::string> steps;
  for (const TicketStep& s : t.history) steps.push_back(s.what);
  CHECK(steps == std::vector<std::string>{"issued", "called", "recalled", "started", "done"});
  CHECK(t.history[1].actor == "staff:ani@loket1");
}

TEST_CASE("no-show is only for a called ticket, finish only for one being served") {
  TestOffice o;
  o.open(1);
  o.issue("A");
  o.issue("A");
  o.call_next(1);
  o.refused(cmd::finish, {{"counter", 1}}, err::illegal_state);  // called, not started
  o.ok(cmd::no_show, {{"counter", 1}});
  CHECK(o.state.tickets.begin()->second.state == TicketState::no_show);
  o.call_next(1);
  o.ok(cmd::start, {{"counter", 1}});
  o.refused(cmd::no_show, {{"counter", 1}}, err::illegal_state);  // the applicant is here
  o.refused(cmd::recall, {{"counter", 1}}, err::illegal_state);   // already being served
  o.refused(cmd::start, {{"counter", 1}}, err::illegal_state);    // twice
  o.ok(cmd::finish, {{"counter", 1}});
}

TEST_CASE("a loket with nothing called cannot recall, start, finish, no-show or transfer") {
  TestOffice o;
  o.open(1);
  for (auto c : {cmd::recall, cmd::start, cmd::finish, cmd::no_show})
    o.refused(c, {{"counter", 1}}, err::illegal_state);
  o.refused(cmd::transfer, {{"counter", 1}, {"to_service", "C"}}, err::illegal_state);
}

TEST_CASE("a loket must be open, and free, to call") {
  TestOffice o;
  o.issue("A");
  o.issue("A");
  o.refused(cmd::call_next, {{"counter", 1}}, err::illegal_state);  // closed: nobody signed in
  o.open(1);
  o.call_next(1);
  o.refused(cmd::call_next, {{"counter", 1}}, err::illegal_state);  // still holds A-001
  o.refused(cmd::pause, {{"counter", 1}}, err::illegal_state);      // not with a ticket at the desk
  o.ok(cmd::no_show, {{"counter", 1}});
  o.ok(cmd::pause, {{"counter", 1}});
  CHECK(o.state.counters.at(1).state == CounterState::paused);
  o.refused(cmd::call_next, {{"counter", 1}}, err::illegal_state);
  o.refused(cmd::pause, {{"counter", 1}}, err::illegal_state);
  o.ok(cmd::resume, {{"counter", 1}});
  o.refused(cmd::resume, {{"counter", 1}}, err::illegal_state);
  CHECK(o.call_next(1) == "A-002");
}

TEST_CASE("an empty queue is an answer, not a change") {
  TestOffice o;
  o.open(4);
  o.issue("A");  // loket 4 serves C and D only
  o.refused(cmd::call_next, {{"counter", 4}}, err::queue_empty);
}

TEST_CASE("call a chosen ticket: only a waiting one of a service the loket serves") {
  TestOffice o;
  o.open(1);
  o.open(4);
  o.issue("A");
  o.issue("A");
  const int64_t c1 = o.issue("C");
  o.ok(cmd::call, {{"counter", 1}, {"ticket", "A-002"}});
  CHECK(o.state.tickets.at(o.state.counters.at(1).current_ticket).label() == "A-002");
  o.refused(cmd::call, {{"counter", 4}, {"ticket", "A-001"}}, err::illegal_state);  // 4 serves C, D
  o.refused(cmd::call, {{"counter", 4}, {"ticket", "A-002"}}, err::illegal_state);  // not waiting
  o.refused(cmd::call, {{"counter", 4}, {"ticket", "X-999"}}, err::not_found);
  o.refused(cmd::call, {{"counter", 4}, {"ticket", true}}, err::bad_request);
  o.ok(cmd::call, {{"counter", 4}, {"ticket", c1}});
}

TEST_CASE("cancel a waiting or called ticket, never a finished one") {
  TestOffice o;
  o.open(1);
  const int64_t a1 = o.issue("A");
  const int64_t a2 = o.issue("A");
  o.ok(cmd::cancel, {{"ticket", a2}, {"reason", "double ticket"}});
  CHECK(o.ticket(a2).state == TicketState::cancelled);
  CHECK(o.ticket(a2).history.back().note == "double ticket");
  o.call_next(1);
  o.ok(cmd::cancel, {{"ticket", a1}});
  CHECK(o.state.counters.at(1).current_ticket == 0);  // the loket is free again
  o.refused(cmd::cancel, {{"ticket", a1}}, err::illegal_state);
}

TEST_CASE("sign-in checks the PIN and that nobody else holds the loket") {
  TestOffice o;
  o.refused(cmd::sign_in, {{"counter", 1}, {"staff", "ani"}, {"pin", "9999"}}, err::auth_failed);
  o.refused(cmd::sign_in, {{"counter", 1}, {"staff", "nobody"}, {"pin", "1234"}}, err::auth_failed);
  o.refused(cmd::sign_in, {{"counter", 42}, {"staff", "ani"}, {"pin", "1234"}}, err::not_found);
  o.open(1, "ani");
  o.refused(cmd::sign_in, {{"counter", 1}, {"staff", "budi"}, {"pin", "1234"}}, err::illegal_state);
  o.refused(cmd::sign_in, {{"counter", 2}, {"staff", "ani"}, {"pin", "1234"}}, err::illegal_state);
  o.issue("A");
  o.call_next(1);
  o.refused(cmd::sign_out, {{"counter", 1}}, err::illegal_state);
  o.ok(cmd::no_show, {{"counter", 1}});
  o.ok(cmd::sign_out, {{"counter", 1}});
  CHECK(o.state.counters.at(1).state == CounterState::closed);
  CHECK(o.state.counters.at(1).staff.empty());
  o.refused(cmd::sign_out, {{"counter", 1}}, err::illegal_state);
}

TEST_CASE("bad arguments are refused with the field named, and change nothing") {
  TestOffice o;
  o.refused(cmd::issue, {}, err::bad_request);
  o.refused(cmd::issue, {{"service", 7}}, err::bad_request);
  o.refused(cmd::issue, {{"service", "Z"}}, err::not_found);
  o.refused(cmd::issue, {{"service", "A"}, {"priority", "vip"}}, err::bad_request);
  o.refused(cmd::issue, {{"service", "A"}, {"priority", 3}}, err::bad_request);
  o.refused(cmd::call_next, {{"counter", "1"}}, err::bad_request);
  o.refused(cmd::call_next, {{"counter", -1}}, err::bad_request);
  o.refused(cmd::resource_set, {{"resource", "printers"}, {"working", 9}}, err::bad_request);
  o.refused(cmd::disruption_set, {{"resource", "siak"}, {"level", "meh"}}, err::bad_request);
  o.refused(cmd::disruption_set, {{"resource", "moon"}, {"level", "down"}}, err::not_found);
  auto d = o.run(cmd::issue, {{"service", "A"}, {"priority", "vip"}});
  CHECK(d.error().reason.find("args.priority") != std::string::npos);
  proto::Request r{1, "x", "launch_rocket", "admin", {}};
  auto u = decide(o.state, r, CommandContext{o.now, "admin", ""});
  REQUIRE_FALSE(u.ok());
  CHECK(u.error().code == err::unknown_command);
}

TEST_CASE("the daily quota stops issuing, with a reason") {
  TestOffice o;
  o.state.services.at("E").daily_quota = 2;
  o.issue("E");
  o.issue("E");
  o.refused(cmd::issue, {{"service", "E"}}, err::quota_exhausted);
  o.issue("C");  // other services keep flowing
}

TEST_CASE("a repeated device report with nothing new adds no event") {
  TestOffice o;
  auto first = o.run(cmd::device_report, {{"device", "kiosk-1/printer"}, {"state", "paper_out"}});
  REQUIRE(first.ok());
  CHECK(first->events.size() == 1);
  auto again = o.run(cmd::device_report, {{"device", "kiosk-1/printer"}, {"state", "paper_out"}});
  REQUIRE(again.ok());
  CHECK(again->events.empty());
  o.refused(cmd::device_report, {{"device", "kiosk-1/printer"}, {"state", "on fire"}}, err::bad_request);
  CHECK(o.state.devices.at("kiosk-1/printer").state == "paper_out");
}
