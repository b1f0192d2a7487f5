// The browser display on a TV, read from the back of the hall like the wall display:
// in real headless Chromium at 1920x1080 and at a 1366x768 TV, on every page the
// display shows, the called number, its loket, each loket's ticket, each service's
// status and wait and each banner's headline have capitals at least 7.4% of the
// viewport's height (80 px at 1080 lines), measured from the computed font of each
// element (the glyph 'H' drawn in that font); each fits its box; every loket and
// service is on some page; and the page passes axe-core. Screenshots for docs/.
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "axe_check.h"
#include "web_fixture.h"
#include "webdriver.h"

using namespace antrian;
using namespace antrian::test;

namespace {

// A busy disrupted morning: 8 lokets (6 staffed, one on a break), calls, a declared
// disruption with its expected end, 2 of 6 printers, and a bulk move.
void busy_morning(WebHub& w) {
  for (int i = 3; i <= 6; ++i)
    w.command("staff_set", {{"id", "tv" + std::to_string(i)}, {"name", "Petugas " + std::to_string(i)}, {"pin", "1234"}});
  for (const char* svc : {"A", "A", "A", "A", "B", "B", "C", "C", "C", "D", "D", "E", "F"}) w.issue(svc);
  const std::vector<std::pair<int, std::string>> staff = {{1, "demo1"}, {2, "demo2"}, {4, "tv3"}, {5, "tv4"}, {6, "tv5"}, {8, "tv6"}};
  for (const auto& s : staff) w.command("sign_in", {{"counter", s.first}, {"staff", s.second}, {"pin", "1234"}});
  for (int n : {1, 2, 4, 6, 8}) w.command("call_next", {{"counter", n}});
  w.command("pause", {{"counter", 5}, {"minutes", 30}});
  w.command("resource_set", {{"resource", "printers"}, {"working", 2}});
  w.command("disruption_set", {{"resource", "network"}, {"level", "degraded"}, {"expected_end", 1770696000000},
                               {"message_id", "Jaringan ke pusat lambat"}, {"message_en", "The link to the centre is slow"}});
  w.command("bulk_move", {{"service", "E"}, {"to_service", "F"}, {"reason", "Petugas pindah datang sedang rapat"}});
}

// Every must-read text shown now: what it is, its text, its capital height in px
// (the 'H' of its computed font on a canvas), and whether it overflows its box or the screen.
const char* kMeasure = R"js(
  var c = document.createElement('canvas').getContext('2d');
  function cap(el) {
    var cs = getComputedStyle(el);
    c.font = cs.fontStyle + ' ' + cs.fontWeight + ' ' + cs.fontSize + ' ' + cs.fontFamily;
    return c.measureText('H').actualBoundingBoxAscent;
  }
  function visible(el) { var r = el.getBoundingClientRect(); return r.width > 0 && r.height > 0; }
  var sel = ['#newest-label', '#newest-loket', '.tile-name', '.tile-label', '.tile-state .id',
             '.svc-status .id', '.svc-wait .eta', '.banner .headline'];
  var out = [];
  sel.forEach(function (s) {
    document.querySelectorAll(s).forEach(function (el) {
      if (!visible(el)) return;
      var r = el.getBoundingClientRect();
      out.push({ what: s, text: el.textContent, cap: cap(el),
                 overflow: el.scrollWidth > el.clientWidth + 1 || r.right > innerWidth + 1 || r.bottom > innerHeight + 1 });
    });
  });
  return { items: out, height: innerHeight,
           lokets: [].map.call(document.querySelectorAll('.tile:not([hidden])'), function (e) { return e.getAttribute('data-loket'); }),
           services: [].map.call(document.querySelectorAll('.svc:not([hidden])'), function (e) { return e.getAttribute('data-service'); }) };
)js";

void check_tv(WebHub& w, Chromedriver& driver, int width, int height, const std::string& png) {
  INFO("TV " << width << "x" << height);
  Browser tv(driver, width, height, w.dir.path() + "/chrome-tv-" + std::to_string(width));
  tv.go(w.base() + "/display");
  REQUIRE(tv.wait_for("document.body.getAttribute('data-seq') && window.antrianPages().pane > 0"));
  const int banners = tv.exec("return window.antrianPages().banners;");
  CHECK(banners >= 3);  // the network, the printers, the moved tickets (one banner each)
  std::set<std::string> what;
  // With each banner up (the pane's room depends on its height), every pane page.
  for (int b = 0; b < banners; ++b) {
    tv.exec("window.antrianShow(" + std::to_string(b) + ", 0); return true;");
    const int pane = tv.exec("return window.antrianPages().pane;");
    INFO("banner " << b << ", " << pane << " pane pages");
    CHECK(pane >= 2);  // 8 lokets and 6 services at 80 px do not fit one screen: paged, not shrunk
    std::set<std::string> lokets, services;
    for (int p = 0; p < pane; ++p) {
      tv.exec("window.antrianShow(" + std::to_string(b) + ", " + std::to_string(p) + "); return true;");
      const json m = tv.exec(kMeasure);
      const double min_cap = 0.074 * m["height"].get<double>();
      for (const json& it : m["items"]) {
        INFO(it["what"].get<std::string>() << " \"" << it["text"].get<std::string>() << "\" capitals "
                                           << it["cap"].get<double>() << " px, need " << min_cap);
        CHECK(it["cap"].get<double>() >= min_cap);
        CHECK_FALSE(it["overflow"].get<bool>());
        what.insert(it["what"].get<std::string>());
      }
      for (const json& l : m["lokets"]) lokets.insert(l.get<std::string>());
      for (const json& x : m["services"]) services.insert(x.get<std::string>());
      // The first page (lokets) and the last (services) with the first banner, for docs/.
      if (b == 0 && (p == 0 || p == pane - 1) && !png.empty()) {
        const char* env = std::getenv("ANTRIAN_SCREENSHOT_DIR");
        const std::filesystem::path dir = env && *env ? env : ANTRIAN_TEST_OUTPUT_DIR;
        const std::string name = p == 0 ? png + ".png" : png + "-services.png";
        std::ofstream(dir / name, std::ios::binary) << tv.screenshot_png();
      }
    }
    // Nothing left out to make the rest fit: every loket and service is on a page.
    CHECK(lokets.size() == 8);
    CHECK(services.size() == 6);
  }
  // Each kind of must-read text was measured.
  for (const char* s : {"#newest-label", "#newest-loket", ".tile-label", ".tile-state .id", ".svc-status .id",
                        ".svc-wait .eta", ".banner .headline"})
    CHECK_MESSAGE(what.count(s) == 1, s);
  tv.exec("window.antrianShow(0, 0); return true;");
  CHECK(axe_violations(tv) == "");
}

}  // namespace

TEST_CASE("display on a TV: must-read text has 7.4% capitals at 1920x1080 and 1366x768, paged, and passes axe") {
  WebHub w;  // pinned: Tue 10 Feb 2026 09:00 WIB
  busy_morning(w);
  Chromedriver driver;
  check_tv(w, driver, 1920, 1080, "web-display-tv-1920x1080");
  check_tv(w, driver, 1366, 768, "web-display-tv-1366x768");
}
