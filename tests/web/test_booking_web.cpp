// Bookings on the office's web in real headless Chromium (issue 17 part 3): a phone
// books e-KTP printing (bad name, phone and NIK refused in Indonesian first, the hub's
// refusal shown with its reason), lands on the confirmation page with the code and a
// QR of it, and cancels; both pages pass axe-core at WCAG 2.1 AA with one h1 and the
// English marked. Bad input to every booking route is refused and changes nothing.
// Screenshots for docs/.
#include "axe_check.h"
#include "browser_shots.h"
#include "web_fixture.h"
#include "webdriver.h"

using namespace antrian::test;

namespace {

void check_page(Browser& b, const std::string& name) {
  INFO("page: " << name);
  CHECK(axe_violations(b) == "");
  CHECK(b.exec("return document.querySelectorAll('h1').length;") == 1);
  CHECK(b.exec("return Array.prototype.filter.call(document.querySelectorAll('.en'), function (e) {"
               " return !e.closest('[lang=en]'); }).length;") == 0);
  CHECK(b.exec("return document.documentElement.lang;") == "id");
}

}  // namespace

TEST_CASE("booking web: a phone books a slot, sees its code and QR, and cancels, axe passes") {
  WebHub w;  // Tuesday 10 February 2026, 09:00 WIB; B takes bookings in the default office
  Chromedriver driver;
  Browser phone(driver, 412, 915, w.dir.path() + "/chrome-phone");
  phone.go(w.base() + "/booking");
  REQUIRE(phone.wait_for("document.getElementById('service-B')"));
  check_page(phone, "booking");
  phone.click("#service-B");
  REQUIRE(phone.wait_for("document.getElementById('date-20260211')"));
  phone.click("#date-20260211");
  REQUIRE(phone.wait_for("document.getElementById('slot-1000')"));
  CHECK(phone.text("#slots").find("6 tempat tersisa") != std::string::npos);  // 12 a slot, half for walk-ins
  // Bad fields: each named, Indonesian first, nothing sent.
  const int64_t before = w.seq();
  phone.type("#booking-name", "S");
  phone.type("#booking-phone", "021 555 1234");
  phone.type("#booking-nik", "12345");
  phone.click("#booking-submit");
  REQUIRE(phone.wait_for("document.getElementById('err-nik').textContent.length > 0"));
  CHECK(phone.text("#err-nik").find("NIK harus 16 angka") == 0);
  CHECK(phone.text("#err-phone").find("nomor HP seluler") != std::string::npos);
  CHECK(phone.text("#err-name").find("Isi nama") == 0);
  CHECK(phone.text("#booking-error").find("Pilih hari dan jam") == 0);
  phone.click("#slot-1000");
  phone.exec("document.getElementById('booking-name').value = ''; document.getElementById('booking-phone').value = '';"
             "document.getElementById('booking-nik').value = ''; return true;");
  phone.type("#booking-name", "Siti Aminah");
  phone.type("#booking-phone", "0812 3456 7890");
  phone.type("#booking-nik", "3201015501900001");
  phone.exec("document.getElementById('dates').scrollIntoView(); return true;");
  save_png(phone.screenshot_png(), "web-booking.png");
  CHECK(w.seq() == before);
  phone.click("#booking-submit");
  REQUIRE(phone.wait_for("document.getElementById('booking-code')"));
  check_page(phone, "booking confirmation");
  const std::string code = phone.text("#booking-code");
  const std::string confirmation = phone.exec("return location.href;").get<std::string>();
  CHECK(code.size() == 9);  // "ABCD EFGH"
  CHECK(phone.text("#booking-view").find("Rabu, 11 Februari 2026 pukul 10:00") != std::string::npos);
  CHECK(phone.text("#booking-view").find("09:30 dan 10:15") != std::string::npos);
  REQUIRE(phone.wait_for("document.querySelector('.booking-qr').complete && "
                         "document.querySelector('.booking-qr').naturalWidth > 0"));
  save_png(phone.screenshot_png(), "web-booking-confirmation.png");
  // The same NIK again, for another slot that day: the hub's refusal with its reason.
  phone.go(w.base() + "/booking");
  REQUIRE(phone.wait_for("document.getElementById('service-B')"));
  phone.click("#service-B");
  REQUIRE(phone.wait_for("document.getElementById('date-20260211')"));
  phone.click("#date-20260211");
  REQUIRE(phone.wait_for("document.getElementById('slot-1100')"));
  CHECK(phone.text("#slots").find("5 tempat tersisa") != std::string::npos);  // 10:00 has one booked
  phone.click("#slot-1100");
  phone.type("#booking-name", "Siti Aminah");
  phone.type("#booking-phone", "0812 3456 7890");
  phone.type("#booking-nik", "3201 0155 0190 0001");
  phone.click("#booking-submit");
  REQUIRE(phone.wait_for("document.getElementById('booking-error').textContent.length > 0"));
  CHECK(phone.text("#booking-error").find("one per person") != std::string::npos);
  phone.go(confirmation);
  REQUIRE(phone.wait_for("document.getElementById('booking-cancel')"));
  phone.click("#booking-cancel");
  REQUIRE(phone.wait_for("document.getElementById('booking-view').textContent.indexOf('Dibatalkan') >= 0"));
  CHECK(phone.exec("return document.getElementById('booking-cancel') === null;") == true);
  // The report of that day counts it, cancelled.
  Browser office(driver, 1280, 1100, w.dir.path() + "/chrome-admin");
  office.go(w.base() + "/reports?from=2026-02-11");
  REQUIRE(office.wait_for("document.getElementById('signin-staff')"));
  office.type("#signin-staff", "admin");
  office.type("#signin-pin", "admin1234");
  office.click("#signin-submit");
  REQUIRE(office.wait_for("document.getElementById('booking-table')"));
  CHECK(office.exec("return Array.prototype.map.call(document.querySelectorAll('#booking-table tbody td'),"
                    " function (c) { return c.textContent; }).join(' ');") == "B 2026-02-11 0 0 0 1 0");
  CHECK(office.exec("return document.getElementById('csv-bookings').getAttribute('href');") ==
        "/api/reports.csv?table=bookings&from=2026-02-11&to=2026-02-11");
  check_page(office, "reports with bookings");
  office.exec("document.getElementById('bookings').scrollIntoView(); return true;");
  save_png(office.screenshot_png(), "web-report-bookings.png");
}

