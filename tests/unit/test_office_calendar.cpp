// The office calendar: weekly hours, the Friday break, holidays, the last-ticket
// cutoff, issuing windows per service, and the hub's rules that ask it.
#include <doctest/doctest.h>

#include <functional>

#include "antrian/eta.h"
#include "antrian/office_calendar.h"
#include "antrian/office_view.h"
#include "office_fixture.h"

using namespace antrian;
using antrian::test::TestOffice;

namespace {

// 2026-11-23 is a Monday; day 4 is Friday 27 November.
int64_t wib(int day, int hour, int minute) {
  return local_midnight_ms(2026, 11, 23, 7) + int64_t(day) * 86'400'000 + (hour * 60 + minute) * 60'000LL;
}

OfficeConfig config_with(const std::function<void(nlohmann::json&)>& edit) {
  auto j = nlohmann::json::parse(default_office_json());
  edit(j);
  auto cfg = parse_office_config(j.dump());
  INFO((cfg.ok() ? std::string() : cfg.error().reason));
  REQUIRE(cfg.ok());
  return *cfg;
}

std::string config_error(const std::function<void(nlohmann::json&)>& edit) {
  auto j = nlohmann::json::parse(default_office_json());
  edit(j);
  auto cfg = parse_office_config(j.dump());
  REQUIRE_FALSE(cfg.ok());
  return cfg.error().reason;
}

}  // namespace

TEST_CASE("calendar: the default office gives numbers on weekday office hours only") {
  TestOffice o(wib(0, 9, 0));
  const OfficeCalendar cal(o.state);
  CHECK(cal.issuing("A", wib(0, 9, 0)).open);
  CHECK(cal.issuing("A", wib(0, 9, 0)).until_ms == wib(0, 14, 30));  // the last-ticket cutoff
  CHECK(cal.office_open(wib(0, 14, 45)));

  const IssuingStatus early = cal.issuing("A", wib(0, 7, 30));
  CHECK(early.why == IssuingClosed::before_opening);
  CHECK(early.next_open_ms == wib(0, 8, 0));
  CHECK(format_next_opening(*early.next_open_ms, wib(0, 7, 30), 7, Lang::id) == "hari ini pukul 08:00");

  const IssuingStatus cutoff = cal.issuing("A", wib(0, 14, 45));
  CHECK(cutoff.why == IssuingClosed::cutoff);
  CHECK(cutoff.next_open_ms == wib(1, 8, 0));
  CHECK(format_next_opening(*cutoff.next_open_ms, wib(0, 14, 45), 7, Lang::id) == "besok pukul 08:00");

  // Friday after closing: Monday morning; Saturday is no working day.
  const IssuingStatus friday = cal.issuing("C", wib(4, 15, 7));
  CHECK(friday.why == IssuingClosed::after_closing);
  CHECK(friday.next_open_ms == wib(7, 8, 0));
  CHECK(format_next_opening(*friday.next_open_ms, wib(4, 15, 7), 7, Lang::id) == "Senin pukul 08:00");
  CHECK(format_next_opening(*friday.next_open_ms, wib(4, 15, 7), 7, Lang::en) == "Monday at 08:00");
  CHECK(cal.issuing("C", wib(5, 10, 0)).why == IssuingClosed::day_off);
}

TEST_CASE("calendar: the Friday prayer break stops service and numbers until 13:00") {
  TestOffice o(wib(4, 9, 0));
  const OfficeCalendar cal(o.state);
  CHECK(cal.issuing("A", wib(4, 11, 0)).until_ms == wib(4, 11, 30));
  const IssuingStatus br = cal.issuing("A", wib(4, 12, 0));
  CHECK(br.why == IssuingClosed::on_break);
  CHECK(br.reason_id == "Istirahat salat Jumat");
  CHECK(br.next_open_ms == wib(4, 13, 0));
  CHECK_FALSE(cal.office_open(wib(4, 12, 0)));
  CHECK(cal.office_open(wib(4, 13, 0)));
  // Planned capacity: minutes a loket still serves today, the break left out.
  CHECK(cal.remaining_open_minutes(1, wib(4, 11, 0)) == doctest::Approx(150));
  CHECK(cal.remaining_open_minutes(1, wib(0, 14, 0)) == doctest::Approx(60));
  CHECK(cal.remaining_open_minutes(1, wib(0, 7, 0)) == doctest::Approx(420));
  CHECK(cal.remaining_open_minutes(1, wib(0, 15, 0)) == 0);
  CHECK(cal.remaining_open_minutes(1, wib(5, 10, 0)) == 0);  // Saturday
  CHECK(cal.remaining_open_minutes(99, wib(0, 10, 0)) == 0);  // no such loket
}

