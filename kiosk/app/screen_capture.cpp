#include "screen_capture.h"

#include <imgui.h>

#include <cstdio>

#include "antrian/ui/redraw.h"
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

void ScreenshotWhenReady::step(ScreenCapture& capture, bool hub_data_shown, int64_t now_ms,
                               const std::function<void()>& quit) {
  if (!path_ || capture.pending()) return;
  if (!hub_data_shown && now_ms - started_ms_ < kScreenshotWaitMs) {
    ui::request_redraw_at(now_ms + 100);
    return;
  }
  capture.request(*path_, [this, quit](bool ok, const std::string& msg) {
    if (ok) std::fprintf(stderr, "saved screenshot to %s\n", msg.c_str());
    else std::fprintf(stderr, "error: %s\n", msg.c_str());
    exit_code_ = ok ? 0 : 1;
    quit();
  });
  path_.reset();
}

}  // namespace antrian::kiosk::app
