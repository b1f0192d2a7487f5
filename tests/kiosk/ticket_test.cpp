// What goes onto the paper: the ticket's words, its ESC/POS bytes (label, sizes, cut,
// native QR) for 58 and 80 mm, the QR decoded by zbar from the rendered ticket image,
// and what the hub is told about the printer.
#include <doctest/doctest.h>
#ifdef ANTRIAN_HAVE_ZBAR
#include <zbar.h>
#endif

#include <algorithm>
#include <string>

#include "antrian/kiosk/format.h"
#include "antrian/kiosk/issued_ticket.h"
#include "antrian/kiosk/printer_report.h"
#include "antrian/printing/ticket_preview.h"
#include "test_office.h"

using namespace antrian;
using namespace antrian::kiosk;
using printing::Bytes;

namespace {

bool contains(const Bytes& b, std::string_view s) {
  return std::search(b.begin(), b.end(), s.begin(), s.end()) != b.end();
}
bool contains(const Bytes& b, std::initializer_list<uint8_t> seq) {
  return std::search(b.begin(), b.end(), seq.begin(), seq.end()) != b.end();
}

struct Issued {
  kiosk_test::TestOffice office;
  IssuedTicket ticket;
};

Issued issue(const char* service, Priority p = Priority::reguler) {
  Issued i;
  i.office.open(2, "ani");
  auto reply = i.office.issue({service, p});
  REQUIRE(reply.ok);
  auto t = read_issue_result(reply.result);
  REQUIRE(t.ok());
  i.ticket = *t;
  return i;
}

std::vector<std::string> decode_qr(const printing::GreyImage& img) {
  std::vector<std::string> found;
#ifdef ANTRIAN_HAVE_ZBAR
  using namespace zbar;
  zbar_image_scanner_t* scanner = zbar_image_scanner_create();
  zbar_image_scanner_set_config(scanner, ZBAR_NONE, ZBAR_CFG_ENABLE, 0);
  zbar_image_scanner_set_config(scanner, ZBAR_QRCODE, ZBAR_CFG_ENABLE, 1);
  zbar_image_t* z = zbar_image_create();
  zbar_image_set_format(z, zbar_fourcc('Y', '8', '0', '0'));
  zbar_image_set_size(z, unsigned(img.width), unsigned(img.height));
  zbar_image_set_data(z, img.pixels.data(), img.pixels.size(), nullptr);
  zbar_scan_image(scanner, z);
  for (const zbar_symbol_t* s = zbar_image_first_symbol(z); s; s = zbar_symbol_next(s))
    found.emplace_back(zbar_symbol_get_data(s), zbar_symbol_get_data_length(s));
  zbar_image_destroy(z);
  zbar_image_scanner_destroy(scanner);
#else
  (void)img;
  FAIL("built without zbar: cannot decode the ticket's QR");
#endif
  return found;
}

}  // namespace

TEST_CASE("format: waits are rounded up and unknown is said, never guessed") {
  CHECK(wait_text(std::nullopt, Lang::id) == "belum dapat diperkirakan");
  CHECK(wait_text(0, Lang::id) == "kurang dari 1 menit");
  CHECK(wait_text(61, Lang::id) == "sekitar 2 menit");
  CHECK(wait_text(25 * 60, Lang::en) == "about 25 min");
  CHECK(wait_text(3600, Lang::id) == "sekitar 1 jam");
  CHECK(wait_text(3600 + 10 * 60, Lang::id) == "sekitar 1 jam 10 menit");
  CHECK(counters_text({}, Lang::id).empty());
  CHECK(counters_text({8}, Lang::id) == "loket 8");
  CHECK(counters_text({2, 3}, Lang::id) == "loket 2 dan 3");
  CHECK(counters_text({1, 2, 3}, Lang::en) == "counters 1, 2 and 3");
  CHECK(status_url("http://hub:8080/", "abc") == "http://hub:8080/t/abc");
  CHECK(status_url("", "abc").empty());
}

TEST_CASE("ticket: the hub's reply becomes the ticket, a reply without a label is refused") {
  Issued i = issue("B", Priority::lansia);
  CHECK(i.ticket.label == "B-001");
  CHECK(i.ticket.service == "B");
  CHECK(i.ticket.priority == Priority::lansia);
  CHECK(i.ticket.token.size() >= 16);
  CHECK(i.ticket.issued_at == kiosk_test::kMonday9am);
  CHECK(i.ticket.eta_s.has_value());  // loket 2 is open for B
  CHECK_FALSE(read_issue_result({{"ticket", {{"service", "B"}}}}).ok());
  CHECK(read_issue_result(nlohmann::json::object()).error().code == "bad_reply");
}

