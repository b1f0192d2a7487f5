#include "web/admin_sessions.h"

#include "antrian/secrets.h"

namespace antrian::web {

AdminSession AdminSessions::create(const std::string& staff, int64_t now_ms) {
  AdminSession s;
  s.id = random_token();
  s.csrf = random_token();
  s.staff = staff;
  s.created_ms = s.last_used_ms = now_ms;
  std::lock_guard l(mu_);
  expire(now_ms);
  if (sessions_.size() >= kMaxSessions) {
    // Full: the least recently used session makes room.
    auto oldest = sessions_.begin();
    for (auto it = sessions_.begin(); it != sessions_.end(); ++it)
      if (it->second.last_used_ms < oldest->second.last_used_ms) oldest = it;
    sessions_.erase(oldest);
  }
  sessions_[s.id] = s;
  return s;
}

std::optional<AdminSession> AdminSessions::find(const std::string& id, int64_t now_ms) {
  if (id.size() != 32) return std::nullopt;
  std::lock_guard l(mu_);
  auto it = sessions_.find(id);
  if (it == sessions_.end()) return std::nullopt;
  AdminSession& s = it->second;
  if (now_ms - s.last_used_ms > kIdleMs || now_ms - s.created_ms > kMaxAgeMs) {
    sessions_.erase(it);
    return std::nullopt;
  }
  s.last_used_ms = now_ms;
  return s;
}

bool AdminSessions::alive(const std::string& id, int64_t now_ms) const {
  std::lock_guard l(mu_);
  auto it = sessions_.find(id);
  return it != sessions_.end() && now_ms - it->second.last_used_ms <= kIdleMs &&
         now_ms - it->second.created_ms <= kMaxAgeMs;
}

void AdminSessions::remove(const std::string& id) {
  std::lock_guard l(mu_);
  sessions_.erase(id);
}

std::size_t AdminSessions::size() const {
  std::lock_guard l(mu_);
  return sessions_.size();
}

void AdminSessions::expire(int64_t now_ms) {
  for (auto it = sessions_.begin(); it != sessions_.end();)
    it = (now_ms - it->second.last_used_ms > kIdleMs || now_ms - it->second.created_ms > kMaxAgeMs)
             ? sessions_.erase(it)
             : std::next(it);
}

}  // namespace antrian::web
