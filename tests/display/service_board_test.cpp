// Per service: waiting, estimated wait and status in words; banners that say what is
// wrong and when it is expected back; the running text.
#include <doctest/doctest.h>

#include "antrian/display/service_board.h"
#include "office.h"

using namespace antrian;
using namespace antrian::display;
using antrian::display::test::kMonday9am;
using antrian::display::test::TestOffice;

namespace {

const ServiceRow& service(const std::vector<ServiceRow>& rows, const std::string& code) {
  for (const auto& r : rows)
    if (r.code == code) return r;
  FAIL("no row for " << code);
  throw 0;
}

}  // namespace

TEST_CASE("estimated waits are said roughly, and 'unknown' honestly") {
  CHECK(eta_text(std::nullopt, 5, Lang::id) == "Belum diketahui");
  CHECK(eta_text(std::nullopt, 5, Lang::en) == "Not known yet");
  CHECK(eta_text(30, 1, Lang::id) == "Segera dilayani");
  CHECK(eta_text(600, 0, Lang::id) == "Segera dilayani");
  CHECK(eta_text(61, 2, Lang::id) == "\xC2\xB1 2 menit");
  CHECK(eta_text(12 * 60, 3, Lang::id) == "\xC2\xB1 12 menit");
  CHECK(eta_text(22 * 60, 3, Lang::id) == "\xC2\xB1 25 menit");  // rounded up to 5 minutes
  CHECK(eta_text(120 * 60, 30, Lang::id) == "\xC2\xB1 2 jam");
  CHECK(eta_text(104 * 60, 30, Lang::id) == "\xC2\xB1 1 jam 45 menit");
  CHECK(eta_text(104 * 60, 30, Lang::en) == "about 1 h 45 min");
}

TEST_CASE("service rows: waiting count and status in words, only for shown services") {
  TestOffice o;
  o.issue("A", 3);
  o.issue("C", 1);
  o.open(1);
  auto rows = service_rows(o.state, DisplayFilter{}, o.now, Lang::id);
  CHECK(rows.size() == 6);
  CHECK(service(rows, "A").waiting == 3);
  CHECK(service(rows, "A").waiting_text == "3 menunggu");
  CHECK(service(rows, "A").status == ServiceStatus::normal);
  CHECK(service(rows, "A").status_text == "Normal");
  CHECK(service(rows, "A").eta_s.has_value());  // loket 1 is open for A
  CHECK(service(rows, "C").eta_text == "Belum diketahui");  // no loket open for C

  o.run(proto::cmd::disruption_set, {{"resource", "siak"}, {"level", "down"}});
  rows = service_rows(o.state, DisplayFilter({"A", "C"}, {}), o.now, Lang::en);
  REQUIRE(rows.size() == 2);
  CHECK(service(rows, "A").status == ServiceStatus::halted);
  CHECK(service(rows, "A").status_text == "Halted");
  CHECK(service(rows, "C").status == ServiceStatus::normal);  // KK does not need SIAK
  CHECK(service(rows, "A").name == "e-KTP recording");
}

