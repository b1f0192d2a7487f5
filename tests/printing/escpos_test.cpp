// Byte-exact checks of every ESC/POS command against the Epson command reference.
#include <doctest/doctest.h>

#include <string>

#include "antrian/printing/escpos.h"
#include "test_util.h"

using namespace antrian::printing;
using printing_test::B;
using printing_test::cat;

TEST_CASE("escpos: simple commands encode to their exact bytes") {
  CHECK(EscPos().init().bytes() == B({0x1B, 0x40}));
  CHECK(EscPos().international_charset_usa().bytes() == B({0x1B, 0x52, 0x00}));
  CHECK(EscPos().code_page(0).bytes() == B({0x1B, 0x74, 0x00}));
  CHECK(EscPos().code_page(16).bytes() == B({0x1B, 0x74, 0x10}));
  CHECK(EscPos().align(Align::left).bytes() == B({0x1B, 0x61, 0x00}));
  CHECK(EscPos().align(Align::center).bytes() == B({0x1B, 0x61, 0x01}));
  CHECK(EscPos().align(Align::right).bytes() == B({0x1B, 0x61, 0x02}));
  CHECK(EscPos().bold(true).bytes() == B({0x1B, 0x45, 0x01}));
  CHECK(EscPos().bold(false).bytes() == B({0x1B, 0x45, 0x00}));
  CHECK(EscPos().lf().bytes() == B({0x0A}));
  CHECK(EscPos().feed(3).bytes() == B({0x1B, 0x64, 0x03}));
  CHECK(EscPos().cut(Cut::full).bytes() == B({0x1D, 0x56, 0x00}));
  CHECK(EscPos().cut(Cut::partial).bytes() == B({0x1D, 0x56, 0x01}));
  CHECK(EscPos().feed_and_cut(Cut::full, 5).bytes() == B({0x1D, 0x56, 0x41, 0x05}));
  CHECK(EscPos().feed_and_cut(Cut::partial, 0).bytes() == B({0x1D, 0x56, 0x42, 0x00}));
}

TEST_CASE("escpos: print mode and character size") {
  CHECK(EscPos().print_mode(false, false, false).bytes() == B({0x1B, 0x21, 0x00}));
  CHECK(EscPos().print_mode(true, false, false).bytes() == B({0x1B, 0x21, 0x08}));
  CHECK(EscPos().print_mode(false, true, false).bytes() == B({0x1B, 0x21, 0x10}));
  CHECK(EscPos().print_mode(false, false, true).bytes() == B({0x1B, 0x21, 0x20}));
  CHECK(EscPos().print_mode(true, true, true).bytes() == B({0x1B, 0x21, 0x38}));
  CHECK(EscPos().size(1, 1).bytes() == B({0x1D, 0x21, 0x00}));
  CHECK(EscPos().size(2, 2).bytes() == B({0x1D, 0x21, 0x11}));
  CHECK(EscPos().size(4, 3).bytes() == B({0x1D, 0x21, 0x32}));
  CHECK(EscPos().size(8, 8).bytes() == B({0x1D, 0x21, 0x77}));
  // Out-of-range sizes are clamped rather than spilling into other bits.
  CHECK(EscPos().size(0, 99).bytes() == B({0x1D, 0x21, 0x07}));
}

TEST_CASE("escpos: text is folded to printable ASCII and cannot inject commands") {
  CHECK(EscPos().text("Antrian A-001").bytes() == B("Antrian A-001"));
  CHECK(EscPos().line("Kel. Sukajadi").bytes() == cat(B("Kel. Sukajadi"), B({0x0A})));
  // Accents lose their marks; typographic punctuation becomes ASCII.
  CHECK(EscPos().text("Caf\xC3\xA9 \xE2\x80\x9CIbu\xE2\x80\x9D \xE2\x80\x93 ok\xE2\x80\xA6").bytes() ==
        B("Cafe \"Ibu\" - ok..."));
  // ESC @ and GS V hidden in text would reset or cut the printer: dropped.
  CHECK(EscPos().text("A\x1B@B\x1DV\x01" "C").bytes() == B("A@BVC"));
  // Emoji and invalid UTF-8 vanish.
  CHECK(EscPos().text("ok \xF0\x9F\x98\x80\xFF!").bytes() == B("ok !"));
}

