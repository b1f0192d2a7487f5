// /admin's one action for a day's bookings (issue 17 part 3): printing halts on a
// booked day, the admin moves every booking of it to another day from the page (the
// hub's booking_move), and sees how many moved and were messaged; bad input over HTTP
// is refused with the hub's reason and changes nothing. Real hub, headless Chromium.
#include "browser_shots.h"
#include "web_fixture.h"
#include "webdriver.h"

using namespace antrian::test;

namespace {

json booking(const std::string& slot, const std::string& name, const std::string& phone, const std::string& nik) {
  return {{"service", "B"}, {"date", "2026-02-11"}, {"slot", slot}, {"name", name}, {"phone", phone}, {"nik", nik}};
}

}  // namespace

TEST_CASE("admin: a day's bookings are moved to another day in one action, each booker messaged") {
  WebHub w;  // Tuesday 10 February 2026, 09:00 WIB; B takes bookings in the default office
  w.command("booking_create", booking("10:00", "Siti Aminah", "081234567890", "3201015501900001"));
  w.command("booking_create", booking("11:00", "Budi Santoso", "081298765432", "3201011203850002"));
  const AdminLogin a = w.login();

  // Refused, nothing changes: no reason, both a day and cancel, a Sunday, a day without bookings.
  const int64_t before = w.seq();
  struct Bad {
    json body;
    int status;
  };
  const Bad bad[] = {
      {{{"service", "B"}, {"date", "2026-02-11"}, {"to_date", "2026-02-12"}}, 400},
      {{{"service", "B"}, {"date", "2026-02-11"}, {"to_date", "2026-02-12"}, {"cancel", true}, {"reason", "x"}}, 400},
      {{{"service", "B"}, {"date", "2026-02-11"}, {"to_date", "2026-02-15"}, {"reason", "x"}}, 409},
      {{{"service", "B"}, {"date", "2026-02-13"}, {"to_date", "2026-02-16"}, {"reason", "x"}}, 404},
      {{{"service", "B"}, {"date", "2026-02-11"}, {"to_date", "2026-02-12"}, {"reason", "x"}, {"admin", true}}, 400},
  };
  for (const Bad& b : bad) {
    auto r = w.post("/api/admin/booking-move", b.body, &a);
    REQUIRE(r);
    INFO(b.body.dump(), " -> ", r->body);
    CHECK(r->status == b.status);
    CHECK(json::parse(r->body).contains("reason"));
  }
  CHECK(w.post("/api/admin/booking-move", bad[0].body, nullptr)->status == 401);  // not signed in
  CHECK(w.seq() == before);

  Chromedriver driver;
  Browser office(driver, 1280, 1000, w.dir.path() + "/chrome-admin");
  office.go(w.base() + "/admin");
  REQUIRE(office.wait_for("document.getElementById('signin-staff')"));
  office.type("#signin-staff", "admin");
  office.type("#signin-pin", "admin1234");
  office.click("#signin-submit");
  REQUIRE(office.wait_for("document.getElementById('booking-move-form')"));
  office.exec("var f = function (id, v) { var e = document.getElementById(id); e.value = v;"
              " e.dispatchEvent(new Event('change')); };"
              "f('bk-service', 'B'); f('bk-date', '2026-02-11'); f('bk-action', 'move'); f('bk-to', '2026-02-12');"
              "window.confirm = function () { return true; }; return true;");
  office.type("#bk-reason", "Printer kartu rusak");
  office.exec("document.getElementById('booking-move').scrollIntoView(); return true;");
  save_png(office.screenshot_png(), "web-admin-booking-move.png");
  office.click("#bk-submit");
  REQUIRE(office.wait_for("document.getElementById('message') && !document.getElementById('message').hidden && "
                          "document.getElementById('message').textContent.indexOf('2 booking dipindahkan') >= 0"));
  CHECK(office.text("#message").find("2 pemesan dikirimi pesan") != std::string::npos);
  CHECK(w.seq() > before);
  // Moved: the same day again has nothing left to move.
  auto again = w.post("/api/admin/booking-move", {{"service", "B"}, {"date", "2026-02-11"}, {"cancel", true}, {"reason", "x"}}, &a);
  REQUIRE(again);
  CHECK(again->status == 404);
}
