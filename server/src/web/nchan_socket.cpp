#include "web/nchan_socket.h"

#include <poll.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstdlib>
#include <cstring>

namespace antrian::web {
namespace {
// Messages written before their answers are read (pipelining depth).
constexpr std::size_t kWindow = 128;
// An answer slower than this means the front is stuck: drop the connection.
constexpr int kAnswerTimeoutMs = 5000;
}  // namespace

NchanSocket::~NchanSocket() { close(); }

void NchanSocket::close() {
  if (fd_ >= 0) ::close(fd_);
  fd_ = -1;
  inbox_.clear();
}

bool NchanSocket::connect(std::string& error) {
  if (fd_ >= 0) return true;
  sockaddr_un addr{};
  addr.sun_family = AF_UNIX;
  if (path_.size() >= sizeof(addr.sun_path)) {
    error = "the publish socket path is longer than " + std::to_string(sizeof(addr.sun_path) - 1) + " bytes: " + path_;
    return false;
  }
  std::memcpy(addr.sun_path, path_.c_str(), path_.size() + 1);
  fd_ = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd_ < 0) {
    error = std::string("socket(): ") + std::strerror(errno);
    return false;
  }
  if (::connect(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof(addr)) != 0) {
    error = "cannot reach the web front at " + path_ + ": " + std::strerror(errno) + " (is antrian-web-front running?)";
    close();
    return false;
  }
  return true;
}

bool NchanSocket::write_all(const std::string& bytes, std::string& error) {
  std::size_t off = 0;
  while (off < bytes.size()) {
    const ssize_t n = ::send(fd_, bytes.data() + off, bytes.size() - off, MSG_NOSIGNAL);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      error = std::string("writing to the web front: ") + std::strerror(errno);
      return false;
    }
    off += std::size_t(n);
  }
  return true;
}

bool NchanSocket::read_answer(std::string& error, std::string* body_out) {
  for (;;) {
    const std::size_t end = inbox_.find("\r\n\r\n");
    if (end != std::string::npos) {
      // Status line "HTTP/1.1 202 Accepted", then Content-Length (nchan always sends it).
      const int status = inbox_.size() > 12 ? std::atoi(inbox_.c_str() + 9) : 0;
      std::size_t length = 0;
      std::string head = inbox_.substr(0, end);
      for (auto& c : head) c = char(std::tolower(static_cast<unsigned char>(c)));
      const std::size_t cl = head.find("\r\ncontent-length:");
      if (cl != std::string::npos) length = std::strtoul(head.c_str() + cl + 17, nullptr, 10);
      if (inbox_.size() >= end + 4 + length) {
        const std::string body = inbox_.substr(end + 4, length);
        inbox_.erase(0, end + 4 + length);
        if (status < 200 || status > 299) {
          error = "the web front refused a message: HTTP " + std::to_string(status) + " " + body.substr(0, 200);
          return false;
        }
        if (body_out) *body_out = body;
        return true;
      }
    }
    pollfd p{fd_, POLLIN, 0};
    const int ready = ::poll(&p, 1, kAnswerTimeoutMs);
    if (ready == 0) {
      error = "the web front did not answer within " + std::to_string(kAnswerTimeoutMs) + " ms";
      return false;
    }
    char buf[16384];
    const ssize_t n = ready < 0 ? -1 : ::recv(fd_, buf, sizeof buf, 0);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      error = "the web front closed the publish connection";
      return false;
    }
    inbox_.append(buf, std::size_t(n));
  }
}

bool NchanSocket::publish(const std::vector<NchanMessage>& batch, std::string& error) {
  if (batch.empty()) return true;
  if (!connect(error)) return false;
  for (std::size_t start = 0; start < batch.size(); start += kWindow) {
    const std::size_t stop = std::min(batch.size(), start + kWindow);
    std::string out;
    for (std::size_t i = start; i < stop; ++i) {
      const NchanMessage& m = batch[i];
      out += "POST /pub/" + m.channel + " HTTP/1.1\r\nHost: antrian-hub\r\nX-EventSource-Event: " + m.event +
             "\r\nContent-Type: application/json\r\nContent-Length: " + std::to_string(m.data.size()) + "\r\n\r\n";
      out += m.data;
    }
    if (!write_all(out, error)) {
      close();
      return false;
    }
    for (std::size_t i = start; i < stop; ++i) {
      if (!read_answer(error)) {
        close();
        return false;
      }
    }
  }
  return true;
}

bool NchanSocket::get(const std::string& target, std::string& body, std::string& error) {
  if (!connect(error)) return false;
  if (!write_all("GET " + target + " HTTP/1.1\r\nHost: antrian-hub\r\n\r\n", error) || !read_answer(error, &body)) {
    close();
    return false;
  }
  return true;
}

}  // namespace antrian::web
