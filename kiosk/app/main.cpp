// antrian-kiosk: the touchscreen where citizens take a queue number.
//
//   antrian-kiosk --hub tcp://127.0.0.1:5555 --printer tcp://192.168.1.50:9100 --paper 80
//                 --name kiosk-1 --staff-pin-file /etc/antrian/kiosk.pin --fullscreen
//
// Flags of its own: --hub, --printer, --paper, --printer-qr, --name, --idle-seconds,
// --staff-pin / --staff-pin-file, --automation, --survey; and the common GUI flags
// (--window, --fullscreen, --lang, --screenshot, --software-render, --stats, --exit-after).
//
//   antrian-kiosk --survey --hub tcp://127.0.0.1:5555 --name survey-1 --fullscreen
//
// runs it as the satisfaction-survey tablet beside the exit (survey_model.h) instead.
#include <CLI/CLI.hpp>
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

#include <cstdio>
#include <exception>
#include <memory>

#include "antrian/kiosk/kiosk_model.h"
#include "antrian/kiosk/settings.h"
#include "antrian/kiosk/survey_model.h"
#include "antrian/ui/app.h"
#include "antrian/ui/options.h"
#include "automation.h"
#include "antrian/key_options.h"
#include "hub_link.h"
#include "inbox.h"
#include "kiosk_screen.h"
#include "survey_tablet.h"
#include "print_worker.h"
#include "screen_capture.h"

namespace {

using namespace antrian;
using namespace antrian::kiosk;

// Turns a check's Error into CLI11's validation error, so the sentence is printed as is.
template <typename T>
T must(Result<T> r) {
  if (!r) throw CLI::ValidationError(r.error().reason);
  return std::move(r.value());
}

// The kiosk and the survey tablet run alike: the automation's hooks on the model, the
// screenshot once the hub's data is on screen, the frame loop, then a quiet shutdown.
template <typename Model, typename Screen>
int run_screen(ui::App& app, Model& model, Screen& screen, app::Inbox& inbox, app::ScreenCapture& capture,
               bool automation, const std::string& screenshot) {
  std::unique_ptr<app::Automation> driver;
  if (automation) {
    driver = std::make_unique<app::Automation>(
        inbox,
        app::Automation::Hooks{[&model] { return model.screen(); },
                               [&model] { return model.view(antrian::ui::now_ms()); },
                               [&app] { app.request_quit(); }},
        capture);
    screen.set_automation(driver.get());
  }
  if (!screenshot.empty()) screen.screenshot_when_ready(screenshot);
  screen.start();
  const int code = app.run(screen);
  driver.reset();
  inbox.close();  // replies that arrive while the rest shuts down are dropped
  return code != 0 ? code : screen.exit_code();
}

// The survey tablet: the same hub link, touch, automation, screenshots and staff
// menu; no printer.
int run_survey(ui::App& app, const KioskSettings& settings, app::Inbox& inbox, app::HubLink& link, bool automation,
               const std::string& screenshot) {
  SurveyModel model(settings);
  app::ScreenCapture capture(app.renderer());
  app::SurveyTablet screen({app, model, inbox, link, capture});
  return run_screen(app, model, screen, inbox, capture, automation, screenshot);
}

}  // namespace