TEST_CASE("calendar: holidays from the config and closures set by an admin") {
  TestOffice o(wib(0, 9, 0));
  // 2026-12-25 (a Friday) is in the default office's holidays.
  const int64_t christmas = local_midnight_ms(2026, 12, 25, 7) + 9 * 3'600'000LL;
  const IssuingStatus h = OfficeCalendar(o.state).issuing("A", christmas);
  CHECK(h.why == IssuingClosed::holiday);
  CHECK(h.reason_id == "Hari Natal");
  CHECK(h.next_open_ms == local_midnight_ms(2026, 12, 28, 7) + 8 * 3'600'000LL);

  // Closing tomorrow for a staff training, then opening it again.
  auto r = o.ok(proto::cmd::calendar_set, {{"date", "2026-11-24"}, {"closed", true},
                                           {"reason_id", "Pelatihan pegawai"}, {"reason_en", "Staff training"}});
  CHECK(r["closures"].size() == o.state.closures.size());
  CHECK(OfficeCalendar(o.state).issuing("A", wib(0, 14, 45)).next_open_ms == wib(2, 8, 0));
  CHECK(OfficeCalendar(o.state).issuing("A", wib(1, 9, 0)).reason_en == "Staff training");
  o.refused(proto::cmd::calendar_set, {{"date", "2026-02-30"}, {"closed", true}, {"reason_id", "x"}}, "bad_request");
  o.refused(proto::cmd::calendar_set, {{"date", "2026-11-24"}}, "bad_request");
  o.refused(proto::cmd::calendar_set, {{"date", "2026-11-26"}, {"closed", true}}, "bad_request");  // no reason
  o.refused(proto::cmd::calendar_set, {{"date", "2026-11-26"}, {"closed", false}}, "not_found");
  o.ok(proto::cmd::calendar_set, {{"date", "2026-11-24"}, {"closed", false}});
  CHECK(OfficeCalendar(o.state).issuing("A", wib(1, 9, 0)).open);

  // Closing today: the kiosk's next ticket is refused at once.
  o.ok(proto::cmd::calendar_set, {{"date", "2026-11-23"}, {"closed", true}, {"reason_id", "Banjir"}, {"reason_en", "Flood"}});
  o.refused(proto::cmd::issue, {{"service", "A"}}, "office_closed");
}

TEST_CASE("calendar: an issuing window per service (KK numbers until 11:00)") {
  TestOffice o(wib(0, 9, 0));
  o.state.services.at("C").issuing_until_min = 11 * 60;
  o.state.services.at("D").issuing_from_min = 9 * 60 + 30;
  const OfficeCalendar cal(o.state);
  const IssuingStatus kk = cal.issuing("C", wib(0, 11, 5));
  CHECK(kk.why == IssuingClosed::service_window);
  CHECK(kk.next_open_ms == wib(1, 8, 0));
  CHECK(cal.issuing("A", wib(0, 11, 5)).open);
  CHECK(cal.issuing("D", wib(0, 9, 0)).why == IssuingClosed::service_window);
  CHECK(cal.issuing("D", wib(0, 9, 0)).next_open_ms == wib(0, 9, 30));

  o.now = wib(0, 11, 5);
  o.refused(proto::cmd::issue, {{"service", "C"}}, "office_closed");
  o.issue("A");
  const ServiceSummary c = service_summary(o.state, "C", o.now);
  CHECK_FALSE(c.issuing_open);
  CHECK(c.issuing_closed == "service_window");
  CHECK(c.issuing_next_at == wib(1, 8, 0));
}

