// antrian-front-listen: opens the web front's listening socket with the one option nginx
// cannot set, then runs nginx on it.
//
// Why: a phone whose Wi-Fi drops never says goodbye. Its live stream keeps a socket, and
// a slot of the per-address stream limit, until the kernel gives up resending the next
// message: about 15 minutes by default (tcp_retries2). TCP_USER_TIMEOUT bounds that: a
// peer that acknowledges nothing for that long is dropped. It is set on the listening
// socket because every accepted socket inherits it; nginx's own `so_keepalive` probes
// the streams that are idle. nginx takes the socket through its documented
// inherited-socket variable (NGINX="fd;"), the one a binary upgrade or systemd socket
// activation uses, and applies its own listen settings (backlog, keepalive) to it.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <optional>
#include <regex>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

namespace {

struct ListenAddress {
  sockaddr_storage addr{};
  socklen_t len = 0;
};

// "0.0.0.0:8080" or "[::]:8080"; nothing else (no names: the front listens on an address).
std::optional<ListenAddress> parse_listen(const std::string& text) {
  static const std::regex v4(R"(^(\d{1,3}(?:\.\d{1,3}){3}):(\d{1,5})$)");
  static const std::regex v6(R"(^\[([0-9A-Fa-f:.]+)\]:(\d{1,5})$)");
  std::smatch m;
  ListenAddress out;
  if (std::regex_match(text, m, v4)) {
    const long port = std::stol(m[2]);
    auto* a = reinterpret_cast<sockaddr_in*>(&out.addr);
    a->sin_family = AF_INET;
    if (port < 1 || port > 65535 || ::inet_pton(AF_INET, m[1].str().c_str(), &a->sin_addr) != 1) return std::nullopt;
    a->sin_port = htons(static_cast<uint16_t>(port));
    out.len = sizeof(sockaddr_in);
    return out;
  }
  if (std::regex_match(text, m, v6)) {
    const long port = std::stol(m[2]);
    auto* a = reinterpret_cast<sockaddr_in6*>(&out.addr);
    a->sin6_family = AF_INET6;
    if (port < 1 || port > 65535 || ::inet_pton(AF_INET6, m[1].str().c_str(), &a->sin6_addr) != 1) return std::nullopt;
    a->sin6_port = htons(static_cast<uint16_t>(port));
    out.len = sizeof(sockaddr_in6);
    return out;
  }
  return std::nullopt;
}

[[noreturn]] void fail(const std::string& why) {
  std::fprintf(stderr, "antrian-front-listen: %s\n", why.c_str());
  std::exit(2);
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Opens the web front's listening socket with a dead-peer timeout (TCP_USER_TIMEOUT) and runs "
               "the command after -- (nginx) on it, passing the socket as NGINX=\"fd;\"."};
  std::string listen;
  int dead_peer_ms = 10000;
  std::vector<std::string> command;
  app.add_option("--listen", listen, "Address and port to listen on, e.g. 0.0.0.0:8080 or [::]:8080")->required();
  app.add_option("--dead-peer-ms", dead_peer_ms,
                 "A connection whose peer acknowledges nothing for this long is dropped (TCP_USER_TIMEOUT)")
      ->check(CLI::Range(1000, 600000))
      ->capture_default_str();
  app.add_option("command", command, "The program to run on the socket and its arguments (after --)")->required();
  CLI11_PARSE(app, argc, argv);

  const auto where = parse_listen(listen);
  if (!where) fail("--listen '" + listen + "': expected ADDR:PORT with a numeric address, e.g. 0.0.0.0:8080");

  // Not close-on-exec: the command inherits it. Non-blocking, as nginx expects of an
  // inherited socket (it does not set that itself; a blocking one hangs a worker in accept).
  const int fd = ::socket(where->addr.ss_family, SOCK_STREAM | SOCK_NONBLOCK, 0);
  if (fd < 0) fail(std::string("cannot make a socket: ") + std::strerror(errno));
  const int yes = 1;
  ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
  if (where->addr.ss_family == AF_INET6) ::setsockopt(fd, IPPROTO_IPV6, IPV6_V6ONLY, &yes, sizeof yes);
  const unsigned timeout = static_cast<unsigned>(dead_peer_ms);
  if (::setsockopt(fd, IPPROTO_TCP, TCP_USER_TIMEOUT, &timeout, sizeof timeout) != 0)
    fail(std::string("cannot set TCP_USER_TIMEOUT: ") + std::strerror(errno));
  if (::bind(fd, reinterpret_cast<const sockaddr*>(&where->addr), where->len) != 0)
    fail("cannot listen on " + listen + ": " + std::strerror(errno) +
         (errno == EADDRINUSE ? " (another program has this port: stop it or choose another --listen)" : ""));
  if (::listen(fd, 511) != 0) fail("cannot listen on " + listen + ": " + std::strerror(errno));

  const std::string inherited = std::to_string(fd) + ";";
  ::setenv("NGINX", inherited.c_str(), 1);
  std::vector<char*> args;
  for (std::string& a : command) args.push_back(a.data());
  args.push_back(nullptr);
  ::execvp(args[0], args.data());
  fail("cannot run " + command[0] + ": " + std::strerror(errno));
}
