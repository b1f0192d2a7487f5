// Admin pages and their API. Every change goes to the hub as a command (through the
// web's HubLink, role admin) so the hub's rules, log and events apply as for any
// client; the page only reads the state directly. Routes (JSON; POSTs need the
// session cookie and X-CSRF-Token):
//   GET  /admin                               the page
//   GET  /api/admin/overview                  the hall, services, lokets, staff, ...
//   GET  /api/admin/events                    the same, live (server-sent events)
//   POST /api/admin/disruptions               declare {resource, level, message_id,
//                                             message_en, expected_minutes|expected_end, services}
//   POST /api/admin/disruptions/<id>          edit (expected end, level, messages, services)
//   POST /api/admin/disruptions/<id>/clear    clear
//   POST /api/admin/resources/<id>            {stock|stock_add|low_threshold|working|total}
//   POST /api/admin/announcement              {text}
//   POST /api/admin/staff                     {id, name, pin, admin, active}
//   POST /api/admin/service                   {code, name_id, name_en, daily_quota, mean_service_s,
//                                             enabled, alternative_id, alternative_en,
//                                             alternative_service} (service_set)
//   POST /api/admin/counter                   {number, name, services} (counter_set)
//   POST /api/admin/bulk-move                 {service, to_service, reason}: every waiting
//                                             ticket moved, or closed with the reason (bulk_move)
//   POST /api/admin/booking-move              {service, date, to_date | cancel, reason}: a day's
//                                             bookings moved or cancelled (booking_move)
//   POST /api/admin/closures                  {date, closed, kind, reason_id, reason_en}: close the
//                                             office on a date or open it again (calendar_set)
//   GET  /api/admin/ticket?number=A-006       the information desk: a ticket of today by its
//                                             number, its state, times and allowed actions (ticket_find)
//   POST /api/admin/restore-no-show           {ticket}: a no-show back into line (restore_no_show)
//   POST /api/admin/counters/<n>/force-sign-out  {reason}: free a loket left signed in (force_sign_out)
#include "antrian/comeback.h"
#include "antrian/model_json.h"
#include "antrian/office_calendar.h"
#include "antrian/office_time.h"
#include "antrian/office_view.h"
#include "antrian/queue_rules.h"
#include "antrian/booking.h"
#include "web/admin_auth.h"
#include "web/http_util.h"
#include "web/sse.h"
#include "web/ticket_status.h"
#include "web/web_context.h"

