#include "antrian/counter/format.h"

#include <algorithm>
#include <cstdio>

namespace antrian::counter {

std::string format_duration(int64_t seconds, Lang lang) {
  seconds = std::max<int64_t>(0, seconds);
  const int64_t minutes = seconds / 60;
  if (minutes < 1) return std::string(tr("counter.duration.under_minute", lang));
  if (minutes < 60) return trf("counter.duration.minutes", lang, {std::to_string(minutes)});
  char mm[8];
  std::snprintf(mm, sizeof mm, "%02d", static_cast<int>(minutes % 60));
  return trf("counter.duration.hours", lang, {std::to_string(minutes / 60), mm});
}

std::string format_estimate(const std::optional<int64_t>& seconds, Lang lang) {
  if (!seconds) return std::string(tr("common.unknown", lang));
  return format_duration(*seconds, lang);
}

std::string format_timer(int64_t seconds) {
  seconds = std::max<int64_t>(0, seconds);
  char out[32];
  if (seconds >= 3600)
    std::snprintf(out, sizeof out, "%d:%02d:%02d", static_cast<int>(seconds / 3600), static_cast<int>(seconds / 60 % 60),
                  static_cast<int>(seconds % 60));
  else
    std::snprintf(out, sizeof out, "%02d:%02d", static_cast<int>(seconds / 60), static_cast<int>(seconds % 60));
  return out;
}

}  // namespace antrian::counter
