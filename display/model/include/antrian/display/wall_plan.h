#pragma once
// What the wall shows where, at letter sizes readable from the back of the hall
// (layout.h): the boxes of the screen, the newest call, the pages of the pane (the
// lokets' latest calls, then each service's status and wait) and the pages of the
// banner band (headline, cause and expected return, a page ending at a sentence end).
// Everything the drawing needs to decide is decided here, with the real text widths
// given by `measure`, so a test can check every size without a window.
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "antrian/display/display_view.h"
#include "antrian/display/layout.h"
#include "antrian/display/text_pages.h"

namespace antrian::display {

// Width in pixels of text at a font size (the app asks Dear ImGui, tests the font file).
using MeasureText = std::function<float(std::string_view text, float font_px, bool bold)>;

// One text the hall must read from 10 m, as the plan draws it.
struct SizedText {
  std::string what;  // "newest.number", "loket.ticket", "service.status", "banner.line", ...
  std::string text;
  float font_px = 0;
  float letter_px = 0;  // capital height
  float width = 0;      // measured at font_px
  float room = 0;       // the width of its box: width <= room means it is drawn at full size
};

struct PanePage {
  enum class Kind { lokets, services } kind = Kind::lokets;
  std::vector<std::size_t> items;  // indexes into view.lokets or view.services
  int64_t duration_ms = 8000;
};

struct BannerPage {
  std::size_t banner = 0;  // index into view.banners
  LinePage page;
};

struct NewestPlan {
  Box label, number, loket, service;  // "Nomor antrian dipanggil", "A-012", "Loket 6", the service's name
  float number_px = 0;
};

struct ServiceShape {
  bool two_lines = false;  // status and wait do not fit side by side: the wait goes under
  float height = 0;        // caption (the name) + one or two reading lines
};

struct WallPlan {
  ScreenLayout layout;
  float reading_px = 0;   // the font size of every must-read text
  float line_px = 0;      // one line of it
  float caption_px = 0;   // service names and small labels above a reading line
  float pad = 0;
  float card_gap = 0;     // between two services on a page
  Box pane_inner, banner_inner;
  NewestPlan newest;
  std::vector<ServiceShape> services;  // per view.services
  std::vector<PanePage> pane_pages;
  std::vector<BannerPage> banner_pages;
  std::vector<SizedText> texts;        // every must-read text, with its size (for tests and --stats)
};

// Width of the status pill around its word: padding and the shape that says the status without colour.
float pill_width(float text_width, float reading_px);

WallPlan plan_wall(const DisplayView& v, float width, float height, const MeasureText& measure);

// Which page of a list of pages with these durations shows elapsed_ms after the first.
std::vector<int64_t> pane_durations(const WallPlan& p);
std::vector<int64_t> banner_durations(const WallPlan& p);

}  // namespace antrian::display
