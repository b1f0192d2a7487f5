// antrian-display: the waiting-room wall display.
//   antrian-display --hub tcp://HOST:PORT [--services A,B] [--lokets 1,2,3] [--volume 0-100]
//                   [--mute] [--title TEXT] [--config FILE] [--fullscreen] [--lang id|en]
//                   [--screenshot FILE] [--headless] [--print-events] ...
// See --help for every flag.
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

#include <chrono>
#include <cstdio>
#include <exception>
#include <thread>

#include "antrian/display/display_runtime.h"
#include "antrian/display/layout.h"
#include "antrian/ui/app.h"
#include "display_options.h"
#include "display_screen.h"
#include "headless.h"
#include "audio_status.h"
#include "json_lines.h"
#include "sdl_speaker.h"

namespace {

using namespace antrian;
using namespace antrian::display;

// The reading size (layout.h: 80 px capitals at 1080 lines, readable from 10 m) for
// every must-read text, built once at that size; smaller texts scale these glyphs
// down. The huge font holds the newest number (ASCII only, to keep the atlas small).
ui::FontSpecs display_fonts() {
  ui::FontSpecs s = ui::default_font_specs();
  s[static_cast<std::size_t>(ui::FontRole::large)] = {reading_font_px(1080), false, false};
  s[static_cast<std::size_t>(ui::FontRole::large_bold)] = {reading_font_px(1080), true, false};
  s[static_cast<std::size_t>(ui::FontRole::huge)] = {300, true, true};
  return s;
}

void warn_once_about_audio(const SdlSpeaker& speaker) {
  if (!speaker.unavailable_reason().empty())
    spdlog::warn("calls will be shown but not heard: {}", speaker.unavailable_reason());
}

int run_window(const ProgramOptions& o) {
  ui::AppConfig ac;
  ac.title = "Antrian - Layar Panggilan";
  ac.options = o.app;
  ac.audio = false;  // the speaker opens audio itself, and only while it speaks
  ac.show_cursor = false;
  ac.fonts = display_fonts();
  ui::App app(ac);
  SdlSpeaker speaker({o.config.volume, o.config.mute, o.config.speech_lang}, [&app] { app.wake(); });
  warn_once_about_audio(speaker);
  if (o.print_events) print_start_line(o, speaker);
  DisplayRuntime rt(o.config, o.app.lang, speaker, [&app] { app.wake(); },
                    o.print_events ? DisplayController::Log(print_json_line) : DisplayController::Log{},
                    o.client_name);
  report_audio_status(rt, o, speaker);
  if (!o.app.screenshot.empty()) {
    // A screenshot of "connecting..." is of no use: give the hub a moment first.
    const auto until = std::chrono::steady_clock::now() + std::chrono::milliseconds(int(o.wait_for_hub_s * 1000));
    while (!rt.client().synced() && std::chrono::steady_clock::now() < until)
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    if (!rt.client().synced()) spdlog::warn("no state from {} yet; the screenshot shows the connecting screen", o.config.hub);
  }
  DisplayScreen screen(app, rt, o.config.hub, o.config.running_text == "scroll",
                       static_cast<std::int64_t>(o.pages_at_s * 1000));
  return app.run(screen);
}

}  // namespace

int main(int argc, char** argv) {
  spdlog::set_default_logger(spdlog::stderr_color_mt("antrian-display"));  // stdout is for JSON lines
  int exit_code = 0;
  auto options = parse_program_options(argc, argv, exit_code);
  if (!options) return exit_code;
  try {
    if (options->headless) {
      return run_headless(*options);
    }
    return run_window(*options);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "antrian-display: %s\n", e.what());
    return 1;
  }
}
