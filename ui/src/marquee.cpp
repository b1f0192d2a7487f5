#include "antrian/ui/marquee.h"

#include <cmath>

namespace antrian::ui {

double marquee_cycle_s(const MarqueeParams& p, float text_w) {
  const double speed = p.speed_px_s > 0 ? p.speed_px_s : 1.0;
  return p.hold_s + (static_cast<double>(text_w) + p.gap_px) / speed;
}

MarqueePos marquee_position(double elapsed_s, const MarqueeParams& p, float text_w, float box_w) {
  MarqueePos pos;
  if (!marquee_overflows(text_w, box_w) || p.speed_px_s <= 0) return pos;  // stands still
  if (elapsed_s < 0) elapsed_s = 0;
  const double period_px = static_cast<double>(text_w) + p.gap_px;
  const double phase = std::fmod(elapsed_s, marquee_cycle_s(p, text_w));
  if (phase < p.hold_s) {
    pos.seconds_until_motion = p.hold_s - phase;
    return pos;
  }
  const double moved = (phase - p.hold_s) * p.speed_px_s;
  // fmod guards the last floating-point sliver of the cycle.
  pos.offset = static_cast<float>(std::fmod(moved, period_px));
  pos.seconds_until_motion = 0;
  return pos;
}

}  // namespace antrian::ui
