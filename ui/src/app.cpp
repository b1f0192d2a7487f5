#include "antrian/ui/app.h"

#include <SDL.h>
#include <imgui.h>
#include <imgui_impl_sdl.h>
#include <imgui_impl_sdlrenderer.h>
#include <spdlog/spdlog.h>

#include <cstdio>
#include <stdexcept>

#include "antrian/service_notify.h"
#include "antrian/ui/frame_pacing.h"
#include "antrian/ui/palette.h"
#include "antrian/ui/screenshot.h"
#include "antrian/ui/style.h"

namespace antrian::ui {
namespace {

double seconds_since(Uint64 start) {
  return static_cast<double>(SDL_GetPerformanceCounter() - start) /
         static_cast<double>(SDL_GetPerformanceFrequency());
}

std::runtime_error sdl_error(const std::string& what) {
  return std::runtime_error(what + ": " + SDL_GetError());
}

}  // namespace

App::App(AppConfig config) : config_(std::move(config)), fonts_(config_.fonts) {
  try {
    init_sdl();
    create_window_and_renderer();
    init_imgui();
  } catch (...) {
    shutdown();
    throw;
  }
  requests_.set_animation_interval_ms(1000 / std::max(1, config_.animation_fps));
  accepting_wakes_ = true;
}

App::~App() { shutdown(); }

void App::init_sdl() {
  // A wall display or kiosk must never blank; SDL disables the screensaver unless
  // this hint says otherwise. A fullscreen window that loses focus (a notification,
  // a second screen) must stay up rather than minimise.
  SDL_SetHint(SDL_HINT_VIDEO_ALLOW_SCREENSAVER, config_.keep_screen_on ? "0" : "1");
  SDL_SetHint(SDL_HINT_VIDEO_MINIMIZE_ON_FOCUS_LOSS, "0");
  if (SDL_Init(SDL_INIT_VIDEO) != 0)
    throw sdl_error(
        "could not start the display (set DISPLAY, run under xvfb-run, or use "
        "SDL_VIDEODRIVER=offscreen for headless use)");
  if (config_.audio && SDL_InitSubSystem(SDL_INIT_AUDIO) != 0)
    spdlog::warn("no audio output, continuing silently: {}", SDL_GetError());
  if (config_.keep_screen_on) SDL_DisableScreenSaver();
  wake_event_ = SDL_RegisterEvents(1);
  if (wake_event_ == static_cast<Uint32>(-1)) throw sdl_error("could not register the wake event");
}

void App::create_window_and_renderer() {
  const AppOptions& o = config_.options;
  Uint32 flags = SDL_WINDOW_RESIZABLE;
  WindowSize size = o.window;
  if (o.fullscreen) {
    flags |= SDL_WINDOW_FULLSCREEN_DESKTOP;
    // Created at the desktop size from the start: otherwise the first frames (all a
    // --screenshot gets) can be drawn with the old viewport before the resize lands.
    SDL_DisplayMode mode{};
    if (SDL_GetDesktopDisplayMode(0, &mode) == 0 && mode.w > 0 && mode.h > 0) size = {mode.w, mode.h};
  }
  window_ = SDL_CreateWindow(config_.title.c_str(), SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED,
                             size.width, size.height, flags);
  if (!window_) throw sdl_error("could not open a " + to_string(o.window) + " window");
  if (!config_.show_cursor) SDL_ShowCursor(SDL_DISABLE);

  // Accelerated first: even on Mesa's software OpenGL it is several times cheaper
  // per frame than SDL's software renderer, which stays as the fallback.
  if (!o.software_render) {
    renderer_ = SDL_CreateRenderer(window_, -1, SDL_RENDERER_ACCELERATED | SDL_RENDERER_PRESENTVSYNC);
    if (!renderer_) spdlog::warn("accelerated renderer unavailable ({}), using software", SDL_GetError());
  }
  if (!renderer_) renderer_ = SDL_CreateRenderer(window_, -1, SDL_RENDERER_SOFTWARE | SDL_RENDERER_PRESENTVSYNC);
  if (!renderer_) renderer_ = SDL_CreateRenderer(window_, -1, SDL_RENDERER_SOFTWARE);
  if (!renderer_) throw sdl_error("could not create any renderer for the window");
  stats_.renderer = renderer_name();
  spdlog::debug("antrian_ui: renderer {}", stats_.renderer);
}

void App::init_imgui() {
  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  imgui_ready_ = true;
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;  // no imgui.ini in whatever directory we were started from
  io.LogFilename = nullptr;
  // A blinking caret would need a frame every half second forever; a steady one not.
  io.ConfigInputTextCursorBlink = false;
  if (!ImGui_ImplSDL2_InitForSDLRenderer(window_)) throw std::runtime_error("ImGui SDL backend failed to start");
  if (!ImGui_ImplSDLRenderer_Init(renderer_)) throw std::runtime_error("ImGui renderer backend failed to start");
  rebuild_fonts_if_needed(true);
}

void App::shutdown() {
  accepting_wakes_ = false;
  RedrawRequests::install(nullptr);
  if (imgui_ready_) {
    if (ImGui::GetIO().BackendRendererUserData) ImGui_ImplSDLRenderer_Shutdown();
    if (ImGui::GetIO().BackendPlatformUserData) ImGui_ImplSDL2_Shutdown();
    ImGui::DestroyContext();
    imgui_ready_ = false;
  }
  if (renderer_) SDL_DestroyRenderer(renderer_);
  if (window_) SDL_DestroyWindow(window_);
  renderer_ = nullptr;
  window_ = nullptr;
  if (SDL_WasInit(0)) SDL_Quit();
}

std::string App::renderer_name() const {
  SDL_RendererInfo info{};
  if (!renderer_ || SDL_GetRendererInfo(renderer_, &info) != 0 || !info.name) return "none";
  return info.name;
}

void App::rebuild_fonts_if_needed(bool force) {
  int w = 0, h = 0;
  SDL_GetWindowSize(window_, &w, &h);
  const float scale = ui_scale(w, h);
  if (!force && !scale_changed_notably(fonts_.built_scale(), scale)) return;
  const Uint64 start = SDL_GetPerformanceCounter();
  ImGui_ImplSDLRenderer_DestroyFontsTexture();
  fonts_.build(scale);
  apply_style(scale);
  if (!ImGui_ImplSDLRenderer_CreateFontsTexture())
    throw sdl_error("could not upload the font atlas to the renderer");
  stats_.font_build_s += seconds_since(start);
}

void App::set_fullscreen(bool on) {
  SDL_SetWindowFullscreen(window_, on ? SDL_WINDOW_FULLSCREEN_DESKTOP : 0);
  size_dirty_ = true;
  pending_frames_ = config_.settle_frames;
}

bool App::fullscreen() const { return (SDL_GetWindowFlags(window_) & SDL_WINDOW_FULLSCREEN) != 0; }

void App::set_lang(Lang lang) {
  config_.options.lang = lang;
  pending_frames_ = config_.settle_frames;
}

void App::wake() {
  if (!accepting_wakes_.load()) return;
  // One event in flight is enough: the loop picks up everything at once.
  if (wake_pending_.exchange(true)) return;
  SDL_Event event{};
  event.type = wake_event_;
  if (SDL_PushEvent(&event) <= 0) wake_pending_ = false;
}

void App::request_quit() {
  SDL_Event event{};
  event.type = SDL_QUIT;
  SDL_PushEvent(&event);
}

bool App::window_visible() const {
  const Uint32 flags = SDL_GetWindowFlags(window_);
  return (flags & SDL_WINDOW_MINIMIZED) == 0 && (flags & SDL_WINDOW_HIDDEN) == 0;
}

FrameInfo App::frame_info() const {
  FrameInfo f;
  f.now_ms = now_ms();
  f.wall = std::chrono::system_clock::now();
  const ImVec2 size = ImGui::GetIO().DisplaySize;
  f.width = size.x;
  f.height = size.y;
  f.scale = ui_scale(static_cast<int>(size.x), static_cast<int>(size.y));
  f.frame = frame_counter_;
  f.lang = config_.options.lang;
  f.fonts = &fonts_;
  return f;
}

void App::handle_event(const SDL_Event& event, Screen& screen, bool& quit) {
  if (event.type == wake_event_) {
    pending_frames_ = std::max(pending_frames_, config_.wake_frames);
    wake_pending_ = false;  // before on_wake, so a wake() during it is not lost
    ++stats_.wake_calls;
    screen.on_wake();
    return;
  }
  if (event.type == SDL_QUIT) {
    quit = true;
    return;
  }
  // Anything else (input, window changes): draw a few frames, because ImGui reacts to
  // input one frame late and hover/press states need another.
  pending_frames_ = std::max(pending_frames_, config_.settle_frames);
  if (event.type == SDL_WINDOWEVENT && event.window.event == SDL_WINDOWEVENT_SIZE_CHANGED)
    size_dirty_ = true;
  if (screen.on_event(event)) return;
  ImGui_ImplSDL2_ProcessEvent(&event);
}

void App::render_frame(Screen& screen, bool screenshot_now, int& exit_code) {
  const Uint64 start = SDL_GetPerformanceCounter();
  if (size_dirty_) {
    size_dirty_ = false;
    rebuild_fonts_if_needed(false);
  }
  requests_.clear();
  last_frame_ms_ = now_ms();
  ImGui_ImplSDLRenderer_NewFrame();
  ImGui_ImplSDL2_NewFrame();
  ImGui::NewFrame();
  const FrameInfo info = frame_info();
  if (frame_counter_ == 0 || info.width != last_width_ || info.height != last_height_) {
    last_width_ = info.width;
    last_height_ = info.height;
    screen.on_resize(info);
  }

  // One borderless window covering everything; screens draw inside it.
  ImGui::SetNextWindowPos({0, 0});
  ImGui::SetNextWindowSize({info.width, info.height});
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, {0, 0});
  ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, 0);
  ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 0);
  const ImGuiWindowFlags root_flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                      ImGuiWindowFlags_NoSavedSettings |
                                      ImGuiWindowFlags_NoBringToFrontOnFocus |
                                      ImGuiWindowFlags_NoScrollWithMouse |
                                      // SDL_RenderClear already paints the background; a
                                      // window-sized quad on top would double the fill cost.
                                      ImGuiWindowFlags_NoBackground;
  ImGui::Begin("##antrian_root", nullptr, root_flags);
  ImGui::PopStyleVar(3);
  screen.draw(info);
  ImGui::End();
  ImGui::Render();

  const ImVec4 bg = ImGui::ColorConvertU32ToFloat4(palette::background);
  SDL_SetRenderDrawColor(renderer_, static_cast<Uint8>(bg.x * 255), static_cast<Uint8>(bg.y * 255),
                         static_cast<Uint8>(bg.z * 255), 255);
  SDL_RenderClear(renderer_);
  ImGui_ImplSDLRenderer_RenderDrawData(ImGui::GetDrawData());
  if (screenshot_now) {
    // Read before presenting: after SDL_RenderPresent the back buffer is undefined.
    const ScreenshotResult shot = save_screenshot(renderer_, config_.options.screenshot);
    if (shot.ok) {
      std::fprintf(stderr, "saved %dx%d screenshot to %s\n", shot.width, shot.height,
                   config_.options.screenshot.c_str());
    } else {
      std::fprintf(stderr, "error: %s\n", shot.error.c_str());
      exit_code = 1;
    }
  }
  SDL_RenderPresent(renderer_);
  ++frame_counter_;
  ++stats_.frames;
  stats_.render_s += seconds_since(start);
}

