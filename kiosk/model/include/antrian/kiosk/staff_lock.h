#pragma once
// The staff PIN pad's rules: digits typed, a check that does not leak the PIN through
// timing, and a lock after repeated wrong PINs so a patient visitor cannot guess it.
#include <cstdint>
#include <string>

namespace antrian::kiosk {

inline constexpr int kMaxPinDigits = 8;
inline constexpr int kPinAttempts = 5;            // wrong PINs before the pad locks
inline constexpr int64_t kPinLockMs = 60'000;

class StaffLock {
 public:
  explicit StaffLock(std::string pin = {}) : pin_(std::move(pin)) {}

  bool configured() const { return !pin_.empty(); }
  bool locked(int64_t now_ms) const { return now_ms < locked_until_ms_; }
  int64_t locked_until_ms() const { return locked_until_ms_; }
  int entered_digits() const { return static_cast<int>(entry_.size()); }
  int failures() const { return failures_; }

  // False when locked, unconfigured, full, or not a digit.
  bool type(char digit, int64_t now_ms);
  void clear() { entry_.clear(); }

  enum class Check { accepted, wrong, locked, not_configured };
  // Checks and clears the entry; the 5th wrong PIN in a row locks the pad.
  Check submit(int64_t now_ms);

 private:
  std::string pin_;
  std::string entry_;
  int failures_ = 0;
  int64_t locked_until_ms_ = 0;
};

}  // namespace antrian::kiosk
