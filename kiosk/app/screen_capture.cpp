#include "screen_capture.h"

#include <imgui.h>

#include "antrian/ui/screenshot.h"

namespace antrian::kiosk::app {

void ScreenCapture::request(std::string path, Done done) {
  pending_ = Pending{std::move(path), std::move(done)};
}

void ScreenCapture::end_of_frame() {
  if (!pending_ || !armed_) return;
  // The foreground list is rendered after every window: this runs last.
  ImGui::GetForegroundDrawList()->AddCallback(&ScreenCapture::callback, this);
}

void ScreenCapture::callback(const ImDrawList*, const ImDrawCmd* cmd) {
  static_cast<ScreenCapture*>(cmd->UserCallbackData)->save();
}

void ScreenCapture::save() {
  if (!pending_) return;
  Pending p = std::move(*pending_);
  pending_.reset();
  const ui::ScreenshotResult r = ui::save_screenshot(renderer_, p.path);
  if (p.done) p.done(r.ok, r.ok ? p.path : r.error);
}

}  // namespace antrian::kiosk::app
