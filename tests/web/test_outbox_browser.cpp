// Messages to phones in real headless Chromium: a citizen leaves a number on the QR
// page (a wrong one is refused with the reason, a right one shown back masked), and
// /admin's message panel shows each channel's state and the failures with masked
// numbers, exports one person's data and deletes it. Screenshots for docs/.
#include <filesystem>
#include <fstream>
#include <thread>

#include "antrian/office_config.h"
#include "browser_shots.h"
#include "web_fixture.h"
#include "webdriver.h"

using namespace antrian::test;

TEST_CASE("browser: a phone leaves its number on the QR page, and /admin shows the messages, exports and deletes it") {
  TempDir cfg_dir;
  WebHub w({"--config", office_with_dead_webhook(cfg_dir.path())});
  const std::string token = w.issue("C");
  Chromedriver driver;
  Browser phone(driver, 412, 915, w.dir.path() + "/chrome-phone");
  phone.go(w.base() + "/t/" + token);
  REQUIRE(phone.wait_for("document.getElementById('contact-form')"));
  // Not a mobile number: refused with the reason, nothing saved.
  phone.type("#contact-phone", "12345");
  phone.click("#contact-save");
  REQUIRE(phone.wait_for("document.getElementById('contact-error').textContent.length > 0"));
  CHECK(phone.text("#contact-error").find("12345") == std::string::npos);  // the reason, not an echo
  phone.refresh();
  REQUIRE(phone.wait_for("document.getElementById('contact-phone')"));
  phone.type("#contact-phone", "0812 3456 7890");
  phone.click("#contact-save");
  REQUIRE(phone.wait_for("document.getElementById('contact').textContent.indexOf('+62812****7890') >= 0"));
  CHECK(phone.text("#contact").find("34567890") == std::string::npos);  // never shown back whole
  phone.exec("document.getElementById('contact').scrollIntoView(); return true;");
  save_png(phone.screenshot_png(), "web-contact.png");

  Browser office(driver, 1280, 1400, w.dir.path() + "/chrome-admin");
  office.go(w.base() + "/admin");
  REQUIRE(office.wait_for("document.getElementById('signin-staff')"));
  office.type("#signin-staff", "admin");
  office.type("#signin-pin", "admin1234");
  office.click("#signin-submit");
  // The "near" message (nobody ahead of C-001) fails at the dead webhook: the panel
  // shows the channel and the failure, the number masked.
  REQUIRE(office.wait_for("document.getElementById('outbox-failures') && "
                          "document.getElementById('outbox-failures').textContent.indexOf('+62812****7890') >= 0",
                          std::chrono::milliseconds(20000)));
  CHECK(office.text("#outbox-table").find("Webhook (WhatsApp)") != std::string::npos);
  CHECK(office.text("#outbox-table").find("dicoba lagi") != std::string::npos);  // the state in words
  CHECK(office.text("#outbox").find("34567890") == std::string::npos);
  office.type("#person-phone", "081234567890");
  office.click("#person-export");
  REQUIRE(office.wait_for("document.getElementById('person-result').textContent.indexOf('+6281234567890') >= 0"));
  CHECK(office.text("#person-result").find("C-001") != std::string::npos);
  CHECK(office.text("#person-result").find("giliran Anda hampir tiba") != std::string::npos);
  // The panel redraws its status every 5 s: what the admin typed and got stays.
  std::this_thread::sleep_for(std::chrono::milliseconds(5500));
  CHECK(office.text("#person-result").find("+6281234567890") != std::string::npos);
  CHECK(office.exec("return document.getElementById('person-phone').value;") == "081234567890");
  office.exec("document.getElementById('outbox').scrollIntoView(); return true;");
  save_png(office.screenshot_png(), "web-admin-outbox.png");
  office.exec("window.confirm = function () { return true; }; return true;");
  office.click("#person-delete");
  REQUIRE(office.wait_for("document.getElementById('person-result') && "
                          "/1\\D+1/.test(document.getElementById('person-result').textContent)"));
  // Gone: a second export finds nothing.
  const AdminLogin a = w.login();
  const auto r = w.post("/api/admin/contact-export", {{"phone", "081234567890"}}, &a);
  REQUIRE(r);
  CHECK(json::parse(r->body)["contacts"].empty());
}