TEST_CASE("calendar: config hours, breaks and dates are checked, the older opening_hour still works") {
  const OfficeConfig legacy = config_with([](nlohmann::json& j) {
    j["office"].erase("hours");
    j["office"].erase("breaks");
    j["office"]["opening_hour"] = 7;
    j["office"]["closing_hour"] = 16;
  });
  CHECK(legacy.office.hours.week[1].open_min == 7 * 60);
  CHECK(legacy.office.hours.week[5].close_min == 16 * 60);
  CHECK_FALSE(legacy.office.hours.week[6].is_open());
  const OfficeConfig sat = config_with([](nlohmann::json& j) { j["office"]["hours"]["sat"] = "08:00-12:00"; });
  CHECK(sat.office.hours.week[6].close_min == 12 * 60);
  const OfficeConfig kk = config_with([](nlohmann::json& j) { j["services"][2]["issuing_until"] = "11:00"; });
  CHECK(kk.services[2].issuing_until_min == 11 * 60);

  CHECK(config_error([](nlohmann::json& j) { j["office"]["hours"]["fri"] = "08:00-25:00"; }).find("office.hours.fri") !=
        std::string::npos);
  CHECK(config_error([](nlohmann::json& j) { j["office"]["hours"]["friday"] = "08:00-15:00"; }).find("unknown day") !=
        std::string::npos);
  CHECK(config_error([](nlohmann::json& j) { j["office"]["breaks"][0]["days"] = {"jum"}; }).find("office.breaks[0].days") !=
        std::string::npos);
  CHECK(config_error([](nlohmann::json& j) { j["office"]["last_ticket_minutes"] = -5; }).find("last_ticket_minutes") !=
        std::string::npos);
  CHECK(config_error([](nlohmann::json& j) { j["holidays"].push_back("2026-02-30"); }).find("holidays[6].date") !=
        std::string::npos);
  CHECK(config_error([](nlohmann::json& j) { j["holidays"].push_back("2026-12-25"); }).find("duplicate") !=
        std::string::npos);
  CHECK(config_error([](nlohmann::json& j) { j["services"][2]["issuing_until"] = "11h"; }).find("issuing_until") !=
        std::string::npos);
}

TEST_CASE("calendar: after closing no number is given and the reason says when numbers come back") {
  // The reproduction: hours 08-15, at 15:07 `antrian-ctl issue C` gave C-001.
  TestOffice o(wib(0, 9, 0));
  o.open(1);
  o.now = wib(0, 15, 7);
  const int64_t before = o.state.seq;
  auto d = o.run(proto::cmd::issue, {{"service", "C"}});
  REQUIRE_FALSE(d.ok());
  CHECK(d.error().code == "office_closed");
  CHECK(d.error().reason.find("tomorrow at 08:00") != std::string::npos);
  CHECK(o.state.seq == before);
  const ServiceSummary c = service_summary(o.state, "C", o.now);
  CHECK_FALSE(c.issuing_open);
  CHECK(c.issuing_next_at == wib(1, 8, 0));
  const OfficeHoursSummary hours = office_hours_summary(o.state, o.now);
  CHECK_FALSE(hours.issuing_any);
  CHECK(hours.closed == "after_closing");
  CHECK(hours.next_text_id == "Pengambilan nomor dibuka lagi besok pukul 08:00");
}

TEST_CASE("calendar: lokets left signed in are signed out at closing and at the new day") {
  TestOffice o(wib(0, 9, 0));
  o.open(1);
  o.open(4);
  o.issue("C");
  o.now = wib(0, 14, 59);
  CHECK(closing_sign_out_events(o.state, o.now).empty());  // still open
  o.now = wib(0, 15, 1);
  auto events = closing_sign_out_events(o.state, o.now);
  REQUIRE(events.size() == 1);
  CHECK(events[0].actor == "hub");
  CHECK(events[0].data["signed_out"] == nlohmann::json::array({1}));  // loket 4 still has C-001 waiting
  for (Event e : events) o.apply(e);
  CHECK(o.state.counters.at(1).state == CounterState::closed);
  CHECK(o.state.counters.at(4).state == CounterState::open);

  // 00:20 the next day: loket 4 was never signed out. No number, never "0 min".
  o.now = wib(1, 0, 20);
  auto day = day_rollover_event(o.state, o.now);
  REQUIRE(day);
  CHECK(day->data["signed_out"] == nlohmann::json::array({4}));
  o.apply(*day);
  CHECK(o.state.counters.at(4).state == CounterState::closed);
  o.refused(proto::cmd::issue, {{"service", "A"}}, "office_closed");
  CHECK_FALSE(eta_for_new_ticket(o.state, "A", Priority::reguler, o.now).has_value());
}
