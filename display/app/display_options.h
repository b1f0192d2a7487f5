#pragma once
// The command line of antrian-display: the common GUI flags plus the display's own,
// layered over an optional JSON config file (flags win).
#include <optional>
#include <string>

#include "antrian/display/display_config.h"
#include "antrian/ui/options.h"

namespace antrian::display {

struct ProgramOptions {
  DisplayConfig config;
  ui::AppOptions app;
  bool headless = false;      // no window: print what would be shown and spoken as JSON lines
  bool print_events = false;  // with a window: print the same JSON lines on stdout
  std::string client_name = "display";
  double wait_for_hub_s = 5;  // --screenshot: how long to wait for the hub's state first
  double pages_at_s = 0;      // the paged parts start this far into their cycle
};

// Parses argv. Returns the options, or sets exit_code (0 for --help, non-zero for a
// bad value, after CLI11 printed the reason) and returns nullopt.
std::optional<ProgramOptions> parse_program_options(int argc, char** argv, int& exit_code);

}  // namespace antrian::display
