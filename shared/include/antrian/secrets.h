#pragma once
// PIN hashing (libsodium's Argon2id) and unguessable tokens.
#include <string>

namespace antrian {

// Argon2id string (salt and parameters inside). Empty on failure (out of memory).
std::string hash_pin(const std::string& pin);
bool verify_pin(const std::string& hash, const std::string& pin);
// 128 random bits, hex: the ticket's public status token.
std::string random_token();

}  // namespace antrian