TEST_CASE("ticket: ESC/POS bytes carry office, time, number, service, where to wait, QR and a cut") {
  Issued i = issue("B", Priority::ibu_hamil);
  const OfficeSnapshot office = i.office.snapshot();
  KioskSettings s = kiosk_test::settings();
  const std::string url = office.public_url + "/t/" + i.ticket.token;
  for (auto paper : {printing::PaperWidth::mm58, printing::PaperWidth::mm80}) {
    s.paper = paper;
    auto job = ticket_job(i.ticket, office, s, Lang::id);
    REQUIRE(job.ok());
    const Bytes& b = *job;
    CHECK(contains(b, {0x1B, 0x40}));  // ESC @ first
    CHECK(b[0] == 0x1B);
    CHECK(contains(b, "Disdukcapil Kabupaten Contoh"));
    if (paper == printing::PaperWidth::mm80) {  // 58 mm wraps these longer lines
      CHECK(contains(b, "Senin, 23 November 2026 09:00 WIB"));
      } else {
      CHECK(contains(b, "Senin, 23 November 2026 09:00"));
      CHECK(contains(b, "loket 2 dan 3"));
    }
    CHECK(contains(b, "B-001"));
    CHECK(contains(b, "Pencetakan e-KTP"));
    CHECK(contains(b, "Prioritas: Ibu hamil"));
    CHECK(contains(b, url));                       // native QR data (GS ( k 1 P 0)
    CHECK(contains(b, {0x1D, 0x28, 0x6B}));
    CHECK(contains(b, {0x1D, 0x56, 0x01}));        // partial cut at the end
    CHECK(b[b.size() - 3] == 0x1D);
    // The number is printed large: GS ! with a size above 1x1 right before it.
    CHECK((contains(b, {0x1D, 0x21, 0x33}) || contains(b, {0x1D, 0x21, 0x55})));
    const std::string rule(paper == printing::PaperWidth::mm58 ? 32 : 48, '-');
    CHECK(contains(b, rule + "\n"));
    if (paper == printing::PaperWidth::mm58) CHECK_FALSE(contains(b, std::string(33, '-')));
  }
  // In English, the fixed words come from the table in English.
  auto en = ticket_job(i.ticket, office, s, Lang::en);
  REQUIRE(en.ok());
  CHECK(contains(*en, "e-KTP printing"));
  CHECK(contains(*en, "Monday, 23 November 2026 09:00 WIB"));
  CHECK(contains(*en, "Priority: Pregnant"));
}

TEST_CASE("ticket: the rendered ticket's QR decodes (zbar) to the ticket's status page") {
  Issued i = issue("A");
  const OfficeSnapshot office = i.office.snapshot();
  for (auto paper : {printing::PaperWidth::mm58, printing::PaperWidth::mm80}) {
    KioskSettings s = kiosk_test::settings();
    s.paper = paper;
    auto doc = printing::layout_ticket(ticket_print(i.ticket, office, s, Lang::id));
    REQUIRE(doc.ok());
    auto img = printing::render_ticket_preview(doc.value());
    REQUIRE(img.ok());
    const auto found = decode_qr(img.value());
    REQUIRE(found.size() == 1);
    CHECK(found[0] == "http://127.0.0.1:8080/t/" + i.ticket.token);
  }
}

TEST_CASE("ticket: a raster-QR printer gets the QR as an image, a hub without public URL prints no QR") {
  Issued i = issue("C");
  OfficeSnapshot office = i.office.snapshot();
  KioskSettings s = kiosk_test::settings();
  s.qr_mode = printing::QrMode::raster;
  auto raster = ticket_job(i.ticket, office, s, Lang::id);
  REQUIRE(raster.ok());
  CHECK(contains(*raster, {0x1D, 0x76, 0x30}));  // GS v 0
  CHECK_FALSE(contains(*raster, {0x1D, 0x28, 0x6B}));
  office.public_url.clear();
  s.qr_mode = printing::QrMode::native;
  auto plain = ticket_job(i.ticket, office, s, Lang::id);
  REQUIRE(plain.ok());
  CHECK(contains(*plain, "C-001"));
  CHECK_FALSE(contains(*plain, {0x1D, 0x28, 0x6B}));
}

TEST_CASE("printer report: outcomes map to the hub's device states") {
  printing::PrintResult r;
  r.code = printing::PrintCode::ok;
  CHECK(printer_report(r, false)->state == "ok");
  r.status_known = true;
  r.status.paper_near_end = true;
  CHECK(printer_report(r, false)->state == "paper_low");
  r = {};
  r.code = printing::PrintCode::paper_out;
  r.reason = "printer 10.0.0.5:9100 reports paper end";
  CHECK(*printer_report(r, false) == PrinterReport{"paper_out", r.reason});
  r.code = printing::PrintCode::cover_open;
  CHECK(printer_report(r, false)->state == "error");
  r.code = printing::PrintCode::timeout;
  CHECK(printer_report(r, false)->state == "offline");
  r.code = printing::PrintCode::failed;
  r.reason = "connection refused by 127.0.0.1:9100";
  CHECK(printer_report(r, true)->state == "offline");
  // A printer that prints but never answers status queries is not "offline".
  r.reason = "printer 127.0.0.1:9100 did not answer the status query within 700 ms";
  CHECK_FALSE(printer_report(r, true).has_value());
  r.code = printing::PrintCode::disabled;
  CHECK(printer_report(r, true)->state == "offline");
}
