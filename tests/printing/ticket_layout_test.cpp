// The ticket's byte stream for 58 mm and 80 mm paper.
#include <doctest/doctest.h>

#include <string>

#include "antrian/printing/ticket_layout.h"
#include "test_util.h"

using namespace antrian::printing;
using printing_test::B;
using printing_test::cat;
using printing_test::count;
using printing_test::find;
constexpr size_t npos = std::string::npos;

namespace {

TicketPrint sample(PaperWidth w) {
  TicketPrint t;
  t.office_name = "Dinas Kependudukan dan Pencatatan Sipil Kabupaten Kepulauan Seribu Utara";
  t.date_time_text = "Senin, 3 Maret 2025 08:15 WIB";
  t.ticket_label = "A-001";
  t.service_name = "Perekaman e-KTP";
  t.estimated_wait_text = "25 menit";
  t.wait_location_text = "Ruang tunggu A";
  t.status_url = "https://antrian.example.go.id/t/0123456789abcdef0123456789ab";
  t.paper = w;
  return t;
}

Bytes render(const TicketPrint& t) {
  auto r = render_ticket(t);
  REQUIRE_MESSAGE(r.ok(), r.error());
  return r.value();
}

}  // namespace

TEST_CASE("ticket: 58 mm starts with init, prints the label at 4x, ends with a cut") {
  const Bytes b = render(sample(PaperWidth::mm58));
  REQUIRE(b.size() > 10);
  CHECK(Bytes(b.begin(), b.begin() + 8) == B({0x1B, 0x40, 0x1B, 0x52, 0x00, 0x1B, 0x74, 0x00}));
  // GS ! 0x33 (4x4), bold, the label, LF, bold off, back to 1x1.
  const Bytes label = cat(cat(B({0x1D, 0x21, 0x33, 0x1B, 0x45, 0x01}), B("A-001")),
                          B({0x0A, 0x1B, 0x45, 0x00, 0x1D, 0x21, 0x00}));
  CHECK(find(b, label) != npos);
  CHECK(count(b, B("A-001")) == 1);
  CHECK(Bytes(b.end() - 6, b.end()) == B({0x1B, 0x64, 0x04, 0x1D, 0x56, 0x01}));
  CHECK(count(b, B({0x1D, 0x56})) == 1);  // exactly one cut
}

TEST_CASE("ticket: 80 mm uses a bigger label and a full cut when asked") {
  TicketPrint t = sample(PaperWidth::mm80);
  t.full_cut = true;
  const Bytes b = render(t);
  CHECK(find(b, cat(B({0x1D, 0x21, 0x55, 0x1B, 0x45, 0x01}), B("A-001\n"))) != npos);  // 6x6
  CHECK(Bytes(b.end() - 3, b.end()) == B({0x1D, 0x56, 0x00}));
}

TEST_CASE("ticket: a long label shrinks to fit the paper") {
  TicketPrint t = sample(PaperWidth::mm58);
  t.ticket_label = "PRIO-0123";  // 9 chars: 32 / 9 = 3x
  CHECK(find(render(t), cat(B({0x1D, 0x21, 0x22, 0x1B, 0x45, 0x01}), B("PRIO-0123\n"))) != npos);
}

