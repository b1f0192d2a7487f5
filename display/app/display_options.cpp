#include "display_options.h"

#include <CLI/CLI.hpp>

#include "antrian/key_options.h"

namespace antrian::display {

std::optional<ProgramOptions> parse_program_options(int argc, char** argv, int& exit_code) {
  ProgramOptions o;
  o.app.window = {1920, 1080};
  CLI::App cli{
      "antrian-display: the waiting-room wall display. Shows the newest call, the latest call per loket, "
      "waiting and estimated waits per service, disruptions, and says each call aloud (chime + Indonesian voice)."};
  ui::add_common_options(cli, o.app);

  std::string config_file, hub, services, lokets, title, speech_lang;
  int volume = -1, max_age = -1;
  bool mute = false;
  cli.add_option("--config", config_file, "JSON config file (hub, services, lokets, volume, mute, title, call_template, ...)")
      ->type_name("FILE");
  cli.add_option("--hub", hub, "The hub's request address (default tcp://127.0.0.1:5555)")->type_name("tcp://HOST:PORT");
  cli.add_option("--services", services, "Show and speak only these services, e.g. A,B (a hall for e-KTP)")
      ->type_name("CODES");
  cli.add_option("--lokets", lokets, "Show and speak only these lokets, e.g. 1,2,3")->type_name("NUMBERS");
  cli.add_option("--volume", volume, "Loudness of chime and voice, 0 to 100 (default 80)")->type_name("0-100");
  cli.add_flag("--mute", mute, "Show calls without chime or voice");
  cli.add_option("--title", title, "Hall name under the office name, e.g. \"Ruang Tunggu e-KTP\"")->type_name("TEXT");
  cli.add_option("--speech-lang", speech_lang, "Language of the spoken calls: id (default) or en")->type_name("id|en");
  cli.add_option("--max-speech-age", max_age,
                 "Calls older than this many seconds when they reach the display are shown, not spoken (default 10)")
      ->type_name("SECONDS");
  std::string running_text;
  cli.add_option("--running-text", running_text,
                 "page: the running text changes a page every few seconds (default; about 1% CPU without a GPU); "
                 "scroll: it moves continuously (30 frames a second, for TVs with a GPU)")
      ->type_name("page|scroll");
  KeyFlags key_flags;
  add_key_options(cli, key_flags);
  cli.add_option("--name", o.client_name, "This display's name in the hub's log")->type_name("NAME");
  cli.add_flag("--headless", o.headless, "No window: print what would be shown and spoken as JSON lines (tests)");
  cli.add_flag("--print-events", o.print_events, "With a window: also print those JSON lines on stdout");
  cli.add_option("--wait-for-hub", o.wait_for_hub_s,
                 "With --screenshot: seconds to wait for the hub's state before rendering (default 5)")
      ->type_name("SECONDS")
      ->check(CLI::Range(0.0, 60.0));
  cli.add_option("--pages-at", o.pages_at_s,
                 "Start the banner and pane pages this many seconds into their cycle (screenshots of later pages)")
      ->type_name("SECONDS")
      ->check(CLI::Range(0.0, 3600.0));

  try {
    cli.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    exit_code = cli.exit(e);
    return std::nullopt;
  }

  auto fail = [&](const std::string& reason) {
    std::fprintf(stderr, "antrian-display: %s\n", reason.c_str());
    exit_code = 2;
    return std::nullopt;
  };
  DisplayConfig& c = o.config;
  if (!config_file.empty()) {
    Lang lang = o.app.lang;
    if (auto r = load_config_file(config_file, c, &lang); !r) return fail(r.error().reason);
    if (cli.count("--lang") == 0) o.app.lang = lang;  // the flag wins over the file
  }
  if (cli.count("--hub")) c.hub = hub;
  if (cli.count("--services")) {
    auto l = parse_service_list(services);
    if (!l) return fail("--services: " + l.error().reason);
    c.services = *l;
  }
  if (cli.count("--lokets")) {
    auto l = parse_loket_list(lokets);
    if (!l) return fail("--lokets: " + l.error().reason);
    c.lokets = *l;
  }
  if (cli.count("--volume")) c.volume = volume;
  if (mute) c.mute = true;
  if (cli.count("--title")) c.title = title;
  if (cli.count("--speech-lang") && !parse_lang(speech_lang, c.speech_lang))
    return fail("--speech-lang expects id or en, got '" + speech_lang + "'");
  if (cli.count("--max-speech-age")) c.max_speech_age_s = max_age;
  if (cli.count("--running-text")) c.running_text = running_text;
  if (o.client_name.empty() || o.client_name.size() > 64) return fail("--name must be 1 to 64 characters");
  if (auto r = validate(c); !r) return fail(r.error().reason);
  if (o.headless && !o.app.screenshot.empty()) return fail("--headless has no window to take a --screenshot of");
  // Last, so a mistyped flag is named before a missing key.
  if (auto keys = load_client_keys(key_flags.key_file, key_flags.hub_key); keys) c.keys = *keys;
  else return fail(keys.error().reason);
  return o;
}

}  // namespace antrian::display
