#include "http_api.h"

#include <httplib.h>

#include <sstream>

#include "antrian/model_json.h"
#include "antrian/office_view.h"
#include "antrian/queue_rules.h"
#include "hub.h"
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
  std::map<std::string, std::map<TicketState, int>> by_state;
  for (const auto& [_, t] : s.tickets) by_state[t.service][t.state] += 1;
  const auto summaries = service_summaries(s, now_ms);
  family("antrian_tickets_issued_today", "gauge", "Tickets issued today per service.");
  for (const auto& x : summaries) out << "antrian_tickets_issued_today{service=\"" << x.code << "\"} " << x.issued_today << "\n";
  family("antrian_tickets_waiting", "gauge", "Tickets waiting now per service.");
  for (const auto& x : summaries) out << "antrian_tickets_waiting{service=\"" << x.code << "\"} " << x.waiting << "\n";
  family("antrian_tickets_served_today", "gauge", "Tickets finished today per service.");
  for (const auto& x : summaries)
    out << "antrian_tickets_served_today{service=\"" << x.code << "\"} " << by_state[x.code][TicketState::done] << "\n";
  family("antrian_tickets_no_show_today", "gauge", "Tickets marked no-show today per service.");
  for (const auto& x : summaries)
    out << "antrian_tickets_no_show_today{service=\"" << x.code << "\"} " << by_state[x.code][TicketState::no_show] << "\n";
  family("antrian_tickets_refused_today", "gauge", "Tickets the office could not give today per service (quota, blangko, hours).");
  for (const auto& x : summaries)
    out << "antrian_tickets_refused_today{service=\"" << x.code << "\"} " << x.refused_today << "\n";
  family("antrian_service_status", "gauge", "0 normal, 1 degraded, 2 halted.");
  for (const auto& x : summaries) out << "antrian_service_status{service=\"" << x.code << "\"} " << int(x.status) << "\n";
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
  server_->Get("/api/state", [this](const httplib::Request&, httplib::Response& res) {
    const int64_t now = hub_.clock().now_ms();
    json body = hub_.with_state([now](const OfficeState& s) {
      json j = state_to_json(s, true);
      j["now"] = now;
      j["summaries"] = json::array();
      for (const auto& x : service_summaries(s, now)) j["summaries"].push_back(to_json(x));
      return j;
    });
    json_reply(res, body);
  });
}

int HttpApi::start(const std::string& bind, int port, std::string& error) {
  int bound = port;
  if (port == 0) bound = server_->bind_to_any_port(bind);
  else if (!server_->bind_to_port(bind, port)) bound = -1;
  if (bound <= 0) {
    error = "cannot listen for HTTP on " + bind + ":" + std::to_string(port) + " (in use? choose --http-port)";
    return -1;
  }
  web_->connect(bind, hub_.req_port());
  thread_ = std::thread([this] { server_->listen_after_bind(); });
  return bound;
}

void HttpApi::stop() {
  if (web_) web_->stop();  // ends the live streams, which would keep workers busy
  if (server_) server_->stop();
  if (thread_.joinable()) thread_.join();
}

}  // namespace antrian
