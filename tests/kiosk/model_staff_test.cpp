// The staff side of the kiosk (hidden gesture, PIN, reprint, leaving full screen) and
// a check that every screen's words exist in both languages.
#include <doctest/doctest.h>

#include "antrian/kiosk/kiosk_model.h"
#include "test_office.h"

using namespace antrian;
using namespace antrian::kiosk;
using kiosk_test::TestOffice;

namespace {

struct Kiosk {
  TestOffice office;
  KioskModel model;
  int64_t t = 1000;
  explicit Kiosk(KioskSettings s = kiosk_test::settings()) : model(std::move(s)) {
    model.start(t);
    model.set_office(office.snapshot(), t);
    model.set_connection(true, true, t);
  }
  Effects tap(std::string_view key) {
    auto r = model.tap(key, t);
    INFO("tap ", key, " on ", to_string(model.screen()));
    REQUIRE(r.accepted);
    return r.effects;
  }
  bool refused(std::string_view key) { return !model.tap(key, t).accepted; }
  void gesture() {
    for (int i = 0; i < kStaffTaps; ++i) {
      tap("staff");
      t += 300;
    }
  }
  void pin(const std::string& digits) {
    for (char c : digits) tap(std::string("pin:") + c);
    tap("pin:ok");
  }
  // Takes a ticket for service code at route key and lets it print.
  printing::Bytes take(const char* key) {
    Effects fx = tap(key);
    REQUIRE(fx.issue);
    Effects p = model.on_issue_reply(office.issue(*fx.issue), t);
    REQUIRE(p.print);
    printing::PrintResult ok;
    ok.code = printing::PrintCode::ok;
    model.on_print_done(ok, false, t);
    tap("done");
    return p.print->job;
  }
};

}  // namespace

TEST_CASE("staff: five quick taps on the corner open the PIN pad, slow taps do not") {
  Kiosk k;
  for (int i = 0; i < kStaffTaps - 1; ++i) k.tap("staff");
  CHECK(k.model.screen() == ScreenId::home);
  k.t += kStaffTapWindowMs + 1;
  k.tap("staff");  // the window restarted: this is the first again
  CHECK(k.model.screen() == ScreenId::home);
  k.t += kStaffTapWindowMs + 1;
  k.gesture();
  REQUIRE(k.model.screen() == ScreenId::staff_pin);
  CHECK(k.model.view(k.t).pin.title == "Menu petugas: masukkan PIN");
  CHECK(k.refused("route:kk"));
  k.tap("pin:cancel");
  CHECK(k.model.screen() == ScreenId::home);
}

TEST_CASE("staff: a wrong PIN is refused, five lock the pad, the right one opens the menu") {
  Kiosk k;
  k.gesture();
  k.pin("1111");
  CHECK(k.model.screen() == ScreenId::staff_pin);
  CHECK(k.model.view(k.t).pin.message == "PIN salah.");
  CHECK(k.model.view(k.t).pin.masked.empty());
  k.tap("pin:1");
  CHECK(k.model.view(k.t).pin.masked == "*");
  k.tap("pin:clear");
  for (int i = 1; i < kPinAttempts; ++i) k.pin("9999");
  CHECK_FALSE(k.model.view(k.t).pin.pad_enabled);
  CHECK(k.model.view(k.t).pin.message == "Terlalu banyak PIN salah. Coba lagi dalam 60 detik.");
  CHECK(k.refused("pin:2"));
  CHECK(k.refused("pin:ok"));
  k.t += kPinLockMs;
  CHECK(k.model.view(k.t).pin.pad_enabled);
  k.pin("2468");
  REQUIRE(k.model.screen() == ScreenId::staff_menu);
}

TEST_CASE("staff: reprint sends the same bytes again and never issues a ticket") {
  Kiosk k;
  const printing::Bytes first = k.take("route:kk");
  k.gesture();
  k.pin("2468");
  REQUIRE(k.model.screen() == ScreenId::staff_menu);
  View v = k.model.view(k.t);
  REQUIRE(v.staff.items.size() == 4);
  CHECK(v.staff.items[0].label == "Cetak ulang tiket terakhir (C-001)");
  CHECK(v.staff.items[0].enabled);
  Effects fx = k.tap("staff:reprint");
  REQUIRE(fx.print);
  CHECK(fx.print->reprint);
  CHECK(fx.print->job == first);
  CHECK_FALSE(fx.issue);
  CHECK(k.refused("staff:reprint"));  // one print at a time
  printing::PrintResult ok;
  ok.code = printing::PrintCode::ok;
  k.model.on_print_done(ok, true, k.t);
  CHECK(k.model.view(k.t).staff.message == "Tiket C-001 sudah dicetak ulang.");
  CHECK(k.model.screen() == ScreenId::staff_menu);
  CHECK(k.office.state.tickets.size() == 1);
}

