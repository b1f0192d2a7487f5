#pragma once
// Where the kiosk's tickets go, as written in its config or on its command line:
//   "tcp://HOST:PORT" (raw TCP, usually port 9100; "tcp://HOST" means port 9100),
//   "tcp://[::1]:9100" for IPv6, an absolute device path such as "/dev/usb/lp0",
//   or "none" (no printer: tickets are only shown on screen).
#include <cstdint>
#include <string>
#include <string_view>

#include "antrian/printing/result.h"

namespace antrian::printing {

inline constexpr std::uint16_t kDefaultRawPort = 9100;

struct PrinterTarget {
  enum class Kind { none, device, tcp };
  Kind kind = Kind::none;
  std::string path;  // device
  std::string host;  // tcp (without brackets)
  std::uint16_t port = kDefaultRawPort;

  // Back to the textual form (round-trips through parse_printer_target).
  std::string to_string() const;
};

Result<PrinterTarget> parse_printer_target(std::string_view text);

}  // namespace antrian::printing
