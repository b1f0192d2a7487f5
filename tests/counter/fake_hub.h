#pragma once
// The hub's rules in memory, for the view model's tests: the default office, a
// clock the test moves, and the real decide()/apply_event of shared/. The mirror
// the console sees lags behind like the real one: an answer reaches the console
// before the events it caused (serve() delivers the reply, then syncs).
#include <doctest/doctest.h>

#include "antrian/commands.h"
#include "antrian/forecast.h"
#include "antrian/counter/console_model.h"
#include "antrian/office_config.h"
#include "antrian/secrets.h"

namespace antrian::counter::test {

// 2026-11-23 09:00 WIB (a Monday morning).
inline constexpr int64_t kMonday9am = 1'795'399'200'000;

class FakeHub {
 public:
  explicit FakeHub(int64_t now_ms = kMonday9am) : now(now_ms) {
    auto cfg = default_office_config();
    REQUIRE(cfg.ok());
    cfg->staff.clear();  // PIN hashing is slow by design: one hash for everybody
    for (Event e : configure_office_events(hub, *cfg, now)) apply(e);
    static const std::string hash = hash_pin("1234");
    hub.staff["ani"] = StaffMember{"ani", "Ani Lestari", hash, true};
    hub.staff["budi"] = StaffMember{"budi", "Budi Santoso", hash, true};
    if (auto day = day_rollover_event(hub, now)) apply(*day);
    sync();
  }

  // What the console sees.
  Mirror mirror() const { return Mirror{view, online, synced, now}; }
  void sync() { view = hub; }

  // The hub's answer to one request (applied to the hub's state only).
  proto::Reply handle(const std::string& cmd, const nlohmann::json& args, const std::string& role = "counter") {
    proto::Request r;
    r.id = "r" + std::to_string(++requests);
    r.cmd = cmd;
    r.role = role;
    r.args = args;
    if (cmd == proto::cmd::hello) return proto::ok_reply(r.id, {{"seq", hub.seq}});
    auto d = decide(hub, r, CommandContext{now, role, "test"});
    if (!d) return proto::error_reply(r.id, d.error());
    nlohmann::json result = d->result;
    for (Event e : d->events) apply(e);
    if (!d->events.empty()) result["seq"] = hub.seq;
    return proto::ok_reply(r.id, result);
  }

  // Answers everything the console has sent, then lets the mirror catch up.
  // Returns the commands it saw.
  std::vector<Outgoing> serve(ConsoleModel& m, bool then_sync = true) {
    std::vector<Outgoing> seen = m.take_outbox();
    for (const Outgoing& o : seen) {
      last_args = o.args;
      m.on_reply(o.token, handle(o.cmd, o.args), mirror());
    }
    if (then_sync) {
      sync();
      m.on_mirror(mirror());
    }
    return seen;
  }

  // What antrian-ctl would do (admin role), applied and mirrored at once.
  nlohmann::json admin(const std::string& cmd, const nlohmann::json& args, bool then_sync = true) {
    auto r = handle(cmd, args, "admin");
    INFO(cmd, " ", args.dump(), " -> ", r.error.reason);
    REQUIRE(r.ok);
    if (then_sync) sync();
    return r.result;
  }
  int64_t issue(const std::string& service, const std::string& priority = "reguler") {
    return admin(std::string(proto::cmd::issue), {{"service", service}, {"priority", priority}})["ticket"]["id"].get<int64_t>();
  }
  // Signs a console in through its own keys-free path (choose, type, submit).
  void sign_in(ConsoleModel& m, int loket, const std::string& staff, const std::string& pin = "1234") {
    m.choose_loket(loket);
    m.choose_staff(staff);
    m.text(pin, mirror());
    REQUIRE(m.submit_sign_in(mirror()));
    serve(m);
    REQUIRE(m.mode() == Mode::console);
  }

  void apply(Event e) {
    e.seq = hub.seq + 1;
    apply_event(hub, e);
    hub.forecast = compute_forecast(hub, now);  // as the hub does after every change
  }

  OfficeState hub;   // the truth
  OfficeState view;  // the console's mirror
  int64_t now;
  bool online = true, synced = true;
  int requests = 0;
  nlohmann::json last_args;
};

}  // namespace antrian::counter::test
