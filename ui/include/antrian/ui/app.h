#pragma once
// The shell: SDL window and renderer, Dear ImGui with its SDL backends, fonts, style,
// and a main loop that sleeps while nothing changes. Programs build a Screen and run:
//
//   antrian::ui::AppOptions opts;              // + add_common_options() with CLI11
//   antrian::ui::App app({.title = "Antrian - Layar", .options = opts});
//   MyScreen screen{model};
//   client.on_update([&] { app.wake(); });     // any thread
//   return app.run(screen);                    // exit code for main()
#include <atomic>
#include <cstdint>
#include <memory>
#include <string>

#include "antrian/ui/fonts.h"
#include "antrian/ui/loop_stats.h"
#include "antrian/ui/options.h"
#include "antrian/ui/redraw.h"
#include "antrian/ui/screen.h"

struct SDL_Window;
struct SDL_Renderer;

namespace antrian::ui {

struct AppConfig {
  std::string title = "Antrian";
  AppOptions options;              // from the command line
  bool audio = false;              // also initialise SDL audio (the display's chime)
  bool show_cursor = true;         // a touch kiosk hides it
  bool keep_screen_on = true;      // no screensaver or blanking (wall display, kiosk)
  FontSpecs fonts = default_font_specs();
  int animation_fps = 60;          // frame rate while something animates
  int settle_frames = 3;           // frames drawn after input (ImGui reacts a frame late)
  int wake_frames = 2;             // frames drawn after wake(): new data, layout settles
  int screenshot_frames = 4;       // frames drawn before --screenshot saves the last
};

class App {
 public:
  // Opens the window. Throws std::runtime_error with a reason a person can act on
  // (e.g. no display: "set DISPLAY, use xvfb-run, or SDL_VIDEODRIVER=offscreen").
  explicit App(AppConfig config);
  ~App();
  App(const App&) = delete;
  App& operator=(const App&) = delete;

  // Runs the loop until the window closes, SIGINT/SIGTERM, request_quit(),
  // --exit-after, or the --screenshot is saved. Returns the process exit code
  // (0, or 1 when the screenshot could not be saved). Prints --stats on the way out.
  int run(Screen& screen);

  // Thread-safe: makes the loop wake up, call Screen::on_wake() and redraw. Cheap to
  // call often: bursts collapse into one event. Callers must stop calling before the
  // App is destroyed.
  void wake();

  // Thread-safe: ends run() after the current frame.
  void request_quit();

  // UI thread only.
  void set_fullscreen(bool on);
  bool fullscreen() const;
  Lang lang() const { return config_.options.lang; }
  void set_lang(Lang lang);  // redraws in the new language
  const Fonts& fonts() const { return fonts_; }
  const LoopStats& stats() const { return stats_; }
  SDL_Window* window() const { return window_; }
  SDL_Renderer* renderer() const { return renderer_; }
  // "opengl", "software", ... for logs and --stats.
  std::string renderer_name() const;

 private:
  void init_sdl();
  void create_window_and_renderer();
  void init_imgui();
  void rebuild_fonts_if_needed(bool force);
  void handle_event(const SDL_Event& event, Screen& screen, bool& quit);
  void render_frame(Screen& screen, bool screenshot_now, int& exit_code);
  FrameInfo frame_info() const;
  bool window_visible() const;
  void shutdown();

  AppConfig config_;
  SDL_Window* window_ = nullptr;
  SDL_Renderer* renderer_ = nullptr;
  bool imgui_ready_ = false;
  Fonts fonts_;
  RedrawRequests requests_;
  LoopStats stats_;
  int pending_frames_ = 0;
  bool size_dirty_ = false;
  std::uint32_t wake_event_ = 0;
  std::atomic<bool> wake_pending_{false};
  std::atomic<bool> accepting_wakes_{false};
  std::uint64_t frame_counter_ = 0;
  std::int64_t last_frame_ms_ = -1;  // when the last frame started (monotonic ms)
  float last_width_ = 0, last_height_ = 0;  // to tell the screen about resizes
};

}  // namespace antrian::ui
