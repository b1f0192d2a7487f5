#pragma once
// The arithmetic of the main loop, kept pure so tests can check it without a window.
// Times are milliseconds of a monotonic clock (see now_ms() in redraw.h); kNever means
// "nothing scheduled", so the loop may sleep until an event arrives.
#include <cstdint>

namespace antrian::ui {

inline constexpr std::int64_t kNever = INT64_MAX;

// Earliest of two deadlines (kNever is the identity).
constexpr std::int64_t earliest(std::int64_t a, std::int64_t b) { return a < b ? a : b; }

// How long SDL_WaitEventTimeout may sleep before the next frame is due:
//   -1  sleep until an event (nothing scheduled, nothing pending),
//    0  render now (frames still owed after input/wake, or the deadline has passed),
//   >0  milliseconds until the deadline, capped to fit an int.
int wait_timeout_ms(std::int64_t now_ms, std::int64_t deadline_ms, int pending_frames);

// True when a frame is due at now_ms.
constexpr bool frame_due(std::int64_t now_ms, std::int64_t deadline_ms, int pending_frames) {
  return pending_frames > 0 || now_ms >= deadline_ms;
}

// A deadline a frame has already honoured (the frame started at or after it) is
// spent: returns kNever for it, so a screen that keeps returning a past time cannot
// make the loop spin.
constexpr std::int64_t unhonoured(std::int64_t deadline_ms, std::int64_t last_frame_ms) {
  return deadline_ms <= last_frame_ms ? kNever : deadline_ms;
}

// A deadline aligned to the wall clock: the monotonic time at which the wall clock
// next crosses a multiple of period_ms (1000 for a seconds clock, 60000 for HH:MM),
// plus a small margin so the frame drawn then already shows the new value.
// wall_ms is milliseconds since the epoch in the zone shown (only its remainder matters).
std::int64_t next_wall_boundary_ms(std::int64_t now_ms, std::int64_t wall_ms, std::int64_t period_ms);

// The factor by which layouts designed for 1920x1080 are scaled: the shorter side
// over 1080, so a 1280x720 TV gets 0.667 and a portrait 1080x1920 kiosk gets 1.
float ui_scale(int width, int height);

// True when fonts should be rebuilt for a new scale: a change of more than 10%
// (rebuilding the atlas costs tens of milliseconds, so small resizes keep the old one).
bool scale_changed_notably(float built_for, float now);

}  // namespace antrian::ui
