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
  // Ends every live stream (before the server stops).
  void stop();

  // The web's own figures for /metrics (Prometheus text).
  std::string metrics_text() const;

 private:
  std::unique_ptr<WebContext> ctx_;
};

}  // namespace antrian::web
