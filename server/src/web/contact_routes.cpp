// Messages to citizens' phones on the web:
//   GET  /api/messages               {"sends": bool}: whether the status page offers the form
//   POST /api/t/<token>/contact      {"phone"}: leave a number for the ticket (contact_set)
//   GET  /api/admin/outbox           delivery state per channel and the latest failures (admin)
//   POST /api/admin/contact-export   {"phone"}: one person's data (admin)
//   POST /api/admin/contact-delete   {"phone"}: delete it (admin)
// The number goes to the hub and nowhere else: not into a log line, not into a page.
#include "web/admin_auth.h"
#include "web/http_util.h"
#include "web/ticket_status.h"
#include "web/web_context.h"

namespace antrian::web {
namespace {

void to_hub(WebContext& ctx, httplib::Response& res, std::string_view cmd, json args, const std::string& who) {
  if (!ctx.link) return send_error(res, 503, "unreachable", "the web is not connected to the hub yet; try again");
  send_hub_reply(res, ctx.link->request(cmd, std::move(args), who));
}

// {"phone": text} from the body, or an error answered.
std::optional<json> phone_body(const httplib::Request& req, httplib::Response& res) {
  auto body = json_body(req, res);
  if (!body) return std::nullopt;
  if (!body->is_object() || !body->contains("phone") || !(*body)["phone"].is_string()) {
    send_error(res, 400, "bad_request", "send {\"phone\": \"0812...\"}");
    return std::nullopt;
  }
  return json{{"phone", (*body)["phone"]}};
}

}  // namespace

void mount_contact_routes(httplib::Server& server, WebContext& ctx) {
  server.Get("/api/messages", [&ctx](const httplib::Request&, httplib::Response& res) {
    send_json(res, {{"sends", ctx.hub.sends_messages()}});
  });

  server.Post(R"(/api/t/([^/]{1,100})/contact)", [&ctx](const httplib::Request& req, httplib::Response& res) {
    const std::string token = req.matches[1];
    int retry = 0;
    // The page's own limits: a phone saving its number is one lookup.
    if (!ctx.status_addr_limiter.allow(ctx.client_addr(req), 1, retry) ||
        (valid_token_format(token) && !ctx.status_token_limiter.allow(token, 1, retry))) {
      res.set_header("Retry-After", std::to_string(retry));
      return send_error(res, 429, "rate_limited", "too many tries; try again in " + std::to_string(retry) + " s");
    }
    if (!valid_token_format(token)) return send_error(res, 404, "not_found", "no ticket has this code");
    auto args = phone_body(req, res);
    if (!args) return;
    (*args)["token"] = token;
    to_hub(ctx, res, "contact_set", std::move(*args), "web:status");
  });

  server.Get("/api/admin/outbox", [&ctx](const httplib::Request& req, httplib::Response& res) {
    auto s = require_admin(ctx, req, res, false);
    if (!s) return;
    to_hub(ctx, res, "outbox_status", json::object(), "web:" + s->staff);
  });
  for (const char* what : {"export", "delete"}) {
    const std::string cmd = std::string("contact_") + what;
    server.Post(std::string("/api/admin/contact-") + what, [&ctx, cmd](const httplib::Request& req, httplib::Response& res) {
      auto s = require_admin(ctx, req, res, true);
      if (!s) return;
      auto args = phone_body(req, res);
      if (!args) return;
      to_hub(ctx, res, cmd, std::move(*args), "web:" + s->staff);
    });
  }
}

}  // namespace antrian::web
