#pragma once
// The real web front for end-to-end tests: packaging/nginx/antrian-web-front (nginx +
// nchan) started as an unprivileged process on a free loopback port, its config and
// socket in a temporary folder, proxying to a real hub that publishes to it. Stopped
// (SIGTERM, then SIGKILL) and removed at the end of the test.
#include <sys/types.h>

#include <string>
#include <vector>

#include <httplib.h>

#include "hub_process.h"

namespace antrian::test {

class FrontProcess {
 public:
  // run_dir: a fresh folder (the front's config, publisher socket and logs).
  // env: extra NAME=VALUE settings for antrian-web-front (its limits).
  // listen_host: the address it listens on (0.0.0.0 to be reached from another network).
  FrontProcess(std::string run_dir, int hub_http_port, std::vector<std::string> env = {},
               const std::string& listen_host = "127.0.0.1");
  ~FrontProcess();
  FrontProcess(const FrontProcess&) = delete;
  FrontProcess& operator=(const FrontProcess&) = delete;

  int port() const { return port_; }
  std::string base() const { return "http://127.0.0.1:" + std::to_string(port_); }
  std::string publish_socket() const { return run_dir_ + "/publish.sock"; }
  void stop();

 private:
  std::string run_dir_;
  pid_t pid_ = -1;
  int port_ = 0;
};

struct RawAnswer {
  int status = 0;
  std::string head, body;
};
// One HTTP/1.1 request (Connection: close) from a chosen loopback address, as a
// phone behind another NAT would send it. `request` is everything after the
// request line's target, e.g. "GET /healthz" + headers are added by the caller.
RawAnswer raw_request(int port, const std::string& source_ip, const std::string& method, const std::string& path,
                      const std::string& headers = "", const std::string& body = "");

// A free TCP port on 127.0.0.1 (bound once and released).
int free_loopback_port();

// A hub that publishes to a front, and the front: what a phone sees.
struct FrontedHub {
  // hub_args: more flags for the hub (e.g. --manual-clock; its clock starts Mon 2 Mar 2026 09:00 WIB).
  explicit FrontedHub(std::vector<std::string> front_env = {}, const std::string& listen_host = "127.0.0.1",
                      const std::vector<std::string>& hub_args = {});
  TempDir dir;        // the hub's data
  TempDir front_dir;  // the front's folder (owned by the front's user)
  HubProcess hub;
  FrontProcess front;
  httplib::Client http;  // through the front
  HubClient admin;
  // Issues a ticket and returns its status token.
  std::string issue(const std::string& service);
  void command(const std::string& cmd, nlohmann::json args);
};

// Reads a server-sent-event stream on its own socket (a phone's or a TV's).
class SseReader {
 public:
  SseReader(int port, const std::string& path, const std::string& source_ip = "127.0.0.1",
            const std::string& cookie = "");
  ~SseReader();
  // The HTTP status of the answer (0 when there was none within timeout_ms).
  int status(int timeout_ms = 3000);
  // Waits for an event of this name whose data contains `needle`; returns its data.
  std::string wait_for(const std::string& event, const std::string& needle, int timeout_ms);
  const std::string& head() const { return head_; }

 private:
  bool read_some(int timeout_ms);
  int fd_ = -1;
  std::string head_, buf_;
  bool got_head_ = false;
};

}  // namespace antrian::test
