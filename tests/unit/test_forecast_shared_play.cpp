// compute_forecast plays the waiting tickets once and branches each new ticket's run
// (per service and priority class) off that one play where they part. Every figure
// must be exactly the one of the new ticket's own run from the start
// (new_ticket_call), in offices changed at random: shared lokets, breaks, halts with
// and without an end, printers N of M, transfers to a loket, priorities, arrivals.
#include <random>

#include "antrian/forecast.h"
#include "office_fixture.h"

namespace antrian::test {
namespace {

void check_against_own_runs(const OfficeState& s, int64_t now, int step) {
  const Forecast f = compute_forecast(s, now);
  for (const auto& [code, _] : s.services)
    for (Priority p : {Priority::reguler, Priority::lansia}) {
      INFO("step " << step << " service " << code << " priority " << int(p));
      const auto& table = p == Priority::reguler ? f.new_regular : f.new_priority;
      REQUIRE(table.count(code) == 1);
      const std::optional<CallForecast> shared = table.at(code);
      const std::optional<CallForecast> own = new_ticket_call(s, code, p, now);
      REQUIRE(shared.has_value() == own.has_value());
      if (!own) continue;
      CHECK(shared->at_ms == own->at_ms);
      CHECK(shared->low_ms == own->low_ms);
      CHECK(shared->high_ms == own->high_ms);
    }
}

}  // namespace

TEST_CASE("the forecast's new-ticket figures from one shared play equal each new ticket's own run") {
  TestOffice o;
  std::mt19937 rng(2026);
  const char* services[] = {"A", "B", "C", "D", "E", "F"};
  const char* priorities[] = {"reguler", "reguler", "reguler", "lansia", "disabilitas"};
  int64_t disruption = 0;
  int compared = 0;
  for (int step = 0; step < 400; ++step) {
    const int counter = 1 + int(rng() % 8);
    o.now += 1000 * int64_t(rng() % 40);
    switch (rng() % 14) {
      case 0: case 1: case 2: case 3:
        o.run(proto::cmd::issue, {{"service", services[rng() % 6]}, {"priority", priorities[rng() % 5]}});
        break;
      case 4: o.open(counter); break;
      case 5: o.run(proto::cmd::call_next, {{"counter", counter}}); break;
      case 6: o.run(proto::cmd::start, {{"counter", counter}}); o.run(proto::cmd::finish, {{"counter", counter}}); break;
      case 7: o.run(proto::cmd::no_show, {{"counter", counter}}); break;
      case 8: o.run(proto::cmd::transfer, {{"counter", counter}, {"to_counter", 1 + int(rng() % 8)}}); break;
      case 9:
        if (rng() % 2) o.run(proto::cmd::pause, {{"counter", counter}, {"minutes", 1 + int(rng() % 20)}});
        else o.run(proto::cmd::resume, {{"counter", counter}});
        break;
      case 10: o.run(proto::cmd::resource_set, {{"resource", "printers"}, {"working", int(rng() % 7)}}); break;
      case 11: o.run(proto::cmd::resource_set, {{"resource", "blangko"}, {"stock", int(rng() % 3) * 20}}); break;
      case 12:
        if (disruption == 0) {
          auto d = o.run(proto::cmd::disruption_set, {{"resource", "siak"}, {"level", rng() % 2 ? "down" : "degraded"}});
          if (d) disruption = d->result["disruption"]["id"].get<int64_t>();
        } else if (rng() % 2) {
          o.run(proto::cmd::disruption_set, {{"id", disruption}, {"expected_end", o.now + int64_t(rng() % 90) * 60'000}});
        } else {
          o.run(proto::cmd::disruption_clear, {{"id", disruption}});
          disruption = 0;
        }
        break;
      default: o.run(proto::cmd::sign_out, {{"counter", counter}});
    }
    check_against_own_runs(o.state, o.now, step);
    ++compared;
  }
  CHECK(compared == 400);
  CHECK(o.state.tickets.size() > 60);
}

}  // namespace antrian::test
