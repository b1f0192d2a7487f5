// The ticket preview PNG, read back from disk and decoded by zbar (an independent QR
// reader), must give exactly the status URL.
#include <doctest/doctest.h>
#include <stb/stb_image.h>
#ifdef ANTRIAN_HAVE_ZBAR
#include <zbar.h>
#endif

#include <string>
#include <vector>

#include "antrian/printing/png.h"
#include "antrian/printing/qr.h"
#include "antrian/printing/ticket_preview.h"
#include "temp_dir.h"

using namespace antrian::printing;

namespace {

struct Loaded {
  int w = 0, h = 0;
  std::vector<unsigned char> grey;
};

Loaded load_png(const std::string& path) {
  Loaded l;
  int n = 0;
  unsigned char* px = stbi_load(path.c_str(), &l.w, &l.h, &n, 1);
  if (px != nullptr) {
    l.grey.assign(px, px + static_cast<size_t>(l.w) * l.h);
    stbi_image_free(px);
  }
  return l;
}

// Every QR symbol zbar finds in a greyscale image.
std::vector<std::string> decode_qr(const Loaded& img) {
  std::vector<std::string> found;
#ifdef ANTRIAN_HAVE_ZBAR
  using namespace zbar;  // zbar.h puts its C API in namespace zbar under C++
  zbar_image_scanner_t* scanner = zbar_image_scanner_create();
  zbar_image_scanner_set_config(scanner, ZBAR_NONE, ZBAR_CFG_ENABLE, 0);
  zbar_image_scanner_set_config(scanner, ZBAR_QRCODE, ZBAR_CFG_ENABLE, 1);
  zbar_image_t* zimg = zbar_image_create();
  zbar_image_set_format(zimg, zbar_fourcc('Y', '8', '0', '0'));
  zbar_image_set_size(zimg, static_cast<unsigned>(img.w), static_cast<unsigned>(img.h));
  zbar_image_set_data(zimg, img.grey.data(), img.grey.size(), nullptr);
  zbar_scan_image(scanner, zimg);
  for (const zbar_symbol_t* s = zbar_image_first_symbol(zimg); s != nullptr; s = zbar_symbol_next(s))
    if (zbar_symbol_get_type(s) == ZBAR_QRCODE)
      found.emplace_back(zbar_symbol_get_data(s), zbar_symbol_get_data_length(s));
  zbar_image_destroy(zimg);
  zbar_image_scanner_destroy(scanner);
#else
  (void)img;
  FAIL("built without zbar: cannot decode the preview");
#endif
  return found;
}

TicketPrint sample(PaperWidth w, std::string url) {
  TicketPrint t;
  t.office_name = "Disdukcapil Kota Bandung";
  t.date_time_text = "Senin, 3 Maret 2025 08:15 WIB";
  t.ticket_label = "B-042";
  t.service_name = "Pencetakan e-KTP";
  t.priority_label = "Ibu hamil";
  t.estimated_wait_text = "40 menit";
  t.wait_location_text = "Ruang tunggu B";
  t.status_url = std::move(url);
  t.paper = w;
  return t;
}

}  // namespace

TEST_CASE("preview: PNG of the ticket decodes to exactly the status URL") {
  printing_test::TempDir dir;
  REQUIRE(dir.ok());
  const std::string url = "https://antrian.example.go.id/t/Zq8hV2kP0xYw3RtLmN5sBcD7fGjH9a";
  for (PaperWidth w : {PaperWidth::mm58, PaperWidth::mm80}) {
    auto doc = layout_ticket(sample(w, url));
    REQUIRE_MESSAGE(doc.ok(), doc.error());
    auto img = render_ticket_preview(doc.value());
    REQUIRE_MESSAGE(img.ok(), img.error());
    CHECK(img.value().width == paper_geometry(w).dots);
    const std::string path = (dir.path() / (w == PaperWidth::mm58 ? "t58.png" : "t80.png")).string();
    Status s = write_png(path, img.value());
    REQUIRE_MESSAGE(s.ok(), s.error());

    const Loaded back = load_png(path);
    REQUIRE(back.w == img.value().width);
    REQUIRE(back.h == img.value().height);
    const auto symbols = decode_qr(back);
    REQUIRE(symbols.size() == 1);
    CHECK(symbols[0] == url);
    // Text was drawn too (dark pixels above the QR, where the header lines are).
    int dark_top = 0;
    for (int y = 0; y < 60; ++y)
      for (int x = 0; x < back.w; ++x) dark_top += back.grey[static_cast<size_t>(y) * back.w + x] < 128;
    CHECK(dark_top > 50);
  }
}

