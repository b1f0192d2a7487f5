#include "dashboard_users.h"

#include <regex>

#include "antrian/secrets.h"

namespace antrian::district {

bool valid_user_name(const std::string& name) {
  static const std::regex shape("^[a-z0-9][a-z0-9._-]{1,39}$");
  return std::regex_match(name, shape);
}

std::string password_rule_violation(const std::string& password) {
  if (password.size() < 12) return "the password must have at least 12 characters";
  if (password.size() > 128) return "the password must have at most 128 characters";
  for (unsigned char c : password)
    if (c < 0x20 || c == 0x7f) return "the password must not hold control characters";
  return {};
}

Result<Ok> set_dashboard_user(Pg& pg, const std::string& name, const std::string& password,
                              const std::string& full_name) {
  if (!valid_user_name(name))
    return make_error("bad_request", "user \"" + name + "\": 2-40 of a-z, 0-9, '.', '_' and '-', starting with a letter or digit");
  if (auto why = password_rule_violation(password); !why.empty()) return make_error("bad_request", why);
  if (full_name.size() > 200) return make_error("bad_request", "the full name must have at most 200 characters");
  const std::string hash = hash_pin(password);
  if (hash.empty()) return make_error("internal", "could not hash the password (out of memory?)");
  auto r = pg.exec("INSERT INTO district.dashboard_users (name, pwhash, full_name) VALUES ($1, $2, $3) "
                   "ON CONFLICT (name) DO UPDATE SET pwhash = excluded.pwhash, full_name = excluded.full_name",
                   {name, hash, full_name});
  if (!r) return r.error();
  return Ok{};
}

Result<std::optional<std::string>> check_dashboard_user(Pg& pg, const std::string& name, const std::string& password) {
  std::string hash, full_name;
  bool known = false;
  if (valid_user_name(name)) {
    auto r = pg.exec("SELECT pwhash, full_name FROM district.dashboard_users WHERE name = $1", {name});
    if (!r) return r.error();
    if (r->rows() == 1) {
      known = true;
      hash = r->get(0, 0);
      full_name = r->get(0, 1);
    }
  }
  // An unknown account costs the same as a wrong password: the answer does not say which.
  static const std::string dummy = hash_pin("not-a-real-password");
  const bool ok = verify_pin(known ? hash : dummy, password) && known;
  if (!ok) return std::optional<std::string>{};
  return std::optional<std::string>{full_name.empty() ? name : full_name};
}

}  // namespace antrian::district
