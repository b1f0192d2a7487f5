// ASCII folding and word wrapping.
#include <doctest/doctest.h>

#include "antrian/printing/text_wrap.h"
#include "antrian/printing/transliterate.h"

using namespace antrian::printing;

TEST_CASE("text: folding keeps ASCII and maps Latin letters") {
  CHECK(to_printable_ascii("Perekaman e-KTP #1 @ Loket 3 (50%)") ==
        "Perekaman e-KTP #1 @ Loket 3 (50%)");
  CHECK(to_printable_ascii("\xC3\x80\xC3\xA9\xC3\xB1\xC3\xBC\xC3\x9F") == "Aenuss");
  CHECK(to_printable_ascii("\xC5\x81\xC3\xB3\x64\xC5\xBA") == "Lodz");
  CHECK(to_printable_ascii("\xC5\x92uvre") == "OEuvre");
  CHECK(to_printable_ascii("a\tb\nc") == "a b c");
  CHECK(to_printable_ascii("\xC2\xB1 5 menit") == "+/- 5 menit");
  // Overlong encoding of '/' (C0 AF) and a lone continuation byte are dropped.
  CHECK(to_printable_ascii("a\xC0\xAF" "b\x80" "c") == "abc");
  // Truncated sequence at the end.
  CHECK(to_printable_ascii("ok\xE2\x80") == "ok");
}

TEST_CASE("text: wrap breaks at spaces within the width") {
  auto lines = wrap_text("Dinas Kependudukan dan Pencatatan Sipil Kota Bandung", 16);
  REQUIRE(lines.size() == 4);
  CHECK(lines[0] == "Dinas");
  CHECK(lines[1] == "Kependudukan dan");
  CHECK(lines[2] == "Pencatatan Sipil");
  CHECK(lines[3] == "Kota Bandung");
  for (auto& l : lines) CHECK(l.size() <= 16);
}

TEST_CASE("text: wrap hard-breaks long words and ignores blank input") {
  auto lines = wrap_text("ab https://x.example/abcdefghij", 8);
  REQUIRE(lines.size() == 5);
  CHECK(lines[0] == "ab");
  CHECK(lines[1] == "https://");
  CHECK(lines[2] == "x.exampl");
  CHECK(lines[3] == "e/abcdef");
  CHECK(lines[4] == "ghij");
  CHECK(wrap_text("   ", 10).empty());
  CHECK(wrap_text("", 10).empty());
  CHECK(wrap_text("a  b", 10) == std::vector<std::string>{"a b"});
  CHECK(wrap_text("abc", 0) == std::vector<std::string>{"a", "b", "c"});
}