TEST_CASE("booking web: bad input to every booking route is refused with a reason and changes nothing") {
  WebHub w;
  const int64_t before = w.seq();
  auto post = [&](const std::string& path, const std::string& body) {
    auto r = w.http.Post(path.c_str(), body, "application/json");
    REQUIRE(r);
    return r;
  };
  json good = {{"service", "B"}, {"date", "2026-02-11"}, {"slot", "10:00"}, {"name", "Siti"},
               {"phone", "081234567890"}, {"nik", "3201015501900001"}};
  for (const char* field : {"service", "date", "slot", "name", "phone", "nik"}) {
    json b = good;
    b.erase(field);
    auto r = post("/api/booking", b.dump());
    CHECK(r->status == 400);
    CHECK(r->body.find(std::string("args.") + field) != std::string::npos);
  }
  json extra = good;
  extra["admin"] = true;
  CHECK(post("/api/booking", extra.dump())->status == 400);
  CHECK(post("/api/booking", "not json")->status == 400);
  json bad_nik = good;
  bad_nik["nik"] = "3201015501900001999";
  auto r = post("/api/booking", bad_nik.dump());
  CHECK(r->status == 400);
  CHECK(r->body.find("16 digits") != std::string::npos);
  CHECK(r->body.find("3201015501900001999") == std::string::npos);
  CHECK(post("/api/booking/0123456789abcdef0123456789abcdef/cancel", "{}")->status == 404);
  w.get_json("/api/booking/0123456789abcdef0123456789abcdef", 404);
  CHECK(w.seq() == before);
  // The options the page draws are the hub's slots: B only, today's from 10:00.
  const json options = w.get_json("/api/booking/options");
  REQUIRE(options["services"].size() == 1);
  CHECK(options["services"][0]["code"] == "B");
  CHECK(options["services"][0]["dates"][0]["date"] == "2026-02-10");
  CHECK(options["services"][0]["dates"][0]["slots"][0]["slot"] == "10:00");
  CHECK(options["retention_days"] == 30);
  // /admin counts today's bookings per service.
  auto booked = post("/api/booking", json{{"service", "B"}, {"date", "2026-02-10"}, {"slot", "13:00"}, {"name", "Siti"},
                                          {"phone", "081234567890"}, {"nik", "3201015501900001"}}.dump());
  REQUIRE(booked->status == 200);
  const AdminLogin admin = w.login();
  const json counts = w.get_json("/api/admin/overview", 200, &admin)["view"]["bookings"]["B"];
  CHECK(counts["booked"] == 1);
  CHECK(counts["checked_in"] == 0);
  CHECK(counts["expired"] == 0);
  // And the report of the day.
  const json report = w.get_json("/api/reports?from=2026-02-10", 200, &admin);
  CHECK(report["bookings"]["B"]["booked"] == 1);
  CHECK(report["bookings"]["B"]["cancelled"] == 0);
  // The CSV's bookings table: the page's rows (booking_days), from the same database.
  REQUIRE(report["booking_days"].size() == 1);
  CHECK(report["booking_days"][0]["booked"] == 1);
  auto csv = w.http.Get("/api/reports.csv?table=bookings&from=2026-02-10", httplib::Headers{{"Cookie", admin.cookie}});
  REQUIRE(csv);
  CHECK(csv->status == 200);
  CHECK(csv->body.find("from,to,service,date,booked,checked_in,expired,cancelled,moved\r\n") != std::string::npos);
  CHECK(csv->body.find("2026-02-10,2026-02-10,B,2026-02-10,1,0,0,0,0\r\n") != std::string::npos);
  CHECK(csv->body.find("Siti") == std::string::npos);
}
