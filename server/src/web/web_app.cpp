#include "web/web_app.h"

#include <sstream>

#include "antrian/office_time.h"
#include "web/admin_auth.h"
#include "web/http_util.h"
#include "web/web_context.h"

namespace antrian::web {

void send_page(httplib::Response& res, const WebContext& ctx, const char* file) {
  auto html = ctx.pages.render(file);
  if (!html) {
    res.status = 500;
    res.set_content(error_page_html(500, "internal",
                                    std::string("the page file ") + file + " is missing from " + ctx.pages.root() +
                                        "; reinstall the hub's web files",
                                    "web.error.missing_file"),
                    "text/html; charset=utf-8");
    return;
  }
  res.set_content(*html, "text/html; charset=utf-8");
}

WebApp::WebApp(Hub& hub) : ctx_(std::make_unique<WebContext>(hub)) {
  // A page woken by an event may have read the forecast of the state before it (the
  // hub makes the new one right after publishing the event): wake it again.
  hub.on_forecast([feed = &ctx_->feed] { feed->bump(); });
}

WebApp::~WebApp() { stop(); }

void WebApp::mount(httplib::Server& server) {
  WebContext& ctx = *ctx_;
  // Every live page holds a worker thread; the default pool (8) would run out.
  server.new_task_queue = [] { return new httplib::ThreadPool(kHttpThreads); };
  server.set_payload_max_length(kMaxBodyBytes);
  server.set_default_headers(security_headers());
  server.set_post_routing_handler([](const httplib::Request& req, httplib::Response& res) {
    if (res.has_header("Cache-Control")) return;
    // Scripts and styles may be kept a few minutes (cheap phones, slow Wi-Fi); the
    // rest changes all the time.
    res.set_header("Cache-Control", req.path.rfind("/static/", 0) == 0 ? "public, max-age=300" : "no-store");
  });
  // No path tricks: an encoded NUL or control byte (/static/style.css%00.js would
  // serve CSS as JavaScript), a backslash or a dot segment is refused before routing.
  server.set_pre_routing_handler([](const httplib::Request& req, httplib::Response& res) {
    for (char c : req.path) {
      if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f || c == '\\') {
        send_error(res, 400, "bad_request", "the address has characters no page of the hub uses");
        return httplib::Server::HandlerResponse::Handled;
      }
    }
    if (req.path.find("/../") != std::string::npos || req.path.find("/./") != std::string::npos) {
      send_error(res, 400, "bad_request", "the address has a dot segment; no page of the hub uses one");
      return httplib::Server::HandlerResponse::Handled;
    }
    // A live stream has no byte ranges: with a Range header the server would answer
    // multipart/byteranges and hold the thread on a stream the client cannot read
    // (found by the HTTP fuzzer).
    if (req.has_header("Range") && req.path.ends_with("/events")) {
      send_error(res, 416, "bad_request",
                 "a live page (server-sent events) has no byte ranges: send the request without a Range header");
      return httplib::Server::HandlerResponse::Handled;
    }
    return httplib::Server::HandlerResponse::Unhandled;
  });
  server.set_mount_point("/static", ctx.pages.root() + "/static");
  server.set_file_extension_and_mimetype_mapping("js", "text/javascript; charset=utf-8");
  server.set_file_extension_and_mimetype_mapping("css", "text/css; charset=utf-8");

  server.Get("/", [&ctx](const httplib::Request&, httplib::Response& res) { send_page(res, ctx, "index.html"); });
  mount_status_routes(server, ctx);
  mount_display_routes(server, ctx);
  mount_admin_auth_routes(server, ctx);
  mount_admin_routes(server, ctx);
  mount_report_routes(server, ctx);
  mount_contact_routes(server, ctx);
  mount_booking_routes(server, ctx);
  mount_comeback_routes(server, ctx);
  mount_comeback_page_routes(server, ctx);
  mount_front_routes(server, ctx);

