#pragma once
// How drawing code asks for future frames. The loop sleeps whenever nothing asked:
// a widget that animates (a marquee) calls request_animation_frame() each frame it is
// visible and moving; something that changes at a known time calls
// request_redraw_at(). Requests made during a frame apply to the frames after it.
// Call these on the UI thread only; other threads use App::wake().
#include <cstdint>

namespace antrian::ui {

// Milliseconds of the monotonic clock the loop uses (SDL_GetTicks64 based).
std::int64_t now_ms();

// Milliseconds since the epoch of the wall clock (system_clock), for aligning clock
// redraws with next_wall_boundary_ms().
std::int64_t wall_clock_ms();

// Draw again no later than when_ms (monotonic, see now_ms()).
void request_redraw_at(std::int64_t when_ms);

// Draw again at the animation frame rate (App's animation_fps).
void request_animation_frame();

// Draw again as soon as possible (e.g. a layout needs one more pass).
void request_redraw();

// Collects the requests of one frame. App owns one; tests may install their own.
class RedrawRequests {
 public:
  // Installs this collector as the one request_*() talks to (nullptr: none).
  static void install(RedrawRequests* active);

  void set_animation_interval_ms(std::int64_t ms) { animation_interval_ms_ = ms; }
  std::int64_t animation_interval_ms() const { return animation_interval_ms_; }

  void at(std::int64_t when_ms);
  // Forget requests already honoured (called when a frame starts).
  void clear();
  // The earliest requested time, or kNever.
  std::int64_t deadline() const { return deadline_; }

 private:
  std::int64_t deadline_ = INT64_MAX;
  std::int64_t animation_interval_ms_ = 16;
};

}  // namespace antrian::ui
