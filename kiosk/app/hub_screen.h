#pragma once
// What the kiosk's screen and the survey tablet's share around their view model: the
// touch targets of the frame, the automation (--automation), the flag the hub link
// raises when the office changed, the hub minute the header clock shows, and
// --screenshot (saved once the hub's data is on screen, then the program quits).
#include <atomic>
#include <cstdint>
#include <string>

#include "antrian/ui/app.h"
#include "automation.h"
#include "screen_capture.h"
#include "touch.h"

namespace antrian::kiosk::app {

class HubScreen : public ui::Screen {
 public:
  void set_automation(Automation* a) { automation_ = a; }
  void screenshot_when_ready(std::string path) { shot_.want(std::move(path)); }
  int exit_code() const { return shot_.exit_code(); }

 protected:
  TouchBoard board_;
  Automation* automation_ = nullptr;
  std::atomic<bool> hub_changed_{true};
  int64_t shown_minute_ = -1;  // hub minute the header clock shows
  ScreenshotWhenReady shot_;
};

}  // namespace antrian::kiosk::app
