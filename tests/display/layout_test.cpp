// The layout works by proportion at any window size: every box inside the window,
// none overlapping, the calls the largest part.
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
  for (auto [w, h] : sizes) {
    for (int banners : {0, 1, 2, 5}) {
      for (bool bars : {false, true}) {
        INFO(w, "x", h, " banners ", banners, " bars ", bars);
        const ScreenLayout l = layout_screen(w, h, bars, bars, banners);
        std::vector<Box> boxes = {l.header, l.link_bar, l.problem_bar, l.newest, l.lokets, l.services, l.footer};
        boxes.insert(boxes.end(), l.banners.begin(), l.banners.end());
        CHECK(l.banners.size() == static_cast<std::size_t>(std::min(banners, kMaxBanners)));
        for (std::size_t i = 0; i < boxes.size(); ++i) {
          CHECK(inside(boxes[i], w, h));
          for (std::size_t k = i + 1; k < boxes.size(); ++k) CHECK_FALSE(overlap(boxes[i], boxes[k]));
        }
        CHECK(l.newest.h * l.newest.w > 0.1f * w * h);  // the newest call stays big
        CHECK(l.header.w == w);
        CHECK(l.footer.bottom() == doctest::Approx(h));
      }
    }
  }
}

TEST_CASE("landscape puts the newest call beside the board, portrait above it") {
  const ScreenLayout wide = layout_screen(1920, 1080, false, false, 0);
  CHECK(wide.newest.y == wide.lokets.y);
  CHECK(wide.newest.right() == doctest::Approx(wide.lokets.x));
  const ScreenLayout tall = layout_screen(1080, 1920, false, false, 0);
  CHECK(tall.newest.x == tall.lokets.x);
  CHECK(tall.newest.bottom() == doctest::Approx(tall.lokets.y));
}

TEST_CASE("the loket grid makes tiles as tall as it can while they stay wide enough") {
  const Grid g8 = tile_grid(8, 1150, 560);
  CHECK(g8.cols * g8.rows >= 8);
  CHECK(g8.cols == 3);
  CHECK(tile_grid(1, 1150, 560).cols == 1);
  const Grid g3 = tile_grid(3, 1150, 560);
  CHECK(g3.cols * g3.rows >= 3);
  CHECK(tile_grid(0, 100, 100).cols == 1);
  const Box area{100, 50, 900, 600};
  const Grid g{3, 2};
  const Box last = tile_box(area, g, 5, 10);
  CHECK(last.right() == doctest::Approx(area.right()));
  CHECK(last.bottom() == doctest::Approx(area.bottom()));
  CHECK(tile_box(area, g, 0, 10).x == area.x);
}
