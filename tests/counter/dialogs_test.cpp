// The console's lists and dialogs: waiting-list selection, transfer, report a
// disruption, language; all driven by keys as a staff member would.
#include <doctest/doctest.h>

#include "antrian/counter/console_model.h"
#include "fake_hub.h"

using namespace antrian;
using namespace antrian::counter;
using namespace antrian::counter::test;
using json = nlohmann::json;

namespace {

ConsoleModel console(Lang lang = Lang::id, int loket = 0) { return ConsoleModel({lang, loket}); }

KeyPress key(Key k) { return KeyPress{k, false, false}; }

}  // namespace

TEST_CASE("waiting list: arrows move the selection, F7 calls the chosen ticket") {
  FakeHub h;
  ConsoleModel m = console();
  h.sign_in(m, 2, "ani");
  for (int i = 0; i < 3; ++i) h.issue("A");
  m.key(key(Key::down), h.mirror());
  CHECK(m.selected() == 1);
  m.key(key(Key::end), h.mirror());
  CHECK(m.selected() == 3);
  m.key(key(Key::down), h.mirror());  // stays at the last
  CHECK(m.selected() == 3);
  m.key(key(Key::up), h.mirror());
  CHECK(m.selected() == 2);
  m.key(key(Key::f7), h.mirror());
  const auto sent = h.serve(m);
  REQUIRE(sent.size() == 1);
  CHECK(sent[0].cmd == "call");
  CHECK(sent[0].args == json{{"counter", 2}, {"ticket", 2}});
  CHECK(h.view.tickets.at(2).state == TicketState::called);
  CHECK_FALSE(m.selected());  // the called ticket left the list
  // A selected ticket that someone else calls is dropped from the selection.
  h.issue("A");
  m.key(key(Key::home), h.mirror());
  CHECK(m.selected() == 1);
  h.admin("sign_in", {{"counter", 1}, {"staff", "budi"}, {"pin", "1234"}});
  h.admin("call", {{"counter", 1}, {"ticket", 1}});
  m.on_mirror(h.mirror());
  CHECK_FALSE(m.selected());
  m.key(key(Key::escape), h.mirror());
  CHECK_FALSE(m.notice());
}

TEST_CASE("transfer dialog: arrows choose, typing goes to the note, Enter sends, Esc cancels") {
  FakeHub h;
  ConsoleModel m = console();
  h.sign_in(m, 2, "ani");
  h.issue("A");
  m.key(key(Key::f1), h.mirror());
  h.serve(m);
  m.key(key(Key::f6), h.mirror());
  REQUIRE(m.dialog() == DialogKind::transfer);
  m.key(key(Key::f1), h.mirror());  // actions behind the dialog do nothing
  CHECK(m.take_outbox().empty());
  m.key(key(Key::escape), h.mirror());
  CHECK(m.dialog() == DialogKind::none);
  CHECK(m.take_outbox().empty());

  m.key(key(Key::f6), h.mirror());
  m.key(key(Key::down), h.mirror());  // B -> C
  m.text("bawa KK asli", h.mirror());
  m.key(key(Key::backspace), h.mirror());
  m.key(key(Key::enter), h.mirror());
  const auto sent = h.serve(m);
  REQUIRE(sent.size() == 1);
  CHECK(sent[0].cmd == "transfer");
  CHECK(sent[0].args == json{{"counter", 2}, {"to_service", "C"}, {"note", "bawa KK asl"}});
  CHECK(m.dialog() == DialogKind::none);
  CHECK(m.notice()->key == "counter.notice.transferred");
  CHECK(h.view.tickets.at(2).service == "C");
  CHECK(h.view.tickets.at(2).history.back().note == "bawa KK asl");
}

TEST_CASE("transfer dialog: a refusal keeps the dialog open with the reason") {
  FakeHub h;
  ConsoleModel m = console();
  h.sign_in(m, 2, "ani");
  h.issue("A");
  m.key(key(Key::f1), h.mirror());
  h.serve(m);
  m.key(key(Key::f6), h.mirror());
  // Choose loket 1; meanwhile the ticket is cancelled at the hub, so the hub refuses.
  const auto& targets = m.transfer_dialog().targets;
  int loket1 = -1;
  for (std::size_t i = 0; i < targets.size(); ++i)
    if (targets[i].to_loket && targets[i].loket == 1) loket1 = static_cast<int>(i);
  REQUIRE(loket1 >= 0);
  m.choose_target(loket1);
  h.admin("cancel", {{"ticket", "A-001"}}, /*then_sync=*/false);  // gone at the hub meanwhile
  m.key(key(Key::enter), h.mirror());
  h.serve(m, /*then_sync=*/false);
  CHECK(m.dialog() == DialogKind::transfer);
  REQUIRE(m.notice());
  CHECK(m.notice()->kind == Notice::Kind::error);
  CHECK_FALSE(m.notice()->detail.empty());
}

TEST_CASE("disruption dialog: Ctrl+digit ticks services, arrows choose, Enter reports to the hub") {
  FakeHub h;
  ConsoleModel m = console();
  h.sign_in(m, 3, "ani");  // B, A
  m.key(key(Key::f9), h.mirror());
  REQUIRE(m.dialog() == DialogKind::disruption);
  m.key(key(Key::down), h.mirror());  // network
  m.key(key(Key::down), h.mirror());  // printers: B only
  CHECK(m.disruption_dialog().affected == std::vector<bool>{true, false});
  m.key(KeyPress{Key::digit1, true, false}, h.mirror());  // untick B: none left
  m.key(key(Key::enter), h.mirror());
  CHECK(m.take_outbox().empty());
  CHECK(m.notice()->key == "counter.disruption.need_service");
  m.key(KeyPress{Key::digit1, true, false}, h.mirror());
  m.key(key(Key::left), h.mirror());  // degraded
  m.text("dua printer macet", h.mirror());
  m.key(key(Key::enter), h.mirror());
  const auto sent = h.serve(m);
  REQUIRE(sent.size() == 1);
  CHECK(sent[0].cmd == "disruption_set");
  CHECK(sent[0].args["resource"] == "printers");
  CHECK(sent[0].args["level"] == "degraded");
  CHECK(sent[0].args["services"] == json::array({"B"}));
  CHECK(m.dialog() == DialogKind::none);
  REQUIRE(h.view.disruptions.size() == 1);
  const Disruption& d = h.view.disruptions.begin()->second;
  CHECK(d.message_id == "dua printer macet");
  CHECK(d.declared_by == "staff:ani@loket3");
  CHECK(d.services == std::vector<std::string>{"B"});
}

TEST_CASE("language: F10 switches on every screen and in dialogs") {
  FakeHub h;
  ConsoleModel m = console();
  m.key(key(Key::f10), h.mirror());
  CHECK(m.lang() == Lang::en);
  h.sign_in(m, 2, "ani");
  m.key(key(Key::f9), h.mirror());
  m.key(key(Key::f10), h.mirror());
  CHECK(m.lang() == Lang::id);
  CHECK(m.dialog() == DialogKind::disruption);
}
