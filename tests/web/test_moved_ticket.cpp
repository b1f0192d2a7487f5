// A ticket moved by a bulk move, or waiting for a loket on a break, says why on its
// status page and on the browser display (the hub's rule, shared/ ticket_moves.h):
// over HTTP and in real headless Chromium, with screenshots for docs/.
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "browser_shots.h"
#include "web_fixture.h"
#include "webdriver.h"

using namespace antrian;
using namespace antrian::test;

TEST_CASE("moved: bulk move -> the status page and /display say why, without a reload") {
  WebHub w;  // pinned: Tue 10 Feb 2026 09:00 WIB
  const std::string token = w.issue("B");
  w.issue("B");
  w.issue("A");

  // Before: nothing to explain.
  CHECK(w.get_json("/api/t/" + token)["view"]["move"].is_null());

  Chromedriver driver;
  Browser phone(driver, 412, 915, w.dir.path() + "/chrome-phone");
  phone.go(w.base() + "/t/" + token);
  REQUIRE(phone.wait_for("document.getElementById('state')"));
  CHECK_FALSE(phone.exists("#move"));
  phone.exec("window.notReloaded = true;");
  Browser tv(driver, 1280, 720, w.dir.path() + "/chrome-tv");
  tv.go(w.base() + "/display?services=B,F");
  REQUIRE(tv.wait_for("document.body.getAttribute('data-seq')"));
  CHECK_FALSE(tv.exists(".banner"));

  // A bad bulk move is refused with a reason and changes nothing.
  const int64_t before = w.seq();
  auto bad = w.admin.request("bulk_move", {{"service", "B"}, {"to_service", "B"}, {"reason", "x"}});
  CHECK_FALSE(bad.ok);
  CHECK_FALSE(bad.error.reason.empty());
  CHECK(w.seq() == before);

  w.command("bulk_move", {{"service", "B"}, {"to_service", "F"}, {"reason", "Printer kartu rusak"}});

  // The JSON: the hub's sentence in both languages.
  const json move = w.get_json("/api/t/" + token)["view"]["move"];
  CHECK(move["kind"] == "bulk_moved");
  CHECK(move["text_id"] ==
        "Nomor Anda dipindahkan dari layanan Pencetakan e-KTP ke layanan ini pukul 09:00; tempat antrian Anda tetap. "
        "Alasan: Printer kartu rusak.");
  CHECK(move["text_en"].get<std::string>().find("Reason: Printer kartu rusak.") != std::string::npos);

  // The page follows by itself: Indonesian first, the English marked lang="en".
  REQUIRE(phone.wait_for("document.getElementById('move')"));
  CHECK(phone.exec("return document.querySelector('#move .id').textContent;") == move["text_id"]);
  CHECK(phone.exec("return document.querySelector('#move .en').getAttribute('lang');") == "en");
  CHECK(phone.exec("return document.getElementById('move').getAttribute('data-kind');") == "bulk_moved");
  CHECK(phone.exec("return window.notReloaded === true;") == true);
  save_png(phone.screenshot_png(), "web-status-moved.png");

  // The TV: a banner naming the numbers, where they went and why.
  REQUIRE(tv.wait_for("document.querySelector('.banner[data-shortage=bulk_moved]')"));
  // The headline read from the back of the hall, then which numbers, from where and why.
  CHECK(tv.text(".banner[data-shortage=bulk_moved] .headline") == "2 nomor dipindahkan ke Informasi & Pengaduan");
  CHECK(tv.text(".banner[data-shortage=bulk_moved] .detail") ==
        "B-001, B-002 dari Pencetakan e-KTP, tempat antrian tetap. Printer kartu rusak.");
  CHECK(tv.text(".banner[data-shortage=bulk_moved] .detail.en").find(
            "2 waiting moved to Information & complaints. B-001, B-002 from e-KTP printing") != std::string::npos);
  save_png(tv.screenshot_png(), "web-display-moved.png");

  // Once called, the citizen is told where to go, not why they were moved.
  w.command("sign_in", {{"counter", 8}, {"staff", "demo1"}, {"pin", "1234"}});
  w.command("call_next", {{"counter", 8}});
  REQUIRE(phone.wait_for("document.getElementById('state').getAttribute('data-state') == 'called'"));
  CHECK_FALSE(phone.exists("#move"));
}

TEST_CASE("moved: a ticket sent to a loket that goes on a break says until when") {
  WebHub w;
  const std::string token = w.issue("A");
  w.command("sign_in", {{"counter", 1}, {"staff", "demo1"}, {"pin", "1234"}});
  w.command("sign_in", {{"counter", 2}, {"staff", "demo2"}, {"pin", "1234"}});
  w.command("call_next", {{"counter", 1}});
  w.command("start", {{"counter", 1}});
  w.command("transfer", {{"counter", 1}, {"to_counter", 2}, {"note", "perlu verifikasi"}});
  w.command("pause", {{"counter", 2}, {"minutes", 30}});
  const json v = w.get_json("/api/t/" + token)["view"];
  CHECK(v["move"]["kind"] == "loket_break");
  CHECK(v["move"]["text_id"] == "Loket 2 sedang istirahat sampai pukul 09:30; Anda dipanggil setelah loket buka kembali.");
  const json d = w.get_json("/api/display?lokets=2")["view"];
  bool found = false;
  for (const json& b : d["banners"])
    if (b.value("kind", "") == "loket_break") {
      found = true;
      CHECK(b["text_id"] == "Loket 2 istirahat. A-001 menunggu Loket 2 dan dipanggil setelah loket buka kembali. "
                            "Perkiraan buka kembali pukul 09:30 WIB.");
    }
  CHECK(found);
  // A display of loket 1 only does not carry it.
  for (const json& b : w.get_json("/api/display?lokets=1")["view"]["banners"]) CHECK(b.value("kind", "") != "loket_break");
}
