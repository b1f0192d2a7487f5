// The web front's own page when the hub does not answer: real nginx (antrian-web-front)
// in front of a real hub that is then stopped. nginx answers 502 with the office's
// page (Indonesian first, English marked lang="en", what to do), not its English
// "502 Bad Gateway", and the page passes axe-core in real headless Chromium.
#include <doctest/doctest.h>

#include <string>

#include "antrian/strings.h"
#include "axe_check.h"
#include "browser_shots.h"
#include "web_front.h"
#include "webdriver.h"

using namespace antrian;
using namespace antrian::test;

namespace {

int count_of(const std::string& text, const std::string& what) {
  int n = 0;
  for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

}  // namespace

TEST_CASE("front: with the hub stopped, nginx answers 502 with the office's own page in both languages") {
  FrontedHub f;
  const std::string token = f.issue("A");
  f.hub.terminate();
  auto page = f.http.Get(("/t/" + token).c_str());
  REQUIRE(page);
  CHECK(page->status == 502);
  CHECK(page->get_header_value("Content-Type").find("text/html") == 0);
  CHECK(page->get_header_value("Retry-After") == "60");
  CHECK(page->get_header_value("Cache-Control") == "no-store");
  CHECK(page->get_header_value("X-Content-Type-Options") == "nosniff");
  const std::string& body = page->body;
  CHECK(body.find("Bad Gateway") == std::string::npos);
  CHECK(body.find("<html lang=\"id\">") != std::string::npos);
  CHECK(count_of(body, "<h1") == 1);
  // The words are the strings table's, Indonesian first, English marked.
  for (const char* key : {"web.front.hub_down.title", "web.front.hub_down.ticket", "web.front.hub_down.retry"}) {
    INFO(key);
    const std::string id(tr(key, Lang::id)), en(tr(key, Lang::en));
    const auto at_id = body.find(id), at_en = body.find("lang=\"en\">" + en);
    CHECK(at_id != std::string::npos);
    CHECK(at_en != std::string::npos);
    CHECK(at_id < at_en);
  }
  // An API call gets the same status; its stylesheet still comes from nginx alone.
  auto api = f.http.Get("/api/state");
  REQUIRE(api);
  CHECK(api->status == 502);
  auto css = f.http.Get("/static/style.css");
  REQUIRE(css);
  CHECK(css->status == 200);

  Chromedriver driver;
  Browser phone(driver, 412, 915, f.dir.path() + "/chrome-hub-down");
  phone.go(f.front.base() + "/t/" + token);
  REQUIRE(phone.wait_for("document.querySelector('h1')"));
  CHECK(axe_violations(phone) == "");
  CHECK(phone.exec("return document.querySelectorAll('h1').length;") == 1);
  CHECK(phone.exec("return Array.prototype.filter.call(document.querySelectorAll('.en'), function (e) {"
                   " return !e.closest('[lang=en]'); }).length;") == 0);
  // The page's own stylesheet was applied (nginx served it with the hub down).
  CHECK(phone.exec("return getComputedStyle(document.querySelector('main')).backgroundColor;") == "rgb(255, 255, 255)");
  save_png(phone.screenshot_png(), "web-hub-down.png");
}
