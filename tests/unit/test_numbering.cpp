// Numbers per service per business day, and the day changing at local midnight in
// each of Indonesia's three time zones.
#include "antrian/office_time.h"
#include "office_fixture.h"

using namespace antrian;
using antrian::test::TestOffice;
namespace cmd = antrian::proto::cmd;

namespace {
// Unix ms of a local wall-clock time in the given zone.
int64_t local(int y, int mo, int d, int h, int mi, int s, int tz) {
  return local_midnight_ms(y, mo, d, tz) + ((h * 60 + mi) * 60 + s) * 1000LL;
}
}  // namespace

TEST_CASE("numbers count per service and never repeat within a day") {
  TestOffice o;
  std::vector<std::string> labels;
  for (const char* s : {"A", "A", "B", "A", "C", "B"})
    labels.push_back(o.ticket(o.issue(s)).label());
  CHECK(labels == std::vector<std::string>{"A-001", "A-002", "B-001", "A-003", "C-001", "B-002"});
  // Cancelled and transferred numbers are not reused either.
  o.ok(cmd::cancel, {{"ticket", "A-003"}});
  CHECK(o.ticket(o.issue("A")).label() == "A-004");
}

TEST_CASE("the business day starts at local midnight in WIB, WITA and WIT") {
  for (auto [tz, hours] : {std::pair{"WIB", 7}, std::pair{"WITA", 8}, std::pair{"WIT", 9}}) {
    CAPTURE(tz);
    const int64_t before = local(2026, 11, 23, 23, 59, 59, hours);
    TestOffice o(before, tz);
    o.open_around_the_clock();
    const int64_t a = o.issue("A");
    CHECK(o.ticket(a).day == "2026-11-23");
    CHECK(o.ticket(a).label() == "A-001");
    o.issue("A");
    o.now = before + 1000;  // 00:00:00 local: a new day
    const int64_t b = o.issue("A");
    CHECK(o.ticket(b).day == "2026-11-24");
    CHECK(o.ticket(b).label() == "A-001");
    CHECK(o.state.day == "2026-11-24");
    CHECK(o.state.tickets.size() == 1);  // yesterday's tickets left memory (the log keeps them)
    CHECK(o.ticket(b).id > a);           // ids never repeat across days
  }
}

TEST_CASE("the same instant is a different day in different zones") {
  // 16:30 UTC on 23 Nov: 23:30 WIB (still the 23rd), 00:30 WITA and 01:30 WIT (the 24th).
  const int64_t t = local(2026, 11, 23, 16, 30, 0, 0);
  CHECK(business_day(t, 7) == "2026-11-23");
  CHECK(business_day(t, 8) == "2026-11-24");
  CHECK(business_day(t, 9) == "2026-11-24");
}

TEST_CASE("the day rolls over before any change, so a loket's first call is today's") {
  const int64_t evening = local(2026, 11, 23, 15, 0, 0, 7);
  TestOffice o(evening);
  o.open_around_the_clock();
  o.open(1);
  o.issue("A");  // left waiting when the office closed
  o.now = local(2026, 11, 24, 8, 0, 0, 7);
  // Loket 1 was signed out with the old day (office_calendar): nobody works across midnight.
  o.refused(cmd::call_next, {{"counter", 1}}, proto::err::illegal_state);
  CHECK(o.state.day == "2026-11-23");  // a refused command changes nothing, not even the day
  o.issue("A");
  CHECK(o.state.counters.at(1).state == CounterState::closed);
  o.open(1);
  CHECK(o.call_next(1) == "A-001");
  CHECK(o.state.day == "2026-11-24");
}

TEST_CASE("local time formatting in Indonesian") {
  const int64_t t = local(2026, 11, 22, 9, 5, 0, 7);
  CHECK(format_long_date_id(t, 7) == "Minggu, 22 November 2026");
  CHECK(format_long_date_en(t, 7) == "Sunday, 22 November 2026");
  CHECK(format_hhmm(t, 7) == "09:05");
  CHECK(format_hhmm(t, 9) == "11:05");
  int h = 0;
  CHECK(timezone_offset_hours("WITA", h));
  CHECK(h == 8);
  CHECK_FALSE(timezone_offset_hours("UTC", h));
}
