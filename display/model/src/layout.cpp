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

float reading_font_px(float short_side) {
  return std::ceil(kMinLetterPxAt1080 * std::max(0.0f, short_side) / 1080.0f / kCapHeightPerFontPx);
}

float reading_line_px(float short_side) { return std::round(reading_font_px(short_side) * 1.04f); }

ScreenLayout layout_screen(float width, float height, bool link_bar, bool problem_bar, bool banner) {
  ScreenLayout l;
  Box rest{0, 0, std::max(0.0f, width), std::max(0.0f, height)};
  const float H = rest.h, S = std::min(rest.w, rest.h);
  l.header = take_top(rest, std::round(H * 0.07f));
  l.link_bar = take_top(rest, link_bar ? std::round(H * 0.065f) : 0);
  l.problem_bar = take_top(rest, problem_bar ? std::round(H * 0.045f) : 0);
  l.banner = take_top(rest, banner ? kBannerLines * reading_line_px(S) + std::round(H * 0.03f) : 0);
  l.footer = take_bottom(rest, std::round(H * 0.075f));
  // The calls: side by side on a landscape screen, stacked on a portrait one.
  if (rest.w >= rest.h * 1.6f) {
    const float w = std::round(rest.w * 0.31f);
    l.newest = {rest.x, rest.y, w, rest.h};
    l.pane = {rest.x + w, rest.y, rest.w - w, rest.h};
  } else {
    const float h = std::round(std::min(rest.h * 0.5f, reading_line_px(S) * 3.2f));
    l.newest = {rest.x, rest.y, rest.w, h};
    l.pane = {rest.x, rest.y + h, rest.w, rest.h - h};
  }
  return l;
}

}  // namespace antrian::display
