#pragma once
// A small office in memory for the display's tests: the default config, a clock the
// test moves, and commands applied the way the hub applies them. Each command
// returns the events it produced (with sequence numbers and times), so tests can
// hand the very same events to the announcer that a display would receive.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "antrian/commands.h"
#include "antrian/forecast.h"
#include "antrian/office_config.h"
#include "antrian/protocol.h"
#include "antrian/secrets.h"

namespace antrian::display::test {

// 2026-11-23 09:00 WIB, a Monday morning.
inline constexpr int64_t kMonday9am = 1'795'399'200'000;

class TestOffice {
 public:
  explicit TestOffice(int64_t start = kMonday9am) : now(start) {
    auto cfg = default_office_config();
    REQUIRE(cfg.ok());
    cfg->staff.clear();  // PIN hashing is slow on purpose: share one hash
    for (Event e : configure_office_events(state, *cfg, now)) apply(e);
    static const std::string hash = hash_pin("1234");
    for (int i = 1; i <= 8; ++i) {
      const std::string id = "staff" + std::to_string(i);
      state.staff[id] = StaffMember{id, id, hash, true};
    }
    if (auto day = day_rollover_event(state, now)) apply(*day);
  }

  std::vector<Event> run(std::string_view cmd, nlohmann::json args) {
    proto::Request r;
    r.id = "t" + std::to_string(++requests_);
    r.cmd = std::string(cmd);
    r.role = "admin";
    r.args = std::move(args);
    auto d = decide(state, r, CommandContext{now, r.role, "test"});
    INFO(cmd, " ", r.args.dump(), " -> ", d ? "" : d.error().reason);
    REQUIRE(d.ok());
    std::vector<Event> out;
    for (Event e : d->events) out.push_back(apply(e));
    return out;
  }

  void open(int loket) {
    run(proto::cmd::sign_in, {{"counter", loket}, {"staff", "staff" + std::to_string(loket)}, {"pin", "1234"}});
  }
  void issue(const std::string& service, int n = 1) {
    for (int i = 0; i < n; ++i) run(proto::cmd::issue, {{"service", service}});
  }
  // The ticket_called / ticket_recalled event of a call.
  Event call_next(int loket) { return run(proto::cmd::call_next, {{"counter", loket}}).front(); }
  Event recall(int loket) { return run(proto::cmd::recall, {{"counter", loket}}).front(); }
  void start(int loket) { run(proto::cmd::start, {{"counter", loket}}); }
  void finish(int loket) { run(proto::cmd::finish, {{"counter", loket}}); }
  void no_show(int loket) { run(proto::cmd::no_show, {{"counter", loket}}); }
  void advance(int64_t ms) { now += ms; }

  Event apply(Event e) {
    e.seq = state.seq + 1;
    if (e.at == 0) e.at = now;
    apply_event(state, e);
    state.forecast = compute_forecast(state, now);  // as the hub does after every change
    return e;
  }

  OfficeState state;
  int64_t now;

 private:
  int requests_ = 0;
};

}  // namespace antrian::display::test
