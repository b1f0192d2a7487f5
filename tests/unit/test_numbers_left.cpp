// Numbers left come from the day's planned capacity (the roster), not from who is
// signed in this minute, so a number the kiosk offered is not taken back.
#include "antrian/capacity.h"
#include "antrian/office_config.h"
#include "antrian/office_view.h"
#include "antrian/planned_capacity.h"
#include "office_fixture.h"

using namespace antrian;
using antrian::test::TestOffice;
namespace cmd = antrian::proto::cmd;

namespace {
constexpr int64_t k0802 = antrian::test::kMonday9am - 58 * 60'000;
std::optional<int> left(const TestOffice& o, const char* service) { return tickets_left_today(o.state, service, o.now).tickets; }
}  // namespace

TEST_CASE("issue 13: E's numbers left do not flap when lokets 5 and 7 sign in and out") {
  TestOffice o(k0802);
  // 08:02 to 15:00 is 25,080 s; loket 5 (C, E) gives E half its time, loket 7 (E, C, D)
  // a third; E's turn is 480 s: 43 tickets, under the quota of 80.
  const auto before = left(o, "E");
  REQUIRE(before);
  CHECK(*before == 43);
  CHECK(tickets_left_today(o.state, "E", o.now).limited_by == LimitedBy::hours);
  o.open(5);
  CHECK(left(o, "E") == before);
  o.open(7);
  CHECK(left(o, "E") == before);
  o.ok(cmd::sign_out, {{"counter", 7}});
  CHECK(left(o, "E") == before);
  o.ok(cmd::pause, {{"counter", 5}});
  CHECK(left(o, "E") == before);
  // Each ticket issued takes one.
  o.issue("E");
  CHECK(left(o, "E") == *before - 1);
  for (int i = 0; i < *before - 1; ++i) o.issue("E");
  CHECK(left(o, "E") == 0);
  o.refused(cmd::issue, {{"service", "E"}}, proto::err::quota_exhausted);
  o.open(7);  // a loket signing in does not bring numbers back: the plan had it already
  CHECK(left(o, "E") == 0);
}

TEST_CASE("the roster plans who staffs which loket when, and a loket not on it adds nothing") {
  TestOffice o;  // 09:00
  o.state.office.roster = {{7, 8 * 60, 12 * 60}};  // only loket 7 (E, C, D), 08:00-12:00
  CHECK(loket_open_seconds_left(o.state, 7, o.now, o.now) == 3 * 3600);
  CHECK(loket_open_seconds_left(o.state, 5, o.now, o.now) == 0);
  // 3 h x a third / 480 s = 7.5: 7 tickets of E.
  CHECK(left(o, "E") == 7);
  o.open(5);  // signed in, but not planned: the plan is what counts
  CHECK(left(o, "E") == 7);
  // From the end of a halt: an hour less.
  CHECK(planned_servable(o.state, "E", o.now, o.now + 3'600'000) == doctest::Approx(2.0 * 3600 / 3 / 480));
  // Outside the office's hours no plan applies (the quota still does).
  TestOffice late(antrian::test::kMonday9am + 7 * 3'600'000);
  CHECK_FALSE(planned_servable(late.state, "E", late.now, late.now).has_value());
}

TEST_CASE("a shared loket gives each of its services an equal share, never the same minutes twice") {
  TestOffice o;  // 09:00: 6 h left
  // A: loket 1 whole, lokets 2 and 3 half each: 2 lokets x 21,600 s / 420 s = 102.
  CHECK(left(o, "A") == 102);
  // B: lokets 2 and 3 half each: 21,600 / 240 = 90.
  CHECK(left(o, "B") == 90);
}

TEST_CASE("the roster in the config is checked: loket, times, order") {
  auto with = [](const std::string& roster) {
    std::string text(default_office_json());
    text.insert(text.rfind('}'), ", \"roster\": " + roster);
    return parse_office_config(text);
  };
  auto ok = with(R"([{"counter": 2, "from": "08:00", "until": "11:30"}])");
  REQUIRE(ok.ok());
  REQUIRE(ok->office.roster.size() == 1);
  CHECK(ok->office.roster[0].from_min == 480);
  CHECK(ok->office.roster[0].until_min == 690);
  auto bad_loket = with(R"([{"counter": 42, "from": "08:00", "until": "11:00"}])");
  REQUIRE_FALSE(bad_loket.ok());
  CHECK(bad_loket.error().reason.find("roster[0].counter") != std::string::npos);
  auto bad_time = with(R"([{"counter": 2, "from": "8 pagi", "until": "11:00"}])");
  REQUIRE_FALSE(bad_time.ok());
  CHECK(bad_time.error().reason.find("HH:MM") != std::string::npos);
  auto backwards = with(R"([{"counter": 2, "from": "12:00", "until": "11:00"}])");
  REQUIRE_FALSE(backwards.ok());
  CHECK(backwards.error().reason.find("before") != std::string::npos);
  CHECK_FALSE(with(R"({"counter": 2})").ok());
}
