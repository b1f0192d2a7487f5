// The hub sends its forecast as forecast_text(f), written without a JSON tree; every
// client reads it with forecast_from_json. It must be byte for byte to_json(f).dump():
// ids of mixed lengths ("10" sorts before "9"), unknown waits (null), services with
// one class only, odd service codes, and real forecasts of a random office.
#include <random>

#include "antrian/forecast.h"
#include "antrian/model_json.h"
#include "office_fixture.h"

namespace antrian::test {

TEST_CASE("forecast_text writes exactly to_json(f).dump()") {
  std::mt19937_64 rng(15);
  auto call = [&]() -> std::optional<CallForecast> {
    if (rng() % 4 == 0) return std::nullopt;
    const int64_t at = int64_t(rng() % 2'000'000'000'000ULL);
    return CallForecast{at, at - int64_t(rng() % 100'000), at + int64_t(rng() % 100'000)};
  };
  const char* codes[] = {"A", "B", "KK", "e-KTP", "a\"q", "Ω", "10", "9"};
  CHECK(forecast_text(Forecast{}) == to_json(Forecast{}).dump());
  for (int round = 0; round < 200; ++round) {
    Forecast f;
    f.seq = int64_t(rng() % 1'000'000) - 1;
    f.made_at = int64_t(rng() % 2'000'000'000'000ULL);
    const int n = int(rng() % 300);
    for (int i = 0; i < n; ++i) {
      const int digits = 1 + int(rng() % 12);
      int64_t id = 1;
      for (int d = 1; d < digits; ++d) id *= 10;
      f.tickets[id + int64_t(rng() % uint64_t(id * 9))] = call();
    }
    for (const char* code : codes) {
      if (rng() % 3 == 0) f.new_regular[code] = call();
      if (rng() % 3 == 0) f.new_priority[code] = call();
    }
    REQUIRE(forecast_text(f) == to_json(f).dump());
  }
}

TEST_CASE("forecast_text of a random office's forecasts equals the JSON tree's dump") {
  TestOffice o;
  std::mt19937 rng(7);
  const char* services[] = {"A", "B", "C", "D", "E", "F"};
  for (int step = 0; step < 300; ++step) {
    o.now += 1000 * int64_t(rng() % 40);
    switch (rng() % 6) {
      case 0: case 1: case 2: o.run(proto::cmd::issue, {{"service", services[rng() % 6]}}); break;
      case 3: o.open(1 + int(rng() % 8)); break;
      case 4: o.run(proto::cmd::call_next, {{"counter", 1 + int(rng() % 8)}}); break;
      default: o.run(proto::cmd::no_show, {{"counter", 1 + int(rng() % 8)}});
    }
    const Forecast f = compute_forecast(o.state, o.now);
    REQUIRE(forecast_text(f) == to_json(f).dump());
  }
}

}  // namespace antrian::test
