// Accessibility of every page in real headless Chromium: axe-core (npm, committed in
// tests/web/vendor/) finds no WCAG 2.0/2.1 A or AA violation on the status page
// (waiting and called), the display, /admin signed in, the reports and an error page;
// each page has one <h1>, its English text is marked lang="en", and /admin fits a
// 390 px phone.
#include <fstream>
#include <sstream>

#include "axe_check.h"
#include "web_fixture.h"
#include "webdriver.h"

using namespace antrian;
using namespace antrian::test;

namespace {

void check_page(Browser& b, const std::string& name) {
  INFO("page: " << name);
  CHECK(axe_violations(b) == "");
  CHECK(b.exec("return document.querySelectorAll('h1').length;") == 1);
  // English text read with English pronunciation.
  CHECK(b.exec("return Array.prototype.filter.call(document.querySelectorAll('.en'), function (e) {"
               " return !e.closest('[lang=en]'); }).length;") == 0);
  CHECK(b.exec("return document.documentElement.lang;") == "id");
}

std::string profile(const WebHub& w, const std::string& name) { return w.dir.path() + "/chrome-" + name; }

}  // namespace

TEST_CASE("a11y: every page passes axe-core at WCAG 2.1 AA, with one h1 and English marked") {
  WebHub w;
  const std::string waiting = w.issue("A"), called = w.issue("C");
  w.issue("B");
  w.command("sign_in", {{"counter", 4}, {"staff", "demo1"}, {"pin", "1234"}});
  w.command("call_next", {{"counter", 4}});  // C-001 (loket 4 serves C first)
  Chromedriver driver;
  Browser phone(driver, 412, 915, profile(w, "phone"));
  phone.go(w.base() + "/t/" + waiting);
  REQUIRE(phone.wait_for("document.getElementById('position')"));
  check_page(phone, "status, waiting");
  phone.go(w.base() + "/t/" + called);
  REQUIRE(phone.wait_for("document.getElementById('call')"));
  check_page(phone, "status, called");
  w.command("start", {{"counter", 4}});
  w.command("finish", {{"counter", 4}});
  phone.go(w.base() + "/t/" + called);
  REQUIRE(phone.wait_for("document.getElementById('survey')"));
  check_page(phone, "status, finished, with the satisfaction survey");
  w.command("survey_submit", {{"ticket", "C-001"}, {"answers", {4, 3, 3, 4, 3, 4, 4, 3, 2}}});  // for the report's IKM table
  phone.go(w.base() + "/t/0123456789abcdef0123456789abcdef");
  REQUIRE(phone.wait_for("document.querySelector('h1')"));
  check_page(phone, "error page (404)");
  phone.go(w.base() + "/nothing/here");
  REQUIRE(phone.wait_for("document.querySelector('h1')"));
  check_page(phone, "error page (404, no such address)");
  phone.go(w.base() + "/display?services=a1");
  REQUIRE(phone.wait_for("document.querySelector('h1')"));
  check_page(phone, "error page (400, a bad display filter)");

  Browser tv(driver, 1280, 720, profile(w, "tv"));
  tv.go(w.base() + "/display");
  REQUIRE(tv.wait_for("document.body.getAttribute('data-seq')"));
  check_page(tv, "display");

  Browser office(driver, 1280, 1200, profile(w, "admin"));
  office.go(w.base() + "/admin");
  REQUIRE(office.wait_for("document.getElementById('signin-staff')"));
  check_page(office, "admin sign-in");
  office.type("#signin-staff", "admin");
  office.type("#signin-pin", "admin1234");
  office.click("#signin-submit");
  REQUIRE(office.wait_for("document.getElementById('hall-services')"));
  check_page(office, "admin, signed in");
  office.go(w.base() + "/reports");
  REQUIRE(office.wait_for("document.body.getAttribute('data-report')"));
  check_page(office, "reports");
}

TEST_CASE("a11y: /admin fits a 390 px phone, and the TV's sound choice is remembered") {
  WebHub w;
  Chromedriver driver;
  Browser phone(driver, 390, 844, profile(w, "phone"));
  phone.go(w.base() + "/admin");
  REQUIRE(phone.wait_for("document.getElementById('signin-staff')"));
  phone.type("#signin-staff", "admin");
  phone.type("#signin-pin", "admin1234");
  phone.click("#signin-submit");
  REQUIRE(phone.wait_for("document.getElementById('hall-services')"));
  const json width = phone.exec("return [document.documentElement.scrollWidth, window.innerWidth];");
  INFO("scrollWidth " << width[0] << " of " << width[1]);
  CHECK(width[0].get<int>() <= width[1].get<int>());

  Browser tv(driver, 1280, 720, profile(w, "tv"));
  tv.go(w.base() + "/display");
  REQUIRE(tv.wait_for("document.body.getAttribute('data-seq')"));
  tv.click("#sound");
  tv.refresh();
  REQUIRE(tv.wait_for("document.body.getAttribute('data-seq')"));
  CHECK(tv.exec("return document.getElementById('sound').getAttribute('aria-pressed');") == "true");
}
