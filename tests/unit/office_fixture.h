#pragma once
// A small office in memory for unit tests: the default config, a clock the test
// moves, and run() that applies a command's events like the hub does.
#include <doctest/doctest.h>

#include "antrian/commands.h"
#include "antrian/forecast.h"
#include "antrian/office_config.h"
#include "antrian/office_time.h"
#include "antrian/secrets.h"

namespace antrian::test {

// 2026-11-23 09:00 WIB (a Monday morning).
inline constexpr int64_t kMonday9am = 1'795'399'200'000;

class TestOffice {
 public:
  explicit TestOffice(int64_t now = kMonday9am, const std::string& tz = "WIB") : now(now) {
    auto cfg = default_office_config();
    REQUIRE(cfg.ok());
    cfg->office.timezone = tz;
    cfg->staff.clear();  // hashing PINs is slow by design: tests share one hash
    for (Event e : configure_office_events(state, *cfg, now)) apply(e);
    static const std::string hash = hash_pin("1234");
    for (const char* id : {"ani", "budi", "citra", "dewi", "eko", "fajar", "gita", "hadi"})
      state.staff[id] = StaffMember{id, id, hash, true};
    if (auto day = day_rollover_event(state, now)) apply(*day);
  }

  Result<Decision> run(std::string_view cmd, nlohmann::json args, std::string role = "admin") {
    proto::Request r;
    r.id = "t" + std::to_string(++requests);
    r.cmd = std::string(cmd);
    r.role = std::move(role);
    r.args = std::move(args);
    auto d = decide(state, r, CommandContext{now, r.role, "test"});
    if (d)
      for (Event e : d->events) apply(e);
    return d;
  }

  // Runs a command that must succeed; returns its result.
  nlohmann::json ok(std::string_view cmd, nlohmann::json args) {
    auto d = run(cmd, args);
    INFO(cmd, " ", args.dump(), " -> ", d ? "" : d.error().reason);
    REQUIRE(d.ok());
    return d->result;
  }
  // Runs a command that must fail with `code`; checks nothing changed.
  void refused(std::string_view cmd, nlohmann::json args, std::string_view code) {
    const int64_t before = state.seq;
    auto d = run(cmd, args);
    INFO(cmd, " ", args.dump());
    REQUIRE_FALSE(d.ok());
    CHECK(d.error().code == code);
    CHECK_FALSE(d.error().reason.empty());
    CHECK(state.seq == before);
  }

  // Numbers at any hour, for tests about something else than office hours (nor
  // about how many the lokets can serve before closing).
  void open_all_day() {
    state.office.opening_hour = 0;
    state.office.closing_hour = 24;
    state.office.quota_follows_capacity = false;
  }

  void open(int counter, const char* staff = nullptr) {
    static const char* names[] = {"ani", "budi", "citra", "dewi", "eko", "fajar", "gita", "hadi"};
    ok(proto::cmd::sign_in, {{"counter", counter}, {"staff", staff ? staff : names[(counter - 1) % 8]}, {"pin", "1234"}});
  }
  int64_t issue(const std::string& service, const std::string& priority = "reguler") {
    return ok(proto::cmd::issue, {{"service", service}, {"priority", priority}})["ticket"]["id"].get<int64_t>();
  }
  const Ticket& ticket(int64_t id) const { return state.tickets.at(id); }
  std::string call_next(int counter) {
    return ok(proto::cmd::call_next, {{"counter", counter}})["ticket"]["label"].get<std::string>();
  }

  // Numbers at any hour of any day: for tests about days and zones, not office hours.
  void open_around_the_clock() {
    for (DayHours& d : state.office.hours.week) d = {0, 24 * 60};
    state.office.hours.breaks.clear();
    state.office.hours.last_ticket_minutes = 0;
    state.closures.clear();
    state.office.quota_follows_capacity = false;  // a second before midnight is not a full day
  }

  // Like the hub: apply, then make the forecast the screens read.
  void apply(Event e) {
    e.seq = state.seq + 1;
    apply_event(state, e);
    state.forecast = compute_forecast(state, now);
  }
  // Time passes with no change: the hub remakes its forecast at least once a minute.
  void advance(int64_t ms) {
    now += ms;
    state.forecast = compute_forecast(state, now);
  }

  OfficeState state;
  int64_t now;
  int requests = 0;
};

}  // namespace antrian::test
