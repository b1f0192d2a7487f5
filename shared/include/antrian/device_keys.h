#pragma once
// ZeroMQ CURVE keys of the hub and of each device, and the files that hold them.
//
// A key file is text, one setting per line (close to czmq's certificate files):
//   # antrian device key "kiosk-1" (role kiosk). Keep this file secret.
//   name = "kiosk-1"
//   role = "kiosk"
//   public-key = "<40 Z85 characters>"
//   secret-key = "<40 Z85 characters>"
// A public key file (the hub's hub.pub, copied to every device) has no secret-key.
// Files with a secret are written readable by their owner only.
#include <optional>
#include <string>
#include <string_view>

#include "antrian/result.h"

namespace antrian {

struct CurveKeyPair {
  std::string public_key;  // Z85
  std::string secret_key;  // Z85
};

// What a client needs to connect: its own pair and the hub's public key.
struct ClientKeys {
  std::string public_key, secret_key, hub_public_key;
  bool empty() const { return public_key.empty(); }
};

// A key file as read: the pair plus the optional name/role/counter lines.
struct KeyFile {
  CurveKeyPair keys;
  std::string name, role;
  int counter = 0;
};

CurveKeyPair generate_curve_keys();
// A CURVE key in Z85: 40 characters of the Z85 alphabet that decode to 32 bytes.
bool is_curve_key(std::string_view z85);
// The public key belonging to a Z85 secret key ("" when it is not one).
std::string public_key_of(const std::string& secret_z85);

// Reads a key file; `need_secret` refuses files without a secret key.
Result<KeyFile> read_key_file(const std::string& path, bool need_secret);
// A public key given either as a file (hub.pub, or any key file) or as the bare key.
Result<std::string> read_public_key(const std::string& file_or_key);
// Writes a key file (0600 when it holds a secret, 0644 otherwise); refuses to
// overwrite an existing file unless `replace`.
Result<Ok> write_key_file(const std::string& path, const KeyFile& k, bool with_secret, bool replace = false);

// Both client flags at once (--key FILE --hub-key FILE|KEY), with reasons that say
// what to do when either is missing or wrong.
Result<ClientKeys> load_client_keys(const std::string& key_file, const std::string& hub_key);

// The hub's pair in DIR/hub.key (secret) and DIR/hub.pub, made on first use.
Result<CurveKeyPair> load_or_create_hub_keys(const std::string& dir);

}  // namespace antrian
