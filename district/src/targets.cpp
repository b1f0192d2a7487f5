#include "targets.h"

#include <cmath>
#include <regex>

#include "district_admin.h"

namespace antrian::district {

using nlohmann::json;

Result<Ok> set_target(Pg& pg, const std::string& site, const std::string& service, const std::string& period,
                      int64_t target, const std::string& by) {
  static const std::regex code("^[A-Z]{1,3}$");
  if (!valid_site_id(site)) return make_error("bad_request", "\"" + site + "\" is not a site id");
  if (!std::regex_match(service, code)) return make_error("bad_request", "service must be a code such as \"B\"");
  if (period != "day" && period != "week") return make_error("bad_request", "period must be day or week");
  if (target < 0 || target > 10000000) return make_error("bad_request", "target must be 0 (remove) to 10000000");
  auto known = pg.exec("SELECT 1 FROM district.sites WHERE site = $1", {site});
  if (!known) return known.error();
  if (known->rows() == 0) return make_error("not_found", "there is no site \"" + site + "\"");
  auto r = target == 0
               ? pg.exec("DELETE FROM district.targets WHERE site = $1 AND service = $2 AND period = $3",
                         {site, service, period})
               : pg.exec("INSERT INTO district.targets (site, service, period, target, set_by) VALUES ($1, $2, $3, $4, $5) "
                         "ON CONFLICT (site, service, period) DO UPDATE SET target = excluded.target, "
                         "set_by = excluded.set_by, set_at = now()",
                         {site, service, period, std::to_string(target), by});
  if (!r) return r.error();
  return Ok{};
}

double target_percent(int64_t done, int64_t target) {
  if (target <= 0) return 0;
  return std::round(1000.0 * double(done) / double(target)) / 10.0;
}

namespace {

// The first day of the period a day is in (a weekly target runs Monday to Sunday).
const char* kPeriodStart = "CASE WHEN t.period = 'day' THEN p.day ELSE date_trunc('week', p.day)::date END";
const char* kPeriodDays = "CASE WHEN t.period = 'day' THEN 1 ELSE 7 END";

json target_json(const PgResult& r, int i, int first) {
  const int64_t target = r.get_int(i, first + 3), done = r.get_int(i, first + 4);
  return {{"service", r.get(i, first)}, {"period", r.get(i, first + 1)}, {"start", r.get(i, first + 2)},
          {"target", target}, {"done", done}, {"percent", target_percent(done, target)}};
}

}  // namespace

Result<json> current_targets(Pg& pg, const std::string& only) {
  std::vector<Param> p;
  if (!only.empty()) p.push_back(only);
  const std::string start = kPeriodStart, days = kPeriodDays;
  auto r = pg.exec(
      "SELECT t.site, t.service, t.period, x.start::text, t.target, "
      "  COALESCE((SELECT sum(c.done) FROM district.site_day_counts c WHERE c.site = t.site AND c.service = t.service "
      "            AND c.day >= x.start AND c.day < x.start + " + days + "), 0) "
      "FROM district.targets t JOIN district.site_status st USING (site) "
      "CROSS JOIN LATERAL (SELECT NULLIF(st.day, '')::date AS day) p "
      "CROSS JOIN LATERAL (SELECT " + start + " AS start) x "
      "WHERE x.start IS NOT NULL" + (only.empty() ? std::string() : " AND t.site = $1") +
          " ORDER BY t.site, t.service, t.period",
      p);
  if (!r) return r.error();
  json out = json::object();
  for (int i = 0; i < r->rows(); ++i) out[r->get(i, 0)].push_back(target_json(*r, i, 1));
  return out;
}

Result<json> target_rows(Pg& pg, const std::string& from, const std::string& to, const std::string& site) {
  std::vector<Param> p = {from, to};
  if (!site.empty()) p.push_back(site);
  const std::string start = kPeriodStart, days = kPeriodDays;
  auto r = pg.exec(
      "SELECT DISTINCT t.site, s.name, t.service, t.period, x.start::text, t.target, "
      "  COALESCE((SELECT sum(c.done) FROM district.site_day_counts c WHERE c.site = t.site AND c.service = t.service "
      "            AND c.day >= x.start AND c.day < x.start + " + days + "), 0) "
      "FROM district.targets t JOIN district.sites s USING (site) "
      "CROSS JOIN LATERAL (SELECT DISTINCT w.day FROM district.site_day_counts w WHERE w.site = t.site "
      "                    AND w.day BETWEEN $1::date AND $2::date) p "
      "CROSS JOIN LATERAL (SELECT " + start + " AS start) x " +
          (site.empty() ? std::string() : "WHERE t.site = $3 ") +
          "ORDER BY 1, 3, 4, 5",
      p);
  if (!r) return r.error();
  json rows = json::array();
  for (int i = 0; i < r->rows(); ++i) {
    json row = target_json(*r, i, 2);
    row["site"] = r->get(i, 0);
    row["name"] = r->get(i, 1);
    rows.push_back(row);
  }
  return rows;
}

}  // namespace antrian::district
