// The kiosk's view model and the come-back list: the offer on the warning and after a
// refusal (only when the hub's rule says the list is open), joining, the code on screen
// and on paper, a phone number checked before it is sent, and the check-in keypad
// (6 characters: come-back code; 8: booking code; a barcode scanner's typing).
#include <doctest/doctest.h>

#include "antrian/comeback.h"
#include "antrian/kiosk/kiosk_model.h"
#include "test_office.h"

using namespace antrian;
using namespace antrian::kiosk;
using kiosk_test::TestOffice;
using json = nlohmann::json;

namespace {

struct Kiosk {
  TestOffice office;
  KioskModel model;
  int64_t t = 1000;

  Kiosk() : model(kiosk_test::settings()) {
    model.start(t);
    model.set_office(office.snapshot(), t);
    model.set_connection(true, true, t);
  }
  void refresh() { model.set_office(office.snapshot(), t); }
  Effects tap(std::string_view key) {
    auto r = model.tap(key, t);
    INFO("tap ", key, " on ", to_string(model.screen()));
    REQUIRE(r.accepted);
    return r.effects;
  }
  bool refused(std::string_view key) { return !model.tap(key, t).accepted; }
  View view() const { return model.view(t); }
  // The hub's real answer to the model's request (the office runs the hub's rules).
  Effects answer(const Effects& fx) {
    REQUIRE(fx.request);
    return model.on_request_reply(*fx.request, office.request(fx.request->cmd, fx.request->args, "kiosk"), t);
  }
  void halt_printing() {
    office.ok(proto::cmd::disruption_set, {{"resource", "printers"}, {"level", "down"}, {"message_id", "Printer rusak"}});
    refresh();
  }
};

bool contains(const std::string& s, std::string_view part) { return s.find(part) != std::string::npos; }

}  // namespace

TEST_CASE("model: come-back: offered only while the hub's rule allows it; joining shows and prints the code") {
  Kiosk k;
  k.tap("route:ektp");
  Effects fx = k.tap("route:ektp-cetak");
  // Printing runs: a ticket, no offer anywhere.
  REQUIRE(fx.issue);
  k.model.on_issue_reply(k.office.issue(*fx.issue), k.t);
  k.tap("done");
  k.halt_printing();
  k.tap("route:ektp");
  fx = k.tap("route:ektp-cetak");
  View v = k.view();
  if (v.screen == ScreenId::issuing) {  // no numbers left: the hub refuses, and says the list is open
    k.model.on_issue_reply(k.office.issue(*fx.issue), k.t);
    v = k.view();
  }
  REQUIRE((v.screen == ScreenId::warning || v.screen == ScreenId::unavailable));
  const std::string offer = v.screen == ScreenId::warning ? v.warning.comeback_label : v.notice.comeback_label;
  CHECK(offer == "Beri tahu saya saat layanan pulih");
  fx = k.tap("comeback");
  REQUIRE(fx.request);
  CHECK(fx.request->cmd == "comeback_join");
  CHECK(fx.request->args["service"] == "B");
  CHECK(k.view().screen == ScreenId::issuing);  // nothing to touch while the hub answers
  CHECK(k.refused("comeback"));
  fx = k.answer(fx);
  v = k.view();
  REQUIRE(v.screen == ScreenId::comeback);
  const std::string code = k.office.state.comeback.rbegin()->second.code;
  CHECK(v.comeback.code == code.substr(0, 3) + " " + code.substr(3));
  CHECK(v.comeback.service_name == "Pencetakan e-KTP");
  CHECK(v.comeback.position_text == "Urutan Anda di daftar: 1");
  CHECK(contains(v.comeback.next_text, "Punya kode?"));
  // The slip: the code, the service, what happens next, and a QR of the code's own
  // page (/k/<code>) on the office's web.
  REQUIRE(fx.print);
  const std::string paper(fx.print->job.begin(), fx.print->job.end());
  CHECK(contains(paper, "KODE KEMBALI"));
  CHECK(contains(paper, code));
  CHECK(contains(paper, "Pencetakan e-KTP"));
  CHECK(contains(paper, "Simpan kertas ini sampai Anda diundang."));
  const std::string public_url = k.office.state.office.public_url;
  REQUIRE_FALSE(public_url.empty());
  CHECK(contains(paper, "\x1d(k"));
  CHECK(contains(paper, public_url + "/k/" + code));
  printing::PrintResult ok;
  ok.code = printing::PrintCode::ok;
  k.model.on_print_done(ok, false, k.t);
  CHECK(k.view().comeback.print_text == "Kode sudah dicetak. Silakan ambil kertasnya.");
  // The code stays on screen while the hub is away: it is the citizen's only proof.
  k.model.set_connection(false, false, k.t);
  CHECK(k.view().screen == ScreenId::comeback);
  k.model.set_connection(true, true, k.t);

  // English too.
  k.tap("lang");
  CHECK(k.view().comeback.title == "Your come-back code");
}

