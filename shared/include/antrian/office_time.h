#pragma once
// Time in the office's zone (WIB +7, WITA +8, WIT +9; Indonesia has no daylight
// saving) and an injectable clock so tests and the simulator control "now".
#include <atomic>
#include <cstdint>
#include <string>
#include <string_view>

namespace antrian {

// Offset in hours for "WIB"/"WITA"/"WIT"; false for anything else.
bool timezone_offset_hours(std::string_view tz, int& hours);

struct LocalTime {
  int year, month, day, hour, minute, second;
  int weekday;  // 0 = Sunday (Minggu)
};

LocalTime to_local(int64_t unix_ms, int offset_hours);
// "YYYY-MM-DD": the business day a moment belongs to in the office's zone.
std::string business_day(int64_t unix_ms, int offset_hours);
// Unix ms of local midnight that starts the given local date.
int64_t local_midnight_ms(int year, int month, int day, int offset_hours);
// "HH:MM".
std::string format_hhmm(int64_t unix_ms, int offset_hours);
// Indonesian long date, e.g. "Minggu, 22 November 2026".
std::string format_long_date_id(int64_t unix_ms, int offset_hours);
std::string format_long_date_en(int64_t unix_ms, int offset_hours);

class Clock {
 public:
  virtual ~Clock() = default;
  virtual int64_t now_ms() const = 0;
};

class SystemClock : public Clock {
 public:
  int64_t now_ms() const override;
};

// Starts at start_ms and runs speed times faster than real time (the simulator's
// compressed office day, and day-rollover tests).
class ScaledClock : public Clock {
 public:
  ScaledClock(int64_t start_ms, double speed);
  int64_t now_ms() const override;

 private:
  int64_t start_ms_;
  int64_t real_start_ms_;
  double speed_;
};

// Set by hand (the simulator sets the hub's time with the clock_set command).
class ManualClock : public Clock {
 public:
  explicit ManualClock(int64_t start_ms) : now_(start_ms) {}
  int64_t now_ms() const override { return now_.load(); }
  void set(int64_t ms) { now_.store(ms); }

 private:
  std::atomic<int64_t> now_;
};

int64_t real_now_ms();

}  // namespace antrian
