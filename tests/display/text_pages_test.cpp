// The running text a page at a time: a page ends at a sentence end, never inside a
// sentence; each item starts a page, each page stays long enough to be read, pages cycle.
#include <doctest/doctest.h>

#include "antrian/display/text_pages.h"

using namespace antrian::display;

namespace {
// 10 pixels a character: easy to reason about.
float width(std::string_view s) { return 10.0f * static_cast<float>(s.size()); }
float width2(std::string_view s, bool) { return width(s); }
}  // namespace

TEST_CASE("sentences end at . ! ? before a space or the end, and times and numbers stay whole") {
  CHECK(split_sentences("Loket 3 tutup. Silakan ke loket 4! Sudah?") ==
        std::vector<std::string>{"Loket 3 tutup.", "Silakan ke loket 4!", "Sudah?"});
  CHECK(split_sentences("Buka lagi pukul 13.30 WIB, kuota 1.000 nomor") ==
        std::vector<std::string>{"Buka lagi pukul 13.30 WIB, kuota 1.000 nomor"});
  CHECK(split_sentences("  Satu.  Dua  ") == std::vector<std::string>{"Satu.", "Dua"});
  CHECK(split_sentences("").empty());
}

TEST_CASE("pages hold whole sentences: a page never ends inside one") {
  const std::string item = "Server pusat tidak dapat diakses. Pemohon e-KTP dapat mengambil surat keterangan. Loket 3.";
  const auto pages = paginate({"Loket 8 melayani informasi.", item}, 570, width);
  REQUIRE(pages.size() == 3);
  CHECK(pages[0].text == "Loket 8 melayani informasi.");
  CHECK(pages[1].text == "Server pusat tidak dapat diakses.");  // the next sentence would not fit whole
  CHECK(pages[2].text == "Pemohon e-KTP dapat mengambil surat keterangan. Loket 3.");
  for (const TextPage& p : pages) {
    INFO(p.text);
    CHECK(width(p.text) <= 570);
    CHECK(p.text.back() == '.');
    CHECK_FALSE(p.overflow);
  }
}

TEST_CASE("a sentence wider than the line gets a page of its own, whole, marked to be drawn on two lines") {
  const auto pages = paginate({"Singkat. Kalimat yang jauh lebih panjang daripada satu baris ini. Akhir."}, 200, width);
  REQUIRE(pages.size() == 3);
  CHECK(pages[0].text == "Singkat.");
  CHECK(pages[1].text == "Kalimat yang jauh lebih panjang daripada satu baris ini.");
  CHECK(pages[1].overflow);
  CHECK(pages[2].text == "Akhir.");
  CHECK_FALSE(pages[2].overflow);
}

TEST_CASE("lines a page: wrapped between words, a sentence that does not fit the rest of a page starts the next") {
  const std::vector<TextItem> items = {{"Pencetakan e-KTP terhenti", true},
                                       {"Blangko habis. Surat keterangan tersedia di loket tiga hari ini.", false}};
  const auto pages = paginate_lines(items, 200, 2, width2);
  REQUIRE(pages.size() == 4);
  REQUIRE(pages[0].lines.size() == 2);
  CHECK(pages[0].lines[0].text == "Pencetakan e-KTP");
  CHECK(pages[0].lines[0].bold);
  CHECK(pages[0].lines[1].text == "terhenti");
  // The page is full: "Blangko habis." starts the next one, and the following sentence
  // (three lines) does not fit the line left there, so it starts a page of its own and,
  // being longer than a page, goes on onto one more.
  REQUIRE(pages[1].lines.size() == 1);
  CHECK(pages[1].lines[0].text == "Blangko habis.");
  CHECK_FALSE(pages[1].lines[0].bold);
  CHECK_FALSE(pages[1].continued);
  CHECK(pages[2].lines[0].text == "Surat keterangan");
  CHECK(pages[2].continued);
  CHECK(pages[3].lines.back().text == "tiga hari ini.");
  CHECK_FALSE(pages[3].continued);
}

TEST_CASE("only a sentence longer than a whole page is carried over, marked as continued") {
  const auto pages = paginate_lines({{"aaa bbb ccc ddd eee fff.", false}}, 30, 2, width2);
  REQUIRE(pages.size() == 3);
  CHECK(pages[0].continued);
  CHECK(pages[1].continued);
  CHECK_FALSE(pages[2].continued);
  CHECK(pages[2].lines.back().text == "fff.");
}

TEST_CASE("pages stay long enough to be read, within limits") {
  PagingRules r;
  const auto pages = paginate({"Satu.", std::string(400, 'x') + " " + std::string(10, 'y')}, 100000, width, r);
  CHECK(pages[0].duration_ms == r.min_ms);
  const auto wordy = paginate({"a b c d e f g h i j k l m n o p q r s t u v w x y z a b c d e f g h i j k"}, 100000, width, r);
  CHECK(wordy[0].duration_ms == r.max_ms);
  const auto twenty = paginate({"a b c d e f g h i j k l m n o p q r s t"}, 100000, width, r);
  CHECK(twenty[0].duration_ms == 20 * r.per_word_ms);
}

TEST_CASE("pages cycle, and say when the next one is due") {
  const std::vector<TextPage> pages = {{"a", 5000}, {"b", 7000}};
  CHECK(page_at(pages, 0).index == 0);
  CHECK(page_at(pages, 0).ms_to_next == 5000);
  CHECK(page_at(pages, 4999).index == 0);
  CHECK(page_at(pages, 5000).index == 1);
  CHECK(page_at(pages, 5000).ms_to_next == 7000);
  CHECK(page_at(pages, 12'000).index == 0);  // back to the first
  CHECK(page_at(pages, 12'000 * 3 + 6000).index == 1);
  CHECK(page_at(std::vector<TextPage>{{"only", 5000}}, 99'999).ms_to_next == -1);  // one page: no more frames
  CHECK(page_at(std::vector<TextPage>{}, 0).ms_to_next == -1);
}
