#pragma once
// Saving what the kiosk shows as PNG at a moment the kiosk chooses (when the hub's
// data has arrived, or when the automation asks), not only in the first frames.
//
// The shell (ui/) saves --screenshot after a fixed number of frames, before the hub
// has answered; so the kiosk keeps --screenshot for itself and captures through a
// Dear ImGui draw callback queued last in the frame: the SDL renderer backend runs it
// after drawing everything else and before presenting, and SDL_RenderReadPixels
// flushes the queued drawing first.
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

}  // namespace antrian::kiosk::app
