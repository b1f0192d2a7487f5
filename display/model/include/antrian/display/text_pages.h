#pragma once
// Text a page at a time: the running text along the bottom and the banners of the
// wall. A scrolling marquee needs a frame 30 times a second; without a GPU (Mesa's
// software OpenGL) that alone is half a core on a 1080p wall. Pages that change every
// few seconds cost one frame each, so the display idles at about 1%.
//
// The rule for where a page ends: at the end of a sentence, never inside one. A
// reader who looks up mid-page must not be left with half a sentence whose end is
// already gone. Each announcement and notice starts a new page; sentences are packed
// onto a page while they fit whole.
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace antrian::display {

struct PagingRules {
  int64_t min_ms = 5000;       // even a short page stays this long
  int64_t per_word_ms = 450;   // reading time per word (about 130 words a minute)
  int64_t max_ms = 15000;
};

// The sentences of a text, each with its closing mark: a sentence ends at '.', '!' or
// '?' followed by a space or the end ("pukul 14.30" and "1.000" stay whole). Text
// without such a mark is one sentence.
std::vector<std::string> split_sentences(std::string_view text);

// --- the running text: one line a page ---------------------------------------

struct TextPage {
  std::string text;
  int64_t duration_ms = 0;
  bool overflow = false;  // one sentence wider than the line: drawn on two lines or smaller, never cut
};

// Splits items into one-line pages no wider than max_width as measured by `width`,
// packing whole sentences. A sentence wider than the line gets a page of its own with
// overflow set: the sentence is never cut.
std::vector<TextPage> paginate(const std::vector<std::string>& items, float max_width,
                               const std::function<float(std::string_view)>& width, const PagingRules& rules = {});

// --- the banners: several lines a page, at a fixed letter size ----------------

struct TextItem {
  std::string text;
  bool bold = false;  // a headline
};

struct TextLine {
  std::string text;
  bool bold = false;
};

struct LinePage {
  std::vector<TextLine> lines;
  int64_t duration_ms = 0;
  bool continued = false;  // a sentence too long for one page goes on on the next
};

using MeasureLine = std::function<float(std::string_view text, bool bold)>;

// Wraps items into lines no wider than max_width (between words) and lines into pages
// of at most max_lines. A page ends at a sentence end: a sentence that does not fit in
// the lines left starts the next page. Only a sentence longer than a whole page is
// carried over (continued = true), since the letters may not shrink. Items follow
// each other on a page (a headline and its first sentence may share one).
std::vector<LinePage> paginate_lines(const std::vector<TextItem>& items, float max_width, int max_lines,
                                     const MeasureLine& width, const PagingRules& rules = {});

// Which page shows elapsed_ms after the first appeared (pages repeat in a cycle), and
// how long until the next one. One page: it stays; ms_to_next = -1.
struct PagePosition {
  std::size_t index = 0;
  int64_t ms_to_next = -1;
};
PagePosition page_at(const std::vector<int64_t>& durations_ms, int64_t elapsed_ms);
PagePosition page_at(const std::vector<TextPage>& pages, int64_t elapsed_ms);

}  // namespace antrian::display
