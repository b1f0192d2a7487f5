#pragma once
// Targets per site and service (docs/DISTRICT.md): tickets served (done) in a day or an
// ISO week (Monday to Sunday), e.g. Majalengka's 12,000 cards this week. Progress is
// counted from the site's day counts (the projection of its log) in one place here,
// for the dashboard, the reports and their CSV alike.
#include <string>

#include <nlohmann/json.hpp>

#include "pg.h"

namespace antrian::district {

// Sets (or with target 0 removes) the target of a site's service for period "day" or
// "week". Bad input is refused with the reason and changes nothing.
Result<Ok> set_target(Pg& pg, const std::string& site, const std::string& service, const std::string& period,
                      int64_t target, const std::string& by);

// Progress in percent, one decimal (the figure every page and the CSV show).
double target_percent(int64_t done, int64_t target);

// Every target with its progress in the site's current day or week (the day the site's
// hub is on): {site: [{service, period, start, target, done, percent}]}.
Result<nlohmann::json> current_targets(Pg& pg, const std::string& only_site = "");

// Each day (daily targets: the days the site worked) or week (weekly targets) from `from`
// to `to` (YYYY-MM-DD) with its target and what was served:
// [{site, name, service, period, start, target, done, percent}].
Result<nlohmann::json> target_rows(Pg& pg, const std::string& from, const std::string& to, const std::string& site);

}  // namespace antrian::district
