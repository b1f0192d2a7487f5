#include "antrian/device_keys.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zmq.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "antrian/protocol.h"

namespace antrian {
namespace {

Error key_error(const std::string& reason) { return make_error(std::string(proto::err::auth_failed), reason); }

// `key = "value"` (quotes optional); false for comments and other lines.
bool parse_line(const std::string& line, std::string& key, std::string& value) {
  const auto eq = line.find('=');
  if (line.empty() || line[0] == '#' || eq == std::string::npos) return false;
  auto trim = [](std::string s) {
    const auto a = s.find_first_not_of(" \t\r");
    const auto b = s.find_last_not_of(" \t\r");
    s = a == std::string::npos ? "" : s.substr(a, b - a + 1);
    if (s.size() >= 2 && s.front() == '"' && s.back() == '"') s = s.substr(1, s.size() - 2);
    return s;
  };
  key = trim(line.substr(0, eq));
  value = trim(line.substr(eq + 1));
  return true;
}

}  // namespace

CurveKeyPair generate_curve_keys() {
  char pub[41], sec[41];
  if (zmq_curve_keypair(pub, sec) != 0)
    throw std::runtime_error(std::string("cannot make a CURVE key pair: ") + zmq_strerror(errno));
  return {pub, sec};
}

bool is_curve_key(std::string_view z85) {
  if (z85.size() != 40) return false;
  const std::string text(z85);
  uint8_t raw[32];
  return zmq_z85_decode(raw, text.c_str()) != nullptr;
}

std::string public_key_of(const std::string& secret_z85) {
  if (!is_curve_key(secret_z85)) return "";
  char pub[41];
  return zmq_curve_public(pub, secret_z85.c_str()) == 0 ? std::string(pub) : "";
}

Result<KeyFile> read_key_file(const std::string& path, bool need_secret) {
  std::ifstream in(path);
  if (!in) return key_error("cannot read the key file " + path + ": " + std::strerror(errno));
  KeyFile k;
  std::string line, key, value;
  int n = 0;
  while (std::getline(in, line)) {
    ++n;
    if (line.size() > 1000) return key_error(path + " line " + std::to_string(n) + ": too long for a key file");
    if (!parse_line(line, key, value)) continue;
    if (key == "public-key") k.keys.public_key = value;
    else if (key == "secret-key") k.keys.secret_key = value;
    else if (key == "name") k.name = value;
    else if (key == "role") k.role = value;
    else if (key == "counter") k.counter = std::atoi(value.c_str());
  }
  if (!is_curve_key(k.keys.public_key))
    return key_error(path + " has no valid public-key line (40 Z85 characters); is it an antrian key file?");
  if (need_secret) {
    if (k.keys.secret_key.empty())
      return key_error(path + " holds only a public key; give this device's own key file (made by antrian-ctl key-add)");
    if (public_key_of(k.keys.secret_key) != k.keys.public_key)
      return key_error(path + ": secret-key does not belong to public-key; the file is damaged, make a new key");
  }
  return k;
}

Result<std::string> read_public_key(const std::string& file_or_key) {
  if (is_curve_key(file_or_key) && !std::filesystem::exists(file_or_key)) return file_or_key;
  auto k = read_key_file(file_or_key, false);
  if (!k) return k.error();
  return k->keys.public_key;
}

Result<Ok> write_key_file(const std::string& path, const KeyFile& k, bool with_secret, bool replace) {
  std::ostringstream text;
  if (with_secret)
    text << "# antrian device key \"" << k.name << "\"" << (k.role.empty() ? "" : " (role " + k.role + ")")
         << ". Keep this file secret: whoever has it can act as this device.\n";
  else
    text << "# antrian public key \"" << k.name << "\". Copy it to every device that talks to this hub.\n";
  if (!k.name.empty()) text << "name = \"" << k.name << "\"\n";
  if (!k.role.empty()) text << "role = \"" << k.role << "\"\n";
  if (k.counter > 0) text << "counter = " << k.counter << "\n";
  text << "public-key = \"" << k.keys.public_key << "\"\n";
  if (with_secret) text << "secret-key = \"" << k.keys.secret_key << "\"\n";
  const std::string body = text.str();
  // A private temporary file beside the target (mkstemp: 0600, never through a
  // symlink), then linked in place: a crash never leaves half a key file, and an
  // existing key file is never replaced by accident, not even by a race.
  std::string tmp = path + ".XXXXXX";
  const int fd = ::mkstemp(tmp.data());
  if (fd < 0) return key_error("cannot write in the folder of " + path + ": " + std::strerror(errno));
  const bool written = ::fchmod(fd, with_secret ? 0600 : 0644) == 0 &&
                       ::write(fd, body.data(), body.size()) == ssize_t(body.size()) && ::fsync(fd) == 0;
  ::close(fd);
  if (!written) {
    const std::string why = std::strerror(errno);
    ::unlink(tmp.c_str());
    return key_error("cannot write " + path + ": " + why);
  }
  const int placed = replace ? ::rename(tmp.c_str(), path.c_str()) : ::link(tmp.c_str(), path.c_str());
  const int err = errno;
  ::unlink(tmp.c_str());  // after link() the target keeps the data; after rename() tmp is gone already
  if (placed != 0)
    return key_error(err == EEXIST ? path + " already exists; choose another file or remove it first"
                                   : "cannot write " + path + ": " + std::strerror(err));
  const std::string dir = std::filesystem::path(path).parent_path().string();
  if (const int dfd = ::open(dir.empty() ? "." : dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC); dfd >= 0) {
    ::fsync(dfd);
    ::close(dfd);
  }
  return Ok{};
}

Result<ClientKeys> load_client_keys(const std::string& key_file, const std::string& hub_key) {
  if (key_file.empty())
    return key_error("no device key: give --key FILE (this device's key, made by antrian-ctl key-add; see docs/INSTALL.md)");
  if (hub_key.empty())
    return key_error("no hub key: give --hub-key FILE (the hub's hub.pub from its data folder, keys/hub.pub)");
  auto own = read_key_file(key_file, true);
  if (!own) return own.error();
  auto hub = read_public_key(hub_key);
  if (!hub) return make_error(hub.error().code, "--hub-key: " + hub.error().reason);
  return ClientKeys{own->keys.public_key, own->keys.secret_key, *hub};
}

Result<CurveKeyPair> load_or_create_hub_keys(const std::string& dir) {
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) return key_error("cannot create the key folder " + dir + ": " + ec.message());
  ::chmod(dir.c_str(), 0700);
  const std::string secret_file = dir + "/hub.key", public_file = dir + "/hub.pub";
  if (std::filesystem::exists(secret_file)) {
    auto k = read_key_file(secret_file, true);
    if (!k) return k.error();
    // hub.pub is a copy for devices; make it again if it is missing or not this key's.
    auto pub = read_public_key(public_file);
    if (!pub || *pub != k->keys.public_key)
      if (auto w = write_key_file(public_file, {k->keys, "hub", "", 0}, false, true); !w) return w.error();
    return k->keys;
  }
  KeyFile k{generate_curve_keys(), "hub", "", 0};
  if (auto w = write_key_file(secret_file, k, true); !w) return w.error();
  if (auto w = write_key_file(public_file, k, false, true); !w) return w.error();
  return k.keys;
}

}  // namespace antrian
