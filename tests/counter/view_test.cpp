// What the screen shows: built from the model and the mirror, in the chosen language.
#include <doctest/doctest.h>

#include <algorithm>

#include "antrian/counter/counter_view.h"
#include "antrian/counter/intent.h"
#include "fake_hub.h"

using namespace antrian;
using namespace antrian::counter;
using namespace antrian::counter::test;

namespace {

const ButtonView& button(const CounterView& v, Action a) {
  auto it = std::find_if(v.actions.begin(), v.actions.end(), [&](const ButtonView& b) { return b.action == a; });
  REQUIRE(it != v.actions.end());
  return *it;
}

}  // namespace

TEST_CASE("view: every action button carries its shortcut and, when disabled, why") {
  FakeHub h;
  ConsoleModel m({Lang::id, 0});
  h.sign_in(m, 2, "ani");
  h.issue("A");
  const CounterView v = build_view(m, h.mirror());
  REQUIRE(v.actions.size() == 10);
  const char* keys[] = {"F1", "F2", "F3", "F4", "F5", "F6", "F7", "F8", "F9", "F11"};
  for (std::size_t i = 0; i < v.actions.size(); ++i) {
    CHECK(v.actions[i].shortcut == keys[i]);
    CHECK_FALSE(v.actions[i].label.empty());
    CHECK(v.actions[i].enabled == v.actions[i].why.empty());
  }
  CHECK(button(v, Action::call_next).label == "Panggil Berikutnya");
  CHECK(button(v, Action::call_next).enabled);
  CHECK(button(v, Action::finish).label == "Selesai");
  CHECK(button(v, Action::finish).why == "Belum ada nomor yang dipanggil");
  CHECK(button(v, Action::pause).label == "Istirahat");
  CHECK(v.sign_out_button.shortcut == "F12");
  CHECK(v.lang_button.shortcut == "F10");
  CHECK(v.lang_button.label == "English");
  CHECK(v.header.loket == "Loket 2");
  CHECK(v.header.staff == "Ani Lestari");
  CHECK(v.header.state == "Buka");
  CHECK(v.header.clock == "09:00 WIB");
  CHECK(v.header.date == "Senin, 23 November 2026");
  CHECK(v.connection.ok);
  CHECK(v.connection.banner.empty());
}

TEST_CASE("view: the held ticket with its wait, a running timer, recalls and transfer note") {
  FakeHub h;
  ConsoleModel m({Lang::id, 0});
  h.sign_in(m, 4, "ani");  // C, D
  h.issue("A", "lansia");
  h.admin("sign_in", {{"counter", 1}, {"staff", "budi"}, {"pin", "1234"}});
  h.now += 12 * 60'000;
  h.admin("call_next", {{"counter", 1}});
  h.admin("transfer", {{"counter", 1}, {"to_counter", 4}, {"note", "perlu KK"}});
  m.on_mirror(h.mirror());
  CounterView v = build_view(m, h.mirror());
  CHECK_FALSE(v.current.present);
  CHECK(v.current.empty_text.find("F1") != std::string::npos);
  REQUIRE(v.waiting.size() == 1);
  CHECK(v.waiting[0].for_this_loket);
  CHECK(v.waiting[0].priority == "Lansia");
  CHECK(v.waiting[0].waited == "12 mnt");

  m.trigger(Action::call_next, h.mirror());
  h.serve(m);
  h.now += 30'000;
  m.trigger(Action::recall, h.mirror());
  h.serve(m);
  m.trigger(Action::start, h.mirror());
  h.serve(m);
  h.now += 4 * 60'000 + 12'000;
  v = build_view(m, h.mirror());
  REQUIRE(v.current.present);
  CHECK(v.current.label == "A-001");
  CHECK(v.current.service == "C \xC2\xB7 Kartu Keluarga");
  CHECK(v.current.priority == "Lansia");
  CHECK(v.current.state == TicketState::serving);
  CHECK(v.current.state_text == "Dilayani");
  CHECK(v.current.waited == "Menunggu 12 mnt sebelum dipanggil");
  CHECK(v.current.timer_caption == "Lama dilayani");
  CHECK(v.current.timer == "04:12");
  CHECK(v.current.recalls == "Dipanggil ulang 1x");
  CHECK(v.current.note == "Dialihkan dari Loket 1. Alasan: perlu KK");
  // While a ticket is held the view changes on every second; otherwise every 10 s.
  h.now += 300;
  CHECK(next_view_change_ms(m, h.mirror()) - h.now == 700);
  m.trigger(Action::finish, h.mirror());
  h.serve(m);
  CHECK(next_view_change_ms(m, h.mirror()) - h.now == 7700);  // 09:16:42.300 -> 09:16:50

  v = build_view(m, h.mirror());
  REQUIRE(v.figures.size() == 4);
  CHECK(v.figures[0].value == "1");
  CHECK(v.figures[3].value == "04:12");
  CHECK(v.figures[0].caption == "Dilayani");
}

