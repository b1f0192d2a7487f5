// The come-back list on the status page (issue 17):
//   POST /api/t/<token>/comeback   a ticket a bulk move closed joins its service's
//                                  come-back list and keeps its place (comeback_join)
// The token (the QR on the citizen's paper) is the proof; the page then shows the code,
// the place on the list and, once invited, the window (ticket_status.cpp).
#include "web/http_util.h"
#include "web/ticket_status.h"
#include "web/web_context.h"

namespace antrian::web {

void mount_comeback_routes(httplib::Server& server, WebContext& ctx) {
  server.Post(R"(/api/t/([^/]{1,100})/comeback)", [&ctx](const httplib::Request& req, httplib::Response& res) {
    const std::string token = req.matches[1];
    int retry = 0;
    if (!ctx.status_addr_limiter.allow(ctx.client_addr(req), 1, retry) ||
        (valid_token_format(token) && !ctx.status_token_limiter.allow(token, 1, retry))) {
      res.set_header("Retry-After", std::to_string(retry));
      return send_error(res, 429, "rate_limited", "too many tries; try again in " + std::to_string(retry) + " s");
    }
    if (!valid_token_format(token)) return send_error(res, 404, "not_found", "no ticket has this code");
    if (!ctx.link) return send_error(res, 503, "unreachable", "the web is not connected to the hub yet; try again");
    send_hub_reply(res, ctx.link->request("comeback_join", {{"token", token}}, "web:status"));
  });
}

}  // namespace antrian::web