  server.set_error_handler([](const httplib::Request& req, httplib::Response& res) {
    if (!res.body.empty()) return;
    std::string reason;
    if (res.status == 404) reason = "there is no page " + req.path.substr(0, 100);
    else if (res.status == 413) reason = "the request is larger than " + std::to_string(kMaxBodyBytes) + " bytes";
    else if (res.status == 405) reason = "this address does not take " + req.method + " requests";
    if (!wants_html(req)) {
      const char* code = res.status == 404 ? "not_found" : res.status >= 500 ? "internal" : "bad_request";
      send_error(res, res.status, code, reason.empty() ? "request refused" : reason);
    } else {
      const char* code = res.status == 404 ? "not_found" : res.status >= 500 ? "internal" : "bad_request";
      const char* detail = res.status == 404 ? "web.error.no_page" : res.status == 405 ? "web.error.no_method" : "";
      res.set_content(error_page_html(res.status, code, reason, detail), "text/html; charset=utf-8");
    }
  });
  // No stack traces or exception texts leave the hub.
  server.set_exception_handler([](const httplib::Request& req, httplib::Response& res, std::exception_ptr) {
    res.status = 500;
    if (!wants_html(req)) send_error(res, 500, "internal", "internal error; the hub logged it");
    else res.set_content(error_page_html(500, "internal", ""), "text/html; charset=utf-8");
  });
}

void WebApp::connect(const std::string& host, int req_port) {
  const std::string h = host == "0.0.0.0" || host == "*" || host.empty() ? "127.0.0.1" : host;
  ctx_->link = std::make_unique<HubLink>("tcp://" + h + ":" + std::to_string(req_port), ctx_->hub.internal_client_keys(),
                                         ctx_->hub.database_path(), ctx_->feed, ctx_->calls);
  if (ctx_->front) ctx_->front->start();
}

void WebApp::use_front(const std::string& publish_socket) {
  ctx_->front = std::make_unique<FrontPublisher>(*ctx_, publish_socket);
}

void WebApp::stop() {
  if (!ctx_) return;
  ctx_->hub.on_forecast(nullptr);
  if (ctx_->front) ctx_->front->stop();
  ctx_->feed.stop();
}

bool WebApp::is_admin(const httplib::Request& req) const {
  auto s = ctx_->sessions.find(cookie_value(req, AdminSessions::kCookie), real_now_ms());
  if (!s) return false;
  return ctx_->hub.with_state([&](const OfficeState& st) {
    auto it = st.staff.find(s->staff);
    return it != st.staff.end() && it->second.active && it->second.admin;
  });
}

std::string WebApp::metrics_text() const {
  std::ostringstream out;
  out << "# HELP antrian_web_live_streams Live pages (server-sent event streams) open now.\n"
      << "# TYPE antrian_web_live_streams gauge\n"
      << "antrian_web_live_streams " << ctx_->feed.open_streams() << "\n"
      << "# HELP antrian_web_live_streams_max Live pages the hub serves at once; more fall back to polling.\n"
      << "# TYPE antrian_web_live_streams_max gauge\n"
      << "antrian_web_live_streams_max " << ctx_->feed.max_streams() << "\n"
      << "# HELP antrian_web_admin_sessions Admin sessions signed in now.\n"
      << "# TYPE antrian_web_admin_sessions gauge\n"
      << "antrian_web_admin_sessions " << ctx_->sessions.size() << "\n";
  if (ctx_->front) {
    out << "# HELP antrian_web_front_messages_total Views published to the web front (nchan).\n"
        << "# TYPE antrian_web_front_messages_total counter\n"
        << "antrian_web_front_messages_total " << ctx_->front->messages_sent() << "\n"
        << "# HELP antrian_web_front_connected 1 when the last publish to the web front succeeded.\n"
        << "# TYPE antrian_web_front_connected gauge\n"
        << "antrian_web_front_connected " << (ctx_->front->connected() ? 1 : 0) << "\n";
    if (const auto f = ctx_->front->figures()) {
      out << "# HELP antrian_web_front_streams Live pages (phones, TVs, admin halls) streaming from the web front now.\n"
          << "# TYPE antrian_web_front_streams gauge\n"
          << "antrian_web_front_streams " << f->subscribers << "\n"
          << "# HELP antrian_web_front_channels Channels the web front keeps a view in (tickets, displays, admin, clock).\n"
          << "# TYPE antrian_web_front_channels gauge\n"
          << "antrian_web_front_channels " << f->channels << "\n"
          << "# HELP antrian_web_front_connections Client connections of the web front by state (reading is where slow-drip sockets sit).\n"
          << "# TYPE antrian_web_front_connections gauge\n"
          << "antrian_web_front_connections{state=\"reading\"} " << f->reading << "\n"
          << "antrian_web_front_connections{state=\"writing\"} " << f->writing << "\n"
          << "antrian_web_front_connections{state=\"waiting\"} " << f->waiting << "\n"
          << "# HELP antrian_web_front_connections_active Client connections of the web front, all states.\n"
          << "# TYPE antrian_web_front_connections_active gauge\n"
          << "antrian_web_front_connections_active " << f->active << "\n";
    }
  }
  return out.str();
}

}  // namespace antrian::web