namespace antrian::web {
namespace {

// Longest an expected end may lie ahead (the hub accepts up to 90 days).
constexpr int64_t kMaxExpectedMinutes = 90LL * 24 * 60;

}  // namespace

// The admin hall (declared in web_context.h: the front publisher sends it too).
// Each service's come-back list that has anyone on it today: the hub's counts, and the
// window of the batch invited now ("09:00–11:00 hari ini").
json comeback_panel(const OfficeState& s, int64_t now) {
  json out = comeback_counts_json(s);
  int tz = 7;
  timezone_offset_hours(s.office.timezone, tz);
  for (const auto& [_, e] : s.comeback)
    if (e.state == "invited" && out.contains(e.service) && !out[e.service].contains("window"))
      out[e.service]["window"] = comeback_window_text(e, now, tz, Lang::id);
  return out;
}

json overview(const OfficeState& s, int64_t now) {
  json services = json::array();
  for (const ServiceSummary& x : service_summaries(s, now)) {
    json row = to_json(x);
    row.erase("disruptions");
    row["config"] = to_json(s.services.at(x.code));
    services.push_back(row);
  }
  json counters = json::array();
  for (const auto& [n, c] : s.counters) {
    json row = to_json(c);
    auto staff = s.staff.find(c.staff);
    row["staff_name"] = staff == s.staff.end() ? "" : staff->second.name;
    auto t = s.tickets.find(c.current_ticket);
    row["ticket"] = c.current_ticket != 0 && t != s.tickets.end() && t->second.is_open()
                        ? json{{"label", t->second.label()}, {"state", to_string(t->second.state)},
                               {"service", t->second.service}}
                        : json(nullptr);
    counters.push_back(row);
  }
  json staff = json::array();
  for (const auto& [id, m] : s.staff) {
    json row = to_json(m, /*with_secret=*/false);
    row["loket"] = nullptr;
    for (const auto& [n, c] : s.counters)
      if (c.staff == id && c.state != CounterState::closed) row["loket"] = n;
    staff.push_back(row);
  }
  json resources = json::array();
  for (const auto& [_, r] : s.resources) resources.push_back(to_json(r));
  json disruptions = json::array();
  for (const auto& [_, d] : s.disruptions) disruptions.push_back(to_json(d));
  json devices = json::array();
  for (const auto& [_, d] : s.devices) devices.push_back(to_json(d));
  int waiting = 0, served = 0, issued = 0;
  for (const auto& [_, t] : s.tickets) {
    waiting += t.state == TicketState::waiting;
    served += t.state == TicketState::done;
    issued += t.transferred_from == 0;
  }
  json closures = json::array();
  for (const auto& [date, c] : s.closures)
    if (date >= s.day) closures.push_back(to_json(c));  // past dates are history
  return {{"office", office_header(s)},
          {"hours", to_json(office_hours_summary(s, now))},
          {"calendar", to_json(s.office.hours)},
          {"shortages", [&] { json l = json::array(); for (const Shortage& x : shortages(s)) l.push_back(to_json(x)); return l; }()},
          {"closures", closures},
          {"seq", s.seq},
          {"totals", {{"issued", issued}, {"waiting", waiting}, {"served", served}}},
          {"bookings", booking_counts_json(s)},  // today's, per service taking bookings (booking.h)
          {"services", services},
          {"counters", counters},
          {"staff", staff},
          {"resources", resources},
          {"disruptions", disruptions},
          {"devices", devices},
          {"announcement", s.announcement},
          {"comeback", comeback_panel(s, now)},
          // What the hub cannot change at runtime (see docs/API.md); services and
          // lokets are edited with service_set / counter_set.
          {"read_only", json::array()}};
}

namespace {

// Copies the fields a command accepts from the page's body; unknown fields are
// refused so a typo is not silently ignored.
std::optional<json> pick(const json& body, std::initializer_list<const char*> allowed, httplib::Response& res) {
  json out = json::object();
  for (const auto& [key, value] : body.items()) {
    bool ok = false;
    for (const char* a : allowed) ok |= key == a;
    if (!ok) {
      std::string list;
      for (const char* a : allowed) list += (list.empty() ? "" : ", ") + std::string(a);
      send_error(res, 400, "bad_request", "unknown field \"" + key + "\" (fields: " + list + ")");
      return std::nullopt;
    }
    out[key] = value;
  }
  return out;
}

// expected_minutes (from now) becomes the hub's expected_end (unix ms).
bool resolve_expected_end(json& args, int64_t now, httplib::Response& res) {
  if (!args.contains("expected_minutes")) return true;
  const json m = args["expected_minutes"];
  args.erase("expected_minutes");
  if (args.contains("expected_end")) {
    send_error(res, 400, "bad_request", "give expected_minutes or expected_end, not both");
    return false;
  }
  if (m.is_null()) {
    args["expected_end"] = nullptr;
    return true;
  }
  if (!m.is_number_integer() || m.get<int64_t>() < 1 || m.get<int64_t>() > kMaxExpectedMinutes) {
    send_error(res, 400, "bad_request",
               "expected_minutes: a whole number of minutes from 1 to " + std::to_string(kMaxExpectedMinutes) +
                   ", or null when unknown");
    return false;
  }
  args["expected_end"] = now + m.get<int64_t>() * 60'000;
  return true;
}

// Runs a command for a signed-in admin and answers with the hub's reply.
void run_command(WebContext& ctx, httplib::Response& res, const AdminSession& s, std::string_view cmd, json args) {
  if (!ctx.link) return send_error(res, 503, "unreachable", "the web is not connected to the hub yet; try again");
  send_hub_reply(res, ctx.link->request(cmd, std::move(args), "web:" + s.staff));
}

}  // namespace

void mount_admin_routes(httplib::Server& server, WebContext& ctx) {
  server.Get("/admin", [&ctx](const httplib::Request&, httplib::Response& res) { send_page(res, ctx, "admin.html"); });

  server.Get("/api/admin/overview", [&ctx](const httplib::Request& req, httplib::Response& res) {
    if (!require_admin(ctx, req, res, false)) return;
    const int64_t now = ctx.now();
    json body = ctx.hub.with_state([now](const OfficeState& s) { return overview(s, now); });
    send_json(res, {{"now", now}, {"view", body}});
  });

  server.Get("/api/admin/events", [&ctx](const httplib::Request& req, httplib::Response& res) {
    auto session = require_admin(ctx, req, res, false);
    if (!session) return;
    // The stream ends when the session does (signed out, expired, no longer an admin).
    const std::string id = session->id;
    serve_sse(
        res, ctx.feed, "overview",
        [&ctx, id] {
          if (!ctx.sessions.alive(id, real_now_ms())) return std::string("null");
          const int64_t now = ctx.now();
          return ctx.hub.with_state([now](const OfficeState& s) { return overview(s, now); }).dump();
        },
        [&ctx] { return ctx.now(); });
  });

  server.Post("/api/admin/disruptions", [&ctx](const httplib::Request& req, httplib::Response& res) {
    auto s = require_admin(ctx, req, res, true);
    if (!s) return;
    auto body = json_body(req, res);
    if (!body) return;
    auto args = pick(*body, {"resource", "level", "message_id", "message_en", "expected_end", "expected_minutes",
                             "services"}, res);
    if (!args || !resolve_expected_end(*args, ctx.now(), res)) return;
    run_command(ctx, res, *s, "disruption_set", std::move(*args));
  });

  server.Post(R"(/api/admin/disruptions/(\d{1,15}))", [&ctx](const httplib::Request& req, httplib::Response& res) {
    auto s = require_admin(ctx, req, res, true);
    if (!s) return;
    auto body = json_body(req, res);
    if (!body) return;
    auto args = pick(*body, {"level", "message_id", "message_en", "expected_end", "expected_minutes", "services"}, res);
    if (!args || !resolve_expected_end(*args, ctx.now(), res)) return;
    if (args->empty()) return send_error(res, 400, "bad_request", "nothing to change: give expected_minutes, level, ...");
    (*args)["id"] = *parse_int(req.matches[1].str(), 0, INT64_MAX);
    run_command(ctx, res, *s, "disruption_set", std::move(*args));
  });

  server.Post(R"(/api/admin/disruptions/(\d{1,15})/clear)", [&ctx](const httplib::Request& req, httplib::Response& res) {
    auto s = require_admin(ctx, req, res, true);
    if (!s) return;
    run_command(ctx, res, *s, "disruption_clear", {{"id", *parse_int(req.matches[1].str(), 0, INT64_MAX)}});
  });

  server.Post(R"(/api/admin/resources/([A-Za-z0-9_.-]{1,64}))", [&ctx](const httplib::Request& req,
                                                                       httplib::Response& res) {
    auto s = require_admin(ctx, req, res, true);
    if (!s) return;
    auto body = json_body(req, res);
    if (!body) return;
    auto args = pick(*body, {"stock", "stock_add", "low_threshold", "working", "total"}, res);
    if (!args) return;
    if (args->empty()) return send_error(res, 400, "bad_request", "nothing to change: give stock, stock_add, ...");
    (*args)["resource"] = req.matches[1].str();
    run_command(ctx, res, *s, "resource_set", std::move(*args));
  });

  server.Post("/api/admin/announcement", [&ctx](const httplib::Request& req, httplib::Response& res) {
    auto s = require_admin(ctx, req, res, true);
    if (!s) return;
    auto body = json_body(req, res);
    if (!body) return;
    auto args = pick(*body, {"text"}, res);
    if (!args) return;
    run_command(ctx, res, *s, "announcement_set", std::move(*args));
  });

  server.Post("/api/admin/staff", [&ctx](const httplib::Request& req, httplib::Response& res) {
    auto s = require_admin(ctx, req, res, true);
    if (!s) return;
    auto body = json_body(req, res);
    if (!body) return;
    auto args = pick(*body, {"id", "name", "pin", "admin", "active"}, res);
    if (!args) return;
    // An admin cannot lock themselves out of the admin pages by mistake.
    if (args->value("id", json()).is_string() && (*args)["id"] == s->staff &&
        ((args->contains("admin") && (*args)["admin"] == false) ||
         (args->contains("active") && (*args)["active"] == false)))
      return send_error(res, 409, "illegal_state",
                        "you cannot remove your own admin rights or deactivate yourself; ask another admin");
    run_command(ctx, res, *s, "staff_set", std::move(*args));
  });

  // A service's names, daily quota, mean service time, open/closed and alternative;
  // the hub checks every value as it checks the config file.
  server.Post("/api/admin/service", [&ctx](const httplib::Request& req, httplib::Response& res) {
    auto s = require_admin(ctx, req, res, true);
    if (!s) return;
    auto body = json_body(req, res);
    if (!body) return;
    auto args = pick(*body, {"code", "name_id", "name_en", "daily_quota", "mean_service_s", "enabled",
                             "alternative_id", "alternative_en", "alternative_service"}, res);
    if (!args) return;
    if (!args->contains("code") || !(*args)["code"].is_string())
      return send_error(res, 400, "bad_request", "code: give the service's code, e.g. \"A\"");
    if (args->size() < 2)
      return send_error(res, 400, "bad_request", "nothing to change: give name_id, name_en, daily_quota, enabled, ...");
    run_command(ctx, res, *s, "service_set", std::move(*args));
  });

  // A loket's name and the services it serves, most preferred first.
  server.Post("/api/admin/counter", [&ctx](const httplib::Request& req, httplib::Response& res) {
    auto s = require_admin(ctx, req, res, true);
    if (!s) return;
    auto body = json_body(req, res);
    if (!body) return;
    auto args = pick(*body, {"number", "name", "services"}, res);
    if (!args) return;
    if (!args->contains("number") || !(*args)["number"].is_number_integer())
      return send_error(res, 400, "bad_request", "number: give the loket's number, e.g. 1");
    if (args->size() < 2) return send_error(res, 400, "bad_request", "nothing to change: give name or services");
    run_command(ctx, res, *s, "counter_set", std::move(*args));
  });

  // Holidays and one-off closures: the hub's calendar_set, logged as calendar_changed.
  server.Post("/api/admin/closures", [&ctx](const httplib::Request& req, httplib::Response& res) {
    auto s = require_admin(ctx, req, res, true);
    if (!s) return;
    auto body = json_body(req, res);
    if (!body) return;
    auto args = pick(*body, {"date", "closed", "kind", "reason_id", "reason_en"}, res);
    if (!args) return;
    run_command(ctx, res, *s, "calendar_set", std::move(*args));
  });

  // Every waiting ticket of a service moved to another service (label, token, priority
  // and place in line kept), or, without to_service, closed with the reason.
  server.Post("/api/admin/bulk-move", [&ctx](const httplib::Request& req, httplib::Response& res) {
    auto s = require_admin(ctx, req, res, true);
    if (!s) return;
    auto body = json_body(req, res);
    if (!body) return;
    auto args = pick(*body, {"service", "to_service", "reason"}, res);
    if (!args) return;
    // The page's "close with a reason" choice is an empty to_service.
    if (args->contains("to_service") && (*args)["to_service"] == "") args->erase("to_service");
    run_command(ctx, res, *s, "bulk_move", std::move(*args));
  });

  // Every open booking of a service on a day moved to another day, or cancelled; each
  // booker gets a message (the hub's booking_move, all or nothing).
  server.Post("/api/admin/booking-move", [&ctx](const httplib::Request& req, httplib::Response& res) {
    auto s = require_admin(ctx, req, res, true);
    if (!s) return;
    auto body = json_body(req, res);
    if (!body) return;
    auto args = pick(*body, {"service", "date", "to_date", "cancel", "reason"}, res);
    if (!args) return;
    run_command(ctx, res, *s, "booking_move", std::move(*args));
  });

  // The information desk: find a ticket of today by the number on its paper.
  server.Get("/api/admin/ticket", [&ctx](const httplib::Request& req, httplib::Response& res) {
    auto s = require_admin(ctx, req, res, false);
    if (!s) return;
    const std::string number = req.get_param_value("number");
    if (number.empty()) return send_error(res, 400, "bad_request", "number: give the ticket's number, e.g. A-006");
    run_command(ctx, res, *s, "ticket_find", {{"number", number}});
  });

  // A no-show whose applicant came back goes back into line (within the office's time).
  server.Post("/api/admin/restore-no-show", [&ctx](const httplib::Request& req, httplib::Response& res) {
    auto s = require_admin(ctx, req, res, true);
    if (!s) return;
    auto body = json_body(req, res);
    if (!body) return;
    auto args = pick(*body, {"ticket"}, res);
    if (!args) return;
    run_command(ctx, res, *s, "restore_no_show", std::move(*args));
  });

  // A loket left signed in by a crashed PC: closed by the admin (logged with who did it).
  server.Post(R"(/api/admin/counters/(\d{1,3})/force-sign-out)", [&ctx](const httplib::Request& req,
                                                                        httplib::Response& res) {
    auto s = require_admin(ctx, req, res, true);
    if (!s) return;
    auto body = json_body(req, res);
    if (!body) return;
    auto args = pick(*body, {"reason"}, res);
    if (!args) return;
    (*args)["counter"] = *parse_int(req.matches[1].str(), 0, 999);
    run_command(ctx, res, *s, "force_sign_out", std::move(*args));
  });
}

}  // namespace antrian::web