TEST_CASE("a disruption banner says what stopped, the staff's message and when it is expected back") {
  TestOffice o;
  o.run(proto::cmd::disruption_set,
        {{"resource", "siak"},
         {"level", "down"},
         {"message_id", "Server pusat tidak dapat diakses."},
         {"message_en", "The central server cannot be reached."},
         {"expected_end", o.now + 90 * 60'000}});
  auto b = banners(o.state, DisplayFilter{}, o.now, Lang::id);
  REQUIRE(b.size() == 1);
  CHECK(b[0].halted);
  CHECK(b[0].title == "Perekaman e-KTP, Pencetakan e-KTP terhenti");
  CHECK(b[0].message == "Server pusat tidak dapat diakses.");
  CHECK(b[0].when == "Perkiraan kembali normal pukul 10:30 WIB");
  CHECK(b[0].text() ==
        "Perekaman e-KTP, Pencetakan e-KTP terhenti: Server pusat tidak dapat diakses. Perkiraan kembali normal "
        "pukul 10:30 WIB.");
  b = banners(o.state, DisplayFilter{}, o.now, Lang::en);
  CHECK(b[0].when == "Expected back at 10:30 WIB");

  // A KK/akta hall is not told about e-KTP.
  CHECK(banners(o.state, DisplayFilter({"C", "D"}, {}), o.now, Lang::id).empty());
  // Only the shown services are named.
  CHECK(banners(o.state, DisplayFilter({"B"}, {}), o.now, Lang::id)[0].title == "Pencetakan e-KTP terhenti");
}

TEST_CASE("banners without a message or an expected end still say something true") {
  TestOffice o;
  o.run(proto::cmd::disruption_set, {{"resource", "network"}, {"level", "degraded"}});
  auto b = banners(o.state, DisplayFilter{}, o.now, Lang::id);
  REQUIRE(b.size() == 1);
  CHECK_FALSE(b[0].halted);
  CHECK(b[0].title == "Perekaman e-KTP, Pencetakan e-KTP terganggu");
  CHECK(b[0].message == "Jaringan sedang lambat");
  CHECK(b[0].when.empty());
  o.run(proto::cmd::disruption_set, {{"resource", "siak"}, {"level", "down"}});
  b = banners(o.state, DisplayFilter{}, o.now, Lang::id);
  REQUIRE(b.size() == 2);
  CHECK(b[0].halted);  // stopped services first
  CHECK(b[0].when == "Waktu pulih belum diketahui");
}

TEST_CASE("printers and blank cards: a shortage nobody declared still gets a banner") {
  TestOffice o;
  o.run(proto::cmd::resource_set, {{"resource", "printers"}, {"working", 2}});
  auto b = banners(o.state, DisplayFilter{}, o.now, Lang::id);
  REQUIRE(b.size() == 1);
  CHECK_FALSE(b[0].halted);
  CHECK(b[0].title == "Pencetakan e-KTP terganggu");
  CHECK(b[0].message == "Printer kartu: 2 dari 6 berfungsi");
  o.run(proto::cmd::resource_set, {{"resource", "blangko"}, {"stock", 0}});
  b = banners(o.state, DisplayFilter{}, o.now, Lang::id);
  REQUIRE(b.size() == 2);
  CHECK(b[0].halted);
  CHECK(b[0].message == "Blangko e-KTP habis");
  // Declared as a disruption, the staff's words replace the automatic banner.
  o.run(proto::cmd::disruption_set, {{"resource", "printers"}, {"level", "degraded"}, {"message_id", "Dua printer rusak."}});
  b = banners(o.state, DisplayFilter{}, o.now, Lang::id);
  REQUIRE(b.size() == 2);
  CHECK((b[0].message == "Dua printer rusak." || b[1].message == "Dua printer rusak."));
}

TEST_CASE("when a service returns on another day, the date is said too") {
  const int64_t tomorrow_8am = kMonday9am + 23 * 3'600'000;
  CHECK(when_text(tomorrow_8am, kMonday9am, "WIB", Lang::id) == "Selasa, 24 November 2026 pukul 08:00 WIB");
  CHECK(when_text(tomorrow_8am, kMonday9am, "WIB", Lang::en) == "on Tuesday, 24 November 2026 at 08:00 WIB");
  CHECK(when_text(kMonday9am + 3'600'000, kMonday9am, "WITA", Lang::id) == "pukul 11:00 WITA");
}

TEST_CASE("the running text carries the announcement and every banner, or a welcome") {
  TestOffice o;
  CHECK(marquee_text(o.state, {}, Lang::id).find("Selamat datang") == 0);
  o.run(proto::cmd::announcement_set, {{"text", "Loket 8 melayani informasi."}});
  o.run(proto::cmd::disruption_set, {{"resource", "siak"}, {"level", "down"}});
  const auto b = banners(o.state, DisplayFilter{}, o.now, Lang::id);
  const std::string m = marquee_text(o.state, b, Lang::id);
  CHECK(m.find("Loket 8 melayani informasi.") == 0);
  CHECK(m.find(b[0].text()) != std::string::npos);
  CHECK(m.find("Selamat datang") == std::string::npos);
}

TEST_CASE("blangko all promised (stock 2, 2 B waiting): the row and a banner say so, never Normal") {
  TestOffice o;
  o.run(proto::cmd::resource_set, {{"resource", "blangko"}, {"stock", 2}});
  o.issue("B", 2);
  auto rows = service_rows(o.state, DisplayFilter{}, o.now, Lang::id);
  CHECK(service(rows, "B").status_text == "Blangko habis");
  CHECK(service(rows, "B").status == ServiceStatus::halted);
  CHECK(service(rows, "A").status_text == "Normal");
  auto bs = banners(o.state, DisplayFilter{}, o.now, Lang::id);
  REQUIRE(bs.size() == 1);
  CHECK(bs[0].halted);
  CHECK(bs[0].title == "Pencetakan e-KTP terhenti");
  CHECK(bs[0].message == "Blangko e-KTP habis. Sisa 2 kartu untuk pemohon yang sudah menunggu. Nomor baru tidak diberikan.");
  // Low, not out: an amber banner and the row's word.
  o.run(proto::cmd::resource_set, {{"resource", "blangko"}, {"stock", 150}});
  rows = service_rows(o.state, DisplayFilter{}, o.now, Lang::id);
  CHECK(service(rows, "B").status_text == "Blangko menipis");
  bs = banners(o.state, DisplayFilter{}, o.now, Lang::id);
  REQUIRE(bs.size() == 1);
  CHECK_FALSE(bs[0].halted);
  CHECK(bs[0].message == "Blangko e-KTP menipis: sisa 150 kartu");
}

TEST_CASE("a device fault (kiosk printer out of paper, display audio) gets a banner") {
  TestOffice o;
  o.run(proto::cmd::device_report, {{"device", "kiosk-1/printer"}, {"state", "paper_out"}, {"message", "paper end"}});
  o.run(proto::cmd::device_report, {{"device", "tv-1/audio"}, {"state", "error"}, {"message", "no sound card"}});
  auto bs = banners(o.state, DisplayFilter{}, o.now, Lang::id);
  REQUIRE(bs.size() == 2);
  CHECK(bs[0].title == "Perangkat bermasalah");
  CHECK(bs[0].message == "kiosk-1/printer: kertas habis");
  CHECK(bs[1].message == "tv-1/audio: bermasalah");
  o.run(proto::cmd::device_report, {{"device", "kiosk-1/printer"}, {"state", "ok"}});
  CHECK(banners(o.state, DisplayFilter{}, o.now, Lang::en).size() == 1);
}

TEST_CASE("tickets moved by a bulk move or waiting for a loket on a break: a banner says why") {
  TestOffice o;
  o.issue("B", 2);
  o.open(1);
  o.open(2);
  o.issue("A", 2);
  o.run(proto::cmd::bulk_move, {{"service", "B"}, {"to_service", "F"}, {"reason", "Printer kartu rusak"}});
  auto b = banners(o.state, DisplayFilter{}, o.now, Lang::id);
  REQUIRE(b.size() == 1);
  CHECK(b[0].kind == "bulk_moved");
  CHECK_FALSE(b[0].halted);
  CHECK(b[0].title == "2 nomor dipindahkan ke Informasi & Pengaduan");
  CHECK(b[0].message == "B-001, B-002 dari Pencetakan e-KTP, tempat antrian tetap. Printer kartu rusak");
  CHECK(b[0].text() ==
        "2 nomor dipindahkan ke Informasi & Pengaduan: B-001, B-002 dari Pencetakan e-KTP, tempat antrian tetap. "
        "Printer kartu rusak.");
  // A wall for KK only has nothing to say about it; one for F (where they wait now) has.
  CHECK(banners(o.state, DisplayFilter({"C"}, {}), o.now, Lang::id).empty());
  CHECK(banners(o.state, DisplayFilter({"F"}, {}), o.now, Lang::en).at(0).title ==
        "2 waiting moved to Information & complaints");

  // A ticket sent to loket 2, which goes on a break for 30 minutes.
  o.call_next(1);
  o.start(1);
  o.run(proto::cmd::transfer, {{"counter", 1}, {"to_counter", 2}});
  o.run(proto::cmd::pause, {{"counter", 2}, {"minutes", 30}});
  b = banners(o.state, DisplayFilter{}, o.now, Lang::id);
  REQUIRE(b.size() == 2);
  CHECK(b[1].kind == "loket_break");
  CHECK(b[1].title == "Loket 2 istirahat");
  CHECK(b[1].message == "A-001 menunggu Loket 2 dan dipanggil setelah loket buka kembali");
  CHECK(b[1].when == "Perkiraan buka kembali pukul 09:30 WIB");
  CHECK(b[1].expected_end == o.now + 30 * 60'000);
  // Only the walls that show loket 2.
  CHECK(banners(o.state, DisplayFilter({}, {1}), o.now, Lang::id).size() == 1);
  // In the running text too.
  CHECK(marquee_text(o.state, b, Lang::id).find("Loket 2 istirahat") != std::string::npos);
}
