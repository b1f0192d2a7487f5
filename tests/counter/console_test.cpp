// The console's behaviour: which actions are possible, what keys send, how answers,
// refusals, a lost hub and a re-sync are handled.
#include <doctest/doctest.h>

#include "antrian/counter/availability.h"
#include "antrian/counter/console_model.h"
#include "antrian/counter/counter_view.h"
#include "fake_hub.h"

using namespace antrian;
using namespace antrian::counter;
using namespace antrian::counter::test;
using json = nlohmann::json;

namespace {

ConsoleModel console(Lang lang = Lang::id, int loket = 0) { return ConsoleModel({lang, loket}); }

bool enabled(const ConsoleModel& m, const FakeHub& h, Action a) { return m.availability(a, h.mirror()).enabled; }
std::string why(const ConsoleModel& m, const FakeHub& h, Action a) { return m.availability(a, h.mirror()).reason_key; }

KeyPress key(Key k) { return KeyPress{k, false, false}; }

bool build_view_banner_is_set(const ConsoleModel& m, const FakeHub& h) {
  return !build_view(m, h.mirror()).connection.banner.empty();
}

}  // namespace

TEST_CASE("sign-in: arrows choose loket and staff, typed PIN is masked, Enter sends sign_in") {
  FakeHub h;
  ConsoleModel m = console(Lang::id, 2);
  CHECK(m.mode() == Mode::sign_in);
  CHECK(m.sign_in_form().loket == 2);
  m.key(key(Key::right), h.mirror());
  CHECK(m.sign_in_form().loket == 3);
  m.key(key(Key::left), h.mirror());
  m.key(key(Key::left), h.mirror());
  CHECK(m.sign_in_form().loket == 1);
  m.key(key(Key::left), h.mirror());  // stays at the first
  CHECK(m.sign_in_form().loket == 1);
  m.key(key(Key::down), h.mirror());  // staff sorted by name: Ani Lestari, Budi Santoso
  CHECK(m.sign_in_form().staff == "ani");
  m.key(key(Key::down), h.mirror());
  CHECK(m.sign_in_form().staff == "budi");

  // Enter without a PIN: a reason, nothing sent.
  m.key(key(Key::enter), h.mirror());
  CHECK(m.take_outbox().empty());
  REQUIRE(m.notice());
  CHECK(m.notice()->key == "counter.signin.need_pin");

  m.text("12", h.mirror());
  m.text("34", h.mirror());
  CHECK(m.sign_in_form().pin.text() == "1234");
  CHECK(m.sign_in_form().pin.masked() == "\xE2\x80\xA2\xE2\x80\xA2\xE2\x80\xA2\xE2\x80\xA2");
  m.key(key(Key::enter), h.mirror());
  CHECK(m.busy(h.mirror()));
  const auto sent = h.serve(m);
  REQUIRE(sent.size() == 1);
  CHECK(sent[0].cmd == "sign_in");
  CHECK(sent[0].args == json{{"counter", 1}, {"staff", "budi"}, {"pin", "1234"}});
  CHECK(m.mode() == Mode::console);
  CHECK(m.loket() == 1);
  CHECK(m.staff() == "budi");
  CHECK(m.sign_in_form().pin.empty());  // the PIN does not stay in memory
  CHECK(m.notice()->kind == Notice::Kind::success);
  CHECK(h.view.counters.at(1).staff == "budi");
}

TEST_CASE("sign-in: a wrong PIN is refused with the hub's reason and the PIN is cleared") {
  FakeHub h;
  ConsoleModel m = console();
  m.choose_loket(2);
  m.choose_staff("ani");
  m.text("9999", h.mirror());
  REQUIRE(m.submit_sign_in(h.mirror()));
  h.serve(m);
  CHECK(m.mode() == Mode::sign_in);
  REQUIRE(m.notice());
  CHECK(m.notice()->kind == Notice::Kind::error);
  CHECK(m.notice()->key == "counter.error.auth_failed");
  CHECK(m.notice()->detail == "unknown staff member or wrong PIN");
  CHECK(m.sign_in_form().pin.empty());
  CHECK(m.last_result()->code == "auth_failed");
}

