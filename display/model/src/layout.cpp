#include "antrian/display/layout.h"

#include <algorithm>
#include <cmath>

namespace antrian::display {
namespace {

// Cuts a strip of height h off the top of box.
Box take_top(Box& box, float h) {
  h = std::min(h, box.h);
  Box out{box.x, box.y, box.w, h};
  box.y += h;
  box.h -= h;
  return out;
}

Box take_bottom(Box& box, float h) {
  h = std::min(h, box.h);
  box.h -= h;
  return {box.x, box.y + box.h, box.w, h};
}

}  // namespace

ScreenLayout layout_screen(float width, float height, bool link_bar, bool problem_bar, int banners) {
  ScreenLayout l;
  Box rest{0, 0, std::max(0.0f, width), std::max(0.0f, height)};
  const float H = rest.h;
  l.header = take_top(rest, std::round(H * 0.10f));
  l.link_bar = take_top(rest, link_bar ? std::round(H * 0.065f) : 0);
  l.problem_bar = take_top(rest, problem_bar ? std::round(H * 0.045f) : 0);
  for (int i = 0; i < std::clamp(banners, 0, kMaxBanners); ++i) l.banners.push_back(take_top(rest, std::round(H * 0.10f)));
  l.footer = take_bottom(rest, std::round(H * 0.075f));
  l.services = take_bottom(rest, std::round(H * 0.20f));
  // The calls: side by side on a landscape screen, stacked on a portrait one.
  if (rest.w >= rest.h * 1.6f) {
    const float w = std::round(rest.w * 0.40f);
    l.newest = {rest.x, rest.y, w, rest.h};
    l.lokets = {rest.x + w, rest.y, rest.w - w, rest.h};
  } else {
    const float h = std::round(rest.h * 0.45f);
    l.newest = {rest.x, rest.y, rest.w, h};
    l.lokets = {rest.x, rest.y + h, rest.w, rest.h - h};
  }
  return l;
}

Grid tile_grid(int n, float w, float h, float min_aspect) {
  if (n <= 0 || w <= 0 || h <= 0) return {};
  Grid best{1, n};
  float best_h = -1;
  for (int cols = 1; cols <= n; ++cols) {
    const int rows = (n + cols - 1) / cols;
    const float tw = w / cols, th = h / rows;
    // A tile narrower than min_aspect is only as useful as its width allows.
    const float usable_h = std::min(th, tw / min_aspect);
    if (usable_h > best_h + 0.5f) {
      best_h = usable_h;
      best = {cols, rows};
    }
  }
  return best;
}

Box tile_box(const Box& area, const Grid& g, int i, float gap) {
  const int col = i % std::max(1, g.cols), row = i / std::max(1, g.cols);
  const float tw = (area.w - gap * (g.cols - 1)) / g.cols;
  const float th = (area.h - gap * (g.rows - 1)) / g.rows;
  return {area.x + col * (tw + gap), area.y + row * (th + gap), tw, th};
}

}  // namespace antrian::display
