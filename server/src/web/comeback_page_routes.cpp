// The come-back code's own page (issue 17): a citizen who joined the come-back list at
// the kiosk leaves with a code only (on the screen, on the slip with a QR to this page).
//   GET  /k                    the page: type the code
//   GET  /k/<code>             the page of one code (the slip's QR points here)
//   GET  /api/k/<code>         {now, view}: the entry (comeback_view.h)
//   POST /api/k/<code>/contact {"phone"}: the number the invitation goes to (contact_set)
// Codes are short (6 characters of 31), so lookups are limited like the status page's:
// a found code spends its own budget and its address's large one; a code that is
// malformed or matches nothing spends the address's small budget for misses.
#include "antrian/comeback.h"
#include "web/admin_auth.h"
#include "web/comeback_view.h"
#include "web/http_util.h"
#include "web/web_context.h"

namespace antrian::web {
namespace {

constexpr const char* kBadCode = "a come-back code is 6 letters and digits like K7M2QX (no 0, O, 1, I or L); "
                                 "check the code on the paper";

// The entry's view for a typed code, or the error already answered (nullopt).
std::optional<json> lookup(WebContext& ctx, const httplib::Request& req, httplib::Response& res,
                           const std::string& typed) {
  int retry = 0;
  auto limited = [&res, &retry](const std::string& why) {
    res.set_header("Retry-After", std::to_string(retry));
    send_error(res, 429, "rate_limited", why + "; try again in " + std::to_string(retry) + " s");
    return std::nullopt;
  };
  const std::string who = ctx.client_addr(req);
  if (!ctx.status_addr_limiter.allow(who, 1, retry)) return limited("too many lookups from this network");
  const std::optional<std::string> code = typed.size() <= 32 ? normalize_comeback_code(typed) : std::nullopt;
  const int64_t now = ctx.now();
  std::optional<json> view;
  if (code)
    view = ctx.hub.with_state([&](const OfficeState& s) -> std::optional<json> {
      const ComebackEntry* e = find_comeback_entry(s, *code);
      if (!e) return std::nullopt;
      return comeback_page_view(s, *e, now);
    });
  if (!view) {
    if (!ctx.miss_limiter.allow(who, 1, retry)) return limited("too many codes that match nothing from this network");
    if (!code) send_error(res, 400, "bad_request", kBadCode);
    else
      send_error(res, 404, "not_found",
                 "no come-back entry has the code " + *code +
                     " (an entry that came or expired is kept until the end of its day); check the code on the paper");
    return std::nullopt;
  }
  if (!ctx.status_token_limiter.allow("k:" + *code, 1, retry)) return limited("this code's page was opened too often");
  return view;
}

}  // namespace

void mount_comeback_page_routes(httplib::Server& server, WebContext& ctx) {
  // The page looks nothing up itself: its script asks /api/k/<code>, so a mistyped
  // code is answered beside the form, where it can be typed again.
  server.Get("/k", [&ctx](const httplib::Request&, httplib::Response& res) { send_page(res, ctx, "comeback.html"); });
  server.Get(R"(/k/([^/]{1,100}))",
             [&ctx](const httplib::Request&, httplib::Response& res) { send_page(res, ctx, "comeback.html"); });

  server.Get(R"(/api/k/([^/]{1,100}))", [&ctx](const httplib::Request& req, httplib::Response& res) {
    auto view = lookup(ctx, req, res, req.matches[1]);
    if (!view) return;
    send_json(res, {{"now", ctx.now()}, {"view", std::move(*view)}});
  });

  // The hub checks the number and that the entry is still open (contact_set {code,
  // phone}); the number is not kept here, not logged, and never shown back whole.
  server.Post(R"(/api/k/([^/]{1,100})/contact)", [&ctx](const httplib::Request& req, httplib::Response& res) {
    if (!same_origin(req)) return send_error(res, 403, "csrf", "refused: the request came from another site");
    auto view = lookup(ctx, req, res, req.matches[1]);
    if (!view) return;
    auto body = json_body(req, res);
    if (!body) return;
    if (!body->is_object() || body->size() != 1 || !body->contains("phone") || !(*body)["phone"].is_string())
      return send_error(res, 400, "bad_request", "send {\"phone\": \"0812...\"}");
    if (!ctx.link) return send_error(res, 503, "unreachable", "the web is not connected to the hub yet; try again");
    send_hub_reply(res, ctx.link->request("contact_set", {{"code", (*view)["code"]}, {"phone", (*body)["phone"]}},
                                          "web:comeback"));
  });
}

}  // namespace antrian::web
