// Bookings on the office's web (booking.h):
//   GET  /booking                      the booking page (service, day, slot; name, phone, NIK)
//   GET  /api/booking/options          the services taking bookings, their dates and slots with free places
//   POST /api/booking                  {service, date, slot, name, phone, nik} -> booking_create -> {code, token, ...}
//   GET  /booking/<token>              the confirmation page (code, QR, check-in window, cancel)
//   GET  /api/booking/<token>          that booking, by its secret token
//   GET  /api/booking/<token>/qr.svg   a QR of the booking code (the kiosk's scanner or keypad)
//   POST /api/booking/<token>/cancel   booking_cancel
// Name, number and NIK pass to the hub and nowhere else: not into a log line or a page.
#include "antrian/booking.h"
#include "antrian/office_time.h"
#include "antrian/printing/qr.h"
#include "web/http_util.h"
#include "web/ticket_status.h"
#include "web/web_context.h"

namespace antrian::web {
namespace {

constexpr int64_t kMinuteMs = 60'000;

bool limited(WebContext& ctx, const httplib::Request& req, httplib::Response& res) {
  int retry = 0;
  if (ctx.status_addr_limiter.allow(ctx.client_addr(req), 1, retry)) return false;
  res.set_header("Retry-After", std::to_string(retry));
  send_error(res, 429, "rate_limited", "too many tries; try again in " + std::to_string(retry) + " s");
  return true;
}

int offset_of(const OfficeState& s) {
  int h = 7;
  timezone_offset_hours(s.office.timezone, h);
  return h;
}

json options_json(const OfficeState& s, int64_t now) {
  const int tz = offset_of(s);
  json services = json::array();
  for (const auto& [code, svc] : s.services) {
    json dates = json::array();
    for (const std::string& date : bookable_dates(s, code, now)) {
      json slots = json::array();
      int64_t noon = 0;
      for (const BookingSlot& x : booking_slots(s, code, date)) {
        noon = x.start_ms;
        if (x.start_ms <= now) continue;
        slots.push_back({{"slot", hhmm(x.from_min)}, {"until", hhmm(x.until_min)}, {"free", x.free()},
                         {"capacity", x.capacity}});
      }
      dates.push_back({{"date", date}, {"label_id", format_long_date_id(noon, tz)},
                       {"label_en", format_long_date_en(noon, tz)}, {"slots", slots}});
    }
    if (dates.empty()) continue;
    services.push_back({{"code", code}, {"name_id", svc.name_id}, {"name_en", svc.name_en}, {"dates", dates}});
  }
  return services;
}

// The booking's public view for its holder (the token proves it).
std::optional<json> booking_view(const OfficeState& s, const std::string& token) {
  for (const auto& [_, b] : s.bookings) {
    if (b.token != token) continue;
    const int tz = offset_of(s);
    const auto [opens, closes] = booking_checkin_window(s, b);
    json j = to_json(b, false);
    j["code"] = b.code;  // the holder's own code, on their page
    auto svc = s.services.find(b.service);
    j["name_id"] = svc == s.services.end() ? b.service : svc->second.name_id;
    j["name_en"] = svc == s.services.end() ? b.service : svc->second.name_en;
    j["when_id"] = booking_when_text(s, b, Lang::id);
    j["when_en"] = booking_when_text(s, b, Lang::en);
    j["checkin_from"] = format_hhmm(opens, tz);
    j["checkin_until"] = format_hhmm(closes, tz);
    if (auto t = s.tickets.find(b.ticket_id); b.ticket_id && t != s.tickets.end()) j["ticket"] = t->second.label();
    return j;
  }
  return std::nullopt;
}

std::string qr_svg(const std::string& text) {
  auto encoded = printing::encode_qr(text);
  if (!encoded) return {};
  const printing::QrMatrix* qr = &encoded.value();
  const int quiet = 4, size = qr->size + 2 * quiet;
  std::string path;
  for (int y = 0; y < qr->size; ++y)
    for (int x = 0; x < qr->size; ++x)
      if (qr->dark(x, y)) path += "M" + std::to_string(x + quiet) + " " + std::to_string(y + quiet) + "h1v1h-1z";
  return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + std::to_string(size) + " " + std::to_string(size) +
         "\" shape-rendering=\"crispEdges\"><rect width=\"100%\" height=\"100%\" fill=\"#fff\"/><path fill=\"#000\" d=\"" +
         path + "\"/></svg>";
}

void to_hub(WebContext& ctx, httplib::Response& res, std::string_view cmd, json args) {
  if (!ctx.link) return send_error(res, 503, "unreachable", "the web is not connected to the hub yet; try again");
  send_hub_reply(res, ctx.link->request(cmd, std::move(args), "web:booking"));
}

}  // namespace

void mount_booking_routes(httplib::Server& server, WebContext& ctx) {
  server.Get("/booking", [&ctx](const httplib::Request&, httplib::Response& res) { send_page(res, ctx, "booking.html"); });

  server.Get("/api/booking/options", [&ctx](const httplib::Request&, httplib::Response& res) {
    const int64_t now = ctx.now();
    json services = ctx.hub.with_state([now](const OfficeState& s) { return options_json(s, now); });
    send_json(res, {{"now", now}, {"services", services}, {"retention_days", ctx.hub.personal_data_days()}});
  });

  server.Post("/api/booking", [&ctx](const httplib::Request& req, httplib::Response& res) {
    if (limited(ctx, req, res)) return;
    auto body = json_body(req, res);
    if (!body) return;
    if (!body->is_object()) return send_error(res, 400, "bad_request", "send {service, date, slot, name, phone, nik}");
    json args = json::object();
    for (const char* f : {"service", "date", "slot", "name", "phone", "nik"}) {
      auto it = body->find(f);
      if (it == body->end() || !it->is_string())
        return send_error(res, 400, "bad_request", std::string("args.") + f + ": missing (a text)");
      args[f] = *it;
    }
    if (body->size() != args.size()) return send_error(res, 400, "bad_request", "only service, date, slot, name, phone and nik");
    to_hub(ctx, res, "booking_create", std::move(args));
  });

  server.Get(R"(/booking/([0-9a-f]{32}))", [&ctx](const httplib::Request&, httplib::Response& res) {
    send_page(res, ctx, "booking-done.html");
  });

  server.Get(R"(/api/booking/([0-9a-f]{32}))", [&ctx](const httplib::Request& req, httplib::Response& res) {
    if (limited(ctx, req, res)) return;
    const std::string token = req.matches[1];
    auto view = ctx.hub.with_state([&token](const OfficeState& s) { return booking_view(s, token); });
    if (!view) return send_error(res, 404, "not_found", "no booking has this link");
    send_json(res, {{"now", ctx.now()}, {"booking", *view}});
  });

  server.Get(R"(/api/booking/([0-9a-f]{32})/qr\.svg)", [&ctx](const httplib::Request& req, httplib::Response& res) {
    if (limited(ctx, req, res)) return;
    const std::string token = req.matches[1];
    auto view = ctx.hub.with_state([&token](const OfficeState& s) { return booking_view(s, token); });
    if (!view) return send_error(res, 404, "not_found", "no booking has this link");
    res.set_header("Cache-Control", "no-store");
    res.set_content(qr_svg((*view)["code"].get<std::string>()), "image/svg+xml");
  });

  server.Post(R"(/api/booking/([0-9a-f]{32})/cancel)", [&ctx](const httplib::Request& req, httplib::Response& res) {
    if (limited(ctx, req, res)) return;
    to_hub(ctx, res, "booking_cancel", {{"token", std::string(req.matches[1])}});
  });
}

}  // namespace antrian::web
