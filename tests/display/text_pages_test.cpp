// The running text a page at a time: every item starts a page, long items are cut
// between words to fit, each page stays long enough to read, and pages cycle.
#include <doctest/doctest.h>

#include "antrian/display/text_pages.h"

using namespace antrian::display;

namespace {
// 10 pixels a character: easy to reason about.
float width(std::string_view s) { return 10.0f * static_cast<float>(s.size()); }
}  // namespace

TEST_CASE("items become pages that fit the line, cut between words") {
  const auto pages = paginate({"Loket 8 melayani informasi.", "Perekaman e-KTP terhenti: server pusat tidak dapat diakses."},
                              300, width);
  REQUIRE(pages.size() >= 3);
  CHECK(pages[0].text == "Loket 8 melayani informasi.");  // 27 chars: fits in 30
  for (const TextPage& p : pages) {
    INFO(p.text);
    CHECK(width(p.text) <= 300);
    CHECK(p.text.front() != ' ');
    CHECK(p.text.back() != ' ');
  }
  std::string rejoined;
  for (std::size_t i = 1; i < pages.size(); ++i) rejoined += (i > 1 ? " " : "") + pages[i].text;
  CHECK(rejoined == "Perekaman e-KTP terhenti: server pusat tidak dapat diakses.");
}

TEST_CASE("a word longer than the line gets its own page rather than being lost") {
  const auto pages = paginate({"a verylongwordthatdoesnotfit b"}, 100, width);
  REQUIRE(pages.size() == 3);
  CHECK(pages[1].text == "verylongwordthatdoesnotfit");
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
  CHECK(page_at({{"only", 5000}}, 99'999).ms_to_next == -1);  // one page: no more frames
  CHECK(page_at({}, 0).ms_to_next == -1);
}