TEST_CASE("view: services with status and the disruption message, English labels") {
  FakeHub h;
  ConsoleModel m({Lang::en, 0});
  h.sign_in(m, 3, "ani");  // B, A
  h.issue("B");
  h.issue("B");
  h.admin("disruption_set", {{"resource", "printers"}, {"level", "down"}, {"message_id", "Printer rusak"},
                             {"message_en", "Printers broken"}, {"expected_end", h.now + 3'600'000}});
  m.on_mirror(h.mirror());
  const CounterView v = build_view(m, h.mirror());
  REQUIRE(v.services.size() == 2);
  CHECK(v.services[0].code == "B");
  CHECK(v.services[0].name == "e-KTP printing");
  CHECK(v.services[0].waiting == "2 waiting");
  CHECK(v.services[0].status == ServiceStatus::halted);
  CHECK(v.services[0].status_text == "Halted");
  REQUIRE(v.services[0].messages.size() == 1);
  CHECK(v.services[0].messages[0] == "Card printers \xE2\x80\x93 Halted: Printers broken (expected back 10:00)");
  CHECK(v.services[1].status == ServiceStatus::normal);
  CHECK(v.services[1].messages.empty());
  CHECK(v.waiting_title == "Waiting (2)");
  REQUIRE(v.waiting.size() == 2);
  CHECK(v.waiting[0].halted);
  CHECK(v.waiting[0].eta == "Halted");
  CHECK(button(v, Action::call_next).why ==
        "Only tickets of halted services are waiting; choose one and press F7 to serve it anyway");
}

TEST_CASE("view: offline shows a banner and a disconnected header, sign-in lists lokets and staff") {
  FakeHub h;
  ConsoleModel m({Lang::id, 3});
  h.admin("sign_in", {{"counter", 2}, {"staff", "budi"}, {"pin", "1234"}});
  h.admin("pause", {{"counter", 2}});
  m.choose_staff("ani");
  m.text("12", h.mirror());
  CounterView v = build_view(m, h.mirror());
  CHECK(v.mode == Mode::sign_in);
  REQUIRE(v.sign_in.lokets.size() == 8);
  CHECK(v.sign_in.lokets[2].chosen);
  CHECK(v.sign_in.lokets[1].who == "budi \xC2\xB7 Istirahat");
  REQUIRE(v.sign_in.staff.size() == 2);
  CHECK(v.sign_in.staff[0].name == "Ani Lestari");
  CHECK(v.sign_in.staff[0].chosen);
  CHECK(v.sign_in.staff[1].where == "di Loket 2");
  CHECK(v.sign_in.pin_masked == "\xE2\x80\xA2\xE2\x80\xA2");
  CHECK(v.sign_in.submit.enabled);

  h.online = false;
  v = build_view(m, h.mirror());
  CHECK_FALSE(v.connection.ok);
  CHECK(v.connection.text == "Terputus");
  CHECK(v.connection.banner.find("Terputus dari server antrian") == 0);
  CHECK_FALSE(v.sign_in.submit.enabled);
  CHECK(v.sign_in.submit.why == "Tidak tersambung ke server antrian");
}

