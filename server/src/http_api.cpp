#include "http_api.h"

#include <httplib.h>

#include <sys/socket.h>

#include <sstream>

#include "antrian/booking.h"
#include "antrian/comeback.h"
#include "antrian/model_json.h"
#include "antrian/office_view.h"
#include "antrian/queue_rules.h"
#include "antrian/snapshot_view.h"
#include "hub.h"
#include "web/public_state.h"
#include "web/web_app.h"

namespace antrian {
namespace {

void json_reply(httplib::Response& res, const json& body, int status = 200) {
  res.status = status;
  res.set_content(body.dump(), "application/json; charset=utf-8");
}

}  // namespace

std::string office_metrics_text(const OfficeState& s, int64_t now_ms) {
  std::ostringstream out;
  auto family = [&](const char* name, const char* type, const char* help) {
    out << "# HELP " << name << " " << help << "\n# TYPE " << name << " " << type << "\n";
  };
  std::map<std::string, std::array<int, 7>> by_state = ticket_index(s).by_state;
  const auto summaries = service_summaries(s, now_ms);
  family("antrian_tickets_issued_today", "gauge", "Tickets issued today per service.");
  for (const auto& x : summaries) out << "antrian_tickets_issued_today{service=\"" << x.code << "\"} " << x.issued_today << "\n";
  family("antrian_tickets_waiting", "gauge", "Tickets waiting now per service.");
  for (const auto& x : summaries) out << "antrian_tickets_waiting{service=\"" << x.code << "\"} " << x.waiting << "\n";
  family("antrian_tickets_served_today", "gauge", "Tickets finished today per service.");
  for (const auto& x : summaries)
    out << "antrian_tickets_served_today{service=\"" << x.code << "\"} " << by_state[x.code][std::size_t(TicketState::done)] << "\n";
  family("antrian_tickets_no_show_today", "gauge", "Tickets marked no-show today per service.");
  for (const auto& x : summaries)
    out << "antrian_tickets_no_show_today{service=\"" << x.code << "\"} " << by_state[x.code][std::size_t(TicketState::no_show)] << "\n";
  family("antrian_tickets_refused_today", "gauge", "Tickets the office could not give today per service (quota, blangko, hours).");
  for (const auto& x : summaries)
    out << "antrian_tickets_refused_today{service=\"" << x.code << "\"} " << x.refused_today << "\n";
  family("antrian_comeback", "gauge",
         "Come-back list entries per service and state (waiting, invited; came and expired today).");
  for (const auto& x : summaries) {
    const ComebackCounts c = comeback_counts(s, x.code);
    const std::pair<const char*, int> rows[] = {
        {"waiting", c.waiting}, {"invited", c.invited}, {"came", c.came}, {"expired", c.expired}};
    for (const auto& [state, n] : rows)
      out << "antrian_comeback{service=\"" << x.code << "\",state=\"" << state << "\"} " << n << "\n";
  }
  family("antrian_bookings", "gauge",
         "Today's bookings per service taking them and state (booked, checked_in, expired, cancelled).");
  for (const auto& [code, svc] : s.services) {
    if (!svc.booking.enabled) continue;
    const BookingCounts c = booking_counts(s, code, s.day);
    const std::pair<const char*, int> rows[] = {
        {"booked", c.booked}, {"checked_in", c.checked_in}, {"expired", c.expired}, {"cancelled", c.cancelled}};
    for (const auto& [state, n] : rows)
      out << "antrian_bookings{service=\"" << code << "\",state=\"" << state << "\"} " << n << "\n";
  }
  family("antrian_service_status", "gauge", "0 normal, 1 degraded, 2 halted.");
  for (const auto& x : summaries) out << "antrian_service_status{service=\"" << x.code << "\"} " << int(x.status) << "\n";
  family("antrian_service_issuing", "gauge", "1 when the office calendar gives numbers for the service now.");
  for (const auto& x : summaries) out << "antrian_service_issuing{service=\"" << x.code << "\"} " << int(x.issuing_open) << "\n";
  family("antrian_service_can_take_numbers", "gauge", "0 when no new number can be taken (halted, blangko, quota, full).");
  for (const auto& x : summaries)
    out << "antrian_service_can_take_numbers{service=\"" << x.code << "\",condition=\"" << x.condition << "\"} "
        << int(x.condition == "normal" || x.condition == "degraded" || x.condition == "blangko_low") << "\n";
  family("antrian_shortage", "gauge", "What stops or slows services without a declared disruption (1 = present; halted=1 stops it).");
  for (const Shortage& x : shortages(s))
    out << "antrian_shortage{kind=\"" << x.kind << "\",id=\"" << x.id << "\",halted=\"" << int(x.halted) << "\"} 1\n";
  family("antrian_device_ok", "gauge", "1 when a device's last report is ok (kiosk printers, display audio), 0 on a fault.");
  for (const auto& [id, d] : s.devices)
    out << "antrian_device_ok{device=\"" << id << "\",state=\"" << d.state << "\"} " << int(device_ok(d)) << "\n";
  family("antrian_counters_open", "gauge", "Lokets signed in and not on a break.");
  int open = 0;
  for (const auto& [_, c] : s.counters) open += c.state == CounterState::open;
  out << "antrian_counters_open " << open << "\n";
  family("antrian_event_seq", "gauge", "Sequence number of the last event in the log.");
  out << "antrian_event_seq " << s.seq << "\n";
  return out.str();
}

HttpApi::HttpApi(Hub& hub)
    : hub_(hub), web_(std::make_unique<web::WebApp>(hub)), server_(std::make_unique<httplib::Server>()) {
  routes();
}

HttpApi::~HttpApi() { stop(); }

void HttpApi::routes() {
  // Limits, security headers, error pages and the web's routes.
  web_->mount(*server_);
  server_->Get("/healthz", [this](const httplib::Request&, httplib::Response& res) {
    json body = hub_.with_state([](const OfficeState& s) { return json{{"ok", true}, {"seq", s.seq}, {"day", s.day}}; });
    json_reply(res, body);
  });
  server_->Get("/metrics", [this](const httplib::Request&, httplib::Response& res) {
    const int64_t now = hub_.clock().now_ms();
    std::string text = hub_.with_state([now](const OfficeState& s) { return office_metrics_text(s, now); });
    text += hub_.metrics().prometheus_text();
    text += web_->metrics_text();
    res.set_content(text, "text/plain; version=0.0.4; charset=utf-8");
  });
  server_->Get("/api/state", [this](const httplib::Request& req, httplib::Response& res) {
    const int64_t now = hub_.clock().now_ms();
    const bool admin = web_->is_admin(req);
    json body = hub_.with_state([now, admin](const OfficeState& s) {
      // The snapshot's view (open tickets, the latest closed, the day's counts): it stays
      // small however long the day, and the hub's writes wait for this read lock.
      json j = snapshot_json(s);
      // Anyone may read the hall; who works here and who did what is for admins.
      if (!admin) web::strip_people(j);
      j["now"] = now;
      j["summaries"] = json::array();
      for (const auto& x : service_summaries(s, now)) j["summaries"].push_back(to_json(x));
      return j;
    });
    json_reply(res, body);
  });
}

void HttpApi::use_front(const std::string& publish_socket) { web_->use_front(publish_socket); }

int HttpApi::start(const std::string& bind, int port, std::string& error, const std::string& hub_host) {
  // Answers leave at once: without TCP_NODELAY every request on a reused keep-alive
  // connection waited about 44 ms (Nagle meeting the client's delayed ACK).
  server_->set_tcp_nodelay(true);
  // cpp-httplib listens with a backlog of 5 (compiled into Debian's library): keep
  // the listening socket and listen again with the system's maximum once bound.
  int listen_fd = -1;
  server_->set_socket_options([&listen_fd](int sock) {
    httplib::default_socket_options(sock);
    listen_fd = sock;
  });
  int bound = port;
  if (port == 0) bound = server_->bind_to_any_port(bind);
  else if (!server_->bind_to_port(bind, port)) bound = -1;
  if (bound <= 0) {
    error = "cannot listen for HTTP on " + bind + ":" + std::to_string(port) + " (in use? choose --http-port)";
    return -1;
  }
  if (listen_fd >= 0) ::listen(listen_fd, SOMAXCONN);
  web_->connect(hub_host.empty() ? bind : hub_host, hub_.req_port());
  thread_ = std::thread([this] { server_->listen_after_bind(); });
  return bound;
}

void HttpApi::stop() {
  if (web_) web_->stop();  // ends the live streams, which would keep workers busy
  if (server_) server_->stop();
  if (thread_.joinable()) thread_.join();
}

}  // namespace antrian
