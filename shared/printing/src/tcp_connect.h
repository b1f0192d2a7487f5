#pragma once
// Private: resolve and connect to a raw TCP printer within a deadline.
#include <cstdint>
#include <string>

#include "fd_io.h"

namespace antrian::printing::detail {

struct Connection {
  Fd fd;              // valid on success; non-blocking
  bool timed_out = false;
  std::string reason;  // why it failed
};

// Host names are resolved on a helper thread so a slow DNS server cannot hold the
// kiosk past the deadline (the lookup then finishes in the background).
Connection tcp_connect(const std::string& host, std::uint16_t port, const Deadline& deadline);

}  // namespace antrian::printing::detail
