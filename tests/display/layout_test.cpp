// The layout works by proportion at any window size: every box inside the window,
// none overlapping, the calls the largest part; the reading size follows the height.
#include <doctest/doctest.h>

#include <vector>

#include "antrian/display/layout.h"

using namespace antrian::display;

namespace {

bool inside(const Box& b, float w, float h) {
  return b.x >= 0 && b.y >= 0 && b.right() <= w + 0.01f && b.bottom() <= h + 0.01f && b.w >= 0 && b.h >= 0;
}

bool overlap(const Box& a, const Box& b) {
  if (a.w <= 0 || a.h <= 0 || b.w <= 0 || b.h <= 0) return false;
  return a.x < b.right() - 0.01f && b.x < a.right() - 0.01f && a.y < b.bottom() - 0.01f && b.y < a.bottom() - 0.01f;
}

}  // namespace

TEST_CASE("every part fits the window and nothing overlaps, at every size") {
  const std::pair<float, float> sizes[] = {{1920, 1080}, {1280, 720}, {3840, 2160}, {1080, 1920}, {1024, 768}, {800, 480}};
  for (const auto& size : sizes) {
    const float w = size.first, h = size.second;  // not a structured binding: INFO captures it (clang 14)
    for (bool banner : {false, true}) {
      for (bool bars : {false, true}) {
        INFO(w, "x", h, " banner ", banner, " bars ", bars);
        const ScreenLayout l = layout_screen(w, h, bars, bars, banner);
        const std::vector<Box> boxes = {l.header, l.link_bar, l.problem_bar, l.banner, l.newest, l.pane, l.footer};
        CHECK((l.banner.h > 0) == banner);
        if (banner) CHECK(l.banner.h >= kBannerLines * reading_line_px(std::min(w, h)));
        for (std::size_t i = 0; i < boxes.size(); ++i) {
          CHECK(inside(boxes[i], w, h));
          for (std::size_t k = i + 1; k < boxes.size(); ++k) CHECK_FALSE(overlap(boxes[i], boxes[k]));
        }
        CHECK(l.newest.h * l.newest.w > 0.08f * w * h);  // the newest call stays big
        CHECK(l.header.w == w);
        CHECK(l.footer.bottom() == doctest::Approx(h));
      }
    }
  }
}

TEST_CASE("landscape puts the newest call beside the pane, portrait above it") {
  const ScreenLayout wide = layout_screen(1920, 1080, false, false, false);
  CHECK(wide.newest.y == wide.pane.y);
  CHECK(wide.newest.right() == doctest::Approx(wide.pane.x));
  const ScreenLayout tall = layout_screen(1080, 1920, false, false, false);
  CHECK(tall.newest.x == tall.pane.x);
  CHECK(tall.newest.bottom() == doctest::Approx(tall.pane.y));
}

TEST_CASE("the reading size follows the window's height: the same letters on the same TV at any resolution") {
  CHECK(letter_px(reading_font_px(1080)) >= 80);
  CHECK(letter_px(reading_font_px(720)) >= 80.0f * 720 / 1080);
  CHECK(letter_px(reading_font_px(2160)) >= 160);
  CHECK(reading_line_px(1080) >= reading_font_px(1080));
}