TEST_CASE("staff: leaving full screen needs the menu, the menu times out to Home") {
  KioskSettings s = kiosk_test::settings();
  s.fullscreen = true;
  Kiosk k(s);
  k.gesture();
  k.pin("2468");
  CHECK(k.model.view(k.t).staff.items[1].label == "Keluar dari layar penuh");
  Effects fx = k.tap("staff:fullscreen");
  REQUIRE(fx.fullscreen);
  CHECK_FALSE(*fx.fullscreen);
  CHECK(k.model.view(k.t).staff.items[1].label == "Tampilkan layar penuh");
  CHECK(k.tap("staff:quit").quit);
  k.t += 30'000;
  k.model.tick(k.t);
  CHECK(k.model.screen() == ScreenId::home);
}

TEST_CASE("staff: without a configured PIN the pad says how to set one and opens nothing") {
  KioskSettings s = kiosk_test::settings();
  s.staff_pin.clear();
  Kiosk k(s);
  k.gesture();
  const View v = k.model.view(k.t);
  CHECK_FALSE(v.pin.configured);
  CHECK(v.pin.message.find("--staff-pin") != std::string::npos);
  CHECK(k.refused("pin:1"));
  CHECK(k.refused("pin:ok"));
  k.tap("pin:cancel");
  CHECK(k.model.screen() == ScreenId::home);
}

TEST_CASE("strings: every screen's words exist in Indonesian and English (no raw keys)") {
  for (Lang lang : {Lang::id, Lang::en}) {
    Kiosk k;
    if (lang == Lang::en) k.tap("lang");
    std::vector<View> views;
    views.push_back(k.model.view(k.t));
    k.office.halt_siak();
    k.office.state.services["D"].daily_quota = 1;
    k.office.ok(proto::cmd::issue, {{"service", "D"}});
    k.model.set_office(k.office.snapshot(), k.t);
    views.push_back(k.model.view(k.t));
    k.tap("route:ektp");
    views.push_back(k.model.view(k.t));
    k.tap("route:ektp-rekam");
    views.push_back(k.model.view(k.t));  // warning
    k.tap("back");
    k.tap("back");
    Effects refused = k.tap("route:akta");
    k.model.on_issue_reply(k.office.issue(*refused.issue), k.t);  // the hub says no, and counts it
    views.push_back(k.model.view(k.t));  // unavailable
    k.tap("back");
    Effects fx = k.tap("route:kk");
    views.push_back(k.model.view(k.t));  // issuing
    k.model.on_issue_reply(k.office.issue(*fx.issue), k.t);
    views.push_back(k.model.view(k.t));  // ticket, printing
    printing::PrintResult bad;
    bad.code = printing::PrintCode::cover_open;
    k.model.on_print_done(bad, false, k.t);
    views.push_back(k.model.view(k.t));
    k.tap("done");
    k.gesture();
    views.push_back(k.model.view(k.t));
    k.pin("2468");
    views.push_back(k.model.view(k.t));
    k.tap("staff:close");
    k.model.set_connection(false, false, k.t);
    views.push_back(k.model.view(k.t));
    auto check = [](const std::string& s) {
      INFO(s);
      CHECK(s.find("kiosk.") == std::string::npos);
      CHECK(s.find("printing.") == std::string::npos);
      CHECK(s.find('{') == std::string::npos);
    };
    for (const View& v : views) {
      check(v.header.lang_label);
      check(v.header.printer_notice);
      for (const std::string& s : {v.choice.title, v.choice.subtitle, v.choice.priority_title, v.choice.back_label,
                                   v.warning.headline, v.warning.expected_back, v.warning.eta_text,
                                   v.warning.alternative, v.warning.confirm_label, v.notice.headline, v.notice.body,
                                   v.notice.advice, v.notice.back_label, v.issuing.headline, v.issuing.body,
                                   v.ticket.title, v.ticket.eta_text, v.ticket.ahead_text, v.ticket.wait_at_text,
                                   v.ticket.print_text, v.ticket.done_label, v.offline.headline, v.offline.body,
                                   v.offline.detail, v.pin.title, v.pin.ok_label, v.staff.title})
        check(s);
      for (const auto& b : v.choice.buttons)
        for (const std::string& s : {b.label, b.status_word, b.waiting_text, b.eta_text, b.left_text}) check(s);
      for (const auto& b : v.staff.items) check(b.label);
      for (const auto& p : v.choice.priorities) check(p.label);
    }
  }
}
