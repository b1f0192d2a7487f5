#include "dashboard_data.h"

#include <chrono>
#include <map>
#include <regex>

#include "blangko_forecast.h"
#include "district_admin.h"
#include "targets.h"

namespace antrian::district {

using nlohmann::json;

namespace {

json maybe_int(const PgResult& r, int row, int col) {
  return r.is_null(row, col) ? json(nullptr) : json(r.get_int(row, col));
}

std::string site_filter(const std::string& only, int param) {
  return only.empty() ? "" : " WHERE site = $" + std::to_string(param);
}

}  // namespace

Result<json> sites_overview(Pg& pg, const DashboardSettings& st, const std::string& only) {
  std::vector<Param> p;
  if (!only.empty()) p.push_back(only);
  const std::string where = site_filter(only, 1);
  auto sites = pg.exec(
      "SELECT s.site, s.name, COALESCE(t.acked_seq, 0), COALESCE(t.hub_seq, 0), "
      "  (EXTRACT(EPOCH FROM t.last_contact) * 1000)::bigint, "
      "  (EXTRACT(EPOCH FROM now() - t.last_contact))::bigint, "
      "  (EXTRACT(EPOCH FROM t.site_clock) * 1000)::bigint, COALESCE(t.office_name, ''), COALESCE(t.day, ''), "
      "  COALESCE(t.announcement, ''), (EXTRACT(EPOCH FROM now()) * 1000)::bigint "
      "FROM district.sites s LEFT JOIN district.site_status t USING (site)" +
          (only.empty() ? std::string() : " WHERE s.site = $1") + " ORDER BY s.site",
      p);
  if (!sites) return sites.error();
  json out = {{"sites", json::array()}, {"generated_at", sites->rows() ? sites->get_int(0, 10) : 0}};
  std::map<std::string, json> by_site;
  std::vector<std::string> order;
  for (int i = 0; i < sites->rows(); ++i) {
    const std::string id = sites->get(i, 0);
    const bool heard = !sites->is_null(i, 5);
    by_site[id] = {{"site", id}, {"name", sites->get(i, 1)}, {"acked_seq", sites->get_int(i, 2)},
                   {"hub_seq", sites->get_int(i, 3)}, {"behind", sites->get_int(i, 3) - sites->get_int(i, 2)},
                   {"last_contact", maybe_int(*sites, i, 4)}, {"silent_s", maybe_int(*sites, i, 5)},
                   {"connected", heard && sites->get_int(i, 5) <= st.connected_within_s},
                   {"site_clock", maybe_int(*sites, i, 6)}, {"office_name", sites->get(i, 7)},
                   {"day", sites->get(i, 8)}, {"announcement", sites->get(i, 9)},
                   {"services", json::array()}, {"disruptions", json::array()}, {"printers", nullptr},
                   {"blangko", json::array()}, {"device_faults", json::array()}, {"waiting", 0},
                   {"comeback", {{"waiting", 0}, {"invited", 0}, {"came", 0}, {"expired", 0}}}};
    order.push_back(id);
  }
  auto services = pg.exec("SELECT site, code, name_id, name_en, status, waiting, longest_wait_s, open_counters, "
                          "issued_today, done_today, tickets_left, limited_by, eta_new_s, "
                          "(EXTRACT(EPOCH FROM expected_end) * 1000)::bigint, comeback_waiting, comeback_invited, comeback_came, "
                          "comeback_expired FROM district.site_services" +
                              where + " ORDER BY site, code",
                          p);
  if (!services) return services.error();
  for (int i = 0; i < services->rows(); ++i) {
    auto it = by_site.find(services->get(i, 0));
    if (it == by_site.end()) continue;
    it->second["services"].push_back(
        {{"code", services->get(i, 1)}, {"name_id", services->get(i, 2)}, {"name_en", services->get(i, 3)},
         {"status", services->get(i, 4)}, {"waiting", services->get_int(i, 5)},
         {"longest_wait_s", maybe_int(*services, i, 6)}, {"open_counters", services->get_int(i, 7)},
         {"issued_today", services->get_int(i, 8)}, {"done_today", services->get_int(i, 9)},
         {"tickets_left", maybe_int(*services, i, 10)}, {"limited_by", services->get(i, 11)},
         {"eta_new_s", maybe_int(*services, i, 12)}, {"expected_end", maybe_int(*services, i, 13)},
         {"comeback", {{"waiting", services->get_int(i, 14)}, {"invited", services->get_int(i, 15)},
                       {"came", services->get_int(i, 16)}, {"expired", services->get_int(i, 17)}}}});
    it->second["waiting"] = it->second["waiting"].get<int64_t>() + services->get_int(i, 5);
    // The site's come-back lists together: the sum of its services' (the hub's figures).
    json& cb = it->second["comeback"];
    int k = 14;
    for (const char* f : {"waiting", "invited", "came", "expired"}) cb[f] = cb[f].get<int64_t>() + services->get_int(i, k++);
  }
  auto dis = pg.exec("SELECT site, id, resource, level, (EXTRACT(EPOCH FROM started_at) * 1000)::bigint, "
                     "(EXTRACT(EPOCH FROM expected_end) * 1000)::bigint, message_id, message_en, "
                     "array_to_string(services, ','), declared_by FROM district.site_disruptions WHERE active" +
                         (only.empty() ? std::string() : " AND site = $1") + " ORDER BY site, started_at",
                     p);
  if (!dis) return dis.error();
  for (int i = 0; i < dis->rows(); ++i) {
    auto it = by_site.find(dis->get(i, 0));
    if (it == by_site.end()) continue;
    const std::string svc = dis->get(i, 8);
    json list = json::array();
    for (std::size_t a = 0; a <= svc.size() && !svc.empty();) {
      const std::size_t b = svc.find(',', a);
      list.push_back(svc.substr(a, b == std::string::npos ? std::string::npos : b - a));
      if (b == std::string::npos) break;
      a = b + 1;
    }
    it->second["disruptions"].push_back({{"id", dis->get_int(i, 1)}, {"resource", dis->get(i, 2)},
                                         {"level", dis->get(i, 3)}, {"started_at", dis->get_int(i, 4)},
                                         {"expected_end", maybe_int(*dis, i, 5)}, {"message_id", dis->get(i, 6)},
                                         {"message_en", dis->get(i, 7)}, {"services", list},
                                         {"declared_by", dis->get(i, 9)}});
  }
  // Blangko used per worked day, the last 30 days of each site's own calendar.
  auto used = pg.exec("SELECT site, resource, used FROM district.site_blangko_days" + where +
                          " ORDER BY site, resource, day",
                      p);
  if (!used) return used.error();
  std::map<std::pair<std::string, std::string>, std::vector<int>> history;
  for (int i = 0; i < used->rows(); ++i)
    history[{used->get(i, 0), used->get(i, 1)}].push_back(static_cast<int>(used->get_int(i, 2)));
  auto res = pg.exec("SELECT site, id, kind, name_id, name_en, total, working, stock, low_threshold "
                     "FROM district.site_resources" + where + " ORDER BY site, id",
                     p);
  if (!res) return res.error();
  for (int i = 0; i < res->rows(); ++i) {
    auto it = by_site.find(res->get(i, 0));
    if (it == by_site.end()) continue;
    const std::string kind = res->get(i, 2);
    if (kind == "card_printers") {
      json& pr = it->second["printers"];
      if (pr.is_null()) pr = {{"working", 0}, {"total", 0}};
      pr["working"] = pr["working"].get<int64_t>() + res->get_int(i, 6);
      pr["total"] = pr["total"].get<int64_t>() + res->get_int(i, 5);
    } else if (kind == "blangko") {
      const int stock = static_cast<int>(res->get_int(i, 7));
      const auto f = forecast_blangko(stock, history[{res->get(i, 0), res->get(i, 1)}],
                                      static_cast<int>(res->get_int(i, 8)), st.blangko_warn_days);
      it->second["blangko"].push_back({{"id", res->get(i, 1)}, {"name_id", res->get(i, 3)},
                                       {"name_en", res->get(i, 4)}, {"stock", stock},
                                       {"low_threshold", res->get_int(i, 8)}, {"rate_per_day", f.rate_per_day},
                                       {"days_left", f.days_left ? json(*f.days_left) : json(nullptr)},
                                       {"warn", f.warn}});
    }
  }
  auto dev = pg.exec("SELECT site, id, state, message, (EXTRACT(EPOCH FROM at) * 1000)::bigint FROM "
                     "district.site_devices WHERE state <> 'ok'" +
                         (only.empty() ? std::string() : " AND site = $1") + " ORDER BY site, id",
                     p);
  if (!dev) return dev.error();
  for (int i = 0; i < dev->rows(); ++i) {
    auto it = by_site.find(dev->get(i, 0));
    if (it == by_site.end()) continue;
    it->second["device_faults"].push_back({{"id", dev->get(i, 1)}, {"state", dev->get(i, 2)},
                                           {"message", dev->get(i, 3)}, {"at", dev->get_int(i, 4)}});
  }
  // The district configuration: published against what the site's log says it runs.
  auto cfg = pg.exec("SELECT s.site, COALESCE(c.version, 0), COALESCE(t.config_version, 0), r.version, r.state, r.error "
                     "FROM district.sites s LEFT JOIN LATERAL district.site_config(s.site) c ON true "
                     "LEFT JOIN district.site_status t ON t.site = s.site "
                     "LEFT JOIN district.config_reports r ON r.site = s.site" +
                         (only.empty() ? std::string() : " WHERE s.site = $1"),
                     p);
  if (!cfg) return cfg.error();
  for (int i = 0; i < cfg->rows(); ++i) {
    auto it = by_site.find(cfg->get(i, 0));
    if (it == by_site.end()) continue;
    const int64_t published = cfg->get_int(i, 1), applied = cfg->get_int(i, 2);
    const bool refused = !cfg->is_null(i, 3) && cfg->get_int(i, 3) == published && cfg->get(i, 4) == "refused";
    it->second["config"] = {{"published", published}, {"applied", applied},
                            {"up_to_date", published == 0 || published == applied},
                            {"refused", refused ? json(cfg->get(i, 5)) : json(nullptr)}};
  }
  auto targets = current_targets(pg, only);
  if (!targets) return targets.error();
  for (auto& [id, site] : by_site) site["targets"] = targets->value(id, json::array());
  for (const std::string& id : order) out["sites"].push_back(std::move(by_site[id]));
  return out;
}

Result<json> site_detail(Pg& pg, const DashboardSettings& st, const std::string& site) {
  if (!valid_site_id(site)) return make_error("bad_request", "\"" + site + "\" is not a site id");
  auto all = sites_overview(pg, st, site);
  if (!all) return all.error();
  if ((*all)["sites"].empty()) return make_error("not_found", "there is no site \"" + site + "\"");
  json s = (*all)["sites"][0];
  auto counts = pg.exec("SELECT service, counter, issued, done, no_show, wait_s_sum, wait_n FROM "
                        "district.site_day_counts c JOIN district.site_status t USING (site) "
                        "WHERE site = $1 AND c.day::text = t.day ORDER BY service, counter",
                        {site});
  if (!counts) return counts.error();
  json rows = json::array();
  for (int i = 0; i < counts->rows(); ++i)
    rows.push_back({{"service", counts->get(i, 0)}, {"counter", counts->get_int(i, 1)},
                    {"issued", counts->get_int(i, 2)}, {"done", counts->get_int(i, 3)},
                    {"no_show", counts->get_int(i, 4)},
                    {"mean_wait_s", counts->get_int(i, 6) ? json(counts->get_int(i, 5) / counts->get_int(i, 6)) : json(nullptr)}});
  s["today"] = rows;
  return s;
}

Result<json> notices(Pg& pg) {
  auto n = pg.exec("SELECT id, kind, version, body::text, COALESCE(array_to_string(sites, ','), ''), "
                   "(EXTRACT(EPOCH FROM published_at) * 1000)::bigint, "
                   "(EXTRACT(EPOCH FROM cleared_at) * 1000)::bigint, published_by "
                   "FROM district.notices ORDER BY id DESC LIMIT 50");
  if (!n) return n.error();
  auto a = pg.exec("SELECT notice_id, site, version, state, error FROM district.notice_applied "
                   "WHERE notice_id IN (SELECT id FROM district.notices ORDER BY id DESC LIMIT 50)");
  if (!a) return a.error();
  std::map<int64_t, json> applied;
  for (int i = 0; i < a->rows(); ++i)
    applied[a->get_int(i, 0)][a->get(i, 1)] = {{"version", a->get_int(i, 2)}, {"state", a->get(i, 3)},
                                               {"error", a->get(i, 4)}};
  json out = json::array();
  for (int i = 0; i < n->rows(); ++i) {
    const int64_t id = n->get_int(i, 0);
    out.push_back({{"id", id}, {"kind", n->get(i, 1)}, {"version", n->get_int(i, 2)},
                   {"body", json::parse(n->get(i, 3), nullptr, false)}, {"sites", n->get(i, 4)},
                   {"published_at", n->get_int(i, 5)}, {"cleared_at", maybe_int(*n, i, 6)},
                   {"state", n->is_null(i, 6) ? "active" : "cleared"}, {"published_by", n->get(i, 7)},
                   {"applied", applied.count(id) ? applied[id] : json::object()}});
  }
  return json{{"notices", out}};
}

Result<ReportQuery> parse_report_query(const std::string& from, const std::string& to, const std::string& by,
                                       const std::string& site) {
  static const std::regex day("^\\d{4}-\\d{2}-\\d{2}$");
  ReportQuery q{from, to, by.empty() ? "site" : by, site};
  if (!std::regex_match(from, day) || !std::regex_match(to, day))
    return make_error("bad_request", "from and to must be dates YYYY-MM-DD (e.g. from=2026-12-01&to=2026-12-31)");
  auto real_day = [](const std::string& d) {
    const std::chrono::year_month_day ymd{std::chrono::year(std::stoi(d.substr(0, 4))),
                                          std::chrono::month(unsigned(std::stoi(d.substr(5, 2)))),
                                          std::chrono::day(unsigned(std::stoi(d.substr(8, 2))))};
    return ymd.ok();
  };
  if (!real_day(from) || !real_day(to)) return make_error("bad_request", "from and to must be real dates, e.g. 2026-12-31");
  if (to < from) return make_error("bad_request", "to (" + to + ") is before from (" + from + ")");
  if (q.by != "site" && q.by != "service" && q.by != "counter" && q.by != "day" && q.by != "target")
    return make_error("bad_request", "by must be site, service, counter, day or target");
  if (!site.empty() && !valid_site_id(site)) return make_error("bad_request", "\"" + site + "\" is not a site id");
  return q;
}

Result<json> report(Pg& pg, const ReportQuery& q) {
  if (q.by == "target") {  // each day or week of every target in the range, with progress
    auto rows = target_rows(pg, q.from, q.to, q.site);
    if (!rows) return rows.error();
    return json{{"from", q.from}, {"to", q.to}, {"by", q.by}, {"site", q.site}, {"rows", *rows}};
  }
  std::string key, order;
  if (q.by == "site") key = "c.site, s.name, '' AS service, 0 AS counter, '' AS day";
  else if (q.by == "service") key = "c.site, s.name, c.service, 0 AS counter, '' AS day";
  else if (q.by == "counter") key = "c.site, s.name, '' AS service, c.counter, '' AS day";
  else key = "c.site, s.name, '' AS service, 0 AS counter, c.day::text AS day";
  std::vector<Param> p = {q.from, q.to};
  std::string where = "c.day BETWEEN $1::date AND $2::date";
  if (!q.site.empty()) {
    where += " AND c.site = $3";
    p.push_back(q.site);
  }
  auto r = pg.exec("SELECT site, name, service, counter, day, sum(issued), sum(done), sum(no_show), sum(cancelled), "
                   "sum(wait_s_sum), sum(wait_n), sum(serve_s_sum), sum(serve_n) FROM (SELECT " + key +
                       ", c.issued, c.done, c.no_show, c.cancelled, c.wait_s_sum, c.wait_n, c.serve_s_sum, c.serve_n "
                       "FROM district.site_day_counts c JOIN district.sites s USING (site) WHERE " + where +
                       ") x(site, name, service, counter, day, issued, done, no_show, cancelled, wait_s_sum, wait_n, "
                       "serve_s_sum, serve_n) GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 3, 4, 5",
                   p);
  if (!r) return r.error();
  json rows = json::array();
  for (int i = 0; i < r->rows(); ++i) {
    const int64_t wn = r->get_int(i, 10), sn = r->get_int(i, 12);
    rows.push_back({{"site", r->get(i, 0)}, {"name", r->get(i, 1)}, {"service", r->get(i, 2)},
                    {"counter", r->get_int(i, 3)}, {"day", r->get(i, 4)}, {"issued", r->get_int(i, 5)},
                    {"done", r->get_int(i, 6)}, {"no_show", r->get_int(i, 7)}, {"cancelled", r->get_int(i, 8)},
                    {"mean_wait_min", wn ? json(double(r->get_int(i, 9)) / double(wn) / 60.0) : json(nullptr)},
                    {"mean_serve_min", sn ? json(double(r->get_int(i, 11)) / double(sn) / 60.0) : json(nullptr)}});
  }
  return json{{"from", q.from}, {"to", q.to}, {"by", q.by}, {"site", q.site}, {"rows", rows}};
}

}  // namespace antrian::district
