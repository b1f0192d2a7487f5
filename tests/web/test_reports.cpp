// Reports: the maths on hand-made rows, and the routes against a real hub's database.
#include "web/report_stats.h"
#include "web_fixture.h"

using namespace antrian;
using namespace antrian::test;
using namespace antrian::web;

namespace {

constexpr int64_t kDay = 1'772'409'600'000;  // 2026-03-02 00:00 UTC = 07:00 WIB

Ticket ticket(int64_t id, const std::string& service, int64_t issued_min, int64_t called_min, int64_t started_min,
              int64_t ended_min, TicketState state, int counter, const std::string& staff) {
  Ticket t;
  t.id = id;
  t.day = "2026-03-02";
  t.service = service;
  t.prefix = service;
  t.number = int(id);
  t.state = state;
  t.issued_at = t.queue_at = kDay + issued_min * 60'000;
  t.history.push_back({"issued", t.issued_at, 0, "kiosk:k1", ""});
  if (called_min >= 0) {
    t.called_at = kDay + called_min * 60'000;
    t.counter = counter;
    t.history.push_back({"called", t.called_at, counter, "staff:" + staff + "@loket" + std::to_string(counter), ""});
  }
  if (started_min >= 0) t.started_at = kDay + started_min * 60'000;
  if (ended_min >= 0) t.ended_at = kDay + ended_min * 60'000;
  return t;
}

ReportInput sample_input() {
  ReportInput in;
  in.range = *parse_report_range("2026-03-02", "2026-03-02");
  in.offset_h = 7;
  in.start_ms = kDay - 7 * 3'600'000;
  in.end_ms = in.start_ms + 86'400'000;
  in.now_ms = in.end_ms + 3'600'000;
  in.today = "2026-03-03";
  in.services["A"].code = "A";
  in.services["A"].name_id = "Perekaman e-KTP";
  in.services["A"].name_en = "e-KTP recording";
  in.services["C"].code = "C";
  in.services["C"].name_id = "Kartu Keluarga";
  in.counters[1].number = 1;
  in.counters[1].name = "Loket 1";
  in.staff_names["demo1"] = "Petugas Demo 1";
  // Waits 10, 20, ..., 100 minutes for A at loket 1, each served 5 minutes; issued 08:00.
  for (int i = 1; i <= 10; ++i)
    in.tickets.push_back(ticket(i, "A", 60, 60 + 10 * i, 60 + 10 * i + 1, 60 + 10 * i + 6, TicketState::done, 1, "demo1"));
  in.tickets.push_back(ticket(11, "A", 62, 200, -1, 201, TicketState::no_show, 1, "demo1"));
  in.tickets.push_back(ticket(12, "C", 125, -1, -1, -1, TicketState::waiting, 0, ""));  // 09:05, never called
  in.refusals = {{"A", "quota"}, {"A", "quota"}, {"C", "blangko"}};
  Disruption d;
  d.id = 1;
  d.resource = "siak";
  d.level = DisruptionLevel::down;
  d.started_at = kDay + 30 * 60'000;
  d.active = false;
  d.cleared_at = d.started_at + 90 * 60'000;
  in.disruptions.push_back(d);
  Disruption before = d;  // a disruption of the day before that ended 10 minutes into this one
  before.id = 2;
  before.level = DisruptionLevel::degraded;
  before.started_at = in.start_ms - 3'600'000;
  before.cleared_at = in.start_ms + 10 * 60'000;
  in.disruptions.push_back(before);
  return in;
}

}  // namespace

TEST_CASE("reports: mean and 90th percentile by nearest rank") {
  TimeStats t = time_stats({5, 1, 4, 2, 3, 6, 7, 8, 9, 10});
  CHECK(t.count == 10);
  CHECK(*t.mean_s == doctest::Approx(5.5));
  CHECK(*t.p90_s == 9);
  CHECK(*time_stats({42}).p90_s == 42);
  CHECK_FALSE(time_stats({}).mean_s.has_value());
}