TEST_CASE("ticket: every line fits the paper width, the office name wraps") {
  for (PaperWidth w : {PaperWidth::mm58, PaperWidth::mm80}) {
    const TicketPrint t = sample(w);
    auto doc = layout_ticket(t);
    REQUIRE(doc.ok());
    const PaperGeometry g = paper_geometry(w);
    int office_lines = 0;
    std::string office;
    for (const TicketBlock& blk : doc.value().blocks) {
      if (blk.kind != TicketBlock::Kind::text && blk.kind != TicketBlock::Kind::rule) continue;
      CHECK(static_cast<int>(blk.text.size()) * blk.scale <= g.columns);
      if (office_lines < 3 && blk.bold && blk.scale == 1 && office.size() < t.office_name.size()) {
        office += (office.empty() ? "" : " ") + blk.text;
        ++office_lines;
      }
    }
    CHECK(office == t.office_name);
    CHECK(office_lines == (w == PaperWidth::mm58 ? 3 : 2));
    // The same wrapped lines are in the byte stream, each ended by LF.
    const Bytes b = render(t);
    const std::string first = doc.value().blocks.front().text;
    CHECK(first == (w == PaperWidth::mm58 ? "Dinas Kependudukan dan" : "Dinas Kependudukan dan Pencatatan Sipil"));
    CHECK(find(b, B(first + "\n")) != npos);
    CHECK(find(b, B(t.office_name)) == npos);
  }
  CHECK(paper_geometry(PaperWidth::mm58).columns == 32);
  CHECK(paper_geometry(PaperWidth::mm58).dots == 384);
  CHECK(paper_geometry(PaperWidth::mm80).columns == 48);
  CHECK(paper_geometry(PaperWidth::mm80).dots == 576);
}

TEST_CASE("ticket: texts come from the strings table, in the ticket's language") {
  TicketPrint t = sample(PaperWidth::mm80);
  Bytes b = render(t);
  CHECK(find(b, B("Nomor Antrian\n")) != npos);
  CHECK(find(b, B("Perkiraan waktu tunggu: 25 menit\n")) != npos);
  CHECK(find(b, B("Silakan tunggu di Ruang tunggu A\n")) != npos);
  CHECK(find(b, B("Simpan tiket ini")) != npos);
  CHECK(find(b, B("Perekaman e-KTP\n")) != npos);
  CHECK(find(b, B("Senin, 3 Maret 2025 08:15 WIB\n")) != npos);
  CHECK(find(b, B("Prioritas")) == npos);  // regular ticket: no priority line

  t.priority_label = "Lansia";
  t.lang = antrian::Lang::en;
  b = render(t);
  CHECK(find(b, B("Queue Number\n")) != npos);
  CHECK(find(b, B("Priority: Lansia\n")) != npos);
  CHECK(find(b, B("Keep this ticket")) != npos);
  CHECK(find(b, B("Nomor Antrian")) == npos);
}

TEST_CASE("ticket: QR as native command, as raster, or left out") {
  TicketPrint t = sample(PaperWidth::mm58);
  const Bytes url = B(t.status_url);
  Bytes b = render(t);
  CHECK(find(b, cat(B({0x1D, 0x28, 0x6B, 63, 0x00, 0x31, 0x50, 0x30}), url)) != npos);
  CHECK(find(b, B({0x1D, 0x28, 0x6B, 0x03, 0x00, 0x31, 0x45, 0x31})) != npos);  // ECC M
  CHECK(find(b, B({0x1D, 0x76, 0x30})) == npos);

  t.qr_mode = QrMode::raster;
  b = render(t);
  CHECK(find(b, B({0x1D, 0x28, 0x6B})) == npos);
  CHECK(find(b, url) == npos);
  CHECK(find(b, B({0x1D, 0x76, 0x30, 0x00, 48, 0x00})) != npos);  // full 384-dot rows

  t.qr_mode = QrMode::none;
  b = render(t);
  CHECK(find(b, B({0x1D, 0x28, 0x6B})) == npos);
  CHECK(find(b, B({0x1D, 0x76, 0x30})) == npos);
}

TEST_CASE("ticket: unprintable input is dropped, an empty label is an error") {
  TicketPrint t = sample(PaperWidth::mm58);
  t.office_name = std::string("Kantor\x1B@\x1DV", 10) + std::string(1, '\0') + " Pusat";
  const Bytes b = render(t);
  CHECK(find(b, B("Kantor@V Pusat\n")) != npos);
  CHECK(count(b, B({0x1B, 0x40})) == 1);  // the only init is the first one

  t.ticket_label = " \x1B ";
  auto r = render_ticket(t);
  CHECK_FALSE(r.ok());
  CHECK(r.error().find("label is empty") != std::string::npos);
}
