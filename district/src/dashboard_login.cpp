#include "dashboard_login.h"

#include <httplib.h>

#include "antrian/office_time.h"
#include "dashboard_users.h"
#include "web/admin_auth.h"
#include "web/http_util.h"

namespace antrian::district {

using nlohmann::json;
using web::send_error;
using web::send_json;

namespace {

std::string session_cookie(const std::string& value, int64_t max_age_s) {
  return std::string(DashboardLogin::kCookie) + "=" + value + "; Path=/; HttpOnly; SameSite=Strict; Max-Age=" +
         std::to_string(max_age_s);
}

bool open_path(const std::string& path) {
  return path == "/login" || path == "/api/login" || path == "/healthz" || path.rfind("/static/", 0) == 0;
}

}  // namespace

bool DashboardLogin::admit(const httplib::Request& req, httplib::Response& res) {
  if (open_path(req.path)) return true;
  if (sessions_.find(web::cookie_value(req, kCookie), real_now_ms())) return true;
  if (req.path.rfind("/api/", 0) == 0) {
    send_error(res, 401, "not_signed_in", "sign in to the district dashboard first (/login)");
  } else {
    res.status = 302;
    // Back to the page asked for, with its query (req.target is the path as sent).
    const std::string back = req.target.empty() || req.target[0] != '/' ? req.path : req.target;
    res.set_header("Location", "/login?next=" + httplib::detail::encode_query_param(back));
    res.set_content("sign in first: /login", "text/plain; charset=utf-8");
  }
  return false;
}

void DashboardLogin::mount(httplib::Server& http) {
  http.Post("/api/login", [this](const httplib::Request& req, httplib::Response& res) {
    if (!web::same_origin(req)) return send_error(res, 403, "csrf", "refused: the request came from another site");
    auto body = web::json_body(req, res);
    if (!body) return;
    for (const auto& [k, v] : body->items())
      if (k != "user" && k != "password")
        return send_error(res, 400, "bad_request", "unknown field \"" + k + "\" (send {user, password})");
    const json& u = (*body)["user"];
    const json& p = (*body)["password"];
    if (!u.is_string() || u.get<std::string>().empty() || u.get<std::string>().size() > 40)
      return send_error(res, 400, "bad_request", "user: give your user name (text, up to 40 characters)");
    if (!p.is_string() || p.get<std::string>().empty() || p.get<std::string>().size() > 128)
      return send_error(res, 400, "bad_request", "password: give your password (text, up to 128 characters)");
    const std::string user = u.get<std::string>(), password = p.get<std::string>();
    int wait = 0;
    if (!per_address_.allow(req.remote_addr, 1, wait) || !per_account_.has(user, 1, wait)) {
      res.set_header("Retry-After", std::to_string(wait));
      return send_error(res, 429, "rate_limited", "too many sign-in attempts; try again in " + std::to_string(wait) + " s");
    }
    with_db_(res, [&](Pg& pg) {
      Result<std::optional<std::string>> who = make_error("internal", "not checked");
      {
        std::lock_guard l(kdf_mu_);
        who = check_dashboard_user(pg, user, password);
      }
      if (!who) return send_error(res, 503, "database", "cannot check the sign-in: " + who.error().reason);
      if (!*who) {
        per_account_.allow(user, 1);
        return send_error(res, 401, "auth_failed", "unknown user or wrong password");
      }
      per_address_.reset(req.remote_addr);
      per_account_.reset(user);
      const web::AdminSession s = sessions_.create(user, real_now_ms());
      res.set_header("Set-Cookie", session_cookie(s.id, web::AdminSessions::kMaxAgeMs / 1000));
      send_json(res, {{"user", user}, {"name", **who}});
    });
  });
  http.Post("/api/logout", [this](const httplib::Request& req, httplib::Response& res) {
    if (!web::same_origin(req)) return send_error(res, 403, "csrf", "refused: the request came from another site");
    sessions_.remove(web::cookie_value(req, kCookie));
    res.set_header("Set-Cookie", session_cookie("", 0));
    send_json(res, {{"signed_out", true}});
  });
  http.Get("/api/session", [this](const httplib::Request& req, httplib::Response& res) {
    auto s = sessions_.find(web::cookie_value(req, kCookie), real_now_ms());
    if (!s) return send_error(res, 401, "not_signed_in", "sign in to the district dashboard first (/login)");
    send_json(res, {{"user", s->staff}});
  });
}

}  // namespace antrian::district
