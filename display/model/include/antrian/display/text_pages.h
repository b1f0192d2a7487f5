#pragma once
// The running text, shown a page at a time. A scrolling marquee needs a frame 30
// times a second; without a GPU (Mesa's software OpenGL) that alone is half a core
// on a 1080p wall. Pages that change every few seconds cost one frame each, so the
// display idles at about 1%. Each announcement and notice starts a new page; a long
// one is cut between words into pieces that fit the line, each shown long enough to
// be read.
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace antrian::display {

struct TextPage {
  std::string text;
  int64_t duration_ms = 0;
};

struct PagingRules {
  int64_t min_ms = 5000;       // even a short page stays this long
  int64_t per_word_ms = 450;   // reading time per word (about 130 words a minute)
  int64_t max_ms = 15000;
};

// Splits items into pages no wider than max_width as measured by `width`. A single
// word wider than the line gets a page of its own (the drawing shrinks it).
std::vector<TextPage> paginate(const std::vector<std::string>& items, float max_width,
                               const std::function<float(std::string_view)>& width, const PagingRules& rules = {});

// Which page shows elapsed_ms after the first appeared (pages repeat in a cycle), and
// how long until the next one. One page: it stays; ms_to_next = -1.
struct PagePosition {
  std::size_t index = 0;
  int64_t ms_to_next = -1;
};
PagePosition page_at(const std::vector<TextPage>& pages, int64_t elapsed_ms);

}  // namespace antrian::display
