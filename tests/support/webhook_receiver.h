#pragma once
// A message gateway for tests: a real HTTP server on loopback that takes the hub's
// webhook POSTs, can answer 500 for a while or be down (connection refused), and
// records every delivery by message id, duplicates included.
#include <atomic>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <httplib.h>
#include <nlohmann/json.hpp>

namespace antrian::test {

class WebhookReceiver {
 public:
  // Picks a free port now; the receiver is down (refusing connections) until start().
  WebhookReceiver() {
    // A plain socket, closed at once: an httplib::Server left unlistened keeps its
    // socket open (and with SO_REUSEPORT it would take half of the connections).
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t len = sizeof a;
    ::bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof a);
    ::getsockname(fd, reinterpret_cast<sockaddr*>(&a), &len);
    port_ = ntohs(a.sin_port);
    ::close(fd);
  }
  ~WebhookReceiver() { stop(); }
  int port() const { return port_; }
  std::string url() const { return "http://127.0.0.1:" + std::to_string(port_) + "/send"; }

  void start() {
    stop();
    server_ = std::make_unique<httplib::Server>();
    server_->Post("/send", [this](const httplib::Request& req, httplib::Response& res) {
      if (fail_next_ > 0) {
        --fail_next_;
        ++refused_;
        res.status = 500;
        res.set_content("gateway busy", "text/plain");
        return;
      }
      auto j = nlohmann::json::parse(req.body, nullptr, false);
      if (!j.is_object() || !j.contains("id") || req.get_header_value("Idempotency-Key") != j.value("id", "")) {
        res.status = 400;
        return;
      }
      std::lock_guard l(mu_);
      auto& seen = by_id_[j["id"].get<std::string>()];
      if (seen.is_null()) seen = j;
      ++count_[j["id"].get<std::string>()];
      res.set_content("{\"ok\":true}", "application/json");
    });
    thread_ = std::thread([this] { server_->listen("127.0.0.1", port_); });
    for (int i = 0; i < 200 && !server_->is_running(); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  void stop() {
    if (server_) server_->stop();
    if (thread_.joinable()) thread_.join();
    server_.reset();
  }
  // The next n POSTs get HTTP 500.
  void fail_next(int n) { fail_next_ = n; }
  int refused() const { return refused_; }

  // Each message once (the first delivery), by id.
  std::map<std::string, nlohmann::json> messages() const {
    std::lock_guard l(mu_);
    return by_id_;
  }
  // Deliveries beyond the first of an id (what the receiver's deduplication dropped).
  int redeliveries() const {
    std::lock_guard l(mu_);
    int n = 0;
    for (const auto& [id, c] : count_) n += c - 1;
    return n;
  }

 private:
  int port_ = 0;
  std::atomic<int> fail_next_{0}, refused_{0};
  std::unique_ptr<httplib::Server> server_;
  std::thread thread_;
  mutable std::mutex mu_;
  std::map<std::string, nlohmann::json> by_id_;
  std::map<std::string, int> count_;
};

}  // namespace antrian::test
