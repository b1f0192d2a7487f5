#pragma once
// What the district dashboard shows, read from the centre's projections: every site
// at once, one site, the district notices with what each site applied, and reports
// across sites. JSON for the pages; each figure comes from the site's hub (through
// the forwarder's projection) or from one function here, never from the page.
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "pg.h"

namespace antrian::district {

struct DashboardSettings {
  int connected_within_s = 15;  // a site heard from within this is "connected"
  int blangko_warn_days = 10;   // warn when fewer working days of cards are left
};

// Every site: connection, lag, services, active disruptions, printers, blangko,
// device faults, the come-back lists (per service and the site's sum). {"sites":[...], "generated_at": ms}
Result<nlohmann::json> sites_overview(Pg& pg, const DashboardSettings& s, const std::string& only_site = "");
// One site with its hall: the overview row plus every counter of today's counts and
// the day's figures per service. not_found when there is no such site.
Result<nlohmann::json> site_detail(Pg& pg, const DashboardSettings& s, const std::string& site);
// District notices, newest first, each with every site's applied version and state.
Result<nlohmann::json> notices(Pg& pg);

struct ReportQuery {
  std::string from, to;   // YYYY-MM-DD, inclusive
  std::string by = "site";  // site, service, counter (site + loket), day, target (targets.h)
  std::string site;       // "" = every site
};
// Checks the query (real dates, from <= to, a known "by"): an error with the reason.
Result<ReportQuery> parse_report_query(const std::string& from, const std::string& to, const std::string& by,
                                       const std::string& site);
Result<nlohmann::json> report(Pg& pg, const ReportQuery& q);

}  // namespace antrian::district
