// The web front's questions to the hub (nginx + nchan, packaging/nginx/):
//   GET /_front/auth   X-Original-URI: the stream a browser asks for; X-Real-IP: its address
// Answers 200 when the stream may open (after publishing its current view, so the
// subscriber gets it at once), or the error the browser should get (404 unknown
// ticket, 429 limits, 401 not signed in, 400 bad filter, 503 front unreachable).
// Only asked from this machine, and only when the hub runs with --web-publish.
#include "web/admin_auth.h"
#include "web/http_util.h"
#include "web/web_context.h"

namespace antrian::web {
namespace {

bool from_this_machine(const httplib::Request& req) {
  return req.remote_addr == "127.0.0.1" || req.remote_addr == "::1" || req.remote_addr == "::ffff:127.0.0.1";
}

}  // namespace

std::string WebContext::client_addr(const httplib::Request& req) const {
  if (front && from_this_machine(req) && req.has_header("X-Real-IP")) {
    std::string ip = req.get_header_value("X-Real-IP");
    if (!ip.empty() && ip.size() <= 45) return ip;
  }
  return req.remote_addr;
}

void mount_front_routes(httplib::Server& server, WebContext& ctx) {
  server.Get("/_front/auth", [&ctx](const httplib::Request& req, httplib::Response& res) {
    if (!ctx.front || !from_this_machine(req))
      return send_error(res, 404, "not_found", "there is no page /_front/auth");
    const std::string uri = req.get_header_value("X-Original-URI");
    const std::size_t q = uri.find('?');
    const std::string path = uri.substr(0, q);
    const std::string query = q == std::string::npos ? std::string() : uri.substr(q + 1);
    static const std::string ticket_prefix = "/api/t/", ticket_suffix = "/events";
    if (path.rfind(ticket_prefix, 0) == 0 && path.size() > ticket_prefix.size() + ticket_suffix.size() &&
        path.compare(path.size() - ticket_suffix.size(), ticket_suffix.size(), ticket_suffix) == 0) {
      const std::string token =
          path.substr(ticket_prefix.size(), path.size() - ticket_prefix.size() - ticket_suffix.size());
      return authorize_ticket_stream(ctx, req, res, token);
    }
    if (path == "/api/display/events") return authorize_display_stream(ctx, res, query);
    if (path == "/api/admin/events") {
      if (!require_admin(ctx, req, res, false)) return;
      std::string reason;
      if (!ctx.front->ensure_admin(reason)) return send_error(res, 503, "unreachable", "the live hall cannot start: " + reason);
      res.status = 200;
      return;
    }
    send_error(res, 404, "not_found", "the front asked about an unknown stream " + path.substr(0, 100));
  });
}

}  // namespace antrian::web
