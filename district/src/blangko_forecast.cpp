#include "blangko_forecast.h"

#include <algorithm>

namespace antrian::district {

BlangkoForecast forecast_blangko(int stock, const std::vector<int>& used_per_day, int low_threshold, int warn_days,
                                 int window) {
  BlangkoForecast f;
  std::vector<int> worked;
  for (int u : used_per_day)
    if (u > 0) worked.push_back(u);
  if (static_cast<int>(worked.size()) > window) worked.erase(worked.begin(), worked.end() - window);
  if (!worked.empty()) {
    double sum = 0;
    for (int u : worked) sum += u;
    f.rate_per_day = sum / static_cast<double>(worked.size());
    f.days_left = std::max(0, stock) / f.rate_per_day;
  }
  f.warn = stock <= low_threshold || stock <= 0 || (f.days_left && *f.days_left < warn_days);
  return f;
}

}  // namespace antrian::district
