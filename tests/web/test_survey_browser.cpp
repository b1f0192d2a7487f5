// The satisfaction survey in real headless Chromium: a phone answers it on the
// finished ticket's page (a missing answer is named first), and the report shows the
// index. Screenshots for docs/.
#include "browser_shots.h"
#include "web_fixture.h"
#include "webdriver.h"

using namespace antrian::test;

TEST_CASE("browser: a phone answers the survey on its finished ticket's page, and the report shows the IKM") {
  WebHub w;
  const std::string token = w.issue("A");
  w.issue("A");
  w.command("sign_in", {{"counter", 1}, {"staff", "demo1"}, {"pin", "1234"}});
  for (int i = 0; i < 2; ++i) {
    w.command("call_next", {{"counter", 1}});
    w.command("start", {{"counter", 1}});
    w.command("finish", {{"counter", 1}});
  }
  w.command("survey_submit", {{"ticket", "A-002"}, {"answers", {3, 3, 3, 4, 3, 3, 3, 3, 3}}});
  Chromedriver driver;
  Browser phone(driver, 412, 915, w.dir.path() + "/chrome-phone");
  phone.go(w.base() + "/t/" + token);
  REQUIRE(phone.wait_for("document.getElementById('survey')"));
  CHECK(phone.exec("return document.querySelectorAll('#survey fieldset').length;") == 9);
  CHECK(phone.text("#q-cost").find("Gratis") != std::string::npos);
  // Eight answered, one left: the page says so and sends nothing.
  const int answers[] = {4, 4, 3, 4, 3, 4, 4, 3, 3};
  for (int i = 0; i < 8; ++i)
    phone.click("#survey input[name='u" + std::to_string(i + 1) + "'][value='" + std::to_string(answers[i]) + "']");
  phone.click("#survey-send");
  REQUIRE(phone.wait_for("document.getElementById('survey-msg').textContent.length > 0"));
  CHECK(phone.text("#survey-msg").find("1 belum dijawab") != std::string::npos);
  phone.exec("document.getElementById('q-complaints').scrollIntoView(); return true;");
  save_png(phone.screenshot_png(), "web-survey.png");
  phone.click("#survey input[name='u9'][value='3']");
  phone.click("#survey-send");
  REQUIRE(phone.wait_for("document.getElementById('survey') && document.getElementById('survey').textContent.indexOf('Terima kasih') >= 0"));
  // After a reload the page remembers it was answered.
  phone.refresh();
  REQUIRE(phone.wait_for("document.getElementById('ticket') && document.getElementById('ticket').textContent.indexOf('sudah diisi') >= 0"));

  Browser office(driver, 1280, 1100, w.dir.path() + "/chrome-admin");
  const std::string today = w.get_json("/healthz")["day"];
  office.go(w.base() + "/reports?from=" + today);
  REQUIRE(office.wait_for("document.getElementById('signin-staff')"));
  office.type("#signin-staff", "admin");
  office.type("#signin-pin", "admin1234");
  office.click("#signin-submit");
  REQUIRE(office.wait_for("document.getElementById('ikm-table')"));
  // Two answers: NRR sums (7+7+6+8+6+7+7+6+6)/2 = 30; IKM 30/9 x 25 = 83.33, grade B.
  CHECK(office.text("#ikm-table").find("83,33") != std::string::npos);
  CHECK(office.text("#ikm-table").find("Baik") != std::string::npos);
  office.exec("document.getElementById('ikm').scrollIntoView(); return true;");
  save_png(office.screenshot_png(), "web-report-ikm.png");
}