TEST_CASE("sign-in: offline, no loket chosen, or an unknown --loket: nothing is sent") {
  FakeHub h;
  ConsoleModel m = console(Lang::id, 42);
  m.on_mirror(h.mirror());  // loket 42 does not exist in this office
  REQUIRE(m.notice());
  CHECK(m.notice()->key == "counter.signin.no_such_loket");
  CHECK(m.sign_in_form().loket == 0);
  m.choose_staff("ani");
  m.text("1234", h.mirror());
  CHECK_FALSE(m.submit_sign_in(h.mirror()));
  CHECK(m.notice()->key == "counter.signin.need_loket");
  m.choose_loket(1);
  h.online = false;
  CHECK_FALSE(m.submit_sign_in(h.mirror()));
  CHECK(m.notice()->key == "counter.why.offline");
  CHECK(m.take_outbox().empty());
}

TEST_CASE("actions: enabled exactly when the hub would accept them, each with a reason") {
  FakeHub h;
  ConsoleModel m = console();
  h.sign_in(m, 2, "ani");
  // Open, nobody waiting.
  CHECK(why(m, h, Action::call_next) == "counter.why.queue_empty");
  CHECK(why(m, h, Action::recall) == "counter.why.no_ticket");
  CHECK(why(m, h, Action::finish) == "counter.why.no_ticket");
  CHECK(enabled(m, h, Action::pause));
  CHECK(why(m, h, Action::resume) == "counter.why.not_paused");
  CHECK(enabled(m, h, Action::report_disruption));
  CHECK(enabled(m, h, Action::sign_out));
  CHECK(enabled(m, h, Action::toggle_lang));

  h.issue("A");
  h.issue("B");
  CHECK(enabled(m, h, Action::call_next));
  CHECK(why(m, h, Action::call_selected) == "counter.why.no_selection");
  m.key(key(Key::down), h.mirror());
  CHECK(enabled(m, h, Action::call_selected));

  m.key(key(Key::f1), h.mirror());
  h.serve(m);
  // Called: recall, start, no-show, transfer yes; finish no (not started); calling again no.
  CHECK(enabled(m, h, Action::recall));
  CHECK(enabled(m, h, Action::start));
  CHECK(enabled(m, h, Action::no_show));
  CHECK(enabled(m, h, Action::transfer));
  CHECK(why(m, h, Action::finish) == "counter.why.not_started");
  CHECK(why(m, h, Action::call_next) == "counter.why.holding");
  CHECK(m.availability(Action::call_next, h.mirror()).reason_args == std::vector<std::string>{"A-001"});
  CHECK(why(m, h, Action::pause) == "counter.why.holding");
  CHECK(why(m, h, Action::sign_out) == "counter.why.holding");

  m.key(key(Key::f3), h.mirror());
  h.serve(m);
  // Serving: finish and transfer yes; recall, no-show no.
  CHECK(enabled(m, h, Action::finish));
  CHECK(enabled(m, h, Action::transfer));
  CHECK(why(m, h, Action::recall) == "counter.why.already_serving");
  CHECK(why(m, h, Action::no_show) == "counter.why.present");

  m.key(key(Key::f4), h.mirror());
  h.serve(m);
  m.key(key(Key::f8), h.mirror());  // pause
  h.serve(m);
  CHECK(h.view.counters.at(2).state == CounterState::paused);
  CHECK(why(m, h, Action::call_next) == "counter.why.paused");
  CHECK(enabled(m, h, Action::resume));
  m.key(key(Key::f8), h.mirror());  // the same key resumes
  h.serve(m);
  CHECK(h.view.counters.at(2).state == CounterState::open);
}

TEST_CASE("actions: the keys send the hub's commands for this loket, in order") {
  FakeHub h;
  ConsoleModel m = console();
  h.sign_in(m, 2, "ani");
  h.issue("A");
  h.issue("A");
  struct Step {
    Key key;
    const char* cmd;
  } steps[] = {{Key::f1, "call_next"}, {Key::f2, "recall"}, {Key::f5, "no_show"}, {Key::f1, "call_next"},
               {Key::f3, "start"},     {Key::f4, "finish"}};
  for (const Step& s : steps) {
    INFO(key_name(s.key));
    m.key(key(s.key), h.mirror());
    const auto sent = h.serve(m);
    REQUIRE(sent.size() == 1);
    CHECK(sent[0].cmd == s.cmd);
    CHECK(sent[0].args["counter"] == 2);
    CHECK(m.last_result()->ok);
  }
  CHECK(h.view.tickets.at(1).state == TicketState::no_show);
  CHECK(h.view.tickets.at(1).recalls == 1);
  CHECK(h.view.tickets.at(2).state == TicketState::done);
  // Every step was recorded with who did it.
  for (const TicketStep& st : h.view.tickets.at(2).history)
    if (st.what != "issued") CHECK(st.actor == "staff:ani@loket2");
}

