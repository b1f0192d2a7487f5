#pragma once
// A raw-TCP "printer" on 127.0.0.1 with an ephemeral port: it records every byte it
// receives and answers DLE EOT n queries the way an ESC/POS printer does, with a
// byte chosen by the test (or not at all).
#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstdint>
#include <functional>
#include <mutex>
#include <thread>

#include "antrian/printing/bytes.h"

namespace printing_test {

class FakePrinter {
 public:
  // (n, how many DLE EOT n came before) -> reply byte, or -1 for silence.
  using Answer = std::function<int(int n, int seen)>;

  explicit FakePrinter(Answer answer = {}) : answer_(std::move(answer)) {
    listen_fd_ = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    a.sin_port = 0;
    ::bind(listen_fd_, reinterpret_cast<sockaddr*>(&a), sizeof a);
    ::listen(listen_fd_, 4);
    socklen_t len = sizeof a;
    ::getsockname(listen_fd_, reinterpret_cast<sockaddr*>(&a), &len);
    port_ = ntohs(a.sin_port);
    thread_ = std::thread([this] { serve(); });
  }
  ~FakePrinter() {
    if (thread_.joinable()) thread_.join();
    ::close(listen_fd_);
  }
  FakePrinter(const FakePrinter&) = delete;
  FakePrinter& operator=(const FakePrinter&) = delete;

  std::uint16_t port() const { return port_; }

  // Waits for the client to close (at most ~5 s) and returns what arrived.
  antrian::printing::Bytes received() {
    if (thread_.joinable()) thread_.join();
    return data_;
  }

 private:
  void serve() {
    pollfd p{listen_fd_, POLLIN, 0};
    if (::poll(&p, 1, 5000) != 1) return;
    const int fd = ::accept(listen_fd_, nullptr, nullptr);
    if (fd < 0) return;
    size_t scanned = 0;
    int seen[8] = {};
    for (;;) {
      pollfd q{fd, POLLIN, 0};
      if (::poll(&q, 1, 5000) != 1) break;
      std::uint8_t buf[65536];
      const ssize_t n = ::recv(fd, buf, sizeof buf, 0);
      if (n <= 0) break;
      data_.insert(data_.end(), buf, buf + n);
      // Real-time commands are recognised anywhere in the stream, as on a printer.
      for (; scanned + 2 < data_.size(); ++scanned) {
        if (data_[scanned] != 0x10 || data_[scanned + 1] != 0x04) continue;
        const int q_n = data_[scanned + 2];
        const int reply = answer_ ? answer_(q_n, seen[q_n & 7]++) : -1;
        if (reply >= 0) {
          const auto b = static_cast<std::uint8_t>(reply);
          ::send(fd, &b, 1, MSG_NOSIGNAL);
        }
        scanned += 2;
      }
    }
    ::close(fd);
  }

  Answer answer_;
  int listen_fd_ = -1;
  std::uint16_t port_ = 0;
  std::thread thread_;
  antrian::printing::Bytes data_;
};

}  // namespace printing_test
