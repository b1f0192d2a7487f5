#pragma once
// The command-line flags every GUI program shares (--window, --fullscreen, --lang,
// --screenshot, --software-render, --stats, --exit-after). Programs parse with CLI11
// and add their own flags (e.g. --hub) next to these.
#include <optional>
#include <string>
#include <string_view>

#include "antrian/strings.h"

namespace CLI {
class App;
}

namespace antrian::ui {

struct WindowSize {
  int width = 1280;
  int height = 720;
  friend bool operator==(const WindowSize&, const WindowSize&) = default;
};

// Smallest and largest window we accept; outside this a layout cannot work.
inline constexpr WindowSize kMinWindow{320, 240};
inline constexpr WindowSize kMaxWindow{7680, 4320};

struct AppOptions {
  WindowSize window{1280, 720};  // programs set their own default before parsing
  bool fullscreen = false;       // fullscreen-desktop on the current display
  Lang lang = Lang::id;
  std::string screenshot;        // non-empty: render a few frames, save PNG, exit
  bool software_render = false;  // force SDL_RENDERER_SOFTWARE
  bool stats = false;            // print one JSON line of loop statistics on exit
  double exit_after_s = 0;       // > 0: quit after this many seconds (benchmarks)
};

// "1280x720" -> {1280, 720}; nullopt for anything malformed or outside
// kMinWindow..kMaxWindow. Accepts 'x' or 'X'.
std::optional<WindowSize> parse_window_size(std::string_view text);

// "1280x720"
std::string to_string(WindowSize size);

// Registers the common flags on cli, writing into opts. The defaults shown in
// --help are whatever opts holds when this is called. Bad values fail parsing with a
// message that says what is expected, e.g.
//   "--window expects WIDTHxHEIGHT like 1280x720, got '12x'".
void add_common_options(CLI::App& cli, AppOptions& opts);

}  // namespace antrian::ui
