#pragma once
// PIN hashing (libsodium's Argon2id) and unguessable tokens.
#include <string>
#include <string_view>

namespace antrian {

// The one rule for a staff PIN: 4 to 64 characters, each a printable ASCII letter,
// digit or punctuation mark (what a counter keyboard and the kiosk's keypad can type;
// no spaces, accents or emoji). Empty when the PIN follows it, else the reason.
inline constexpr std::size_t kPinMinChars = 4, kPinMaxChars = 64;
std::string pin_rule_violation(std::string_view pin);

// Argon2id string (salt and parameters inside). Empty on failure (out of memory).
std::string hash_pin(const std::string& pin);
bool verify_pin(const std::string& hash, const std::string& pin);
// 128 random bits, hex: the ticket's public status token.
std::string random_token();

}  // namespace antrian
