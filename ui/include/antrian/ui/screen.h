#pragma once
// What a program gives the shell: a Screen that draws itself with Dear ImGui when
// asked, and says when it will next look different on its own (a clock ticking, a
// countdown). Everything else (input, App::wake() from other threads, resizes) makes
// the shell draw a few frames; between those it sleeps.
#include <chrono>
#include <cstdint>

#include "antrian/strings.h"
#include "antrian/ui/fonts.h"
#include "antrian/ui/frame_pacing.h"

union SDL_Event;

namespace antrian::ui {

// What one frame is drawn for. Valid during Screen::draw only.
struct FrameInfo {
  std::int64_t now_ms = 0;                       // monotonic, comparable to deadlines
  std::chrono::system_clock::time_point wall{};  // for clocks shown on screen
  float width = 0, height = 0;                   // window size in pixels
  float scale = 1;                               // ui_scale(): multiply 1080p design sizes
  std::uint64_t frame = 0;                       // frames drawn before this one
  Lang lang = Lang::id;
  const Fonts* fonts = nullptr;

  ImFont* font(FontRole role) const { return fonts->get(role); }
  // A length designed for 1920x1080, in this window's pixels.
  float px(float px_at_1080) const { return px_at_1080 * scale; }
};

class Screen {
 public:
  virtual ~Screen() = default;

  // Draws one frame. The shell has already opened a borderless ImGui window covering
  // the whole SDL window (background = palette::background, no padding), so this can
  // use ImGui widgets and ImGui::GetWindowDrawList() directly. Must only draw: state
  // changes belong to the program's model (shared/), applied in on_wake() or on input.
  virtual void draw(const FrameInfo& frame) = 0;

  // The monotonic time (ms) at which this screen next changes by itself, or kNever.
  // Asked after every frame and after every event; e.g. a seconds clock returns
  // next_wall_boundary_ms(now, wall_ms, 1000). Animations inside widgets ask for
  // their own frames (redraw.h), so they need not be reported here.
  virtual std::int64_t next_deadline_ms(std::int64_t now_ms) {
    (void)now_ms;
    return kNever;
  }

  // Called on the UI thread once for each burst of App::wake() calls, before the
  // next frame: pick up what other threads handed over (e.g. a new snapshot).
  virtual void on_wake() {}

  // Every SDL event, before Dear ImGui sees it. Return true to swallow it
  // (e.g. a hardware key the program handles itself).
  virtual bool on_event(const SDL_Event& event) {
    (void)event;
    return false;
  }

  // Before the first frame and whenever the window size changed (fonts may have been
  // rebuilt: never keep ImFont pointers across frames). Drawing happens right after.
  virtual void on_resize(const FrameInfo& frame) { (void)frame; }
};

}  // namespace antrian::ui
