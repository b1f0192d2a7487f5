#pragma once
// Token buckets per key (a client's address, a staff id): `burst` requests at once,
// then `per_minute` on average. Used to slow down guessing of ticket tokens and PINs.
#include <chrono>
#include <cstdint>
#include <mutex>
#include <string>
#include <unordered_map>

namespace antrian::web {

class RateLimiter {
 public:
  RateLimiter(double burst, double per_minute);

  // Takes `cost` tokens for key if it has them. On false, retry_after_s says when
  // it will have them again.
  bool allow(const std::string& key, double cost, int& retry_after_s);
  bool allow(const std::string& key, double cost = 1.0) {
    int ignored = 0;
    return allow(key, cost, ignored);
  }
  // True when key has `cost` tokens now; takes nothing.
  bool has(const std::string& key, double cost, int& retry_after_s);
  // Forgets the key (e.g. after a successful sign-in).
  void reset(const std::string& key);

  // For tests: the clock the buckets refill by (steady time in ms).
  void set_now_for_test(int64_t ms) { fake_now_ms_ = ms; }

 private:
  struct Bucket {
    double tokens = 0;
    int64_t at_ms = 0;
  };
  int64_t now_ms() const;
  void prune(int64_t now);
  Bucket& refill(const std::string& key, int64_t now);
  int wait_s(const Bucket& b, double cost) const;

  double burst_, per_ms_;
  std::mutex mu_;
  std::unordered_map<std::string, Bucket> buckets_;
  int64_t fake_now_ms_ = -1;
};

}  // namespace antrian::web
