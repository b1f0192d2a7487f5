#pragma once
// antrian-counter's command line.
#include <optional>
#include <string>

#include "antrian/device_keys.h"

#include "antrian/ui/options.h"

namespace antrian::counter {

struct CounterOptions {
  ui::AppOptions app;
  std::string hub = "tcp://127.0.0.1:5555";
  ClientKeys keys;            // --key/--hub-key; a counter's key belongs to one loket
  int loket = 0;              // pre-selected on the sign-in screen; 0 = none
  std::string script;         // FILE, or "-" for stdin read as it arrives
  bool headless = false;      // run the script with no window, then exit
  std::string client_name;    // for the hub's log
  int request_timeout_ms = 1500;
  int retries = 2;
};

// Parses argv. Returns an exit code when the program should stop now (--help: 0,
// a bad flag: 2 after printing why), nullopt to go on.
std::optional<int> parse_options(int argc, char** argv, CounterOptions& out);

}  // namespace antrian::counter
