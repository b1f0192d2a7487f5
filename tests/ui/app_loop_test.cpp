// The real App loop, in-process and headless (SDL_VIDEODRIVER=offscreen): it draws a
// few frames and then sleeps, wake() from another thread reaches on_wake() on the UI
// thread and redraws, and a deadline from the screen brings a frame on time.
#include <doctest/doctest.h>

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <thread>

#include <SDL.h>

#include "antrian/ui/app.h"

using namespace antrian::ui;
using namespace std::chrono_literals;

namespace {

struct CountingScreen : Screen {
  std::atomic<int> draws{0};
  std::atomic<int> wakes{0};
  std::atomic<bool> wake_off_ui_thread{false};
  std::atomic<std::int64_t> deadline{kNever};
  std::atomic<std::int64_t> last_draw_ms{0};
  std::thread::id ui_thread = std::this_thread::get_id();

  void draw(const FrameInfo& f) override {
    last_draw_ms = f.now_ms;
    ++draws;
  }
  std::int64_t next_deadline_ms(std::int64_t) override { return deadline.load(); }
  void on_wake() override {
    if (std::this_thread::get_id() != ui_thread) wake_off_ui_thread = true;
    ++wakes;
  }
};

}  // namespace

TEST_CASE("App loop: sleeps when idle, wakes for wake() and for deadlines") {
  setenv("SDL_VIDEODRIVER", "offscreen", 1);
  AppConfig config;
  config.title = "antrian_ui_tests";
  config.options.window = {640, 480};
  config.options.software_render = true;
  App app(config);
  CountingScreen screen;

  int idle_draws = -1, after_wake = -1, after_deadline = -1;
  std::int64_t asked_for = 0;
  std::thread driver([&] {
    std::this_thread::sleep_for(600ms);
    idle_draws = screen.draws;  // only the settle frames, then nothing
    for (int i = 0; i < 5; ++i) app.wake();  // a burst collapses into few events
    std::this_thread::sleep_for(600ms);
    after_wake = screen.draws;
    asked_for = now_ms() + 200;
    screen.deadline = asked_for;
    app.wake();  // so the loop re-reads the deadline (as a program would after a change)
    std::this_thread::sleep_for(600ms);
    after_deadline = screen.draws;
    app.request_quit();
  });
  const int code = app.run(screen);
  driver.join();

  CHECK(code == 0);
  CHECK(idle_draws == config.settle_frames);
  CHECK(screen.wakes >= 2);
  CHECK(screen.wakes <= 6);
  CHECK_FALSE(screen.wake_off_ui_thread);
  CHECK(after_wake > idle_draws);
  CHECK(after_wake <= idle_draws + 5 * config.wake_frames);
  CHECK(after_deadline > after_wake);
  CHECK(after_deadline <= after_wake + 2 * config.wake_frames);  // a stale deadline does not spin
  CHECK(screen.last_draw_ms >= asked_for);
  CHECK(app.stats().frames == static_cast<std::uint64_t>(screen.draws.load()));
}

namespace {

// Resizes the window from inside the loop, then records what the next frames saw.
struct ResizingScreen : Screen {
  App* app = nullptr;
  int resizes = 0;
  int frames_at_new_size = 0;
  float first_body_px = 0, last_body_px = 0, last_width = 0;
  void draw(const FrameInfo& f) override {
    if (f.frame == 0) {
      first_body_px = f.fonts->px(FontRole::body);
      SDL_SetWindowSize(app->window(), 1920, 1080);
    }
    last_body_px = f.fonts->px(FontRole::body);
    last_width = f.width;
    if (f.width == 1920 && ++frames_at_new_size == 2) app->request_quit();
  }
  void on_resize(const FrameInfo&) override { ++resizes; }
};

}  // namespace

TEST_CASE("App rebuilds fonts for the new size when the window grows") {
  setenv("SDL_VIDEODRIVER", "offscreen", 1);
  AppConfig config;
  config.options.window = {960, 540};
  config.options.software_render = true;
  config.options.exit_after_s = 10;  // safety net: never hang the suite
  App app(config);
  ResizingScreen screen;
  screen.app = &app;
  CHECK(app.run(screen) == 0);
  CHECK(screen.resizes == 2);  // before the first frame, and after the resize
  CHECK(screen.last_width == doctest::Approx(1920));
  CHECK(screen.first_body_px == doctest::Approx(17));  // 34 px at 1080, halved
  CHECK(screen.last_body_px == doctest::Approx(34));
  CHECK(app.fonts().built_scale() == doctest::Approx(1.0));
}