TEST_CASE("escpos: native QR sequence (model 2, module size, ECC M, store, print)") {
  const std::string url = "https://antrian.example.go.id/t/0123456789abcdef0123456789ab";
  REQUIRE(url.size() == 60);
  EscPos e;
  REQUIRE(e.qr(url, 6).ok());
  Bytes expected = B({0x1D, 0x28, 0x6B, 0x04, 0x00, 0x31, 0x41, 0x32, 0x00,   // model 2
                      0x1D, 0x28, 0x6B, 0x03, 0x00, 0x31, 0x43, 0x06,         // module 6
                      0x1D, 0x28, 0x6B, 0x03, 0x00, 0x31, 0x45, 0x31,         // ECC M
                      0x1D, 0x28, 0x6B, 63, 0x00, 0x31, 0x50, 0x30});         // store 60+3
  expected = cat(expected, B(url));
  expected = cat(expected, B({0x1D, 0x28, 0x6B, 0x03, 0x00, 0x31, 0x51, 0x30}));  // print
  CHECK(e.bytes() == expected);
}

TEST_CASE("escpos: QR store length uses both pL and pH for long data") {
  const std::string data(300, 'x');  // 303 = 0x012F
  EscPos e;
  REQUIRE(e.qr(data, 4, QrEcc::H).ok());
  const Bytes& b = e.bytes();
  const Bytes store_head = B({0x1D, 0x28, 0x6B, 0x2F, 0x01, 0x31, 0x50, 0x30});
  CHECK(printing_test::find(b, store_head) == 25);
  CHECK(printing_test::find(b, B({0x31, 0x45, 0x33})) != std::string::npos);  // ECC H
}

TEST_CASE("escpos: bad QR input is an error and appends nothing") {
  EscPos e;
  Status empty = e.qr("", 4);
  CHECK_FALSE(empty.ok());
  CHECK(empty.error().find("empty") != std::string::npos);
  Status huge = e.qr(std::string(kMaxNativeQrBytes + 1, 'a'), 4);
  CHECK_FALSE(huge.ok());
  CHECK(huge.error().find("7089") != std::string::npos);
  CHECK(e.bytes().empty());
}

TEST_CASE("escpos: raster image GS v 0 packs dots MSB first") {
  MonoBitmap img(10, 2);  // 2 bytes per row
  img.set(0, 0, true);
  img.set(9, 0, true);
  img.set(1, 1, true);
  img.set(8, 1, true);
  EscPos e;
  REQUIRE(e.raster(img).ok());
  CHECK(e.bytes() == B({0x1D, 0x76, 0x30, 0x00, 0x02, 0x00, 0x02, 0x00,
                        0x80, 0x40,    // row 0: x=0, x=9
                        0x40, 0x80})); // row 1: x=1, x=8
  CHECK_FALSE(EscPos().raster(MonoBitmap()).ok());
}

TEST_CASE("escpos: tall raster images are sent in bands") {
  MonoBitmap img(8, kRasterBandRows + 3);
  EscPos e;
  REQUIRE(e.raster(img).ok());
  const Bytes& b = e.bytes();
  CHECK(b.size() == 8 + kRasterBandRows + 8 + 3);
  CHECK(printing_test::count(b, B({0x1D, 0x76, 0x30, 0x00, 0x01, 0x00})) == 2);
  CHECK(printing_test::find(b, B({0x1D, 0x76, 0x30, 0x00, 0x01, 0x00, 0x03, 0x00})) ==
        8 + static_cast<size_t>(kRasterBandRows));
}
