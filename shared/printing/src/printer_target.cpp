#include "antrian/printing/printer_target.h"

#include <cctype>

namespace antrian::printing {
namespace {

constexpr std::string_view kUsage =
    "use tcp://HOST:9100 for a network printer, a device path such as /dev/usb/lp0, or none";

std::string_view trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

Error bad(std::string_view text, std::string_view why) {
  return Error{"bad printer target \"" + std::string(text) + "\": " + std::string(why) + " (" +
               std::string(kUsage) + ")"};
}

bool host_char(char c, bool ipv6) {
  const auto u = static_cast<unsigned char>(c);
  if (std::isalnum(u) || c == '-' || c == '.') return true;
  return ipv6 && (c == ':' || c == '%');
}

Result<PrinterTarget> parse_tcp(std::string_view text, std::string_view rest) {
  PrinterTarget t;
  t.kind = PrinterTarget::Kind::tcp;
  std::string_view host, port;
  bool ipv6 = false;
  if (!rest.empty() && rest.front() == '[') {
    const size_t close = rest.find(']');
    if (close == std::string_view::npos) return bad(text, "missing ']' after an IPv6 address");
    host = rest.substr(1, close - 1);
    std::string_view after = rest.substr(close + 1);
    if (!after.empty()) {
      if (after.front() != ':') return bad(text, "expected ':PORT' after ']'");
      port = after.substr(1);
      if (port.empty()) return bad(text, "empty port");
    }
    ipv6 = true;
  } else {
    const size_t colon = rest.find(':');
    if (colon != std::string_view::npos && rest.find(':', colon + 1) != std::string_view::npos)
      return bad(text, "an IPv6 address must be written in brackets, e.g. tcp://[::1]:9100");
    host = rest.substr(0, colon);
    if (colon != std::string_view::npos) {
      port = rest.substr(colon + 1);
      if (port.empty()) return bad(text, "empty port");
    }
  }
  if (host.empty()) return bad(text, "missing host name or address");
  for (char c : host)
    if (!host_char(c, ipv6)) return bad(text, "host contains '" + std::string(1, c) + "'");
  t.host = std::string(host);
  if (!port.empty()) {
    unsigned long value = 0;
    for (char c : port) {
      if (!std::isdigit(static_cast<unsigned char>(c)))
        return bad(text, "port must be a number from 1 to 65535");
      value = value * 10 + static_cast<unsigned long>(c - '0');
      if (value > 65535) return bad(text, "port must be a number from 1 to 65535");
    }
    if (value == 0) return bad(text, "port must be a number from 1 to 65535");
    t.port = static_cast<std::uint16_t>(value);
  }
  return t;
}

}  // namespace

Result<PrinterTarget> parse_printer_target(std::string_view raw) {
  const std::string_view text = trim(raw);
  if (text.empty()) return bad(raw, "it is empty");
  if (text == "none") return PrinterTarget{};
  if (text.starts_with("tcp://")) return parse_tcp(text, text.substr(6));
  if (text.front() == '/') {
    if (text.find('\0') != std::string_view::npos) return bad(text, "path contains a NUL byte");
    if (text.back() == '/') return bad(text, "path names a directory");
    PrinterTarget t;
    t.kind = PrinterTarget::Kind::device;
    t.path = std::string(text);
    return t;
  }
  if (text.find("://") != std::string_view::npos) return bad(text, "unsupported scheme");
  return bad(text, "not a tcp:// address, an absolute device path or none");
}

std::string PrinterTarget::to_string() const {
  switch (kind) {
    case Kind::none: return "none";
    case Kind::device: return path;
    case Kind::tcp: {
      const bool v6 = host.find(':') != std::string::npos;
      return "tcp://" + (v6 ? "[" + host + "]" : host) + ":" + std::to_string(port);
    }
  }
  return "none";
}

}  // namespace antrian::printing
