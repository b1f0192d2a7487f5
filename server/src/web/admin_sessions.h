#pragma once
// Signed-in admins of the web pages. A session is a random id in an HttpOnly,
// SameSite=Strict cookie, held in memory only (a hub restart signs everyone out),
// with its own CSRF token that every state-changing request must send back.
// Sessions end after kIdleMs without use or kMaxAgeMs in all.
#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <string>

namespace antrian::web {

struct AdminSession {
  std::string id;     // cookie value, 128 random bits in hex
  std::string csrf;   // CSRF token, 128 random bits in hex
  std::string staff;  // staff id
  int64_t created_ms = 0, last_used_ms = 0;
};

class AdminSessions {
 public:
  static constexpr int64_t kIdleMs = 30 * 60 * 1000;
  static constexpr int64_t kMaxAgeMs = 12 * 60 * 60 * 1000;
  static constexpr std::size_t kMaxSessions = 1000;
  static constexpr const char* kCookie = "antrian_admin";

  AdminSession create(const std::string& staff, int64_t now_ms);
  // The live session for the cookie value, touched; nullopt when unknown or expired.
  std::optional<AdminSession> find(const std::string& id, int64_t now_ms);
  // Still valid, without counting as use (a live page does not keep a session open).
  bool alive(const std::string& id, int64_t now_ms) const;
  void remove(const std::string& id);
  std::size_t size() const;

 private:
  void expire(int64_t now_ms);
  mutable std::mutex mu_;
  std::map<std::string, AdminSession> sessions_;
};

}  // namespace antrian::web
