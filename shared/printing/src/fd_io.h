#pragma once
// Private helpers of the transports: deadlines, an owning file descriptor, and
// poll()-bounded writes and reads so that no call can block past its deadline.
#include <chrono>
#include <cstdint>
#include <span>
#include <string>

namespace antrian::printing::detail {

using Clock = std::chrono::steady_clock;

struct Deadline {
  Clock::time_point at;

  static Deadline in(Clock::duration d) { return {Clock::now() + d}; }
  bool passed() const { return Clock::now() >= at; }
  // Milliseconds left for poll(), rounded up, never negative.
  int poll_ms() const;
  // The earlier of this deadline and now + d.
  Deadline within(Clock::duration d) const;
};

class Fd {
 public:
  Fd() = default;
  explicit Fd(int fd) : fd_(fd) {}
  Fd(Fd&& o) noexcept : fd_(o.fd_) { o.fd_ = -1; }
  Fd& operator=(Fd&& o) noexcept;
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  ~Fd();

  int get() const { return fd_; }
  bool valid() const { return fd_ >= 0; }

 private:
  int fd_ = -1;
};

enum class IoCode { ok, timeout, closed, error };

struct Io {
  IoCode code = IoCode::ok;
  std::string reason;  // strerror text when code is error
};

// Writes all of data (non-blocking fd). Sockets use MSG_NOSIGNAL; other files are
// written with SIGPIPE blocked, so a vanished reader is an error, not a dead kiosk.
Io write_all(int fd, std::span<const std::uint8_t> data, const Deadline& deadline, bool is_socket,
             size_t& sent);

// Reads one byte (non-blocking fd) before the deadline.
Io read_byte(int fd, const Deadline& deadline, std::uint8_t& out);

// Discards whatever has already arrived (stale status replies), without waiting.
void drain_input(int fd);

}  // namespace antrian::printing::detail
