#pragma once
// The printable monthly report of the district (docs/DISTRICT.md): for each site, the
// month per service and per loket (issued, served, refused, no-show, cancelled, mean
// wait and service time), blangko cards used, targets with their progress, the IKM of
// the satisfaction survey and the come-back list's counts. Counts of tickets come from
// the sites' day counts (the projection of each log); refusals, survey answers and the
// come-back list are counted from the raw events of the month's partition.
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "pg.h"
#include "report_csv.h"

namespace antrian::district {

struct MonthQuery {
  std::string month;     // YYYY-MM
  std::string from, to;  // its first and last day, YYYY-MM-DD
  std::string site;      // "" = every site
};
// Checks "YYYY-MM" (a real month, 2000-2100) and the site id: an error with the reason.
Result<MonthQuery> parse_month_query(const std::string& month, const std::string& site);

// The time zone of the district's office days, for the month's bounds of raw events
// (the day counts are already in each site's own days).
inline constexpr const char* kDistrictTimeZone = "Asia/Jakarta";

// {month, from, to, generated_at, sites: [{site, name, services: [...], counters: [...],
//  total: {...}, blangko: [...], targets: [...], ikm: {...}, comeback: {...}}]}
Result<nlohmann::json> monthly_report(Pg& pg, const MonthQuery& q);

// The same as one table for a spreadsheet (report_csv.h): a row per service and loket
// of each site and the site's total, with blangko used and the IKM on the total row.
std::vector<std::vector<CsvCell>> monthly_report_rows(const nlohmann::json& report);

}  // namespace antrian::district
