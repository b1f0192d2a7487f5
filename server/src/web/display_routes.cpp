// The browser display for TVs without the native program:
//   GET /display?services=A,B&lokets=1,2        the page
//   GET /api/display?services=..&lokets=..      its data as JSON
//   GET /api/display/events?...                 the same, live (server-sent events)
//   GET /display/audio/<event seq>.wav          the spoken call (chime + phrase)
// Behind the web front, /api/display/events is served by nchan (channel
// d.<services>.<lokets>) after authorize_display_stream() said yes.
#include <algorithm>
#include <cctype>

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
    res.set_content(error_page_html(400, "bad_request", error, "web.error.display_filter"), "text/html; charset=utf-8");
  }
  return std::nullopt;
}

json view_now(WebContext& ctx, const WebDisplayFilter& f) {
  const auto calls = ctx.calls.recent(50);
  const int64_t now = ctx.now();
  return ctx.hub.with_state([&](const OfficeState& s) { return display_view(s, f, calls, now); });
}

// nginx's $arg_NAME: the raw (still encoded) value of the first NAME= in the
// query, the name compared without case.
std::string raw_arg(std::string_view query, std::string_view name) {
  while (!query.empty()) {
    const std::size_t amp = query.find('&');
    std::string_view part = query.substr(0, amp);
    query = amp == std::string_view::npos ? std::string_view{} : query.substr(amp + 1);
    const std::size_t eq = part.find('=');
    std::string_view key = part.substr(0, eq);
    if (key.size() == name.size() &&
        std::equal(key.begin(), key.end(), name.begin(), [](char a, char b) { return std::tolower(a) == std::tolower(b); }))
      return eq == std::string_view::npos ? std::string() : std::string(part.substr(eq + 1));
  }
  return {};
}

}  // namespace

void authorize_display_stream(WebContext& ctx, httplib::Response& res, std::string_view query) {
  // The front names the channel "d.$arg_services.$arg_lokets" from the raw values,
  // so the hub must see exactly those: plain letters, digits and commas only.
  const std::string services = raw_arg(query, "services"), lokets = raw_arg(query, "lokets");
  for (const std::string* v : {&services, &lokets})
    for (char c : *v)
      if (!std::isalnum(static_cast<unsigned char>(c)) && c != ',')
        return send_error(res, 400, "bad_request",
                          "write services and lokets plainly, e.g. /display?services=A,B&lokets=1,2 (no encoded characters)");
  std::string error;
  auto f = parse_display_filter(services, lokets, error);
  if (!f) return send_error(res, 400, "bad_request", error);
  std::string reason;
  if (!ctx.front->ensure_display("d." + services + "." + lokets, *f, reason))
    return send_error(res, 503, "busy", reason);
  res.status = 200;
}

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