TEST_CASE("actions: a disabled key says why and sends nothing") {
  FakeHub h;
  ConsoleModel m = console(Lang::en);
  h.sign_in(m, 2, "ani");
  m.key(key(Key::f4), h.mirror());
  CHECK(m.take_outbox().empty());
  REQUIRE(m.notice());
  CHECK(m.notice()->key == "counter.notice.not_now");
  CHECK(m.notice()->args == std::vector<std::string>{"Finish", "No ticket has been called"});
}

TEST_CASE("actions: one at a time, the console stays busy until the mirror shows the result") {
  FakeHub h;
  ConsoleModel m = console();
  h.sign_in(m, 2, "ani");
  h.issue("A");
  h.issue("A");
  m.key(key(Key::f1), h.mirror());
  m.key(key(Key::f1), h.mirror());  // impatient second press: nothing more is sent
  auto out = m.take_outbox();
  REQUIRE(out.size() == 1);
  CHECK(m.busy(h.mirror()));
  CHECK(why(m, h, Action::call_next) == "counter.why.busy");
  // The answer arrives before the event: still busy, still nothing to press.
  m.on_reply(out[0].token, h.handle(out[0].cmd, out[0].args), h.mirror());
  CHECK(m.last_result()->ok);
  CHECK(m.busy(h.mirror()));
  CHECK_FALSE(enabled(m, h, Action::start));
  h.sync();
  m.on_mirror(h.mirror());
  CHECK_FALSE(m.busy(h.mirror()));
  CHECK(enabled(m, h, Action::start));
  CHECK(h.view.tickets.at(2).state == TicketState::waiting);  // only one ticket was called
  // A stray answer for an old token changes nothing.
  m.on_reply(out[0].token, proto::error_reply("x", make_error("illegal_state", "late")), h.mirror());
  CHECK(m.notice()->kind == Notice::Kind::success);
}

TEST_CASE("refusal: when the hub refuses, the console shows the hub's reason") {
  FakeHub h;
  ConsoleModel m = console();
  h.sign_in(m, 2, "ani");
  h.issue("A");
  m.key(key(Key::f1), h.mirror());
  h.serve(m);
  // Someone cancels the ticket at the hub; this console has not heard it yet.
  h.admin("cancel", {{"ticket", "A-001"}, {"reason", "left the office"}}, /*then_sync=*/false);
  CHECK(enabled(m, h, Action::start));
  m.key(key(Key::f3), h.mirror());
  h.serve(m);
  REQUIRE(m.notice());
  CHECK(m.notice()->kind == Notice::Kind::error);
  CHECK(m.notice()->key == "counter.error.illegal_state");
  CHECK(m.notice()->detail.find("Loket 2") != std::string::npos);
  CHECK(m.last_result()->code == "illegal_state");
  CHECK_FALSE(m.busy(h.mirror()));
  CHECK(enabled(m, h, Action::call_next) == false);  // nobody left waiting
  CHECK(why(m, h, Action::call_next) == "counter.why.queue_empty");
}

TEST_CASE("offline: every action is disabled with the reason, and enabled again when back") {
  FakeHub h;
  ConsoleModel m = console();
  h.sign_in(m, 2, "ani");
  h.issue("A");
  h.online = false;
  for (Action a : kAllActions) {
    if (a == Action::toggle_lang) continue;
    INFO(action_name(a));
    CHECK(why(m, h, a) == "counter.why.offline");
  }
  m.key(key(Key::f1), h.mirror());
  CHECK(m.take_outbox().empty());
  h.online = true;
  h.synced = false;
  CHECK(why(m, h, Action::call_next) == "counter.why.syncing");
  h.synced = true;
  CHECK(enabled(m, h, Action::call_next));
}

