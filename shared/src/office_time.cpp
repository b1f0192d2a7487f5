#include "antrian/office_time.h"

#include <chrono>
#include <cstdio>

namespace antrian {
namespace {

constexpr int64_t kMsPerDay = 86'400'000;

// Days since 1970-01-01 to civil date (H. Hinnant's algorithm), valid for all int64 days.
void civil_from_days(int64_t z, int& y, int& m, int& d) {
  z += 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const int64_t doe = z - era * 146097;
  const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int64_t mp = (5 * doy + 2) / 153;
  d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  y = static_cast<int>(yoe + era * 400 + (m <= 2 ? 1 : 0));
}

int64_t days_from_civil(int y, int m, int d) {
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const int64_t yoe = y - era * 400;
  const int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

int64_t floor_div(int64_t a, int64_t b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }

constexpr const char* kDaysId[] = {"Minggu", "Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu"};
constexpr const char* kMonthsId[] = {"Januari", "Februari", "Maret",     "April",   "Mei",      "Juni",
                                     "Juli",    "Agustus",  "September", "Oktober", "November", "Desember"};
constexpr const char* kDaysEn[] = {"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"};
constexpr const char* kMonthsEn[] = {"January", "February", "March",     "April",   "May",      "June",
                                     "July",    "August",   "September", "October", "November", "December"};

}  // namespace

bool timezone_offset_hours(std::string_view tz, int& hours) {
  if (tz == "WIB") hours = 7;
  else if (tz == "WITA") hours = 8;
  else if (tz == "WIT") hours = 9;
  else return false;
  return true;
}

LocalTime to_local(int64_t unix_ms, int offset_hours) {
  const int64_t local_ms = unix_ms + int64_t(offset_hours) * 3'600'000;
  const int64_t days = floor_div(local_ms, kMsPerDay);
  const int64_t ms_of_day = local_ms - days * kMsPerDay;
  LocalTime t{};
  civil_from_days(days, t.year, t.month, t.day);
  t.hour = static_cast<int>(ms_of_day / 3'600'000);
  t.minute = static_cast<int>(ms_of_day / 60'000 % 60);
  t.second = static_cast<int>(ms_of_day / 1000 % 60);
  t.weekday = static_cast<int>(((days % 7) + 11) % 7);  // 1970-01-01 was a Thursday (4)
  return t;
}

std::string business_day(int64_t unix_ms, int offset_hours) {
  const LocalTime t = to_local(unix_ms, offset_hours);
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", t.year, t.month, t.day);
  return buf;
}

int64_t local_midnight_ms(int year, int month, int day, int offset_hours) {
  return days_from_civil(year, month, day) * kMsPerDay - int64_t(offset_hours) * 3'600'000;
}

std::string format_hhmm(int64_t unix_ms, int offset_hours) {
  const LocalTime t = to_local(unix_ms, offset_hours);
  char buf[8];
  std::snprintf(buf, sizeof buf, "%02d:%02d", t.hour, t.minute);
  return buf;
}

std::string format_long_date_id(int64_t unix_ms, int offset_hours) {
  const LocalTime t = to_local(unix_ms, offset_hours);
  return std::string(kDaysId[t.weekday]) + ", " + std::to_string(t.day) + " " +
         kMonthsId[t.month - 1] + " " + std::to_string(t.year);
}

std::string format_long_date_en(int64_t unix_ms, int offset_hours) {
  const LocalTime t = to_local(unix_ms, offset_hours);
  return std::string(kDaysEn[t.weekday]) + ", " + std::to_string(t.day) + " " +
         kMonthsEn[t.month - 1] + " " + std::to_string(t.year);
}

int64_t real_now_ms() {
  using namespace std::chrono;
  return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

int64_t SystemClock::now_ms() const { return real_now_ms(); }

ScaledClock::ScaledClock(int64_t start_ms, double speed)
    : start_ms_(start_ms), real_start_ms_(real_now_ms()), speed_(speed) {}

int64_t ScaledClock::now_ms() const {
  return start_ms_ + static_cast<int64_t>(double(real_now_ms() - real_start_ms_) * speed_);
}

}  // namespace antrian
