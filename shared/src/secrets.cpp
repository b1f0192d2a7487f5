#include "antrian/secrets.h"

#include <sodium.h>

#include <stdexcept>

namespace antrian {

std::string pin_rule_violation(std::string_view pin) {
  // Count characters, not bytes: "😀" is one character (four UTF-8 bytes).
  std::size_t chars = 0;
  bool ascii_only = true;
  for (unsigned char c : pin) {
    if ((c & 0xC0) != 0x80) ++chars;
    if (c < 0x21 || c > 0x7E) ascii_only = false;
  }
  const std::string rule = "a PIN is " + std::to_string(kPinMinChars) + " to " + std::to_string(kPinMaxChars) +
                           " characters, each a letter A-Z or a-z, a digit or a punctuation mark (no spaces, "
                           "accents or emoji)";
  if (!ascii_only) return "holds a character that is not allowed: " + rule;
  if (chars < kPinMinChars) return "has " + std::to_string(chars) + " characters: " + rule;
  if (chars > kPinMaxChars) return "has " + std::to_string(chars) + " characters: " + rule;
  return {};
}
namespace {

void ensure_sodium() {
  static const int ok = sodium_init();
  if (ok < 0) throw std::runtime_error("libsodium could not initialise");
}

}  // namespace

std::string hash_pin(const std::string& pin) {
  ensure_sodium();
  char out[crypto_pwhash_STRBYTES];
  // Interactive limits: a sign-in takes a fraction of a second, a stolen database
  // still costs an attacker that much per guess.
  if (crypto_pwhash_str(out, pin.data(), pin.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                        crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
    return {};
  return out;
}

bool verify_pin(const std::string& hash, const std::string& pin) {
  ensure_sodium();
  if (hash.empty()) return false;
  return crypto_pwhash_str_verify(hash.c_str(), pin.data(), pin.size()) == 0;
}

std::string random_token() {
  ensure_sodium();
  unsigned char bytes[16];
  randombytes_buf(bytes, sizeof bytes);
  char hex[sizeof bytes * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, bytes, sizeof bytes);
  return hex;
}

}  // namespace antrian
