#pragma once
// The arithmetic of a scrolling text (running text / "teks berjalan"), kept pure so
// it can be tested. Text that fits its box stands still. Text that does not holds
// still at the start for a moment (so the first words can be read), then scrolls
// left at a constant speed; a second copy follows a gap behind, so when the first copy
// has moved one period (text width + gap) the picture is back at the start: seamless.
#include <limits>

namespace antrian::ui {

struct MarqueeParams {
  float speed_px_s = 120;  // scrolling speed in pixels per second
  float gap_px = 160;      // space between the end of the text and its next copy
  double hold_s = 2.0;     // standing still at the start of every cycle
  // Frames per second while scrolling. Every frame redraws the whole window, which on
  // Mesa's software OpenGL (no GPU) costs about 5-7 ms at 1280x720: 60 fps is about
  // a third of a core, 30 fps half that. 0 = the App's animation_fps.
  int fps = 30;
};

struct MarqueePos {
  float offset = 0;  // how far the text has moved left, 0 <= offset < text_w + gap
  // 0 while scrolling (animate every frame); during the hold, seconds until it moves;
  // infinity when the text fits and never moves.
  double seconds_until_motion = std::numeric_limits<double>::infinity();
  bool scrolling() const { return seconds_until_motion == 0; }
};

// True when the text is wider than its box and must scroll.
constexpr bool marquee_overflows(float text_w, float box_w) { return text_w > box_w; }

// Length of one cycle (hold + one period of motion) in seconds.
double marquee_cycle_s(const MarqueeParams& p, float text_w);

// Where the text is elapsed_s seconds after it was first shown.
MarqueePos marquee_position(double elapsed_s, const MarqueeParams& p, float text_w, float box_w);

}  // namespace antrian::ui
