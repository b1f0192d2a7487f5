#include "antrian/ui/redraw.h"

#include <SDL.h>

#include <chrono>

#include "antrian/ui/frame_pacing.h"

namespace antrian::ui {
namespace {
// Only the UI thread draws, so one pointer suffices (like ImGui's own context).
RedrawRequests* g_active = nullptr;
}  // namespace

std::int64_t now_ms() { return static_cast<std::int64_t>(SDL_GetTicks64()); }

std::int64_t wall_clock_ms() {
  using namespace std::chrono;
  return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

void RedrawRequests::install(RedrawRequests* active) { g_active = active; }

void RedrawRequests::at(std::int64_t when_ms) { deadline_ = earliest(deadline_, when_ms); }

void RedrawRequests::clear() { deadline_ = kNever; }

void request_redraw_at(std::int64_t when_ms) {
  if (g_active) g_active->at(when_ms);
}

void request_animation_frame() {
  if (g_active) g_active->at(now_ms() + g_active->animation_interval_ms());
}

void request_redraw() {
  if (g_active) g_active->at(now_ms());
}

}  // namespace antrian::ui
