#include "headless.h"

#include <signal.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <mutex>
#include <thread>

#include <spdlog/spdlog.h>

#include "antrian/display/display_runtime.h"
#include "audio_status.h"
#include "json_lines.h"
#include "sdl_speaker.h"

namespace antrian::display {

int run_headless(const ProgramOptions& o) {
  // Signals are taken by one thread (sigtimedwait) so every other thread, including
  // the hub client's, never sees them.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);

  std::mutex mu;
  std::condition_variable cv;
  bool woken = false;
  std::atomic<bool> quit{false};
  auto wake = [&] {
    { std::lock_guard l(mu); woken = true; }
    cv.notify_one();
  };
  std::thread signal_thread([&] {
    const timespec tick{0, 250'000'000};
    while (!quit) {
      if (sigtimedwait(&stop_signals, nullptr, &tick) > 0) {
        quit = true;
        wake();
      }
    }
  });

  int code = 0;
  {
    SdlSpeaker speaker({o.config.volume, o.config.mute, o.config.speech_lang}, wake);
    if (!speaker.unavailable_reason().empty())
      spdlog::warn("calls will be shown but not heard: {}", speaker.unavailable_reason());
    print_start_line(o, speaker);
    DisplayRuntime rt(o.config, o.app.lang, speaker, wake, print_json_line, o.client_name);
    report_audio_status(rt, o, speaker);
    using Clock = std::chrono::steady_clock;
    const auto exit_at = o.app.exit_after_s > 0
                             ? Clock::now() + std::chrono::milliseconds(static_cast<int64_t>(o.app.exit_after_s * 1000))
                             : Clock::time_point::max();
    rt.update();
    while (!quit && Clock::now() < exit_at) {
      {
        std::unique_lock l(mu);
        const auto next = Clock::now() + std::chrono::milliseconds(rt.ms_until_next_change());
        cv.wait_until(l, std::min(next, exit_at), [&] { return woken || quit.load(); });
        woken = false;
      }
      if (quit) break;
      rt.update();
    }
    print_json_line({{"type", "stop"}});
  }
  quit = true;
  signal_thread.join();
  return code;
}

}  // namespace antrian::display
