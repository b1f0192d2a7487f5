#include "antrian/ui/frame_pacing.h"

#include <algorithm>
#include <climits>
#include <cmath>

namespace antrian::ui {

namespace {
constexpr std::int64_t kWallMarginMs = 2;  // render just after the boundary, never just before
}

int wait_timeout_ms(std::int64_t now_ms, std::int64_t deadline_ms, int pending_frames) {
  if (pending_frames > 0) return 0;
  if (deadline_ms == kNever) return -1;
  if (deadline_ms <= now_ms) return 0;
  const std::int64_t wait = deadline_ms - now_ms;
  return static_cast<int>(std::min<std::int64_t>(wait, INT_MAX));
}

std::int64_t next_wall_boundary_ms(std::int64_t now_ms, std::int64_t wall_ms, std::int64_t period_ms) {
  if (period_ms <= 0) return kNever;
  std::int64_t into = wall_ms % period_ms;
  if (into < 0) into += period_ms;  // before 1970: keep the remainder positive
  return now_ms + (period_ms - into) + kWallMarginMs;
}

float ui_scale(int width, int height) {
  const int shorter = std::min(width, height);
  if (shorter <= 0) return 1.0f;
  return static_cast<float>(shorter) / 1080.0f;
}

bool scale_changed_notably(float built_for, float now) {
  if (built_for <= 0) return true;
  return std::fabs(now - built_for) / built_for > 0.10f;
}

}  // namespace antrian::ui
