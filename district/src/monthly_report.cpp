#include "monthly_report.h"

#include <chrono>
#include <map>
#include <regex>

#include "antrian/strings.h"
#include "antrian/survey.h"
#include "district_admin.h"
#include "targets.h"

namespace antrian::district {

using nlohmann::json;

namespace {

struct Counts {
  int64_t issued = 0, done = 0, no_show = 0, cancelled = 0, wait_s = 0, wait_n = 0, serve_s = 0, serve_n = 0;
  void add(const PgResult& r, int i, int first) {
    issued += r.get_int(i, first);
    done += r.get_int(i, first + 1);
    no_show += r.get_int(i, first + 2);
    cancelled += r.get_int(i, first + 3);
    wait_s += r.get_int(i, first + 4);
    wait_n += r.get_int(i, first + 5);
    serve_s += r.get_int(i, first + 6);
    serve_n += r.get_int(i, first + 7);
  }
  json to_json() const {
    return {{"issued", issued}, {"done", done}, {"no_show", no_show}, {"cancelled", cancelled},
            {"mean_wait_min", wait_n ? json(double(wait_s) / double(wait_n) / 60.0) : json(nullptr)},
            {"mean_serve_min", serve_n ? json(double(serve_s) / double(serve_n) / 60.0) : json(nullptr)}};
  }
};


json ikm_json(const IkmResult& r) {
  return {{"responses", r.responses}, {"converted", r.responses ? json(r.converted) : json(nullptr)},
          {"grade", std::string(1, r.grade)}};
}

}  // namespace

Result<MonthQuery> parse_month_query(const std::string& month, const std::string& site) {
  static const std::regex shape("^(\\d{4})-(\\d{2})$");
  std::smatch m;
  if (!std::regex_match(month, m, shape))
    return make_error("bad_request", "month must be YYYY-MM (e.g. month=2026-12), not \"" + month + "\"");
  const int y = std::stoi(m[1]), mo = std::stoi(m[2]);
  if (y < 2000 || y > 2100 || mo < 1 || mo > 12)
    return make_error("bad_request", "month must be a real month between 2000-01 and 2100-12, not \"" + month + "\"");
  if (!site.empty() && !valid_site_id(site)) return make_error("bad_request", "\"" + site + "\" is not a site id");
  const std::chrono::year_month_day_last last{std::chrono::year(y) / std::chrono::month(unsigned(mo)) / std::chrono::last};
  char to[16];
  std::snprintf(to, sizeof to, "%04d-%02d-%02u", y, mo, unsigned(last.day()));
  return MonthQuery{month, month + "-01", to, site};
}

Result<json> monthly_report(Pg& pg, const MonthQuery& q) {
  const std::string only = q.site.empty() ? "" : " AND site = $3";
  std::vector<Param> p = {q.from, q.to};
  if (!q.site.empty()) p.push_back(q.site);
  auto sites = pg.exec("SELECT site, name, (EXTRACT(EPOCH FROM now()) * 1000)::bigint FROM district.sites "
                       "WHERE $1::date <= $2::date" + only + " ORDER BY site", p);
  if (!sites) return sites.error();
  if (!q.site.empty() && sites->rows() == 0) return make_error("not_found", "there is no site \"" + q.site + "\"");
  const std::string sums = "sum(issued), sum(done), sum(no_show), sum(cancelled), sum(wait_s_sum), sum(wait_n), "
                           "sum(serve_s_sum), sum(serve_n)";
  auto by_service = pg.exec("SELECT site, service, " + sums + " FROM district.site_day_counts WHERE day BETWEEN $1::date "
                            "AND $2::date" + only + " GROUP BY 1, 2 ORDER BY 1, 2", p);
  if (!by_service) return by_service.error();
  auto by_counter = pg.exec("SELECT site, counter, " + sums + " FROM district.site_day_counts WHERE day BETWEEN $1::date "
                            "AND $2::date AND counter > 0" + only + " GROUP BY 1, 2 ORDER BY 1, 2", p);
  if (!by_counter) return by_counter.error();
  auto names = pg.exec("SELECT site, code, name_id, name_en FROM district.site_services WHERE $1::date <= $2::date" + only, p);
  if (!names) return names.error();
  auto blangko = pg.exec("SELECT site, resource, sum(used), (array_agg(stock_end ORDER BY day DESC))[1] "
                         "FROM district.site_blangko_days WHERE day BETWEEN $1::date AND $2::date" + only +
                         " GROUP BY 1, 2 ORDER BY 1, 2", p);
  if (!blangko) return blangko.error();
  // The raw events of the month (its partition): refusals, survey answers, come-back list.
  const std::string tz = kDistrictTimeZone;
  const std::string month_events = " FROM district.events WHERE at >= ($1::date)::timestamp AT TIME ZONE '" + tz +
                                   "' AND at < ($2::date + 1)::timestamp AT TIME ZONE '" + tz + "'" + only;
  auto refused = pg.exec("SELECT site, data->>'service', count(*)" + month_events +
                         " AND type = 'issue_refused' GROUP BY 1, 2", p);
  if (!refused) return refused.error();
  auto comeback = pg.exec("SELECT site, coalesce(data->>'service', data->'comeback'->0->>'service', ''), type, count(*)" +
                          month_events + " AND type IN ('comeback_joined', 'comeback_invited', 'comeback_checked_in', "
                          "'comeback_expired') GROUP BY 1, 2, 3", p);
  if (!comeback) return comeback.error();
  auto survey = pg.exec("SELECT site, data->>'service', data->'answers'" + month_events +
                        " AND type = 'survey_answered' ORDER BY site, seq", p);
  if (!survey) return survey.error();
  auto targets = target_rows(pg, q.from, q.to, q.site);
  if (!targets) return targets.error();

  json out = {{"month", q.month}, {"from", q.from}, {"to", q.to}, {"site", q.site},
              {"generated_at", sites->rows() ? sites->get_int(0, 2) : 0}, {"sites", json::array()},
              {"time_zone", tz}};
  std::map<std::pair<std::string, std::string>, std::pair<std::string, std::string>> service_names;
  for (int i = 0; i < names->rows(); ++i) service_names[{names->get(i, 0), names->get(i, 1)}] = {names->get(i, 2), names->get(i, 3)};
  std::map<std::pair<std::string, std::string>, int64_t> refused_n;
  for (int i = 0; i < refused->rows(); ++i) refused_n[{refused->get(i, 0), refused->get(i, 1)}] = refused->get_int(i, 2);
  std::map<std::pair<std::string, std::string>, json> comeback_n;
  for (int i = 0; i < comeback->rows(); ++i) {
    json& c = comeback_n[{comeback->get(i, 0), comeback->get(i, 1)}];
    if (c.is_null()) c = {{"joined", 0}, {"invited", 0}, {"checked_in", 0}, {"expired", 0}};
    c[comeback->get(i, 2).substr(9)] = comeback->get_int(i, 3);  // "comeback_" is 9 letters
  }
  std::map<std::string, std::vector<SurveyAnswers>> answers_by_site;
  std::map<std::pair<std::string, std::string>, std::vector<SurveyAnswers>> answers_by_service;
  for (int i = 0; i < survey->rows(); ++i) {
    auto a = parse_survey_answers(json::parse(survey->get(i, 2), nullptr, false));
    if (!a) continue;  // the hub checked them; a row it could not have written is left out
    answers_by_site[survey->get(i, 0)].push_back(*a);
    answers_by_service[{survey->get(i, 0), survey->get(i, 1)}].push_back(*a);
  }

  for (int s = 0; s < sites->rows(); ++s) {
    const std::string id = sites->get(s, 0);
    json site = {{"site", id}, {"name", sites->get(s, 1)}, {"services", json::array()}, {"counters", json::array()},
                 {"blangko", json::array()}, {"targets", json::array()}};
    Counts total;
    int64_t total_refused = 0;
    json total_comeback = {{"joined", 0}, {"invited", 0}, {"checked_in", 0}, {"expired", 0}};
    std::map<std::string, json> services;  // every service with counts, refusals or come-backs
    auto service_row = [&](const std::string& code) -> json& {
      json& row = services[code];
      if (row.is_null()) {
        auto n = service_names.find({id, code});
        row = Counts{}.to_json();
        row["service"] = code;
        row["name_id"] = n == service_names.end() ? code : n->second.first;
        row["name_en"] = n == service_names.end() ? code : n->second.second;
        row["refused"] = 0;
        row["comeback"] = total_comeback;
        const auto sv = answers_by_service.find({id, code});
        row["ikm"] = ikm_json(compute_ikm(sv == answers_by_service.end() ? std::vector<SurveyAnswers>{} : sv->second));
      }
      return row;
    };
    for (int i = 0; i < by_service->rows(); ++i) {
      if (by_service->get(i, 0) != id) continue;
      Counts c;
      c.add(*by_service, i, 2);
      total.add(*by_service, i, 2);
      json& row = service_row(by_service->get(i, 1));
      const json figures = c.to_json();
      for (const auto& [k, v] : figures.items()) row[k] = v;
    }
    for (const auto& [key, n] : refused_n)
      if (key.first == id) {
        service_row(key.second)["refused"] = n;
        total_refused += n;
      }
    for (const auto& [key, c] : comeback_n)
      if (key.first == id) {
        if (!key.second.empty()) service_row(key.second)["comeback"] = c;
        for (const auto& [k, v] : c.items()) total_comeback[k] = total_comeback[k].get<int64_t>() + v.get<int64_t>();
      }
    for (auto& [code, row] : services) site["services"].push_back(std::move(row));
    for (int i = 0; i < by_counter->rows(); ++i) {
      if (by_counter->get(i, 0) != id) continue;
      Counts c;
      c.add(*by_counter, i, 2);
      json row = c.to_json();
      row["counter"] = by_counter->get_int(i, 1);
      site["counters"].push_back(row);
    }
    int64_t blangko_used = 0;
    for (int i = 0; i < blangko->rows(); ++i)
      if (blangko->get(i, 0) == id) {
        site["blangko"].push_back({{"resource", blangko->get(i, 1)}, {"used", blangko->get_int(i, 2)},
                                   {"stock_end", blangko->get_int(i, 3)}});
        blangko_used += blangko->get_int(i, 2);
      }
    for (const json& t : *targets)
      if (t["site"] == id) site["targets"].push_back(t);
    json tot = total.to_json();
    tot["refused"] = total_refused;
    tot["comeback"] = total_comeback;
    tot["blangko_used"] = blangko_used;
    site["total"] = tot;
    const auto a = answers_by_site.find(id);
    site["ikm"] = ikm_json(compute_ikm(a == answers_by_site.end() ? std::vector<SurveyAnswers>{} : a->second));
    out["sites"].push_back(std::move(site));
  }
  return out;
}

std::vector<std::vector<CsvCell>> monthly_report_rows(const json& report) {
  std::vector<std::vector<CsvCell>> rows;
  std::vector<CsvCell> head;
  for (const char* k : {"district.report.site", "district.report.site_name", "district.month.part", "district.month.code",
                        "district.report.issued", "district.report.done", "district.month.refused",
                        "district.report.no_show", "district.report.cancelled", "district.report.mean_wait",
                        "district.report.mean_serve", "district.month.comeback_joined", "district.month.comeback_checked_in",
                        "district.month.blangko_used", "district.month.ikm", "district.month.ikm_responses"})
    head.push_back(csv_text(std::string(tr(k, Lang::id))));
  rows.push_back(head);
  auto num = [](const json& v, int dec) { return v.is_null() ? csv_text("") : csv_number(v.get<double>(), dec); };
  auto counts = [&](std::vector<CsvCell>& r, const json& x) {
    for (const char* f : {"issued", "done"}) r.push_back(num(x[f], 0));
    r.push_back(x.contains("refused") ? num(x["refused"], 0) : csv_text(""));
    for (const char* f : {"no_show", "cancelled"}) r.push_back(num(x[f], 0));
    r.push_back(num(x["mean_wait_min"], 1));
    r.push_back(num(x["mean_serve_min"], 1));
    if (x.contains("comeback")) {
      r.push_back(num(x["comeback"]["joined"], 0));
      r.push_back(num(x["comeback"]["checked_in"], 0));
    } else {
      r.push_back(csv_text(""));
      r.push_back(csv_text(""));
    }
  };
  for (const json& s : report["sites"]) {
    const std::string id = s["site"], name = s["name"];
    for (const json& x : s["services"]) {
      std::vector<CsvCell> r = {csv_text(id), csv_text(name), csv_text(std::string(tr("district.report.service", Lang::id))),
                                csv_text(x["service"].get<std::string>() + " " + x["name_id"].get<std::string>())};
      counts(r, x);
      r.push_back(csv_text(""));
      r.push_back(x["ikm"]["converted"].is_null() ? csv_text("") : csv_number(x["ikm"]["converted"].get<double>(), 2));
      r.push_back(csv_number(x["ikm"]["responses"].get<double>(), 0));
      rows.push_back(r);
    }
    for (const json& x : s["counters"]) {
      std::vector<CsvCell> r = {csv_text(id), csv_text(name), csv_text(std::string(tr("district.report.counter", Lang::id))),
                                csv_number(x["counter"].get<double>(), 0)};
      counts(r, x);
      for (int i = 0; i < 3; ++i) r.push_back(csv_text(""));
      rows.push_back(r);
    }
    std::vector<CsvCell> r = {csv_text(id), csv_text(name), csv_text(std::string(tr("district.month.total", Lang::id))),
                              csv_text("")};
    counts(r, s["total"]);
    r.push_back(csv_number(s["total"]["blangko_used"].get<double>(), 0));
    r.push_back(s["ikm"]["converted"].is_null() ? csv_text("") : csv_number(s["ikm"]["converted"].get<double>(), 2));
    r.push_back(csv_number(s["ikm"]["responses"].get<double>(), 0));
    rows.push_back(r);
  }
  return rows;
}

}  // namespace antrian::district
