#include "web/admin_auth.h"

#include <cctype>

#include "antrian/office_time.h"
#include "antrian/secrets.h"
#include "web/http_util.h"

namespace antrian::web {
namespace {

std::string session_cookie(const std::string& value, int64_t max_age_s) {
  return std::string(AdminSessions::kCookie) + "=" + value + "; Path=/; HttpOnly; SameSite=Strict; Max-Age=" +
         std::to_string(max_age_s);
}

// "http://host:port/path" -> "http://host:port" (scheme in lower case); empty for
// anything that is not an absolute URL.
std::string origin_of(const std::string& url) {
  const std::size_t scheme = url.find("://");
  if (scheme == std::string::npos || scheme == 0) return {};
  std::string out = url.substr(0, url.find('/', scheme + 3));
  for (std::size_t i = 0; i < scheme; ++i) out[i] = char(std::tolower(static_cast<unsigned char>(out[i])));
  return out;
}

// The scheme the browser used: the web front says so (X-Forwarded-Proto) when it
// terminates TLS; a request straight to the hub is plain http.
std::string scheme_of(const httplib::Request& req) {
  const bool local = req.remote_addr == "127.0.0.1" || req.remote_addr == "::1";
  const std::string proto = req.get_header_value("X-Forwarded-Proto");
  return local && proto == "https" ? "https" : "http";
}

bool staff_may_administer(const WebContext& ctx, const std::string& staff) {
  return ctx.hub.with_state([&](const OfficeState& s) {
    auto it = s.staff.find(staff);
    return it != s.staff.end() && it->second.active && it->second.admin;
  });
}

}  // namespace

bool same_origin(const httplib::Request& req) {
  // Scheme and authority both: https://host is another origin than http://host.
  const std::string expected = scheme_of(req) + "://" + req.get_header_value("Host");
  for (const char* header : {"Origin", "Referer"}) {
    if (!req.has_header(header)) continue;
    const std::string value = req.get_header_value(header);
    if (value == "null" || origin_of(value) != expected) return false;
  }
  return true;
}

std::optional<AdminSession> require_admin(WebContext& ctx, const httplib::Request& req, httplib::Response& res,
                                          bool changes_state) {
  auto session = ctx.sessions.find(cookie_value(req, AdminSessions::kCookie), real_now_ms());
  if (!session) {
    send_error(res, 401, "not_signed_in", "sign in as an admin first (/admin)");
    return std::nullopt;
  }
  if (!staff_may_administer(ctx, session->staff)) {
    ctx.sessions.remove(session->id);
    send_error(res, 403, "forbidden", "this account is no longer an active admin; sign in with another");
    return std::nullopt;
  }
  if (changes_state) {
    if (!same_origin(req)) {
      send_error(res, 403, "csrf", "refused: the request came from another site");
      return std::nullopt;
    }
    if (!secure_equals(req.get_header_value("X-CSRF-Token"), session->csrf)) {
      send_error(res, 403, "csrf", "refused: missing or wrong X-CSRF-Token; reload the admin page");
      return std::nullopt;
    }
  }
  return session;
}

void mount_admin_auth_routes(httplib::Server& server, WebContext& ctx) {
  server.Post("/api/admin/login", [&ctx](const httplib::Request& req, httplib::Response& res) {
    if (!same_origin(req)) return send_error(res, 403, "csrf", "refused: the request came from another site");
    auto body = json_body(req, res);
    if (!body) return;
    const json& staff_j = (*body)["staff"];
    const json& pin_j = (*body)["pin"];
    if (!staff_j.is_string() || staff_j.get<std::string>().empty() || staff_j.get<std::string>().size() > 64)
      return send_error(res, 400, "bad_request", "staff: give your staff id (text, up to 64 characters)");
    if (!pin_j.is_string() || pin_j.get<std::string>().empty() || pin_j.get<std::string>().size() > 64)
      return send_error(res, 400, "bad_request", "pin: give your PIN (text, up to 64 characters)");
    const std::string staff = staff_j.get<std::string>();
    const std::string pin = pin_j.get<std::string>();
    // An address over its limit is refused before the account is looked at: it never
    // spends the account's budget, so one address cannot lock an admin out. The
    // account's budget counts failed PINs from every address (slow guessing from many).
    const std::string who = ctx.client_addr(req);
    int wait = 0;
    if (!ctx.login_ip_limiter.allow(who, 1, wait) || !ctx.login_staff_limiter.has(staff, 1, wait)) {
      res.set_header("Retry-After", std::to_string(wait));
      return send_error(res, 429, "rate_limited",
                        "too many sign-in attempts; try again in " + std::to_string(wait) + " s");
    }
    struct Account {
      bool ok = false;
      std::string hash, name;
    };
    Account acc = ctx.hub.with_state([&](const OfficeState& s) {
      auto it = s.staff.find(staff);
      if (it == s.staff.end() || !it->second.active || !it->second.admin) return Account{};
      return Account{true, it->second.pin_hash, it->second.name};
    });
    bool verified = false;
    {
      std::lock_guard lock(ctx.kdf_mu);
      // An unknown account costs the same time as a wrong PIN: do not reveal which.
      static const std::string dummy = hash_pin("not-a-real-pin");
      verified = verify_pin(acc.ok ? acc.hash : dummy, pin) && acc.ok;
    }
    if (!verified) {
      ctx.login_staff_limiter.allow(staff, 1);
      return send_error(res, 401, "auth_failed", "unknown staff id, wrong PIN, or this account is not an admin");
    }
    ctx.login_ip_limiter.reset(who);
    ctx.login_staff_limiter.reset(staff);
    const AdminSession s = ctx.sessions.create(staff, real_now_ms());
    res.set_header("Set-Cookie", session_cookie(s.id, AdminSessions::kMaxAgeMs / 1000));
    send_json(res, {{"staff", {{"id", staff}, {"name", acc.name}}}, {"csrf", s.csrf}});
  });

  server.Post("/api/admin/logout", [&ctx](const httplib::Request& req, httplib::Response& res) {
    auto s = require_admin(ctx, req, res, true);
    if (!s) return;
    ctx.sessions.remove(s->id);
    res.set_header("Set-Cookie", session_cookie("", 0));
    send_json(res, {{"signed_out", true}});
  });

  server.Get("/api/admin/session", [&ctx](const httplib::Request& req, httplib::Response& res) {
    auto s = require_admin(ctx, req, res, false);
    if (!s) return;
    const std::string name = ctx.hub.with_state([&](const OfficeState& st) {
      auto it = st.staff.find(s->staff);
      return it == st.staff.end() ? s->staff : it->second.name;
    });
    send_json(res, {{"staff", {{"id", s->staff}, {"name", name}}}, {"csrf", s->csrf}});
  });
}

}  // namespace antrian::web
