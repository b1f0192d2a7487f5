#pragma once
// Blangko (blank e-KTP cards) days left at the current rate of use, and when to warn.
// The one place this figure is computed; the dashboard and the reports show it.
#include <optional>
#include <vector>

namespace antrian::district {

struct BlangkoForecast {
  double rate_per_day = 0;          // cards used per working day, recent average
  std::optional<double> days_left;  // working days until the stock runs out; none = no use seen
  bool warn = false;                // ask the centre for more now
};

// stock: cards in the cupboard now. used_per_day: cards used on each recent day the
// site worked (days with no use, weekends and holidays, are left out so they do not
// dilute the rate), newest last; only the last `window` count. low_threshold: the
// site's own warning level. warn_days: warn when fewer working days are left, the
// time a request to the centre takes to arrive.
BlangkoForecast forecast_blangko(int stock, const std::vector<int>& used_per_day, int low_threshold,
                                 int warn_days = 10, int window = 10);

}  // namespace antrian::district
