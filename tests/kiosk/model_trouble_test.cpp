// The kiosk's view model when things go wrong or change underneath it: the hub
// unreachable, an issue in flight, the printer's reports and checks, no printer, and
// routing tables that are invalid or change.
#include <doctest/doctest.h>

#include <algorithm>

#include "antrian/kiosk/kiosk_model.h"
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

TEST_CASE("model: hub unreachable: please wait, no touches, choices reset, the ticket on screen stays") {
  Kiosk k;
  k.tap("route:ektp");
  k.model.set_connection(false, true, k.t);
  CHECK(k.model.screen() == ScreenId::offline);
  CHECK(k.view().offline.headline == "Mohon tunggu sebentar");
  CHECK(contains(k.view().offline.body, "menghubungkan kembali"));
  CHECK(k.refused("route:kk"));
  CHECK(k.refused("route:ektp-rekam"));
  k.model.set_connection(true, true, k.t);
  CHECK(k.model.screen() == ScreenId::home);

  Effects fx = k.tap("route:kk");
  k.answer(fx);
  k.model.set_connection(false, false, k.t);
  CHECK(k.model.screen() == ScreenId::ticket);
}

TEST_CASE("model: an issue in flight survives the hub going away, its late answer is the ticket") {
  Kiosk k;
  Effects fx = k.tap("route:kk");
  k.model.set_connection(false, true, k.t);
  CHECK(k.model.screen() == ScreenId::issuing);
  CHECK(contains(k.view().issuing.body, "kios terus mencoba"));
  k.model.set_connection(true, true, k.t);
  k.answer(fx);
  CHECK(k.model.screen() == ScreenId::ticket);
  CHECK(k.office.state.tickets.size() == 1);
}

TEST_CASE("model: no answer at all: no ticket, a calm explanation, and Home again") {
  Kiosk k;
  k.tap("route:kk");
  k.model.set_connection(false, true, k.t);
  auto reply = proto::error_reply("x", make_error(std::string(proto::err::unreachable), "the queue server did not answer"));
  Effects after = k.model.on_issue_reply(reply, k.t);
  CHECK_FALSE(after.print);
  REQUIRE(k.model.screen() == ScreenId::failed);  // shown even while offline
  const View v = k.view();
  CHECK(v.notice.headline == "Nomor antrian belum dapat dibuat");
  CHECK(contains(v.notice.body, "Server antrian tidak menjawab"));
  CHECK(v.notice.detail == "Server antrian tidak menjawab");  // the table's words for the code, not the hub's English
  k.tap("home");
  CHECK(k.model.screen() == ScreenId::offline);
}

TEST_CASE("model: printer state is reported once per change, and again after a reconnect if it was lost") {
  Kiosk k;
  printing::PrintResult bad;
  bad.code = printing::PrintCode::failed;
  bad.reason = "connection refused by 127.0.0.1:9100";
  Effects a = k.model.on_printer_checked(bad, k.t);
  REQUIRE(a.report);
  CHECK(a.report->state == "offline");
  // The same state while the first report is unanswered: nothing more.
  CHECK_FALSE(k.model.on_printer_checked(bad, k.t).report);
  CHECK_FALSE(k.model.on_report_reply(*a.report, true).report);
  CHECK_FALSE(k.model.on_printer_checked(bad, k.t).report);  // unchanged
  // A change while offline waits for the hub.
  k.model.set_connection(false, true, k.t);
  printing::PrintResult good;
  good.code = printing::PrintCode::ok;
  CHECK_FALSE(k.model.on_printer_checked(good, k.t).report);
  Effects back = k.model.set_connection(true, true, k.t);
  REQUIRE(back.report);
  CHECK(back.report->state == "ok");
  // A report the hub did not take is sent again after the next reconnect.
  k.model.on_report_reply(*back.report, false);
  k.model.set_connection(false, true, k.t);
  CHECK(k.model.set_connection(true, true, k.t).report);
}

TEST_CASE("model: the printer is checked at start, then periodically while Home is shown") {
  Kiosk k;
  KioskModel fresh(kiosk_test::settings());
  CHECK(fresh.start(0).check_printer);
  printing::PrintResult ok;
  ok.code = printing::PrintCode::ok;
  k.model.on_printer_checked(ok, k.t);
  CHECK(k.model.next_deadline_ms() == k.t + kPrinterCheckOkMs);
  k.t += kPrinterCheckOkMs;
  CHECK(k.model.tick(k.t).check_printer);
  CHECK_FALSE(k.model.tick(k.t).check_printer);  // one at a time

  KioskModel none(kiosk_test::settings("none"));
  Effects s = none.start(0);
  CHECK_FALSE(s.check_printer);
  CHECK(none.next_deadline_ms() == kNoDeadline);
}

TEST_CASE("model: with no printer the ticket says to note the number, and nothing is sent to print") {
  Kiosk k(kiosk_test::settings("none"));
  Effects fx = k.tap("route:kk");
  Effects after = k.answer(fx);
  CHECK_FALSE(after.print);
  CHECK(contains(k.view().ticket.print_text, "Printer tidak dipasang"));
}

TEST_CASE("model: an invalid routing table falls back to one button per service and says why") {
  Kiosk k;
  OfficeSnapshot s = k.office.snapshot();
  s.routing = nlohmann::json::array({{{"id", "x"}, {"label_id", "X"}, {"service", "Q"}}});
  k.model.set_office(s, k.t);
  CHECK(contains(k.model.routing_problem(), "unknown service \"Q\""));
  const View v = k.view();
  REQUIRE(v.choice.buttons.size() == 6);
  CHECK(v.choice.buttons[0].key == "route:service-a");
  CHECK(v.choice.buttons[0].label == "Perekaman e-KTP");
  Effects fx = k.tap("route:service-c");
  REQUIRE(fx.issue);
  CHECK(fx.issue->service == "C");
}

TEST_CASE("model: a routing table changing under a question returns to Home") {
  Kiosk k;
  k.tap("route:pindah");
  OfficeSnapshot s = k.office.snapshot();
  s.routing = nlohmann::json::array({{{"id", "kk"}, {"label_id", "KK"}, {"service", "C"}}});
  k.model.set_office(s, k.t);
  CHECK(k.model.screen() == ScreenId::home);
  CHECK(k.view().choice.buttons.size() == 1);
}
