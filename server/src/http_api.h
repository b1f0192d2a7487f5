#pragma once
// HTTP on the hub (cpp-httplib): /healthz, /metrics, /api/state here, and the web
// (ticket status pages, browser display, admin, reports; server/src/web/) mounted on
// the same server.
#include <memory>
#include <string>
#include <thread>

namespace httplib { class Server; }

namespace antrian {

class Hub;
namespace web { class WebApp; }

class HttpApi {
 public:
  explicit HttpApi(Hub& hub);
  ~HttpApi();
  // Binds (port 0 = any free port) and serves on a thread; returns the port or an error text.
  // hub_host: where the web's own hub client finds the request port (default: bind).
  int start(const std::string& bind, int port, std::string& error, const std::string& hub_host = "");
  // Live pages through the web front (see WebApp::use_front); before start().
  void use_front(const std::string& publish_socket);
  void stop();

 private:
  void routes();
  Hub& hub_;
  std::unique_ptr<web::WebApp> web_;
  std::unique_ptr<httplib::Server> server_;
  std::thread thread_;
};

// The office's figures in Prometheus text format (tickets issued, waiting, served...).
std::string office_metrics_text(const struct OfficeState& s, int64_t now_ms);

}  // namespace antrian
