#include "antrian/kiosk/staff_lock.h"

namespace antrian::kiosk {
namespace {

// Compares without stopping at the first difference.
bool same(const std::string& a, const std::string& b) {
  unsigned diff = static_cast<unsigned>(a.size() ^ b.size());
  for (size_t i = 0; i < a.size(); ++i) diff |= static_cast<unsigned char>(a[i]) ^ static_cast<unsigned char>(i < b.size() ? b[i] : 0);
  return diff == 0;
}

}  // namespace

bool StaffLock::type(char digit, int64_t now_ms) {
  if (!configured() || locked(now_ms) || digit < '0' || digit > '9') return false;
  if (entry_.size() >= size_t(kMaxPinDigits)) return false;
  entry_ += digit;
  return true;
}

StaffLock::Check StaffLock::submit(int64_t now_ms) {
  if (!configured()) return Check::not_configured;
  if (locked(now_ms)) {
    entry_.clear();
    return Check::locked;
  }
  const bool ok = same(entry_, pin_);
  entry_.clear();
  if (ok) {
    failures_ = 0;
    return Check::accepted;
  }
  if (++failures_ >= kPinAttempts) {
    failures_ = 0;
    locked_until_ms_ = now_ms + kPinLockMs;
    return Check::locked;
  }
  return Check::wrong;
}

}  // namespace antrian::kiosk
