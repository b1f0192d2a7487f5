#include "dashboard_server.h"

#include <cstdlib>
#include <fstream>
#include <mutex>
#include <sstream>
#include <vector>

#include <httplib.h>
#include <spdlog/spdlog.h>

#include "antrian/strings.h"
#include "district_admin.h"
#include "district_config.h"
#include "monthly_report.h"
#include "targets.h"
#include "report_csv.h"
#include "web/http_util.h"
#include "web/page_renderer.h"

namespace antrian::district {

using nlohmann::json;
using web::send_error;
using web::send_json;

std::string default_district_web_root() {
  if (const char* env = std::getenv("ANTRIAN_DISTRICT_WEB_ROOT"); env && *env) return env;
  return ANTRIAN_DISTRICT_WEB_ROOT;
}

// A few PostgreSQL connections shared by the HTTP threads; a broken one is replaced.
struct DashboardServer::ConnectionPool {
  std::string conninfo;
  std::mutex mu;
  std::vector<std::unique_ptr<Pg>> idle;

  Result<std::unique_ptr<Pg>> take() {
    {
      std::lock_guard l(mu);
      while (!idle.empty()) {
        auto c = std::move(idle.back());
        idle.pop_back();
        if (c->ok()) return c;
      }
    }
    return Pg::connect(conninfo, 3);
  }
  void give(std::unique_ptr<Pg> c) {
    if (!c || !c->ok()) return;
    std::lock_guard l(mu);
    if (idle.size() < 8) idle.push_back(std::move(c));
  }
};

namespace {

// The strings table rows the pages use, as JSON safe inside <script>.
std::string page_strings() {
  json j = json::object();
  for (std::string_view key : all_string_keys())
    if (key.rfind("district.", 0) == 0 || key.rfind("status.", 0) == 0 || key.rfind("survey.grade.", 0) == 0 ||
        key == "web.common.months")
      j[std::string(key)] = {tr(key, Lang::id), tr(key, Lang::en)};
  std::string out;
  for (char c : j.dump()) out += c == '<' ? std::string("\\u003c") : std::string(1, c);
  return out;
}

std::optional<std::string> read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

int status_for(const Error& e) {
  if (e.code == "bad_request") return 400;
  if (e.code == "not_found") return 404;
  return 503;  // the centre's database is unreachable or refused
}

}  // namespace

DashboardServer::DashboardServer(DashboardOptions o)
    : o_(std::move(o)),
      http_(std::make_unique<httplib::Server>()),
      pool_(std::make_unique<ConnectionPool>()),
      read_pool_(std::make_unique<ConnectionPool>()) {
  pool_->conninfo = o_.pg;
  read_pool_->conninfo = o_.read_pg.empty() ? o_.pg : o_.read_pg;
  if (o_.web_root.empty()) o_.web_root = default_district_web_root();
  // The live pictures every monitor polls, made once per refresh for all of them.
  cache_ = std::make_unique<DashboardCache>(read_pool_->conninfo, o_.refresh_ms, std::max(5000, 5 * o_.refresh_ms));
  const DashboardSettings settings = o_.settings;
  cache_->add("sites", [settings](Pg& pg) -> Result<std::string> {
    auto r = sites_overview(pg, settings);
    if (!r) return r.error();
    return r->dump(-1, ' ', false, json::error_handler_t::replace);
  });
  cache_->add("notices", [](Pg& pg) -> Result<std::string> {
    auto r = notices(pg);
    if (!r) return r.error();
    return r->dump(-1, ' ', false, json::error_handler_t::replace);
  });
  routes();
}

DashboardServer::~DashboardServer() = default;

int DashboardServer::bind(std::string& error) {
  const int port = o_.port == 0 ? http_->bind_to_any_port(o_.bind) : (http_->bind_to_port(o_.bind, o_.port) ? o_.port : -1);
  if (port < 0) error = "cannot listen on " + o_.bind + ":" + std::to_string(o_.port) + " (in use, or not allowed)";
  return port;
}

void DashboardServer::serve() {
  cache_->start();
  http_->listen_after_bind();
}
void DashboardServer::stop() { http_->stop(); }

void DashboardServer::routes() {
  auto& h = *http_;
  h.set_payload_max_length(web::kMaxBodyBytes);
  h.set_default_headers(web::security_headers());
  // Runs f with a connection; a database problem is a 503 with PostgreSQL's reason.
  // Publishing goes to the primary (with_db); every page reads from the replica when
  // there is one (with_read), so the people watching never load the ingest's database.
  auto with_pool = [](ConnectionPool& pool, const char* what, httplib::Response& res, auto&& f) {
    auto c = pool.take();
    if (!c) return send_error(res, 503, "database", std::string(what) + " cannot be reached: " + c.error().reason);
    f(**c);
    pool.give(std::move(*c));
  };
  auto with_db = [this, with_pool](httplib::Response& res, auto&& f) {
    with_pool(*pool_, "the district database", res, f);
  };
  auto with_read = [this, with_pool](httplib::Response& res, auto&& f) {
    with_pool(*read_pool_, o_.read_pg.empty() ? "the district database" : "the district database's replica (--read-pg)",
              res, f);
  };
  auto page = [this](const std::string& file) {
    return [this, file](const httplib::Request&, httplib::Response& res) {
      auto tpl = read_file(o_.web_root + "/" + file);
      if (!tpl) return send_error(res, 500, "internal", "the page " + file + " is missing from " + o_.web_root);
      std::string text = *tpl;
      const std::string tag = "{{district_strings}}";
      if (auto at = text.find(tag); at != std::string::npos) text.replace(at, tag.size(), page_strings());
      res.set_content(web::PageRenderer::fill(text), "text/html; charset=utf-8");
    };
  };
  // Signed in, or sent to /login (dashboard_login.h).
  if (o_.require_login) {
    login_ = std::make_unique<DashboardLogin>([with_read](httplib::Response& res, const std::function<void(Pg&)>& f) {
      with_read(res, f);
    });
    login_->mount(h);
    h.set_pre_routing_handler([this](const httplib::Request& req, httplib::Response& res) {
      return login_->admit(req, res) ? httplib::Server::HandlerResponse::Unhandled
                                     : httplib::Server::HandlerResponse::Handled;
    });
    h.Get("/login", page("login.html"));
  }
  h.Get("/", page("district.html"));
  h.Get("/site/([a-z0-9_-]{1,40})", page("site.html"));
  h.Get("/reports", page("reports.html"));
  h.Get("/reports/month", page("month.html"));
  h.Get("/config", page("config.html"));
  h.Get("/static/([a-z0-9_-]{1,40}\\.(css|js))", [this](const httplib::Request& req, httplib::Response& res) {
    auto body = read_file(o_.web_root + "/static/" + req.matches[1].str());
    if (!body) return send_error(res, 404, "not_found", "no such file");
    res.set_header("Cache-Control", "no-cache");
    res.set_content(*body, req.matches[2] == "css" ? "text/css; charset=utf-8" : "text/javascript; charset=utf-8");
  });
  // Where the pages read from: a replica says how far behind its primary it is.
  h.Get("/healthz", [with_read](const httplib::Request&, httplib::Response& res) {
    with_read(res, [&](Pg& pg) {
      auto r = pg.exec("SELECT pg_is_in_recovery(), coalesce((extract(epoch FROM now() - pg_last_xact_replay_timestamp())"
                       " * 1000)::bigint, 0)");
      if (!r) return send_error(res, 503, "database", r.error().reason);
      const bool replica = r->get(0, 0) == "t";
      json j = {{"ok", true}, {"reads_from", replica ? "replica" : "primary"}};
      if (replica) j["replay_lag_ms"] = r->get_int(0, 1);
      send_json(res, j);
    });
  });
  h.Get("/api/sites", [this, with_read](const httplib::Request&, httplib::Response& res) {
    if (auto picture = cache_->get("sites")) return res.set_content(*picture, "application/json; charset=utf-8");
    with_read(res, [&](Pg& pg) {
      auto r = sites_overview(pg, o_.settings);
      if (!r) return send_error(res, status_for(r.error()), r.error().code, r.error().reason);
      send_json(res, *r);
    });
  });
  h.Get("/api/sites/([^/]{1,64})", [this, with_read](const httplib::Request& req, httplib::Response& res) {
    with_read(res, [&](Pg& pg) {
      auto r = site_detail(pg, o_.settings, req.matches[1].str());
      if (!r) return send_error(res, status_for(r.error()), r.error().code, r.error().reason);
      send_json(res, *r);
    });
  });
  h.Get("/api/notices", [this, with_read](const httplib::Request&, httplib::Response& res) {
    if (auto picture = cache_->get("notices")) return res.set_content(*picture, "application/json; charset=utf-8");
    with_read(res, [&](Pg& pg) {
      auto r = notices(pg);
      if (!r) return send_error(res, status_for(r.error()), r.error().code, r.error().reason);
      send_json(res, *r);
    });
  });
  auto authorised = [this](const httplib::Request& req, httplib::Response& res) {
    if (o_.admin_token.empty()) {
      send_error(res, 403, "forbidden", "this dashboard is read-only: start it with --admin-token-file to publish notices");
      return false;
    }
    if (!web::secure_equals(req.get_header_value("X-District-Token"), o_.admin_token)) {
      send_error(res, 403, "forbidden", "the district token (X-District-Token) is missing or wrong");
      return false;
    }
    return true;
  };
  h.Post("/api/notices", [this, authorised, with_db](const httplib::Request& req, httplib::Response& res) {
    if (!authorised(req, res)) return;
    auto body = web::json_body(req, res);
    if (!body) return;
    std::vector<std::string> sites;
    if (body->contains("sites")) {
      if (!(*body)["sites"].is_array()) return send_error(res, 400, "bad_request", "sites must be a list of site ids");
      for (const json& s : (*body)["sites"]) {
        if (!s.is_string()) return send_error(res, 400, "bad_request", "sites must be a list of site ids");
        sites.push_back(s.get<std::string>());
      }
    }
    if (!body->contains("kind") || !(*body)["kind"].is_string() || !body->contains("body"))
      return send_error(res, 400, "bad_request", "send {kind: disruption|announcement, body: {...}, sites?: [...]}");
    with_db(res, [&](Pg& pg) {
      auto r = publish_notice(pg, (*body)["kind"].get<std::string>(), (*body)["body"], sites, "dashboard");
      if (!r) return send_error(res, status_for(r.error()), r.error().code, r.error().reason);
      cache_->refresh_now();
      send_json(res, {{"id", *r}}, 201);
    });
  });
  h.Post("/api/notices/([0-9]{1,18})/clear", [this, authorised, with_db](const httplib::Request& req, httplib::Response& res) {
    if (!authorised(req, res)) return;
    with_db(res, [&](Pg& pg) {
      auto r = clear_notice(pg, std::stoll(req.matches[1].str()));
      if (!r) return send_error(res, status_for(r.error()), r.error().code, r.error().reason);
      cache_->refresh_now();
      send_json(res, {{"cleared", true}});
    });
  });
  h.Get("/api/config", [with_read](const httplib::Request&, httplib::Response& res) {
    with_read(res, [&](Pg& pg) {
      auto r = config_status(pg);
      if (!r) return send_error(res, status_for(r.error()), r.error().code, r.error().reason);
      send_json(res, *r);
    });
  });
  // {doc, site?, note?}: a new version of the template (no site) or of a site's override.
  h.Post("/api/config", [this, authorised, with_db](const httplib::Request& req, httplib::Response& res) {
    if (!authorised(req, res)) return;
    auto body = web::json_body(req, res);
    if (!body) return;
    for (const auto& [k, v] : body->items())
      if (k != "doc" && k != "site" && k != "note")
        return send_error(res, 400, "bad_request", "unknown field \"" + k + "\" (send {doc, site?, note?}); nothing was published");
    if (!body->contains("doc")) return send_error(res, 400, "bad_request", "send {doc: {...}, site?: \"id\", note?: \"...\"}");
    for (const char* f : {"site", "note"})
      if (body->contains(f) && !(*body)[f].is_string())
        return send_error(res, 400, "bad_request", std::string(f) + " must be text");
    with_db(res, [&](Pg& pg) {
      auto r = publish_config(pg, (*body)["doc"], body->value("site", ""), "dashboard", body->value("note", ""));
      if (!r) return send_error(res, status_for(r.error()), r.error().code, r.error().reason);
      cache_->refresh_now();
      send_json(res, {{"version", *r}}, 201);
    });
  });
  // {site, service, period: day|week, target}: target 0 removes it.
  h.Post("/api/targets", [this, authorised, with_db](const httplib::Request& req, httplib::Response& res) {
    if (!authorised(req, res)) return;
    auto body = web::json_body(req, res);
    if (!body) return;
    for (const auto& [k, v] : body->items())
      if (k != "site" && k != "service" && k != "period" && k != "target")
        return send_error(res, 400, "bad_request", "unknown field \"" + k + "\" (send {site, service, period, target})");
    for (const char* f : {"site", "service", "period"})
      if (!body->contains(f) || !(*body)[f].is_string())
        return send_error(res, 400, "bad_request", std::string(f) + " is required text (send {site, service, period, target})");
    if (!body->contains("target") || !(*body)["target"].is_number_integer())
      return send_error(res, 400, "bad_request", "target must be a whole number (0 removes the target)");
    with_db(res, [&](Pg& pg) {
      auto r = set_target(pg, (*body)["site"].get<std::string>(), (*body)["service"].get<std::string>(),
                          (*body)["period"].get<std::string>(), (*body)["target"].get<int64_t>(), "dashboard");
      if (!r) return send_error(res, status_for(r.error()), r.error().code, r.error().reason);
      cache_->refresh_now();
      send_json(res, {{"ok", true}});
    });
  });
  auto report_route = [with_read](bool csv) {
    return [with_read, csv](const httplib::Request& req, httplib::Response& res) {
      auto q = parse_report_query(req.get_param_value("from"), req.get_param_value("to"), req.get_param_value("by"),
                                  req.get_param_value("site"));
      if (!q) return send_error(res, 400, q.error().code, q.error().reason);
      with_read(res, [&](Pg& pg) {
        auto r = report(pg, *q);
        if (!r) return send_error(res, status_for(r.error()), r.error().code, r.error().reason);
        if (!csv) return send_json(res, *r);
        std::vector<std::vector<CsvCell>> rows;
        std::vector<CsvCell> head;
        if (q->by == "target") {
          for (const char* k : {"district.report.site", "district.report.site_name", "district.report.service",
                                "district.report.period", "district.report.start", "district.report.target",
                                "district.report.done", "district.report.percent"})
            head.push_back(csv_text(std::string(tr(k, Lang::id))));
          rows.push_back(head);
          for (const json& x : (*r)["rows"])
            rows.push_back({csv_text(x["site"].get<std::string>()), csv_text(x["name"].get<std::string>()),
                            csv_text(x["service"].get<std::string>()),
                            csv_text(std::string(tr("district.period." + x["period"].get<std::string>(), Lang::id))),
                            csv_text(x["start"].get<std::string>()), csv_number(x["target"].get<double>(), 0),
                            csv_number(x["done"].get<double>(), 0), csv_number(x["percent"].get<double>(), 1)});
          res.set_header("Content-Disposition", "attachment; filename=\"target-" + q->from + "-" + q->to + ".csv\"");
          res.set_content(to_indonesian_csv(rows), "text/csv; charset=utf-8");
          return;
        }
        for (const char* k : {"district.report.site", "district.report.site_name", "district.report.service",
                              "district.report.counter", "district.report.day", "district.report.issued",
                              "district.report.done", "district.report.no_show", "district.report.cancelled",
                              "district.report.mean_wait", "district.report.mean_serve"})
          head.push_back(csv_text(std::string(tr(k, Lang::id))));
        rows.push_back(head);
        for (const json& x : (*r)["rows"]) {
          auto num = [&](const char* f, int dec) {
            return x[f].is_null() ? csv_text("") : csv_number(x[f].get<double>(), dec);
          };
          rows.push_back({csv_text(x["site"].get<std::string>()), csv_text(x["name"].get<std::string>()), csv_text(x["service"].get<std::string>()),
                          x["counter"].get<int>() ? csv_number(x["counter"].get<int>()) : csv_text(""),
                          csv_text(x["day"].get<std::string>()), num("issued", 0), num("done", 0), num("no_show", 0),
                          num("cancelled", 0), num("mean_wait_min", 1), num("mean_serve_min", 1)});
        }
        res.set_header("Content-Disposition", "attachment; filename=\"laporan-" + q->from + "-" + q->to + ".csv\"");
        res.set_content(to_indonesian_csv(rows), "text/csv; charset=utf-8");
      });
    };
  };
  // The printable monthly report (monthly_report.h), as JSON for its page and as CSV.
  auto month_route = [with_read](bool csv) {
    return [with_read, csv](const httplib::Request& req, httplib::Response& res) {
      auto q = parse_month_query(req.get_param_value("month"), req.get_param_value("site"));
      if (!q) return send_error(res, 400, q.error().code, q.error().reason);
      with_read(res, [&](Pg& pg) {
        auto r = monthly_report(pg, *q);
        if (!r) return send_error(res, status_for(r.error()), r.error().code, r.error().reason);
        if (!csv) return send_json(res, *r);
        res.set_header("Content-Disposition", "attachment; filename=\"laporan-bulanan-" + q->month +
                                                  (q->site.empty() ? std::string() : "-" + q->site) + ".csv\"");
        res.set_content(to_indonesian_csv(monthly_report_rows(*r)), "text/csv; charset=utf-8");
      });
    };
  };
  h.Get("/api/report/month", month_route(false));
  h.Get("/api/report/month.csv", month_route(true));
  h.Get("/api/report", report_route(false));
  h.Get("/api/report.csv", report_route(true));
  h.set_error_handler([](const httplib::Request& req, httplib::Response& res) {
    if (!res.body.empty()) return;
    send_error(res, res.status, res.status == 404 ? "not_found" : "bad_request",
               res.status == 404 ? "no such page: " + req.path : "the request could not be read");
  });
}

}  // namespace antrian::district
