#pragma once
// The two flags every client of the hub takes (kiosk, display, counter): this
// device's key file and the hub's public key. Header-only: CLI11 stays out of the core.
#include <string>

#include <CLI/CLI.hpp>

#include "antrian/device_keys.h"

namespace antrian {

struct KeyFlags {
  std::string key_file, hub_key;
};

inline void add_key_options(CLI::App& cli, KeyFlags& f) {
  cli.add_option("--key", f.key_file, "This device's key file (antrian-ctl key-add --out FILE)")
      ->type_name("FILE")
      ->envname("ANTRIAN_KEY");
  cli.add_option("--hub-key", f.hub_key, "The hub's public key: a copy of its DATA_DIR/keys/hub.pub")
      ->type_name("FILE")
      ->envname("ANTRIAN_HUB_KEY");
}

// After parsing: the keys, or CLI::ValidationError with the reason (cli.exit() prints it, exit 2).
inline ClientKeys client_keys_or_throw(const KeyFlags& f) {
  auto k = load_client_keys(f.key_file, f.hub_key);
  if (!k) throw CLI::ValidationError(k.error().reason);
  return *k;
}

}  // namespace antrian
