// The public ticket status page (the QR on the paper ticket points here):
//   GET /t/<token>                 the page
//   GET /api/t/<token>             its data as JSON
//   GET /api/t/<token>/events      the same, live (server-sent events)
//   POST /api/t/<token>/survey     the satisfaction survey of a finished ticket, once
// Only the unguessable token finds a ticket (exactly 32 lower-case hex digits).
// Lookups are rate limited per token and per address, and lookups of unknown tokens
// much more strictly per address, so tokens cannot be guessed and ticket numbers
// cannot be walked through, while one person's typos never block a NAT full of
// phones. Behind the web front, /api/t/<token>/events is served by nchan after
// authorize_ticket_stream() said yes.
#include <memory>

#include "web/admin_auth.h"
#include "web/http_util.h"
#include "web/sse.h"
#include "web/ticket_status.h"
#include "web/web_context.h"

namespace antrian::web {
namespace {

enum class Lookup { found, unknown, limited };

struct LookupResult {
  Lookup kind = Lookup::unknown;
  json view;
  std::optional<Ticket> past;  // found in the database: a ticket of an earlier day
  int retry_after_s = 0;
  const char* why = "";  // which limit, for the reason
};

// Today's tickets first, then the last days' from the database. Limits: a found
// token spends its own budget (and the address's large one); an unknown one spends
// the address's small budget for misses, which never blocks valid tokens.
LookupResult lookup(WebContext& ctx, const httplib::Request& req, const std::string& token) {
  LookupResult r;
  const std::string who = ctx.client_addr(req);
  if (!ctx.status_addr_limiter.allow(who, 1, r.retry_after_s)) {
    r.kind = Lookup::limited;
    r.why = "too many lookups from this network";
    return r;
  }
  const int64_t now = ctx.now();
  std::optional<json> found;
  if (valid_token_format(token)) {
    found = ctx.hub.with_state([&](const OfficeState& s) { return ticket_status_today(s, token, now); });
    if (!found) {
      // The database is read without holding the hub's lock: take what names need.
      OfficeState names = ctx.hub.with_state([](const OfficeState& s) {
        OfficeState n;
        n.office = s.office;
        n.day = s.day;
        n.services = s.services;
        n.counters = s.counters;
        n.comeback = s.comeback;  // a bulk-moved ticket's entry outlives its day
        return n;
      });
      r.past = find_past_ticket(ctx.hub.database_path(), names, token, now);
      if (r.past) found = past_ticket_view(names, *r.past, now);
    }
  }
  if (!found) {
    r.kind = ctx.miss_limiter.allow(who, 1, r.retry_after_s) ? Lookup::unknown : Lookup::limited;
    r.why = "too many codes that match no ticket from this network";
    return r;
  }
  if (!ctx.status_token_limiter.allow(token, 1, r.retry_after_s)) {
    r.kind = Lookup::limited;
    r.why = "this ticket's page was opened too often";
    return r;
  }
  r.kind = Lookup::found;
  r.view = std::move(*found);
  return r;
}

void answer_problem(httplib::Response& res, const LookupResult& r, bool api) {
  if (r.kind == Lookup::limited) {
    res.set_header("Retry-After", std::to_string(r.retry_after_s));
    const std::string reason = std::string(r.why) + "; try again in " + std::to_string(r.retry_after_s) + " s";
    if (api) return send_error(res, 429, "rate_limited", reason);
    res.status = 429;
    return res.set_content(error_page_html(429, "rate_limited", reason, "web.error.retry_in",
                                           {std::to_string(r.retry_after_s)}),
                           "text/html; charset=utf-8");
  }
  const std::string reason = "no ticket has this code; check the link or scan the QR code on the ticket again";
  if (api) return send_error(res, 404, "not_found", reason);
  res.status = 404;
  // The page's own row says all the reason says, in both languages.
  res.set_content(error_page_html(404, "not_found", "", "web.error.no_ticket"), "text/html; charset=utf-8");
}

}  // namespace

void authorize_ticket_stream(WebContext& ctx, const httplib::Request& req, httplib::Response& res,
                             const std::string& token) {
  const LookupResult r = lookup(ctx, req, token);
  if (r.kind != Lookup::found) return answer_problem(res, r, true);
  std::string reason;
  if (!ctx.front->ensure_ticket(token, r.view, reason))
    return send_error(res, 503, "unreachable", "the live page cannot start: " + reason);
  // An earlier day's ticket whose come-back entry is open: its invitation is pushed live.
  if (r.past) ctx.front->follow_past_ticket(token, *r.past);
  res.status = 200;
}

void mount_status_routes(httplib::Server& server, WebContext& ctx) {
  server.Get(R"(/t/([^/]{1,100}))", [&ctx](const httplib::Request& req, httplib::Response& res) {
    const LookupResult r = lookup(ctx, req, req.matches[1]);
    if (r.kind != Lookup::found) return answer_problem(res, r, false);
    send_page(res, ctx, "status.html");
  });

  server.Get(R"(/api/t/([^/]{1,100}))", [&ctx](const httplib::Request& req, httplib::Response& res) {
    const LookupResult r = lookup(ctx, req, req.matches[1]);
    if (r.kind != Lookup::found) return answer_problem(res, r, true);
    send_json(res, {{"now", ctx.now()}, {"view", r.view}});
  });

  // The survey goes to the hub like any client's command (survey_submit), which
  // checks the answers, that the ticket is finished and that it answers once.
  server.Post(R"(/api/t/([^/]{1,100})/survey)", [&ctx](const httplib::Request& req, httplib::Response& res) {
    if (!same_origin(req)) return send_error(res, 403, "csrf", "refused: the request came from another site");
    const std::string token = req.matches[1];
    const LookupResult r = lookup(ctx, req, token);
    if (r.kind != Lookup::found) return answer_problem(res, r, true);
    auto body = json_body(req, res);
    if (!body) return;
    for (const auto& [key, _] : body->items())
      if (key != "answers") return send_error(res, 400, "bad_request", "unknown field \"" + key + "\" (send only answers)");
    if (!body->contains("answers")) return send_error(res, 400, "bad_request", "answers: missing (nine scores 1-4)");
    if (!ctx.link) return send_error(res, 503, "unreachable", "the web is not connected to the hub yet; try again");
    const proto::Reply reply =
        ctx.link->request("survey_submit", {{"token", token}, {"answers", (*body)["answers"]}}, "web:survey");
    if (!reply.ok) return send_hub_reply(res, reply);
    // Not the hub's ticket: its history names staff, and this page is public.
    send_json(res, {{"answered", true}, {"label", reply.result["ticket"].value("label", std::string())}});
  });

  server.Get(R"(/api/t/([^/]{1,100})/events)", [&ctx](const httplib::Request& req, httplib::Response& res) {
    const std::string token = req.matches[1];
    LookupResult r = lookup(ctx, req, token);
    if (r.kind != Lookup::found) return answer_problem(res, r, true);
    // After the day ends the ticket is no longer in today's state: keep showing the
    // last view, now marked as not today, instead of reading the database each time.
    // An earlier day's ticket is worked out again from the state too: its come-back
    // entry (place, invitation) changes after its day.
    auto last = std::make_shared<json>(std::move(r.view));
    auto past = std::make_shared<std::optional<Ticket>>(std::move(r.past));
    serve_sse(
        res, ctx.feed, "ticket",
        [&ctx, token, last, past] {
          const int64_t now = ctx.now();
          auto v = ctx.hub.with_state([&](const OfficeState& s) -> std::optional<json> {
            if (auto today = ticket_status_today(s, token, now)) return today;
            if (*past) return past_ticket_view(s, **past, now);
            return std::nullopt;
          });
          if (v) *last = std::move(*v);
          else (*last)["today"] = false;
          return last->dump();
        },
        [&ctx] { return ctx.now(); });
  });
}

}  // namespace antrian::web