TEST_CASE("view: a dialog's choices and the notice, localized") {
  FakeHub h;
  ConsoleModel m({Lang::id, 0});
  h.sign_in(m, 2, "ani");
  h.issue("A");
  m.trigger(Action::call_next, h.mirror());
  h.serve(m);
  CounterView v = build_view(m, h.mirror());
  REQUIRE(v.notice);
  CHECK(v.notice->text == "A-001 dipanggil ke Loket 2");
  m.trigger(Action::transfer, h.mirror());
  apply(intent_number(Intent::Kind::choose_target, 6), m, h.mirror());  // lokets start after 5 services
  v = build_view(m, h.mirror());
  CHECK(v.dialog == DialogKind::transfer);
  CHECK(v.transfer.title == "Alihkan A-001");
  REQUIRE(v.transfer.services.size() == 5);
  REQUIRE(v.transfer.lokets.size() == 7);
  CHECK(v.transfer.lokets[1].chosen);
  CHECK(v.transfer.lokets[1].text == "Loket 3  (B, A) \xC2\xB7 Tutup");
  CHECK(v.transfer.confirm.enabled);
  CHECK(v.transfer.cancel.enabled);
  apply(intent_of(Intent::Kind::cancel_dialog), m, h.mirror());
  CHECK(m.dialog() == DialogKind::none);
  h.online = false;
  m.trigger(Action::transfer, h.mirror());
  v = build_view(m, h.mirror());
  CHECK(v.dialog == DialogKind::none);
  REQUIRE(v.notice);
  CHECK(v.notice->text == "Alihkan tidak bisa sekarang: Tidak tersambung ke server antrian");
}

TEST_CASE("intents: a click takes the same path as its key") {
  FakeHub h;
  ConsoleModel m({Lang::id, 0});
  apply(intent_number(Intent::Kind::choose_loket, 2), m, h.mirror());
  apply(intent_text(Intent::Kind::choose_staff, "ani"), m, h.mirror());
  m.text("1234", h.mirror());
  apply(intent_of(Intent::Kind::submit_sign_in), m, h.mirror());
  h.serve(m);
  REQUIRE(m.mode() == Mode::console);
  h.issue("A");
  apply(intent_trigger(Action::call_next), m, h.mirror());
  const auto sent = h.serve(m);
  REQUIRE(sent.size() == 1);
  CHECK(sent[0].cmd == "call_next");
  apply(intent_trigger(Action::report_disruption), m, h.mirror());
  apply(intent_number(Intent::Kind::choose_resource, 3), m, h.mirror());  // siak
  apply(intent_level(DisruptionLevel::degraded), m, h.mirror());
  apply(intent_number(Intent::Kind::toggle_affected, 1), m, h.mirror());
  CHECK(m.disruption_dialog().affected == std::vector<bool>{true, false});
  apply(intent_of(Intent::Kind::confirm_dialog), m, h.mirror());
  const auto report = h.serve(m);
  REQUIRE(report.size() == 1);
  CHECK(report[0].args["resource"] == "siak");
  CHECK(report[0].args["level"] == "degraded");
  apply(intent_of(Intent::Kind::dismiss_notice), m, h.mirror());
  CHECK_FALSE(m.notice());
}

TEST_CASE("view: before the hub was ever reached, the sign-in screen says so instead of listing nothing") {
  FakeHub h;
  h.online = false;
  h.synced = false;
  ConsoleModel m({Lang::id, 2});
  OfficeState empty;
  const Mirror nothing{empty, false, false, 0};
  CounterView v = build_view(m, nothing);
  CHECK(v.sign_in.lokets.empty());
  CHECK(v.sign_in.lists_note == "Daftar loket dan petugas muncul setelah tersambung ke server antrian");
  CHECK(v.connection.banner == "Belum tersambung ke server antrian; terus mencoba...");
  CHECK_FALSE(v.sign_in.submit.enabled);
  // Reached, with staff: the lists, no note.
  h.online = h.synced = true;
  v = build_view(m, h.mirror());
  CHECK(v.sign_in.lists_note.empty());
  CHECK(v.sign_in.lokets.size() == 8);
}

TEST_CASE("view: a ticket the office moved in bulk names the service it came from, not Loket 0") {
  FakeHub h;
  ConsoleModel m({Lang::id, 0});
  h.sign_in(m, 2, "ani");  // A, B
  h.issue("C");
  h.admin("bulk_move", {{"service", "C"}, {"to_service", "A"}, {"reason", "server KK terputus"}});
  m.on_mirror(h.mirror());
  m.trigger(Action::call_next, h.mirror());
  h.serve(m);
  CounterView v = build_view(m, h.mirror());
  REQUIRE(v.current.present);
  CHECK(v.current.label == "C-001");
  CHECK(v.current.note == "Dipindahkan oleh kantor dari layanan Kartu Keluarga. Alasan: server KK terputus");
  CHECK(v.current.note.find("Loket 0") == std::string::npos);
  m.trigger(Action::toggle_lang, h.mirror());
  v = build_view(m, h.mirror());
  CHECK(v.current.note == "Moved by the office from Family card (KK). Reason: server KK terputus");
}
