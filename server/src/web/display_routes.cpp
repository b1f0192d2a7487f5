// The browser display for TVs without the native program:
//   GET /display?services=A,B&lokets=1,2        the page
//   GET /api/display?services=..&lokets=..      its data as JSON
//   GET /api/display/events?...                 the same, live (server-sent events)
//   GET /display/audio/<event seq>.wav          the spoken call (chime + phrase)
#include "antrian/office_view.h"
#include "web/display_view.h"
#include "web/http_util.h"
#include "web/sse.h"
#include "web/web_context.h"

namespace antrian::web {
namespace {

std::optional<WebDisplayFilter> filter_of(const httplib::Request& req, httplib::Response& res, bool api) {
  std::string error;
  auto f = parse_display_filter(req.get_param_value("services"), req.get_param_value("lokets"), error);
  if (f) return f;
  if (api) {
    send_error(res, 400, "bad_request", error);
  } else {
    res.status = 400;
    res.set_content(error_page_html(400, error), "text/html; charset=utf-8");
  }
  return std::nullopt;
}

json view_now(WebContext& ctx, const WebDisplayFilter& f) {
  const auto calls = ctx.calls.recent(50);
  const int64_t now = ctx.now();
  return ctx.hub.with_state([&](const OfficeState& s) { return display_view(s, f, calls, now); });
}

}  // namespace

void mount_display_routes(httplib::Server& server, WebContext& ctx) {
  server.Get("/display", [&ctx](const httplib::Request& req, httplib::Response& res) {
    if (!filter_of(req, res, false)) return;
    send_page(res, ctx, "display.html");
  });

  server.Get("/api/display", [&ctx](const httplib::Request& req, httplib::Response& res) {
    auto f = filter_of(req, res, true);
    if (!f) return;
    send_json(res, {{"now", ctx.now()}, {"view", view_now(ctx, *f)}});
  });

  server.Get("/api/display/events", [&ctx](const httplib::Request& req, httplib::Response& res) {
    auto f = filter_of(req, res, true);
    if (!f) return;
    serve_sse(
        res, ctx.feed, "display", [&ctx, f = *f] { return view_now(ctx, f).dump(); }, [&ctx] { return ctx.now(); });
  });

  server.Get(R"(/display/audio/(\d{1,18})\.wav)", [&ctx](const httplib::Request& req, httplib::Response& res) {
    auto seq = parse_int(req.matches[1].str(), 1, INT64_MAX);
    auto call = seq ? ctx.calls.find(*seq) : std::nullopt;
    if (!call) return send_error(res, 404, "not_found", "no recent call has this number; only recent calls are spoken");
    const std::string service = ctx.hub.with_state([&](const OfficeState& s) {
      auto it = s.services.find(call->service);
      return it == s.services.end() ? call->service : it->second.name_id;
    });
    auto wav = ctx.audio.wav_for(*call, service);
    if (!wav) return send_error(res, 503, "speech_unavailable", "the hub could not synthesise the call: " + wav.error());
    // A call's audio never changes: TVs may keep it.
    res.set_header("Cache-Control", "public, max-age=3600, immutable");
    res.set_content(**wav, "audio/wav");
  });
}

}  // namespace antrian::web
