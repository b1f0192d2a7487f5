// The desk tools at the loket: F11 brings back the no-show this loket just marked
// (while the office's time allows), and the F9 report takes an expected end (minutes
// or a time on the hub's clock) and can be updated or cleared (F4) by its loket.
#include <doctest/doctest.h>

#include "antrian/counter/console_model.h"
#include "antrian/counter/counter_view.h"
#include "antrian/counter/dialogs.h"
#include "fake_hub.h"

using namespace antrian;
using namespace antrian::counter;
using namespace antrian::counter::test;
using json = nlohmann::json;

namespace {
KeyPress key(Key k) { return KeyPress{k, false, false}; }
const ButtonView& undo_button(const CounterView& v) {
  for (const ButtonView& b : v.actions)
    if (b.action == Action::undo_no_show) return b;
  FAIL("no undo button");
  return v.actions.front();
}
}  // namespace

TEST_CASE("F11 brings back the no-show this loket marked, named on its button, until the office's time passes") {
  FakeHub h;
  ConsoleModel m({Lang::id, 0});
  h.sign_in(m, 2, "ani");
  h.issue("A");
  h.issue("A");
  CHECK_FALSE(m.availability(Action::undo_no_show, h.mirror()).enabled);
  m.key(key(Key::f1), h.mirror());
  h.serve(m);
  m.key(key(Key::f5), h.mirror());
  h.serve(m);
  REQUIRE(h.view.tickets.at(1).state == TicketState::no_show);
  CHECK(undo_button(build_view(m, h.mirror())).label == "Kembalikan A-001 (s.d. 09:30)");
  CHECK(undo_button(build_view(m, h.mirror())).shortcut == "F11");
  // The loket goes on with A-002; the applicant of A-001 comes back.
  m.key(key(Key::f1), h.mirror());
  h.serve(m);
  h.now += 10 * 60'000;
  m.key(key(Key::f11), h.mirror());
  const auto sent = h.serve(m);
  REQUIRE(sent.size() == 1);
  CHECK(sent[0].cmd == "restore_no_show");
  CHECK(sent[0].args == json{{"counter", 2}, {"ticket", 1}});
  CHECK(h.view.tickets.at(1).state == TicketState::waiting);
  CHECK(m.notice()->key == "counter.notice.restored");
  CHECK_FALSE(m.availability(Action::undo_no_show, h.mirror()).enabled);

  // A later no-show, 31 minutes on: the button says why not, the key does nothing.
  m.key(key(Key::f5), h.mirror());
  h.serve(m);
  h.now += 31 * 60'000;
  const auto why = m.availability(Action::undo_no_show, h.mirror());
  CHECK_FALSE(why.enabled);
  CHECK(why.reason_key == "counter.why.no_recent_no_show");
  m.key(key(Key::f11), h.mirror());
  CHECK(m.take_outbox().empty());
  CHECK(build_view(m, h.mirror()).actions.size() == 10);
}

TEST_CASE("the F9 report takes an expected end in minutes or as a time, counted by the hub") {
  CHECK(expected_end_args("") == json::object());
  CHECK(expected_end_args("45") == json{{"expected_minutes", 45}});
  CHECK(expected_end_args("9.30") == json{{"expected_at", "09:30"}});
  CHECK(expected_end_args(" 14:05 ") == json{{"expected_at", "14:05"}});
  for (const char* bad : {"0", "jam 2", "25:00", "14:5", "1:2:3"}) CHECK_FALSE(expected_end_args(bad));

  FakeHub h;  // 09:00
  ConsoleModel m({Lang::id, 0});
  h.sign_in(m, 3, "ani");
  m.key(key(Key::f9), h.mirror());
  m.key(key(Key::tab), h.mirror());  // typing goes to the expected end
  m.text("jam", h.mirror());
  m.key(key(Key::enter), h.mirror());
  CHECK(m.take_outbox().empty());
  CHECK(m.notice()->key == "counter.disruption.bad_expected");
  for (int i = 0; i < 3; ++i) m.key(key(Key::backspace), h.mirror());
  m.text("10:30", h.mirror());
  m.key(key(Key::tab), h.mirror());
  m.text("SIAK putus", h.mirror());
  CHECK(m.disruption_dialog().expected.text() == "10:30");
  CHECK(m.disruption_dialog().message.text() == "SIAK putus");
  m.key(key(Key::enter), h.mirror());
  const auto sent = h.serve(m);
  REQUIRE(sent.size() == 1);
  CHECK(sent[0].args["expected_at"] == "10:30");
  REQUIRE(h.view.disruptions.size() == 1);
  const Disruption& d = h.view.disruptions.begin()->second;
  CHECK(d.expected_end == h.now + 90 * 60'000);
  CHECK(d.counter == 3);
}

TEST_CASE("the loket updates and clears (F4) what it reported itself, not another's") {
  FakeHub h;
  ConsoleModel m({Lang::id, 0});
  h.sign_in(m, 3, "ani");
  h.admin("disruption_set", {{"resource", "siak"}, {"level", "down"}});  // the admin's, not ours
  m.key(key(Key::f9), h.mirror());
  m.key(key(Key::f4), h.mirror());
  CHECK(m.take_outbox().empty());
  CHECK(m.notice()->key == "counter.disruption.none_own");
  m.key(key(Key::escape), h.mirror());
  // Report the printers, then open F9 again: it opens on that report.
  m.key(key(Key::f9), h.mirror());
  m.choose_resource(2, h.mirror());  // blangko, network, printers, siak
  REQUIRE(m.disruption_dialog().resources.at(2) == "printers");
  m.key(key(Key::enter), h.mirror());
  h.serve(m);
  m.key(key(Key::f9), h.mirror());
  CHECK(m.disruption_dialog().chosen == 2);
  const CounterView v = build_view(m, h.mirror());
  CHECK(v.disruption.clear.enabled);
  CHECK(v.disruption.own.find("Loket ini melaporkannya pukul 09:00") == 0);
  CHECK(v.disruption.confirm.label == "Perbarui");
  m.key(key(Key::tab), h.mirror());
  m.text("20", h.mirror());
  m.key(key(Key::enter), h.mirror());
  auto sent = h.serve(m);
  REQUIRE(sent.size() == 1);
  CHECK(sent[0].args.contains("id"));
  CHECK_FALSE(sent[0].args.contains("resource"));
  int active = 0;
  for (const auto& [_, d] : h.view.disruptions) active += d.active;
  CHECK(active == 2);  // updated, not reported twice
  m.key(key(Key::f9), h.mirror());
  m.key(key(Key::f4), h.mirror());
  sent = h.serve(m);
  REQUIRE(sent.size() == 1);
  CHECK(sent[0].cmd == "disruption_clear");
  CHECK(m.notice()->key == "counter.notice.cleared");
  active = 0;
  for (const auto& [_, d] : h.view.disruptions) active += d.active;
  CHECK(active == 1);  // the admin's stays
}
