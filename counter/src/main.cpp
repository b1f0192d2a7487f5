// antrian-counter: the staff console at a loket. See --help, and counter/README.md.
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

#include <cstdio>
#include <exception>
#include <fstream>
#include <sstream>

#include "antrian/counter/console_model.h"
#include "antrian/counter/script.h"
#include "antrian/ui/app.h"
#include "counter_options.h"
#include "counter_screen.h"
#include "hub_link.h"
#include "script_driver.h"

int main(int argc, char** argv) {
  using namespace antrian;
  using namespace antrian::counter;
  spdlog::set_default_logger(spdlog::stderr_color_st("antrian-counter"));  // stdout is for script reports

  CounterOptions opt;
  if (auto code = parse_options(argc, argv, opt)) return *code;

  // A script file is checked whole before anything is sent.
  ScriptRunner runner;
  const bool stream_stdin = opt.script == "-";
  if (!opt.script.empty() && !stream_stdin) {
    std::ifstream in(opt.script);
    if (!in) {
      std::fprintf(stderr, "antrian-counter: cannot read the script %s\n", opt.script.c_str());
      return 2;
    }
    std::stringstream text;
    text << in.rdbuf();
    auto steps = parse_script(text.str());
    if (!steps) {
      std::fprintf(stderr, "antrian-counter: %s\n", steps.error().reason.c_str());
      return 2;
    }
    runner.append(std::move(*steps));
  }

  try {
    HubClientOptions client;
    client.hub = opt.hub;
    client.keys = opt.keys;
    client.role = std::string(proto::role::counter);
    client.client_name = opt.client_name;
    client.mirror = true;
    client.full_day = true;  // the staff member's own figures count the whole day
    client.request_timeout_ms = opt.request_timeout_ms;
    client.retries = opt.retries;
    HubLink link(client);
    ConsoleModel model({.lang = opt.app.lang, .loket = opt.loket});

    int failures = 0;
    if (!opt.script.empty()) {
      failures = run_script(link, model, runner, stream_stdin);
      if (failures > 0) std::fprintf(stderr, "antrian-counter: %d script step(s) failed\n", failures);
      if (opt.headless) return failures > 0 ? 1 : 0;
    }

    opt.app.lang = model.lang();
    int code = 0;
    {
      ui::App app({.title = "Antrian - Loket", .options = opt.app, .keep_screen_on = false,
                   .fonts = [] {
                     // A desk screen read from arm's length: smaller than the TV sizes.
                     ui::FontSpecs s = ui::default_font_specs();
                     s[std::size_t(ui::FontRole::small)].px_at_1080 = 26;
                     s[std::size_t(ui::FontRole::body)].px_at_1080 = 32;
                     s[std::size_t(ui::FontRole::body_bold)].px_at_1080 = 32;
                     s[std::size_t(ui::FontRole::large)].px_at_1080 = 50;
                     s[std::size_t(ui::FontRole::large_bold)].px_at_1080 = 50;
                     s[std::size_t(ui::FontRole::huge)].px_at_1080 = 190;
                     return s;
                   }()});
      CounterScreen screen(app, link, model);
      link.set_waker([&app] { app.wake(); });
      code = app.run(screen);
      link.set_waker({});
    }
    return failures > 0 ? 1 : code;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "antrian-counter: %s\n", e.what());
    return 1;
  }
}