// Rebuilds the image a printer would print from the GS v 0 commands in a job.
Loaded raster_from_job(const Bytes& job) {
  Loaded l;
  for (size_t i = 0; i + 8 <= job.size(); ++i) {
    if (job[i] != 0x1D || job[i + 1] != 0x76 || job[i + 2] != 0x30) continue;
    const int row_bytes = job[i + 4] | (job[i + 5] << 8);
    const int rows = job[i + 6] | (job[i + 7] << 8);
    l.w = row_bytes * 8;
    i += 8;
    for (int y = 0; y < rows; ++y)
      for (int x = 0; x < l.w; ++x) {
        const std::uint8_t byte = job[i + static_cast<size_t>(y) * row_bytes + x / 8];
        l.grey.push_back((byte & (0x80 >> (x % 8))) ? 0 : 255);
      }
    i += static_cast<size_t>(rows) * row_bytes - 1;
    l.h += rows;
  }
  return l;
}

TEST_CASE("preview: the raster fallback prints a QR that decodes to the URL") {
  const std::string url = "https://antrian.example.go.id/t/Zq8hV2kP0xYw3RtLmN5sBcD7fGjH9a";
  for (PaperWidth w : {PaperWidth::mm58, PaperWidth::mm80}) {
    TicketPrint t = sample(w, url);
    t.qr_mode = QrMode::raster;
    auto job = render_ticket(t);
    REQUIRE_MESSAGE(job.ok(), job.error());
    const Loaded img = raster_from_job(job.value());
    REQUIRE(img.w == paper_geometry(w).dots);
    REQUIRE(img.h > 0);
    const auto symbols = decode_qr(img);
    REQUIRE(symbols.size() == 1);
    CHECK(symbols[0] == url);
  }
}

TEST_CASE("preview: without a QR there is nothing to decode") {
  TicketPrint t = sample(PaperWidth::mm58, "https://antrian.example.go.id/t/abc");
  t.qr_mode = QrMode::none;
  auto doc = layout_ticket(t);
  REQUIRE(doc.ok());
  auto img = render_ticket_preview(doc.value());
  REQUIRE(img.ok());
  auto png = encode_png(img.value());
  REQUIRE(png.ok());
  Loaded l;
  int n = 0;
  unsigned char* px = stbi_load_from_memory(png.value().data(), static_cast<int>(png.value().size()),
                                            &l.w, &l.h, &n, 1);
  REQUIRE(px != nullptr);
  l.grey.assign(px, px + static_cast<size_t>(l.w) * l.h);
  stbi_image_free(px);
  CHECK(decode_qr(l).empty());
}

TEST_CASE("preview: QR matrix and bitmap geometry") {
  auto m = encode_qr("https://antrian.example.go.id/t/abc");
  REQUIRE(m.ok());
  CHECK(m.value().size >= 21);
  CHECK((m.value().size - 17) % 4 == 0);
  // Finder pattern: the top-left corner module is dark, the quiet zone is white.
  const MonoBitmap bmp = qr_bitmap(m.value(), 3, 4);
  CHECK(bmp.width == (m.value().size + 8) * 3);
  CHECK_FALSE(bmp.get(0, 0));
  CHECK(bmp.get(12, 12));
  CHECK(bmp.get(14, 14));
  CHECK_FALSE(encode_qr("").ok());
  auto too_long = encode_qr(std::string(8000, 'x'));
  CHECK_FALSE(too_long.ok());
  CHECK(too_long.error().find("too long") != std::string::npos);
}

TEST_CASE("preview: write_png reports an unwritable path") {
  GreyImage img(4, 4);
  Status s = write_png("/nonexistent-dir/antrian/t.png", img);
  CHECK_FALSE(s.ok());
  CHECK(s.error().find("/nonexistent-dir/antrian/t.png") != std::string::npos);
  CHECK_FALSE(write_png("/tmp/x.png", GreyImage()).ok());
}
