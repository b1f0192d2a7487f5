#pragma once
// Who may sign in to the district dashboard (it is for the Dinas, not the public):
// accounts in district.dashboard_users with an Argon2id hash of the password
// (libsodium's crypto_pwhash_str through shared/secrets.h, as the hub hashes PINs).
#include <optional>
#include <string>

#include "pg.h"

namespace antrian::district {

// 2-40 of a-z, 0-9, '.', '_' and '-', starting with a letter or digit.
bool valid_user_name(const std::string& name);
// Empty when the password may be used (12 to 128 characters), else the reason.
std::string password_rule_violation(const std::string& password);

// Adds the account or sets a new password (and name) for it. Bad input is refused with
// the reason and stores nothing.
Result<Ok> set_dashboard_user(Pg& pg, const std::string& name, const std::string& password,
                              const std::string& full_name);
// The account's full name when the password is right; nullopt for a wrong password or
// an unknown account (the same work either way: a dummy hash is checked). An error only
// when the database cannot be asked.
Result<std::optional<std::string>> check_dashboard_user(Pg& pg, const std::string& name, const std::string& password);

}  // namespace antrian::district
