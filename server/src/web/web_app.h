#pragma once
// The hub's web: ticket status pages, the browser display, admin and reports, their
// JSON API, static files, security headers and error pages. HttpApi mounts it on its
// httplib server; it lives as long as that server.
#include <httplib.h>

#include <memory>
#include <string>

namespace antrian {
class Hub;
}

namespace antrian::web {

struct WebContext;

class WebApp {
 public:
  explicit WebApp(Hub& hub);
  ~WebApp();

  // Routes, handlers, limits and headers on the server (before it listens).
  void mount(httplib::Server& server);
  // Connects the web's own hub client (after the hub bound its request port).
  // host: the address the hub listens on (its loopback when it listens on all).
  void connect(const std::string& host, int req_port);
  // Live pages through the web front (nginx + nchan): the hub publishes every change
  // to the front's publisher socket (antrian-web-front's RUN_DIR/publish.sock) and
  // takes the client's address from the front's X-Real-IP. Call before connect().
  void use_front(const std::string& publish_socket);
  // Ends every live stream (before the server stops).
  void stop();

  // True when the request carries a signed-in admin's session (full /api/state).
  bool is_admin(const httplib::Request& req) const;

  // The web's own figures for /metrics (Prometheus text).
  std::string metrics_text() const;

 private:
  std::unique_ptr<WebContext> ctx_;
};

}  // namespace antrian::web
