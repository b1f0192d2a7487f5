#include "antrian/kiosk/format.h"

#include "antrian/office_time.h"

namespace antrian::kiosk {

std::string wait_text(std::optional<int64_t> eta_s, Lang lang) {
  if (!eta_s || *eta_s < 0) return std::string(tr("kiosk.wait.unknown", lang));
  if (*eta_s < 60) return std::string(tr("kiosk.wait.now", lang));
  // Round up: promising less than we expect is worse than the reverse.
  const int64_t minutes = (*eta_s + 59) / 60;
  if (minutes < 60) return trf("kiosk.wait.minutes", lang, {std::to_string(minutes)});
  const int64_t hours = minutes / 60, rest = minutes % 60;
  if (rest == 0) return trf("kiosk.wait.hours", lang, {std::to_string(hours)});
  return trf("kiosk.wait.hours_minutes", lang, {std::to_string(hours), std::to_string(rest)});
}

std::string counters_text(const std::vector<int>& counters, Lang lang) {
  if (counters.empty()) return {};
  std::string list;
  for (size_t i = 0; i < counters.size(); ++i) {
    if (i > 0) list += (i + 1 == counters.size()) ? std::string(tr("kiosk.and", lang)) : ", ";
    list += std::to_string(counters[i]);
  }
  return trf(counters.size() == 1 ? "kiosk.counter_one" : "kiosk.counter_many", lang, {list});
}

std::string ticket_time_text(int64_t unix_ms, int tz_hours, const std::string& tz_name, Lang lang) {
  const std::string date =
      lang == Lang::id ? format_long_date_id(unix_ms, tz_hours) : format_long_date_en(unix_ms, tz_hours);
  return date + " " + format_hhmm(unix_ms, tz_hours) + " " + tz_name;
}

std::string clock_text(int64_t unix_ms, int tz_hours, const std::string& tz_name) {
  return format_hhmm(unix_ms, tz_hours) + " " + tz_name;
}

}  // namespace antrian::kiosk
