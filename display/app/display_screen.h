#pragma once
// The wall display's one screen: draws the DisplayRuntime's view, and tells the
// shell when it next changes by itself (the clock's minute, a highlight blinking or
// ending), so the loop sleeps in between.
#include <cstdint>
#include <string>
#include <vector>

#include "antrian/display/display_runtime.h"
#include "antrian/ui/app.h"
#include "antrian/ui/screen.h"
#include "antrian/ui/widgets.h"
#include "running_text.h"

namespace antrian::display {

class DisplayScreen : public ui::Screen {
 public:
  DisplayScreen(ui::App& app, DisplayRuntime& runtime, std::string hub, bool scroll_running_text,
                std::int64_t pages_at_ms = 0);

  void draw(const ui::FrameInfo& f) override;
  std::int64_t next_deadline_ms(std::int64_t now_ms) override;
  void on_wake() override;
  bool on_event(const SDL_Event& event) override;
  void on_resize(const ui::FrameInfo& f) override;

  // Blinking of a fresh call: on/off phase and when it next flips, from the call's
  // age on the hub clock (so two displays blink together).
  static constexpr int64_t kBlinkMs = 600;

 private:
  void refresh(bool full_update);
  // Which page of a paged part shows now; restarts from the first when its pages change.
  struct Pager {
    std::string key;
    std::int64_t start_ms = 0;
    std::int64_t offset_ms = 0;  // --pages-at
    std::size_t current(const std::string& new_key, const std::vector<std::int64_t>& durations, std::int64_t now_ms);
  };

  ui::App& app_;
  DisplayRuntime& rt_;
  std::string hub_;  // shown while connecting
  RunningText running_text_;
  std::int64_t view_deadline_ = ui::kNever;  // local monotonic ms when the view must be rebuilt
  bool updated_once_ = false;
  Pager pane_pager_, banner_pager_;
};

}  // namespace antrian::display
