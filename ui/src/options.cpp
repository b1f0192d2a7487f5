#include "antrian/ui/options.h"

#include <CLI/CLI.hpp>

#include <charconv>

namespace antrian::ui {
namespace {

// Parses a whole decimal int with no sign, spaces or trailing junk.
std::optional<int> parse_int(std::string_view s) {
  if (s.empty() || s.size() > 6) return std::nullopt;
  int value = 0;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
  if (ec != std::errc{} || end != s.data() + s.size()) return std::nullopt;
  return value;
}

std::string window_error(const std::string& got) {
  return "--window expects WIDTHxHEIGHT like 1280x720 (between " + to_string(kMinWindow) +
         " and " + to_string(kMaxWindow) + "), got '" + got + "'";
}

}  // namespace

std::optional<WindowSize> parse_window_size(std::string_view text) {
  const auto x = text.find_first_of("xX");
  if (x == std::string_view::npos) return std::nullopt;
  const auto w = parse_int(text.substr(0, x));
  const auto h = parse_int(text.substr(x + 1));
  if (!w || !h) return std::nullopt;
  if (*w < kMinWindow.width || *h < kMinWindow.height) return std::nullopt;
  if (*w > kMaxWindow.width || *h > kMaxWindow.height) return std::nullopt;
  return WindowSize{*w, *h};
}

std::string to_string(WindowSize size) {
  return std::to_string(size.width) + "x" + std::to_string(size.height);
}

void add_common_options(CLI::App& cli, AppOptions& opts) {
  // Callbacks throw CLI::ValidationError so CLI11 prints our sentence as it is
  // and exits with its usual validation code.
  cli.add_option_function<std::string>(
         "--window",
         [&opts](const std::string& value) {
           const auto size = parse_window_size(value);
           if (!size) throw CLI::ValidationError(window_error(value));
           opts.window = *size;
         },
         "Window size in pixels, WIDTHxHEIGHT")
      ->type_name("WxH")
      ->default_str(to_string(opts.window));
  cli.add_flag("--fullscreen", opts.fullscreen, "Fill the whole screen (desktop resolution)");
  cli.add_option_function<std::string>(
         "--lang",
         [&opts](const std::string& value) {
           if (!parse_lang(value, opts.lang))
             throw CLI::ValidationError("--lang expects id (Bahasa Indonesia) or en (English), got '" +
                                        value + "'");
         },
         "Language of the screen: id or en")
      ->type_name("id|en")
      ->default_str(opts.lang == Lang::id ? "id" : "en");
  cli.add_option_function<std::string>(
         "--screenshot",
         [&opts](const std::string& value) {
           if (value.empty()) throw CLI::ValidationError("--screenshot expects a file name like out.png");
           opts.screenshot = value;
         },
         "Render a few frames, save the window as PNG to FILE and exit")
      ->type_name("FILE");
  cli.add_flag("--software-render", opts.software_render,
               "Use SDL's software renderer instead of trying the accelerated one first");
  cli.add_flag("--stats", opts.stats, "On exit, print frames rendered and time spent as one JSON line");
  cli.add_option_function<double>(
         "--exit-after",
         [&opts](double seconds) {
           if (!(seconds > 0) || seconds > 7 * 24 * 3600.0)
             throw CLI::ValidationError("--exit-after expects a number of seconds greater than 0, got " +
                                        std::to_string(seconds));
           opts.exit_after_s = seconds;
         },
         "Quit after SECONDS (for benchmarks)")
      ->type_name("SECONDS");
}

}  // namespace antrian::ui
