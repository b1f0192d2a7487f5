#include "counter_options.h"

#include <CLI/CLI.hpp>

#include "antrian/hub_client.h"
#include "antrian/key_options.h"

namespace antrian::counter {

std::optional<int> parse_options(int argc, char** argv, CounterOptions& o) {
  CLI::App cli{
      "antrian-counter: the staff console at a loket (service counter).\n"
      "Sign in with the loket, your name and PIN, then call, recall, serve, finish, mark no-show,\n"
      "transfer and pause with the function keys written on the buttons (F1..F9, F12; F10 language).\n\n"
      "Automation (--script FILE, or - for stdin): one step a line, run through the same screen logic\n"
      "as keys and buttons, each reported as a JSON line on stdout. Steps:\n"
      "  wait-online [S] | sign-in LOKET STAFF PIN | call-next | recall | start | finish | no-show |\n"
      "  pause | resume | sign-out | call LABEL | transfer service CODE [NOTE] | transfer loket N [NOTE] |\n"
      "  report RESOURCE degraded|down [MESSAGE] | press ACTION | key KEY | type TEXT | lang id|en |\n"
      "  sleep MS | wait-called LABEL [S] | wait-offline [S] | expect-current LABEL|none |\n"
      "  expect-refused [CODE]        ('#' starts a comment)\n"
      "With --screenshot the script runs first, so the picture shows its result."};
  cli.set_help_flag("-h,--help", "Show this help and exit");
  o.app.window = {1280, 800};
  ui::add_common_options(cli, o.app);
  cli.add_option_function<std::string>(
         "--hub",
         [&o](const std::string& v) {
           std::string host, error;
           int port = 0;
           if (!parse_hub_address(v, host, port, error)) throw CLI::ValidationError("--hub: " + error);
           o.hub = v;
         },
         "The hub's request address")
      ->type_name("tcp://HOST:PORT")
      ->default_str(o.hub);
  cli.add_option_function<std::string>(
         "--loket",
         [&o](const std::string& v) {
           if (v.empty() || v.size() > 3 || v.find_first_not_of("0123456789") != std::string::npos || std::stoi(v) < 1)
             throw CLI::ValidationError("--loket expects a loket number 1..999, got '" + v + "'");
           o.loket = std::stoi(v);
         },
         "Loket chosen in advance on the sign-in screen")
      ->type_name("N");
  cli.add_option_function<std::string>(
         "--script",
         [&o](const std::string& v) {
           if (v.empty()) throw CLI::ValidationError("--script expects a file name, or - for stdin");
           o.script = v;
         },
         "Run these steps before showing the window (see above)")
      ->type_name("FILE|-");
  KeyFlags key_flags;
  add_key_options(cli, key_flags);
  cli.add_flag("--headless", o.headless, "No window: run --script against the hub, print its report and exit");
  cli.add_option("--client", o.client_name, "Name of this console in the hub's log (default counter-LOKET)")
      ->type_name("NAME");
  cli.add_option("--request-timeout", o.request_timeout_ms, "Milliseconds to wait for the hub before a retry")
      ->check(CLI::Range(100, 60000))
      ->default_str("1500");
  cli.add_option("--retries", o.retries, "Retries of a request (same id: the hub never acts twice)")
      ->check(CLI::Range(0, 10))
      ->default_str("2");
  try {
    cli.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return cli.exit(e) == 0 ? 0 : 2;
  }
  if (o.headless && o.script.empty()) {
    std::fprintf(stderr, "antrian-counter: --headless needs --script FILE (or --script - for stdin)\n");
    return 2;
  }
  if (o.headless && !o.app.screenshot.empty()) {
    std::fprintf(stderr, "antrian-counter: --screenshot needs a window; leave out --headless\n");
    return 2;
  }
  auto keys = load_client_keys(key_flags.key_file, key_flags.hub_key);
  if (!keys) {
    std::fprintf(stderr, "antrian-counter: %s\n", keys.error().reason.c_str());
    return 2;
  }
  o.keys = *keys;
  // The key says which loket this PC is: preselect it, and refuse a contradiction.
  if (auto file = read_key_file(key_flags.key_file, true); file && file->counter > 0) {
    if (o.loket > 0 && o.loket != file->counter) {
      std::fprintf(stderr, "antrian-counter: --loket %d, but this key (%s) belongs to loket %d\n", o.loket,
                   file->name.c_str(), file->counter);
      return 2;
    }
    o.loket = file->counter;
  }
  if (o.client_name.empty()) o.client_name = o.loket > 0 ? "counter-" + std::to_string(o.loket) : "counter";
  return std::nullopt;
}

}  // namespace antrian::counter
