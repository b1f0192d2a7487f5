#include "fd_io.h"

#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace antrian::printing::detail {
namespace {

// Blocks SIGPIPE for this thread during a write and discards one it raised.
class SigpipeGuard {
 public:
  SigpipeGuard() {
    sigemptyset(&set_);
    sigaddset(&set_, SIGPIPE);
    sigset_t pending;
    sigemptyset(&pending);
    sigpending(&pending);
    was_pending_ = sigismember(&pending, SIGPIPE) == 1;
    pthread_sigmask(SIG_BLOCK, &set_, &old_);
  }
  ~SigpipeGuard() {
    if (!was_pending_) {
      const timespec zero{};
      while (sigtimedwait(&set_, nullptr, &zero) > 0) {
      }
    }
    pthread_sigmask(SIG_SETMASK, &old_, nullptr);
  }
  SigpipeGuard(const SigpipeGuard&) = delete;
  SigpipeGuard& operator=(const SigpipeGuard&) = delete;

 private:
  sigset_t set_{};
  sigset_t old_{};
  bool was_pending_ = false;
};

// poll() for one event until the deadline; true when ready.
Io wait_for(int fd, short events, const Deadline& deadline) {
  for (;;) {
    pollfd p{fd, events, 0};
    const int n = ::poll(&p, 1, deadline.poll_ms());
    if (n > 0) return {};
    if (n == 0) return {IoCode::timeout, "timed out"};
    if (errno != EINTR) return {IoCode::error, std::strerror(errno)};
  }
}

}  // namespace

int Deadline::poll_ms() const {
  const auto left = at - Clock::now();
  if (left <= Clock::duration::zero()) return 0;
  return static_cast<int>(std::chrono::ceil<std::chrono::milliseconds>(left).count());
}

Deadline Deadline::within(Clock::duration d) const {
  const auto other = Clock::now() + d;
  return {other < at ? other : at};
}

Fd& Fd::operator=(Fd&& o) noexcept {
  if (this != &o) {
    if (fd_ >= 0) ::close(fd_);
    fd_ = o.fd_;
    o.fd_ = -1;
  }
  return *this;
}

Fd::~Fd() {
  if (fd_ >= 0) ::close(fd_);
}

Io write_all(int fd, std::span<const std::uint8_t> data, const Deadline& deadline, bool is_socket,
             size_t& sent) {
  sent = 0;
  SigpipeGuard guard;
  while (sent < data.size()) {
    const size_t left = data.size() - sent;
    const ssize_t n = is_socket ? ::send(fd, data.data() + sent, left, MSG_NOSIGNAL)
                                : ::write(fd, data.data() + sent, left);
    if (n > 0) {
      sent += static_cast<size_t>(n);
      continue;
    }
    if (n < 0 && errno == EINTR) continue;
    if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
      if (Io w = wait_for(fd, POLLOUT, deadline); w.code != IoCode::ok) return w;
      continue;
    }
    if (n < 0 && (errno == EPIPE || errno == ECONNRESET)) return {IoCode::closed, std::strerror(errno)};
    if (n < 0) return {IoCode::error, std::strerror(errno)};
    return {IoCode::error, "write returned 0"};
  }
  return {};
}

Io read_byte(int fd, const Deadline& deadline, std::uint8_t& out) {
  for (;;) {
    const ssize_t n = ::read(fd, &out, 1);
    if (n == 1) return {};
    if (n == 0) return {IoCode::closed, "end of file"};
    if (errno == EINTR) continue;
    if (errno != EAGAIN && errno != EWOULDBLOCK) return {IoCode::error, std::strerror(errno)};
    if (Io w = wait_for(fd, POLLIN, deadline); w.code != IoCode::ok) return w;
  }
}

void drain_input(int fd) {
  std::uint8_t buf[256];
  for (int i = 0; i < 64; ++i) {  // bounded: a chatty printer must not keep us here
    const ssize_t n = ::read(fd, buf, sizeof buf);
    if (n > 0) continue;
    if (n < 0 && errno == EINTR) continue;
    return;
  }
}

}  // namespace antrian::printing::detail
