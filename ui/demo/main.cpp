// antrian-ui-demo: the GUI shell on its own, to check rendering, screenshots and idle
// CPU. Flags: the common ones (--window, --fullscreen, --lang, --screenshot,
// --software-render, --stats, --exit-after) plus --marquee and --updates-every.
#include <CLI/CLI.hpp>
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <exception>
#include <mutex>
#include <thread>

#include "antrian/ui/app.h"
#include "demo_screen.h"

int main(int argc, char** argv) {
  using namespace antrian::ui;
  spdlog::set_default_logger(spdlog::stderr_color_st("antrian-ui-demo"));  // stdout is for --stats

  CLI::App cli{"antrian-ui-demo: shows the shared GUI shell working"};
  AppOptions opts;
  opts.window = {1280, 720};
  add_common_options(cli, opts);
  std::string marquee =
      "Selamat datang di Dinas Kependudukan dan Pencatatan Sipil \xE2\x80\xA2 Layanan Perekaman e-KTP "
      "berjalan normal \xE2\x80\xA2 Pencetakan e-KTP terganggu: blangko habis, silakan ambil surat "
      "keterangan di loket 3 \xE2\x80\xA2 Welcome to the civil registry office \xE2\x80\xA2 e-KTP "
      "printing is disrupted (no blank cards): ask for a certificate at counter 3";
  cli.add_option("--marquee", marquee, "Running text at the bottom (empty: none)");
  double updates_every = 0;
  cli.add_option("--updates-every", updates_every,
                 "Simulate a network thread: change the waiting count and wake() every SECONDS")
      ->check(CLI::NonNegativeNumber);
  CLI11_PARSE(cli, argc, argv);

  try {
    App app({.title = "antrian-ui-demo", .options = opts});
    demo::DemoScreen screen{marquee};

    // Stands in for the hub client: another thread changes data and calls wake().
    std::mutex mu;
    std::condition_variable cv;
    bool stop = false;
    std::thread updater;
    if (updates_every > 0) {
      updater = std::thread([&] {
        std::unique_lock lock(mu);
        while (!cv.wait_for(lock, std::chrono::duration<double>(updates_every), [&] { return stop; })) {
          ++screen.waiting_from_thread;
          app.wake();
        }
      });
    }
    const int code = app.run(screen);
    if (updater.joinable()) {
      { std::lock_guard lock(mu); stop = true; }
      cv.notify_all();
      updater.join();
    }
    return code;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "antrian-ui-demo: %s\n", e.what());
    return 1;
  }
}