TEST_CASE("model: come-back: not offered for a running service or when the refusal says the list is closed") {
  Kiosk k;
  k.office.halt_siak();  // A and B degrade or halt with the central server; C does not need it
  k.refresh();
  k.tap("route:ektp");
  Effects fx = k.tap("route:ektp-rekam");
  View v = k.view();
  if (v.screen == ScreenId::warning && v.warning.status != ServiceStatus::halted) CHECK(v.warning.comeback_label.empty());
  // A refusal that does not carry comeback_can_join (after hours, say) offers nothing.
  KioskModel m(kiosk_test::settings());
  m.start(0);
  m.set_office(k.office.snapshot(), 0);
  m.set_connection(true, true, 0);
  m.tap("route:kk", 0);
  auto choice = m.tap("route:kk-baru", 0);
  if (choice.effects.issue) {
    proto::Reply refused = proto::error_reply("x", make_error("office_closed", "numbers for C are given from 08:00"));
    m.on_issue_reply(refused, 0);
    CHECK(m.view(0).screen == ScreenId::unavailable);
    CHECK(m.view(0).notice.comeback_label.empty());
    CHECK_FALSE(m.tap("comeback", 0).accepted);
  }
}

TEST_CASE("model: come-back: a phone number is checked by the hub's own rule before it is sent, and shown masked") {
  Kiosk k;
  k.halt_printing();
  k.tap("route:ektp");
  Effects fx = k.tap("route:ektp-cetak");
  if (fx.issue) k.model.on_issue_reply(k.office.issue(*fx.issue), k.t);
  k.answer(k.tap("comeback"));
  REQUIRE(k.view().screen == ScreenId::comeback);
  k.tap("comeback:phone");
  REQUIRE(k.view().screen == ScreenId::comeback_phone);
  CHECK(k.refused("key:A"));  // digits only
  for (char d : std::string("12345")) k.tap(std::string("key:") + d);
  CHECK_FALSE(k.view().keypad.ok_enabled);
  for (char d : std::string("67890")) k.tap(std::string("key:") + d);
  fx = k.tap("key:ok");
  CHECK_FALSE(fx.request);  // "1234567890" is no Indonesian mobile number
  CHECK(contains(k.view().keypad.message, "Bukan nomor HP Indonesia"));
  for (int i = 0; i < 10; ++i) k.tap("key:del");
  for (char d : std::string("081234567890")) k.tap(std::string("key:") + d);
  CHECK(k.view().keypad.typed == "0812 3456 7890");
  fx = k.tap("key:ok");
  REQUIRE(fx.request);
  CHECK(fx.request->cmd == "contact_set");
  CHECK(fx.request->args["phone"] == "+6281234567890");
  CHECK(fx.request->args["code"] == k.office.state.comeback.rbegin()->second.code);
  // The hub's answer (the message desk runs only in the hub): masked, never whole.
  k.model.on_request_reply(*fx.request, proto::ok_reply("x", {{"phone", "+62812****7890"}, {"service", "B"}}), k.t);
  View v = k.view();
  REQUIRE(v.screen == ScreenId::comeback);
  CHECK(v.comeback.phone_text == "Undangan dikirim ke +62812****7890");
  CHECK(v.comeback.phone_label.empty());
  CHECK(k.refused("comeback:phone"));
  // An office without messages refuses: said on the keypad, the person can go back.
  Kiosk k2;
  k2.halt_printing();
  k2.tap("route:ektp");
  fx = k2.tap("route:ektp-cetak");
  if (fx.issue) k2.model.on_issue_reply(k2.office.issue(*fx.issue), k2.t);
  k2.answer(k2.tap("comeback"));
  k2.tap("comeback:phone");
  for (char d : std::string("081234567890")) k2.tap(std::string("key:") + d);
  fx = k2.tap("key:ok");
  k2.model.on_request_reply(*fx.request, proto::error_reply("x", make_error("illegal_state", "this office sends no messages")), k2.t);
  CHECK(k2.view().screen == ScreenId::comeback_phone);
  CHECK_FALSE(k2.view().keypad.message.empty());
  k2.tap("back");
  CHECK(k2.view().screen == ScreenId::comeback);
}