TEST_CASE("reports: per service, loket and staff — arrivals per hour — disruption time within the range") {
  const Report r = compute_report(sample_input());
  REQUIRE(r.services.size() == 2);
  const GroupRow& a = r.services[0];
  CHECK(a.key == "A");
  CHECK(*a.issued == 11);
  CHECK(a.served == 10);
  CHECK(a.no_show == 1);
  CHECK(*a.refused == 2);
  CHECK(*a.refused_quota == 2);
  CHECK(a.wait.count == 11);
  CHECK(*a.service.mean_s == doctest::Approx(300));
  CHECK(*a.wait.p90_s == doctest::Approx(100 * 60));  // waits 10..100 min and 138 min: 90% rank = 10th
  const GroupRow& c = r.services[1];
  CHECK(*c.issued == 1);
  CHECK(*c.refused == 1);
  CHECK(*c.refused_quota == 0);
  CHECK(c.unfinished == 1);  // still waiting when its day ended
  CHECK(*r.totals.issued == 12);
  REQUIRE(r.lokets.size() == 1);
  CHECK(r.lokets[0].name_id == "Loket 1");
  CHECK(r.lokets[0].served == 10);
  REQUIRE(r.staff.size() == 1);
  CHECK(r.staff[0].name_id == "Petugas Demo 1");
  CHECK(r.arrivals_by_hour[8] == 11);
  CHECK(r.arrivals_by_hour[9] == 1);
  REQUIRE(r.disruptions.size() == 1);
  CHECK(r.disruptions[0].down_s == 90 * 60);
  CHECK(r.disruptions[0].degraded_s == 10 * 60);
  CHECK(r.disruptions[0].count == 2);
}

TEST_CASE("reports: CSV has the same rows, quoted, and is safe to open in a spreadsheet") {
  ReportInput in = sample_input();
  in.staff_names["demo1"] = "=HYPERLINK(\"x\")";
  const Report r = compute_report(in);
  const std::string services = report_csv(r, "services");
  CHECK(services.rfind("from,to,service,name_id,name_en,issued,refused,refused_quota,called,served", 0) == 0);
  CHECK(services.find("2026-03-02,2026-03-02,A,Perekaman e-KTP,e-KTP recording,11,2,2,11,10,1,0,0,0,") != std::string::npos);
  CHECK(services.find(",total,") != std::string::npos);
  const std::string staff = report_csv(r, "staff");
  CHECK(staff.find("\"'=HYPERLINK(\"\"x\"\")\"") != std::string::npos);
  CHECK(report_csv(r, "hours").find("2026-03-02,2026-03-02,8,11\r\n") != std::string::npos);
  CHECK(report_csv(r, "disruptions").find(",siak,siak,siak,2,5400,600,6000") != std::string::npos);
  CHECK(csv_field("a,b") == "\"a,b\"");
  CHECK(csv_field("+62") == "'+62");
}

TEST_CASE("reports: bookings per service and day, the page's figures and the CSV's the same") {
  ReportInput in = sample_input();
  auto booking = [](int64_t id, const std::string& date, const std::string& state, const std::string& moved_from = "") {
    Booking b;
    b.id = id;
    b.service = "B";
    b.date = date;
    b.state = state;
    b.moved_from = moved_from;
    return b;
  };
  in.bookings = {booking(1, "2026-03-02", "checked_in"), booking(2, "2026-03-02", "expired"),
                 booking(3, "2026-03-02", "cancelled"), booking(4, "2026-03-02", "checked_in"),
                 // moved away from the day to one after the range: counted as moved on the 2nd only
                 booking(5, "2026-03-05", "booked", "2026-03-02 10:00"), booking(6, "2026-03-05", "booked", "2026-03-02 11:00")};
  const Report r = compute_report(in);
  REQUIRE(r.booking_days.size() == 1);
  const json page = to_json(r);
  REQUIRE(page["booking_days"].size() == 1);
  const json& day = page["booking_days"][0];
  CHECK(day == json{{"service", "B"}, {"date", "2026-03-02"}, {"booked", 0}, {"checked_in", 2}, {"expired", 1},
                    {"cancelled", 1}, {"moved", 2}});
  CHECK(page["bookings"]["B"]["moved"] == 2);
  CHECK(is_report_table("bookings"));
  const std::string csv = report_csv(r, "bookings");
  CHECK(csv == "from,to,service,date,booked,checked_in,expired,cancelled,moved\r\n"
               "2026-03-02,2026-03-02,B,2026-03-02,0,2,1,1,2\r\n");
}

