#pragma once
// Saving what the kiosk shows as PNG at a moment the kiosk chooses (when the hub's
// data has arrived, or when the automation asks), not only in the first frames.
//
// The shell (ui/) saves --screenshot after a fixed number of frames, before the hub
// has answered; so the kiosk keeps --screenshot for itself and captures through a
// Dear ImGui draw callback queued last in the frame: the SDL renderer backend runs it
// after drawing everything else and before presenting, and SDL_RenderReadPixels
// flushes the queued drawing first.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>

struct SDL_Renderer;
struct ImDrawList;
struct ImDrawCmd;

namespace antrian::kiosk::app {

class ScreenCapture {
 public:
  using Done = std::function<void(bool ok, const std::string& message)>;

  explicit ScreenCapture(SDL_Renderer* renderer) : renderer_(renderer) {}

  // Saves the next frame drawn to path (a frame that starts after this call).
  void request(std::string path, Done done);
  bool pending() const { return pending_.has_value(); }

  // Call at the start of Screen::draw(): a request made before it applies to this frame.
  void begin_frame() { armed_ = pending_.has_value(); }
  // Call at the end of Screen::draw(): queues the capture into this frame.
  void end_of_frame();

 private:
  struct Pending {
    std::string path;
    Done done;
  };
  static void callback(const ImDrawList* list, const ImDrawCmd* cmd);
  void save();

  SDL_Renderer* renderer_;
  std::optional<Pending> pending_;
  bool armed_ = false;
};

// How long --screenshot waits for the hub's data before saving whatever is shown.
inline constexpr int64_t kScreenshotWaitMs = 8000;

// --screenshot FILE of the kiosk and the survey tablet: saved once the screen shows the
// hub's data (or after kScreenshotWaitMs without it), then the program quits, with
// exit code 0 when the file was written and 1 when not.
class ScreenshotWhenReady {
 public:
  void want(std::string path) { path_ = std::move(path); }
  void started(int64_t now_ms) { started_ms_ = now_ms; }
  // Call once a frame, between the capture's begin_frame() and end_of_frame().
  void step(ScreenCapture& capture, bool hub_data_shown, int64_t now_ms, const std::function<void()>& quit);
  int exit_code() const { return exit_code_; }

 private:
  std::optional<std::string> path_;
  int64_t started_ms_ = 0;
  int exit_code_ = 0;
};

}  // namespace antrian::kiosk::app