TEST_CASE("model: check-in keypad: come-back codes, booking codes, a barcode scanner, refusals said on the pad") {
  Kiosk k;
  k.tap("checkin");
  View v = k.view();
  REQUIRE(v.screen == ScreenId::checkin);
  CHECK(v.keypad.keys.size() == 31);  // the code alphabet: no 0, O, 1, I, L
  CHECK(k.refused("key:O"));
  CHECK(k.refused("key:0"));
  for (char c : std::string("K7M2Q")) k.tap(std::string("key:") + c);
  CHECK_FALSE(k.view().keypad.ok_enabled);
  Effects fx = k.tap("key:ok");
  CHECK_FALSE(fx.request);
  CHECK(contains(k.view().keypad.message, "6"));
  k.tap("key:X");
  CHECK(k.view().keypad.typed == "K7M 2QX");
  fx = k.tap("key:ok");
  REQUIRE(fx.request);
  CHECK(fx.request->cmd == "comeback_checkin");
  CHECK(fx.request->args["code"] == "K7M2QX");
  k.answer(fx);  // no such code in this office
  v = k.view();
  REQUIRE(v.screen == ScreenId::checkin);
  CHECK(v.keypad.message == "Kode tidak dikenal. Periksa kode pada kertas atau pesan Anda.");
  k.tap("back");
  CHECK(k.view().screen == ScreenId::home);

  // A scanner types on Home: the check-in screen opens with the code; Enter sends it.
  k.model.typed("abcd-2345", k.t);
  v = k.view();
  REQUIRE(v.screen == ScreenId::checkin);
  CHECK(v.keypad.typed == "ABC D23 45");
  fx = k.model.typed_enter(k.t);
  REQUIRE(fx.request);
  CHECK(fx.request->cmd == "booking_checkin");  // 8 characters: a booking code
  CHECK(fx.request->args["code"] == "ABCD2345");
  k.model.on_request_reply(*fx.request,
                           proto::error_reply("x", make_error("unknown_command", "unknown command \"booking_checkin\"")), k.t);
  CHECK(k.view().keypad.message == "Check-in booking belum tersedia di kantor ini. Silakan tanya petugas.");
}

TEST_CASE("model: check-in of an invited come-back code gives the ticket that keeps its place, printed") {
  Kiosk k;
  k.halt_printing();
  const json joined = k.office.ok(proto::cmd::comeback_join, {{"service", "B"}});
  const std::string code = joined["code"];
  // Printing back; the hub invites (its heartbeat's events, applied as the hub does).
  for (auto& [id, d] : k.office.state.disruptions)
    if (d.active) k.office.ok(proto::cmd::disruption_clear, {{"id", id}});
  k.office.open(3, "ani");
  for (const Event& e : comeback_tick_events(k.office.state, k.office.now)) k.office.apply(e);
  REQUIRE(k.office.state.comeback.begin()->second.state == "invited");
  k.refresh();
  k.model.typed(code, k.t);
  Effects fx = k.model.typed_enter(k.t);
  fx = k.answer(fx);
  View v = k.view();
  REQUIRE(v.screen == ScreenId::ticket);
  CHECK(v.ticket.label.rfind("B-", 0) == 0);
  REQUIRE(fx.print);
  CHECK(contains(std::string(fx.print->job.begin(), fx.print->job.end()), v.ticket.label));
  CHECK(k.office.state.comeback.begin()->second.state == "came");
}