TEST_CASE("lost answer: nothing is retried with a new id, actions wait until the mirror has the hub's word") {
  FakeHub h;
  ConsoleModel m = console();
  h.sign_in(m, 2, "ani");
  h.issue("A");
  h.issue("A");
  m.key(key(Key::f1), h.mirror());
  auto out = m.take_outbox();
  REQUIRE(out.size() == 1);
  // The hub did act on it, but its answer was lost and the hub went quiet.
  h.handle(out[0].cmd, out[0].args);
  h.online = false;
  m.on_reply(out[0].token, proto::error_reply(out[0].cmd, make_error("unreachable", "the queue server did not answer")),
             h.mirror());
  CHECK(m.stale());
  REQUIRE(m.notice());
  CHECK(m.notice()->key == "counter.error.unreachable");
  CHECK(m.take_outbox().empty());  // nothing is sent again by itself
  // Back online, but the mirror is still old: the console asks the hub where its log is.
  h.online = true;
  m.on_mirror(h.mirror());
  CHECK(why(m, h, Action::call_next) == "counter.why.stale");
  auto probe = m.take_outbox();
  REQUIRE(probe.size() == 1);
  CHECK(probe[0].cmd == "hello");
  m.on_mirror(h.mirror());
  CHECK(m.take_outbox().empty());  // one probe at a time
  m.on_reply(probe[0].token, h.handle("hello", json::object()), h.mirror());
  CHECK(m.stale());  // the mirror has not reached that point yet
  h.sync();
  m.on_mirror(h.mirror());
  CHECK_FALSE(m.stale());
  CHECK(m.notice()->key == "counter.notice.resynced");
  // The exact state: A-001 was called once; calling again is (rightly) not offered.
  CHECK(h.view.tickets.at(1).state == TicketState::called);
  CHECK(h.view.tickets.at(2).state == TicketState::waiting);
  CHECK(why(m, h, Action::call_next) == "counter.why.holding");
  CHECK(enabled(m, h, Action::start));
}

TEST_CASE("lost answer: a probe that also gets no answer is repeated once the hub is heard again") {
  FakeHub h;
  ConsoleModel m = console();
  h.sign_in(m, 2, "ani");
  h.issue("A");
  m.key(key(Key::f1), h.mirror());
  auto out = m.take_outbox();
  m.on_reply(out[0].token, proto::error_reply("x", make_error("unreachable", "no answer")), h.mirror());
  auto probe = m.take_outbox();
  REQUIRE(probe.size() == 1);
  m.on_reply(probe[0].token, proto::error_reply("y", make_error("unreachable", "no answer")), h.mirror());
  auto again = m.take_outbox();
  REQUIRE(again.size() == 1);
  CHECK(again[0].cmd == "hello");
  CHECK(again[0].token != probe[0].token);
}

TEST_CASE("signed out elsewhere: the console returns to the sign-in screen and says so") {
  FakeHub h;
  ConsoleModel m = console();
  h.sign_in(m, 2, "ani");
  h.admin("sign_out", {{"counter", 2}});
  m.on_mirror(h.mirror());
  CHECK(m.mode() == Mode::sign_in);
  CHECK(m.notice()->key == "counter.notice.signed_out_elsewhere");
  CHECK(m.sign_in_form().loket == 2);
  CHECK(m.sign_in_form().staff.empty());
}

TEST_CASE("sign-out: F12 signs out and shows the sign-in screen") {
  FakeHub h;
  ConsoleModel m = console();
  h.sign_in(m, 2, "ani");
  m.key(key(Key::f12), h.mirror());
  const auto sent = h.serve(m);
  REQUIRE(sent.size() == 1);
  CHECK(sent[0].cmd == "sign_out");
  CHECK(m.mode() == Mode::sign_in);
  CHECK(h.view.counters.at(2).state == CounterState::closed);
}

TEST_CASE("outage: when the hub is heard again, nothing is offered until the mirror has caught up") {
  FakeHub h;
  ConsoleModel m = console();
  h.sign_in(m, 2, "ani");
  h.issue("A");
  CHECK(enabled(m, h, Action::call_next));
  h.online = false;
  m.on_mirror(h.mirror());
  CHECK(why(m, h, Action::call_next) == "counter.why.offline");
  // While this console was cut off, someone else called the ticket.
  h.admin("sign_in", {{"counter", 1}, {"staff", "budi"}, {"pin", "1234"}}, false);
  h.admin("call_next", {{"counter", 1}}, false);
  h.online = true;  // heard again, but the mirror still shows A-001 waiting
  m.on_mirror(h.mirror());
  CHECK(m.stale());
  CHECK_FALSE(m.outcome_unknown());
  CHECK(why(m, h, Action::call_next) == "counter.why.catching_up");
  CHECK(build_view_banner_is_set(m, h));
  auto probe = m.take_outbox();
  REQUIRE(probe.size() == 1);
  CHECK(probe[0].cmd == "hello");
  m.on_reply(probe[0].token, h.handle("hello", json::object()), h.mirror());
  CHECK(m.stale());
  h.sync();
  m.on_mirror(h.mirror());
  CHECK_FALSE(m.stale());
  CHECK(m.notice()->key == "counter.notice.reconnected");
  CHECK(why(m, h, Action::call_next) == "counter.why.queue_empty");  // the exact state
}