int App::run(Screen& screen) {
  RedrawRequests::install(&requests_);
  const Uint64 loop_start = SDL_GetPerformanceCounter();
  const double cpu_start = process_cpu_seconds();
  const std::int64_t start_ms = now_ms();
  const AppOptions& o = config_.options;
  const std::int64_t exit_at =
      o.exit_after_s > 0 ? start_ms + static_cast<std::int64_t>(o.exit_after_s * 1000) : kNever;
  const bool screenshot_mode = !o.screenshot.empty();
  int screenshot_frames_left = std::max(1, config_.screenshot_frames);
  pending_frames_ = config_.settle_frames;
  int exit_code = 0;
  bool quit = false;

  while (!quit) {
    std::int64_t now = now_ms();
    // While minimised nothing is seen: wait for the event that restores the window.
    std::int64_t deadline = kNever;
    if (window_visible() || screenshot_mode)
      deadline = earliest(unhonoured(screen.next_deadline_ms(now), last_frame_ms_), requests_.deadline());
    if (screenshot_mode) pending_frames_ = std::max(pending_frames_, 1);
    // Under systemd with WatchdogSec: ping from every turn of the loop and never sleep
    // past the next ping, so only a loop that is really stuck gets the program restarted.
    std::int64_t ping_due = kNever;
    if (const auto ping_in = service::watchdog_ping()) ping_due = now + std::max<std::int64_t>(1, ping_in->count());
    const int timeout = wait_timeout_ms(now, earliest(earliest(deadline, exit_at), ping_due), pending_frames_);

    SDL_Event event;
    int got = 0;
    if (timeout == 0) {
      got = SDL_PollEvent(&event);
    } else {
      got = timeout < 0 ? SDL_WaitEvent(&event) : SDL_WaitEventTimeout(&event, timeout);
      ++stats_.wakeups;
    }
    while (got) {
      handle_event(event, screen, quit);
      got = SDL_PollEvent(&event);
    }
    now = now_ms();
    if (quit || now >= exit_at) break;
    if (!window_visible() && !screenshot_mode) {
      pending_frames_ = 0;
      requests_.clear();
      continue;
    }
    if (!frame_due(now, deadline, pending_frames_)) continue;

    const bool screenshot_now = screenshot_mode && --screenshot_frames_left == 0;
    render_frame(screen, screenshot_now, exit_code);
    service::ready();  // the first frame is on screen (later calls send nothing)
    if (pending_frames_ > 0) --pending_frames_;
    if (screenshot_now) break;
  }

  service::stopping();
  stats_.wall_s = seconds_since(loop_start);
  stats_.cpu_s = process_cpu_seconds() - cpu_start;
  RedrawRequests::install(nullptr);
  if (o.stats) {
    std::printf("%s\n", to_json(stats_).c_str());
    std::fflush(stdout);
  }
  return exit_code;
}

}  // namespace antrian::ui