int main(int argc, char** argv) {
  spdlog::set_default_logger(spdlog::stderr_color_st("antrian-kiosk"));  // stdout: automation, --stats

  CLI::App cli{"antrian-kiosk: touchscreen for taking a queue number at a Disdukcapil office"};
  ui::AppOptions opts;
  opts.window = {1920, 1080};
  ui::add_common_options(cli, opts);
  KioskSettings settings;
  std::string hub = "tcp://127.0.0.1:5555";
  std::string pin, pin_file;
  bool automation = false;
  cli.add_option("--hub", hub, "The hub's request address, tcp://HOST:PORT")->capture_default_str();
  KeyFlags key_flags;
  add_key_options(cli, key_flags);
  ClientKeys keys;
  bool survey = false;
  auto* printer_opt = cli.add_option_function<std::string>(
         "--printer", [&](const std::string& v) { settings.printer = must(parse_printer(v)); },
         "Ticket printer: tcp://HOST:9100 (raw TCP), a device like /dev/usb/lp0, or none")
      ->type_name("TARGET")
      ->default_str("none");
  cli.add_option_function<std::string>(
         "--paper", [&](const std::string& v) { settings.paper = must(parse_paper(v)); }, "Paper roll width in mm: 58 or 80")
      ->type_name("58|80")
      ->default_str("80");
  cli.add_option_function<std::string>(
         "--printer-qr", [&](const std::string& v) { settings.qr_mode = must(parse_qr_mode(v)); },
         "How the QR is printed: native, raster (printers without QR support) or none")
      ->type_name("MODE")
      ->default_str("native");
  cli.add_option_function<std::string>(
         "--name", [&](const std::string& v) { settings.name = must(check_kiosk_name(v)); },
         "This kiosk's name in the hub's log and its printer's device id")
      ->default_str(settings.name);
  cli.add_option_function<int>(
         "--idle-seconds", [&](int v) { settings.idle_seconds = must(check_idle_seconds(v)); },
         "Back to the home screen after this many seconds without a touch")
      ->default_str(std::to_string(settings.idle_seconds));
  auto* pin_opt = cli.add_option("--staff-pin", pin, "Staff PIN (4-8 digits) for the staff menu (five taps on the office name): reprint, leave full screen, quit");
  cli.add_option("--staff-pin-file", pin_file, "Read the staff PIN from this file (mode 600), keeping it out of ps")
      ->excludes(pin_opt);
  cli.add_flag("--survey", survey,
               "Run as the satisfaction-survey tablet (SKM) beside the exit: the citizen types or scans "
               "the ticket number and answers nine questions; no tickets, no printer")
      ->excludes(printer_opt);
  cli.add_flag("--automation", automation,
               "Read test commands on stdin (tap KEY, wait SCREEN, screenshot FILE, view, quit); "
               "print JSON lines on stdout");
  try {
    cli.parse(argc, argv);
    if (!pin.empty()) settings.staff_pin = must(check_staff_pin(pin));
    if (!pin_file.empty()) settings.staff_pin = must(read_staff_pin_file(pin_file));
    std::string host, error;
    int port = 0;
    if (!parse_hub_address(hub, host, port, error)) throw CLI::ValidationError("--hub: " + error);
    keys = client_keys_or_throw(key_flags);
  } catch (const CLI::ParseError& e) {
    return cli.exit(e);
  }
  settings.lang = opts.lang;
  settings.fullscreen = opts.fullscreen;
  if (settings.staff_pin.empty())
    spdlog::warn("no staff PIN (--staff-pin or --staff-pin-file): the staff menu ({}leave full screen, quit) is locked",
                 survey ? "" : "reprint, ");

  // The kiosk takes --screenshot itself, to save once the hub's data is on screen.
  const std::string screenshot = opts.screenshot;
  opts.screenshot.clear();

  try {
    ui::FontSpecs fonts = ui::default_font_specs();
    fonts[static_cast<std::size_t>(ui::FontRole::huge)] = {260, true, true};  // the ticket number
    ui::App app({.title = (survey ? "Antrian - Survei " : "Antrian - Kios ") + settings.name,
                 .options = opts,
                 .show_cursor = !opts.fullscreen,  // a touchscreen needs no pointer
                 .fonts = fonts});
    app::Inbox inbox([&app] { app.wake(); });
    app::HubLink link(hub, keys, settings.name);
    if (survey) return run_survey(app, settings, inbox, link, automation, screenshot);
    KioskModel model(settings);
    app::PrintWorker printer(settings.printer);
    app::ScreenCapture capture(app.renderer());
    app::KioskScreen screen({app, model, inbox, link, printer, capture});
    return run_screen(app, model, screen, inbox, capture, automation, screenshot);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "antrian-kiosk: %s\n", e.what());
    return 1;
  }
}