TEST_CASE("reports: dates are checked") {
  CHECK(parse_report_range("2026-03-02", "").ok());
  CHECK(parse_report_range("2026-03-01", "2026-03-31")->days == 31);
  CHECK(parse_report_range("2024-02-29", "")->days == 1);
  for (auto [f, t] : {std::pair{"2026-02-30", ""}, {"2026-3-2", ""}, {"yesterday", ""}, {"2026-03-05", "2026-03-01"},
                      {"2024-01-01", "2026-01-01"}, {"", ""}})
    CHECK_FALSE(parse_report_range(f, t).ok());
  CHECK(shift_day("2026-03-01", -1) == "2026-02-28");
  CHECK(shift_day("2024-12-31", 1) == "2025-01-01");
}

TEST_CASE("reports: today's work from the hub's database, as JSON and CSV, for admins only") {
  WebHub w;
  w.issue("A");
  w.issue("A");
  w.issue("C");
  w.command("sign_in", {{"counter", 2}, {"staff", "demo1"}, {"pin", "1234"}});
  w.command("call_next", {{"counter", 2}});
  w.command("start", {{"counter", 2}});
  w.command("finish", {{"counter", 2}});
  w.command("call_next", {{"counter", 2}});
  w.command("no_show", {{"counter", 2}});
  w.command("disruption_set", {{"resource", "network"}, {"level", "degraded"}});
  const AdminLogin a = w.login();
  const std::string today = w.get_json("/healthz")["day"];
  json r = w.get_json("/api/reports?from=" + today, 200, &a);
  CHECK(r["from"] == today);
  CHECK(r["today"] == today);
  CHECK(r["totals"]["issued"] == 3);
  CHECK(r["services"][0]["key"] == "A");
  CHECK(r["services"][0]["served"] == 1);
  CHECK(r["services"][0]["no_show"] == 1);
  CHECK(r["lokets"][0]["key"] == "2");
  CHECK(r["staff"][0]["key"] == "demo1");
  CHECK(r["staff"][0]["served"] == 1);
  CHECK(r["disruptions"][0]["resource"] == "network");
  int arrivals = 0;
  for (const json& n : r["arrivals_by_hour"]) arrivals += n.get<int>();
  CHECK(arrivals == 3);

  httplib::Headers h{{"Cookie", a.cookie}};
  auto csv = w.http.Get(("/api/reports.csv?table=services&from=" + today).c_str(), h);
  REQUIRE(csv);
  CHECK(csv->status == 200);
  CHECK(csv->get_header_value("Content-Type").find("text/csv") == 0);
  CHECK(csv->get_header_value("Content-Disposition").find("antrian-services-" + today + ".csv") != std::string::npos);
  CHECK(csv->body.find(today + "," + today + ",A,Perekaman e-KTP,e-KTP recording,2,0,0,2,1,1,") != std::string::npos);

  for (const std::string& bad : {std::string("/api/reports?from=2026-13-01"), "/api/reports?from=" + today + "&to=2000-01-01",
                                 "/api/reports.csv?table=secrets&from=" + today, "/api/reports.csv?from=" + today})
    w.get_json(bad, 400, &a);
  auto page = w.http.Get("/reports");
  CHECK(page->status == 200);  // the page itself asks for a sign-in
}
