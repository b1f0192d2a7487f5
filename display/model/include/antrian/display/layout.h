#pragma once
// Where each part of the wall goes, sized so that what a citizen must read from the
// back of the hall is readable there: the called number, its loket, each service's
// status and wait, and each banner's headline, cause and expected return are at least
// 16 arcminutes tall seen from 10 m (ISO 9241-303's minimum character height). On a
// 50-inch 16:9 TV (62.3 cm of picture height) at 1080 lines that is 80 px of capital
// letter; the sizes scale with the screen's short side (the same TV at 720 lines).
// Letters of that size leave room for about 27 characters across a 1920 px line, so
// the wall shows fewer things at a time and pages through the rest (wall_plan.h)
// instead of shrinking them. Pure arithmetic (no ImGui), so tests check it.
#include <vector>

namespace antrian::display {

struct Box {
  float x = 0, y = 0, w = 0, h = 0;
  float right() const { return x + w; }
  float bottom() const { return y + h; }
};

// 10 m * tan(16') = 46.5 mm; a 50" 16:9 picture is 622.7 mm tall: 46.5 / 622.7 * 1080 = 80.7 px.
inline constexpr float kMinLetterPxAt1080 = 80.0f;
// Capital-letter height per pixel of font size for Noto Sans (regular and bold): cap
// height 714 units over ascent + descent 1069 + 293 units, which is what Dear ImGui
// and stb_truetype take as the font's pixel size. DejaVu Sans, the fallback, has
// taller capitals (0.626), so it only reads larger. A test measures the font files.
inline constexpr float kCapHeightPerFontPx = 714.0f / 1362.0f;

inline float letter_px(float font_px) { return font_px * kCapHeightPerFontPx; }
// The font size whose capitals are the minimum height on a screen whose short side
// has this many pixels (a TV turned to portrait keeps its pixels per millimetre).
float reading_font_px(float short_side);
// The height of one line of reading text (the font's full height plus a little air).
float reading_line_px(float short_side);

struct ScreenLayout {
  Box header;       // office, hall, date, clock
  Box link_bar;     // offline / connecting (h = 0 when not shown)
  Box problem_bar;  // configuration problems (h = 0 when not shown)
  Box banner;       // the disruption banners, a page at a time (h = 0 when none)
  Box newest;       // the newest call: number and loket
  Box pane;         // pages of lokets' latest calls and of services' status and wait
  Box footer;       // running text
};

// Lines of reading text in the banner band: a headline or a sentence of the cause.
inline constexpr int kBannerLines = 2;

// Every box lies inside the window and none overlap.
ScreenLayout layout_screen(float width, float height, bool link_bar, bool problem_bar, bool banner);

}  // namespace antrian::display
