#include "web/rate_limiter.h"

#include <algorithm>
#include <cmath>

namespace antrian::web {
namespace {
// More keys than this are pruned (full buckets are dropped): bounded memory even
// when many addresses ask.
constexpr std::size_t kMaxKeys = 20000;
}  // namespace

RateLimiter::RateLimiter(double burst, double per_minute) : burst_(burst), per_ms_(per_minute / 60000.0) {}

int64_t RateLimiter::now_ms() const {
  if (fake_now_ms_ >= 0) return fake_now_ms_;
  return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

void RateLimiter::prune(int64_t now) {
  for (auto it = buckets_.begin(); it != buckets_.end();) {
    const double tokens = std::min(burst_, it->second.tokens + (now - it->second.at_ms) * per_ms_);
    it = tokens >= burst_ ? buckets_.erase(it) : std::next(it);
  }
}

RateLimiter::Bucket& RateLimiter::refill(const std::string& key, int64_t now) {
  if (buckets_.size() > kMaxKeys) prune(now);
  auto [it, fresh] = buckets_.try_emplace(key, Bucket{burst_, now});
  Bucket& b = it->second;
  if (!fresh) {
    b.tokens = std::min(burst_, b.tokens + (now - b.at_ms) * per_ms_);
    b.at_ms = now;
  }
  return b;
}

int RateLimiter::wait_s(const Bucket& b, double cost) const {
  return per_ms_ > 0 ? std::max(1, int(std::ceil((cost - b.tokens) / per_ms_ / 1000.0))) : 3600;
}

bool RateLimiter::allow(const std::string& key, double cost, int& retry_after_s) {
  std::lock_guard lock(mu_);
  Bucket& b = refill(key, now_ms());
  if (b.tokens >= cost) {
    b.tokens -= cost;
    retry_after_s = 0;
    return true;
  }
  retry_after_s = wait_s(b, cost);
  return false;
}

bool RateLimiter::has(const std::string& key, double cost, int& retry_after_s) {
  std::lock_guard lock(mu_);
  Bucket& b = refill(key, now_ms());
  retry_after_s = b.tokens >= cost ? 0 : wait_s(b, cost);
  return retry_after_s == 0;
}

void RateLimiter::reset(const std::string& key) {
  std::lock_guard lock(mu_);
  buckets_.erase(key);
}

}  // namespace antrian::web
