#pragma once
// An office in memory for the kiosk's view-model tests: the default config applied
// through the hub's own rules (decide + apply_event), so issuing, disruptions and
// quotas behave as on a real hub, and the replies fed to the model are real replies.
#include <doctest/doctest.h>

#include <string>

#include "antrian/commands.h"
#include "antrian/forecast.h"
#include "antrian/kiosk/kiosk_model.h"
#include "antrian/kiosk/office_snapshot.h"
#include "antrian/office_config.h"
#include "antrian/secrets.h"

namespace kiosk_test {

using namespace antrian;

// 2026-11-23 09:00 WIB, a Monday morning.
inline constexpr int64_t kMonday9am = 1'795'399'200'000;

class TestOffice {
 public:
  TestOffice() {
    auto cfg = default_office_config();
    REQUIRE(cfg.ok());
    cfg->staff.clear();  // PIN hashing is slow by design; one shared hash below
    for (Event e : configure_office_events(state, *cfg, now)) apply(e);
    static const std::string hash = hash_pin("1234");
    for (const char* id : {"ani", "budi", "citra"}) state.staff[id] = StaffMember{id, id, hash, true};
    if (auto day = day_rollover_event(state, now)) apply(*day);
  }

  proto::Reply request(std::string_view cmd, nlohmann::json args, const std::string& role = "admin") {
    proto::Request r;
    r.id = "t" + std::to_string(++requests);
    r.cmd = std::string(cmd);
    r.role = role;
    r.args = std::move(args);
    auto d = decide(state, r, CommandContext{now, role, "test"});
    if (!d) return proto::error_reply(r.id, d.error());
    for (Event e : d->events) apply(e);
    return proto::ok_reply(r.id, d->result);
  }
  nlohmann::json ok(std::string_view cmd, nlohmann::json args) {
    auto r = request(cmd, args);
    INFO(cmd, " ", args.dump(), " -> ", r.error.reason);
    REQUIRE(r.ok);
    return r.result;
  }
  // The hub's answer to the model's IssueCommand, as the kiosk would get it.
  proto::Reply issue(const kiosk::IssueCommand& c) {
    return request(proto::cmd::issue, {{"service", c.service}, {"priority", std::string(to_string(c.priority))}},
                   "kiosk");
  }
  void open(int counter, const char* staff) {
    ok(proto::cmd::sign_in, {{"counter", counter}, {"staff", staff}, {"pin", "1234"}});
  }
  void halt_siak(const char* message_id = "Server pusat terputus", int minutes = 120) {
    ok(proto::cmd::disruption_set, {{"resource", "siak"}, {"level", "down"}, {"message_id", message_id},
                                    {"message_en", "Central server down"}, {"expected_end", now + int64_t(minutes) * 60000}});
  }
  kiosk::OfficeSnapshot snapshot() const { return kiosk::snapshot_office(state, now); }

  void apply(Event e) {
    e.seq = state.seq + 1;
    apply_event(state, e);
    state.forecast = compute_forecast(state, now);  // as the hub does after every change
  }

  OfficeState state;
  int64_t now = kMonday9am;
  int requests = 0;
};

// A model online with the office, at monotonic time t (ms).
inline kiosk::KioskSettings settings(std::string printer = "tcp://127.0.0.1:9100") {
  kiosk::KioskSettings s;
  s.name = "kiosk-t";
  s.idle_seconds = 30;
  s.staff_pin = "2468";
  s.printer = kiosk::parse_printer(printer).value();
  return s;
}

}  // namespace kiosk_test
