// The kiosk's view model without a window: screens, routing, priority, warnings,
// quota, issuing once, printing, offline and idle time, checked on what a person
// would read and on what the model asks the program to do.
#include <doctest/doctest.h>

#include <algorithm>

#include "antrian/kiosk/kiosk_model.h"
#include "antrian/office_view.h"
#include "test_office.h"

using namespace antrian;
using namespace antrian::kiosk;
using kiosk_test::TestOffice;

namespace {

// A model that has started, received the office and is online, at t = 1000 ms.
struct Kiosk {
  TestOffice office;
  KioskModel model;
  int64_t t = 1000;

  explicit Kiosk(KioskSettings s = kiosk_test::settings()) : model(std::move(s)) {
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
  const ChoiceButton& button(const std::string& key) const {
    static View v;
    v = view();
    auto it = std::find_if(v.choice.buttons.begin(), v.choice.buttons.end(),
                           [&](const ChoiceButton& b) { return b.key == key; });
    REQUIRE(it != v.choice.buttons.end());
    return *it;
  }
  // Issues through the office like the hub would, and feeds the reply back.
  Effects answer(const Effects& fx) {
    REQUIRE(fx.issue);
    auto reply = office.issue(*fx.issue);
    return model.on_issue_reply(reply, t);
  }
  Effects printed(printing::PrintCode code, std::string reason = "") {
    printing::PrintResult r;
    r.code = code;
    r.reason = std::move(reason);
    return model.on_print_done(r, false, t);
  }
};

bool contains(const std::string& s, std::string_view part) { return s.find(part) != std::string::npos; }

}  // namespace

TEST_CASE("model: offline until the hub's state arrives, then Home asks the question") {
  KioskModel m(kiosk_test::settings());
  m.start(0);
  CHECK(m.screen() == ScreenId::offline);
  CHECK(m.view(0).offline.body == "Kios sedang menghubungkan ke server antrian...");
  CHECK_FALSE(m.tap("route:kk", 0).accepted);
  TestOffice office;
  m.set_office(office.snapshot(), 0);
  CHECK(m.screen() == ScreenId::offline);  // state but no connection yet
  m.set_connection(true, true, 0);
  REQUIRE(m.screen() == ScreenId::home);
  const View v = m.view(0);
  CHECK(v.choice.title == "Apa keperluan Anda?");
  CHECK(v.header.office_name == "Disdukcapil Kabupaten Contoh");
  CHECK(v.header.date_text == "Senin, 23 November 2026");
  CHECK(v.header.time_text == "09:00 WIB");
  CHECK(v.header.lang_label == "English");
  std::vector<std::string> keys;
  for (const auto& b : v.choice.buttons) keys.push_back(b.key);
  CHECK(keys == std::vector<std::string>{"route:ektp", "route:kk", "route:akta", "route:pindah", "route:info"});
  CHECK(v.choice.priorities.size() == 3);
}

TEST_CASE("model: service buttons show status, people waiting, the wait and tickets left") {
  Kiosk k;
  k.office.open(4, "ani");
  k.office.ok(proto::cmd::issue, {{"service", "C"}});
  k.office.ok(proto::cmd::issue, {{"service", "C"}});
  k.refresh();
  const ChoiceButton& kk = k.button("route:kk");
  CHECK(kk.status == ServiceStatus::normal);
  CHECK(kk.status_word == "Normal");
  CHECK(kk.waiting_text == "2 orang menunggu");
  CHECK(contains(kk.eta_text, "Perkiraan tunggu: sekitar"));
  const auto left = service_summary(k.office.state, "C", k.office.now).tickets_left;
  REQUIRE(left.has_value());
  CHECK(kk.left_text == "Sisa " + std::to_string(*left) + " nomor hari ini");
  // A question shows no card, but warns when a service below it is disrupted.
  CHECK_FALSE(k.button("route:ektp").status.has_value());
  k.office.halt_siak();
  k.refresh();
  CHECK(k.button("route:ektp").status == ServiceStatus::halted);
  CHECK(k.button("route:ektp").status_word == "Ada gangguan");
  CHECK(k.button("route:kk").status == ServiceStatus::normal);  // other services keep flowing
}

TEST_CASE("model: a normal service issues at once, exactly one request, then the ticket prints") {
  Kiosk k;
  Effects fx = k.tap("route:kk");
  REQUIRE(fx.issue);
  CHECK(fx.issue->service == "C");
  CHECK(fx.issue->priority == Priority::reguler);
  CHECK(k.model.screen() == ScreenId::issuing);
  // Touches while the ticket is being made do nothing: no second request.
  CHECK(k.refused("route:kk"));
  CHECK(k.refused("lang"));
  CHECK(k.refused("staff"));

  Effects after = k.answer(fx);
  REQUIRE(k.model.screen() == ScreenId::ticket);
  REQUIRE(after.print);
  CHECK_FALSE(after.print->reprint);
  CHECK(after.print->label == "C-001");
  CHECK_FALSE(after.issue);
  View v = k.view();
  CHECK(v.ticket.label == "C-001");
  CHECK(v.ticket.service_name == "Kartu Keluarga");
  CHECK(v.ticket.printing);
  CHECK(v.ticket.print_text == "Tiket sedang dicetak...");
  CHECK(v.ticket.qr_url == "http://127.0.0.1:8080/t/" + k.model.ticket()->token);
  CHECK(contains(v.ticket.wait_at_text, "loket 4, 5, 6 dan 7"));
  CHECK(k.office.state.tickets.size() == 1);

  // Printing does not time the ticket out; the answer does.
  k.t += 120'000;
  k.model.tick(k.t);
  CHECK(k.model.screen() == ScreenId::ticket);
  Effects p = k.printed(printing::PrintCode::ok);
  REQUIRE(p.report);
  CHECK(p.report->device == "kiosk-t/printer");
  CHECK(p.report->state == "ok");
  v = k.view();
  CHECK_FALSE(v.ticket.printing);
  CHECK(v.ticket.print_tone == Tone::ok);
  CHECK(v.ticket.print_text == "Tiket sudah dicetak. Silakan ambil tiket Anda.");
  k.t += kTicketShownMinMs - 1;
  k.model.tick(k.t);
  CHECK(k.model.screen() == ScreenId::ticket);
  k.t += int64_t(k.model.settings().idle_seconds) * 1000;
  k.model.tick(k.t);
  CHECK(k.model.screen() == ScreenId::home);
}

TEST_CASE("model: a failed print says so, keeps the ticket longer and reports the printer, never re-issues") {
  Kiosk k;
  Effects fx = k.tap("route:info");
  k.answer(fx);
  Effects p = k.printed(printing::PrintCode::paper_out, "printer 127.0.0.1:9100 reports paper end; nothing was printed");
  REQUIRE(p.report);
  CHECK(p.report->state == "paper_out");
  CHECK_FALSE(p.issue);
  CHECK_FALSE(p.print);
  const View v = k.view();
  CHECK(v.ticket.print_tone == Tone::error);
  CHECK(contains(v.ticket.print_text, "Kertas printer habis"));
  CHECK(contains(v.ticket.print_text, "catat atau foto nomor ini"));
  // Still on screen well after a printed ticket would have gone.
  k.t += 60'000;
  k.model.tick(k.t);
  CHECK(k.model.screen() == ScreenId::ticket);
  k.t += kTicketUnprintedMs;
  k.model.tick(k.t);
  CHECK(k.model.screen() == ScreenId::home);
  CHECK(k.office.state.tickets.size() == 1);
  // Home now warns that tickets are shown on screen only.
  CHECK(contains(k.view().header.printer_notice, "Printer tiket sedang bermasalah"));
}

TEST_CASE("model: a disrupted service warns first, with the message, the expected end and the alternative") {
  Kiosk k;
  k.office.halt_siak("Server pusat terputus", 120);
  k.refresh();
  CHECK_FALSE(k.tap("route:ektp").issue);
  REQUIRE(k.model.screen() == ScreenId::question);
  View q = k.view();
  CHECK(q.choice.title == "Apa yang Anda perlukan untuk e-KTP?");
  CHECK(q.choice.can_go_back);
  CHECK(k.button("route:ektp-cetak").status_word == "Terhenti");

  Effects fx = k.tap("route:ektp-cetak");
  CHECK_FALSE(fx.issue);  // nothing is issued before the person confirms
  REQUIRE(k.model.screen() == ScreenId::warning);
  View w = k.view();
  CHECK(w.warning.headline == "Layanan Pencetakan e-KTP sedang terhenti");
  CHECK(w.warning.messages == std::vector<std::string>{"Server pusat terputus"});
  CHECK(w.warning.expected_back == "Perkiraan pulih pukul 11:00 WIB");
  CHECK(contains(w.warning.alternative, "surat keterangan pengganti KTP-el"));
  CHECK(contains(w.warning.eta_text, "Perkiraan waktu tunggu"));
  CHECK(w.warning.confirm_label == "Tetap ambil nomor antrian");

  // Back: to the question, still nothing issued.
  CHECK_FALSE(k.tap("back").issue);
  CHECK(k.model.screen() == ScreenId::question);
  k.tap("route:ektp-cetak");
  k.tap("lang");
  w = k.view();
  CHECK(w.warning.headline == "e-KTP printing is halted at the moment");
  CHECK(w.warning.messages == std::vector<std::string>{"Central server down"});
  CHECK(contains(w.warning.alternative, "temporary certificate"));
  fx = k.tap("confirm");
  REQUIRE(fx.issue);
  CHECK(fx.issue->service == "B");
  k.answer(fx);
  const View t = k.view();
  CHECK(t.ticket.label == "B-001");
  CHECK(t.ticket.status_note == "e-KTP printing is halted: you will be called when it is back.");
}

TEST_CASE("model: the warning offers a ticket for the service that helps instead (a certificate)") {
  Kiosk k;
  k.office.state.services["B"].alternative_service = "F";
  k.office.state.services["B"].alternative_id = "Surat keterangan di loket Informasi.";
  k.office.halt_siak();
  k.refresh();
  k.tap("route:ektp");
  k.tap("route:ektp-hilang");
  REQUIRE(k.model.screen() == ScreenId::warning);
  View w = k.view();
  // The route's own words come first; the service's are the fallback.
  CHECK(contains(w.warning.alternative, "surat keterangan pengganti KTP-el"));
  CHECK(w.warning.alternative_label == "Ambil nomor Informasi & Pengaduan sebagai gantinya");
  Effects fx = k.tap("alternative");
  REQUIRE(fx.issue);
  CHECK(fx.issue->service == "F");
  k.answer(fx);
  CHECK(k.view().ticket.label == "F-001");

  // With the one-button-per-service table, the service's own alternative is shown.
  KioskModel plain(kiosk_test::settings());
  OfficeSnapshot s = k.office.snapshot();
  s.routing = nlohmann::json::array();
  plain.set_office(s, k.t);
  plain.set_connection(true, true, k.t);
  REQUIRE(plain.tap("route:service-b", k.t).accepted);
  CHECK(plain.view(k.t).warning.alternative == "Surat keterangan di loket Informasi.");
  CHECK_FALSE(plain.view(k.t).warning.alternative_label.empty());
  // An alternative that is itself halted is not offered.
  k.office.state.services["B"].alternative_service = "A";
  s = k.office.snapshot();
  s.routing = nlohmann::json::array();
  plain.set_office(s, k.t);
  REQUIRE(plain.screen() == ScreenId::warning);
  CHECK(plain.view(k.t).warning.alternative_label.empty());
  CHECK_FALSE(plain.tap("alternative", k.t).accepted);
}

TEST_CASE("model: a used-up quota gives no ticket, says why and what to do instead") {
  Kiosk k;
  k.office.state.services["D"].daily_quota = 1;
  k.office.ok(proto::cmd::issue, {{"service", "D"}});
  k.refresh();
  CHECK(k.button("route:akta").status_word == "Kuota habis");
  CHECK(k.button("route:akta").left_text == "Sisa 0 nomor hari ini");
  // The kiosk still asks the hub, which refuses and counts the refusal (reports, /metrics).
  Effects fx = k.tap("route:akta");
  REQUIRE(fx.issue);
  k.answer(fx);
  REQUIRE(k.model.screen() == ScreenId::unavailable);
  const View v = k.view();
  CHECK(v.notice.headline == "Nomor antrian Akta Kelahiran untuk hari ini sudah habis");
  CHECK(contains(v.notice.body, "tidak ada nomor antrian yang dibuat"));
  CHECK(contains(v.notice.advice, "pukul 08:00"));
  k.tap("back");
  CHECK(k.model.screen() == ScreenId::home);
  CHECK(k.office.state.tickets.size() == 1);
}

TEST_CASE("model: the hub's own refusal (quota used up meanwhile) is shown the same way") {
  Kiosk k;
  Effects fx = k.tap("route:kk");
  k.office.state.services["C"].daily_quota = 1;
  k.office.ok(proto::cmd::issue, {{"service", "C"}});  // another kiosk took the last one
  Effects after = k.answer(fx);
  CHECK_FALSE(after.print);
  REQUIRE(k.model.screen() == ScreenId::unavailable);
  CHECK(k.view().notice.detail.empty());  // the hub's English reason: not on an Indonesian screen
  k.tap("lang");
  CHECK(contains(k.view().notice.detail, "quota"));  // on an English one, for staff
  CHECK(k.office.state.tickets.size() == 1);
}

TEST_CASE("model: priority is a visible choice on Home and goes with the ticket") {
  Kiosk k;
  k.tap("priority:lansia");
  View v = k.view();
  CHECK(v.choice.priorities[0].selected);
  CHECK(v.choice.priorities[0].label == "Lansia (60+)");
  k.tap("priority:lansia");  // a second touch undoes it
  CHECK_FALSE(k.view().choice.priorities[0].selected);
  k.tap("priority:ibu_hamil");
  CHECK(k.refused("priority:vip"));
  k.tap("route:pindah");
  CHECK(k.view().choice.priority_note == "Antrian prioritas: Ibu hamil");
  CHECK(k.refused("priority:lansia"));  // chosen on Home only
  Effects fx = k.tap("route:pindah-datang");
  REQUIRE(fx.issue);
  CHECK(fx.issue->service == "E");
  CHECK(fx.issue->priority == Priority::ibu_hamil);
  k.answer(fx);
  CHECK(k.view().ticket.priority_text == "Antrian prioritas: Ibu hamil");
  k.tap("done");
  CHECK(k.model.priority() == Priority::reguler);  // the next person starts regular
}

TEST_CASE("model: English on request, the next person gets Indonesian again") {
  Kiosk k;
  Effects fx = k.tap("lang");
  REQUIRE(fx.lang);
  CHECK(*fx.lang == Lang::en);
  const View v = k.view();
  CHECK(v.choice.title == "What do you need today?");
  CHECK(v.header.lang_label == "Bahasa Indonesia");
  CHECK(v.header.date_text == "Monday, 23 November 2026");
  CHECK(v.choice.buttons[0].label == "Electronic ID card (e-KTP)");
  CHECK(k.model.next_deadline_ms() == k.t + 30'000);
  k.t += 30'000;
  Effects back = k.model.tick(k.t);
  REQUIRE(back.lang);
  CHECK(*back.lang == Lang::id);
  CHECK(k.view().choice.title == "Apa keperluan Anda?");
}

TEST_CASE("model: back to Home after the idle time, Home itself has no timer") {
  Kiosk k;
  k.tap("route:ektp");
  CHECK(k.model.next_deadline_ms() == k.t + 30'000);
  k.t += 29'999;
  k.model.tick(k.t);
  CHECK(k.model.screen() == ScreenId::question);
  k.t += 1;
  k.model.tick(k.t);
  CHECK(k.model.screen() == ScreenId::home);
  CHECK(k.model.next_deadline_ms() == kNoDeadline);
}

TEST_CASE("model: after closing the kiosk shows when numbers are given again instead of cards") {
  Kiosk k;
  k.office.now = kiosk_test::kMonday9am + (6 * 60 + 7) * 60'000LL;  // Monday 15:07
  k.refresh();
  View v = k.view();
  CHECK(v.choice.office_closed);
  CHECK(v.choice.buttons.empty());
  CHECK(v.choice.title == "Pengambilan nomor dibuka lagi besok pukul 08:00");
  CHECK(v.choice.subtitle == "Kantor sudah tutup untuk hari ini");
  k.tap("lang");
  CHECK(k.view().choice.title == "Numbers are given again tomorrow at 08:00");
}

TEST_CASE("model: a service outside its own issuing window says when it opens, and the hub says no") {
  Kiosk k;
  k.office.state.services["C"].issuing_until_min = 11 * 60;
  k.office.now = kiosk_test::kMonday9am + 2 * 3'600'000LL + 5 * 60'000;  // 11:05
  k.refresh();
  CHECK_FALSE(k.view().choice.office_closed);
  CHECK(k.button("route:kk").status_word == "Dibuka lagi besok pukul 08:00");
  CHECK(k.button("route:akta").status_word == "Normal");
  Effects fx = k.tap("route:kk");
  REQUIRE(fx.issue);
  k.answer(fx);
  REQUIRE(k.model.screen() == ScreenId::unavailable);
  const View v = k.view();
  CHECK(v.notice.headline == "Nomor antrian Kartu Keluarga belum dapat diambil sekarang");
  CHECK(v.notice.advice == "Pengambilan nomor dibuka lagi besok pukul 08:00.");
  CHECK_FALSE(contains(v.notice.detail, "tomorrow"));  // no English on an Indonesian screen
  CHECK(k.office.state.tickets.empty());
}
