// Peers that go away in the middle of a reply (a phone leaving the hall's Wi-Fi, nginx
// dropping an upstream, a browser tab closed during the display's event stream) must
// cost only their own connection, never the hub: cpp-httplib 0.11 sends without
// MSG_NOSIGNAL, and a SIGPIPE would end the hub without a word (broken_pipe.h).
#include <doctest/doctest.h>

#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <csignal>
#include <fstream>
#include <string>

#include <httplib.h>

#include "hub_process.h"
#include "raw_client.h"

using namespace antrian::test;

namespace {

// The signals a process ignores, from /proc/PID/status (SigIgn, a hex mask; bit n-1 is signal n).
unsigned long long ignored_signals(pid_t pid) {
  std::ifstream in("/proc/" + std::to_string(pid) + "/status");
  for (std::string line; std::getline(in, line);)
    if (line.rfind("SigIgn:", 0) == 0) return std::stoull(line.substr(7), nullptr, 16);
  FAIL("no SigIgn line in /proc/", pid, "/status");
  return 0;
}

// Sends `request`, reads up to `read_bytes` of the answer, then resets the connection
// (SO_LINGER 0: an RST, as a phone that lost its network leaves it).
void ask_and_vanish(int port, const std::string& request, int read_bytes) {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  REQUIRE(fd >= 0);
  const int small = 1024;  // a small window: the hub's send blocks and is still sending when the reset comes
  ::setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &small, sizeof small);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_port = htons(uint16_t(port));
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  REQUIRE(::connect(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0);
  REQUIRE(::send(fd, request.data(), request.size(), MSG_NOSIGNAL) == ssize_t(request.size()));
  char buf[512];
  for (int got = 0; got < read_bytes;) {
    const ssize_t n = ::recv(fd, buf, sizeof buf, 0);
    if (n <= 0) break;
    got += int(n);
  }
  const linger reset{1, 0};
  ::setsockopt(fd, SOL_SOCKET, SO_LINGER, &reset, sizeof reset);
  ::close(fd);
}

}  // namespace

TEST_CASE("a hub whose HTTP peers vanish mid-reply keeps serving (SIGPIPE ignored)") {
  TempDir dir;
  HubProcess hub(dir.path() + "/data");
  // The disposition itself: with SIGPIPE at its default, one unlucky send ends the hub.
  CHECK_MESSAGE((ignored_signals(hub.pid()) & (1ull << (SIGPIPE - 1))) != 0, "antrian-server does not ignore SIGPIPE");

  // Event streams and pages dropped after a few bytes, while events keep the streams writing.
  RawClient admin(hub);
  for (int round = 0; round < 40; ++round) {
    ask_and_vanish(hub.http_port(), "GET /api/display/events HTTP/1.1\r\nHost: hub\r\n\r\n", 200);
    ask_and_vanish(hub.http_port(), "GET /display HTTP/1.1\r\nHost: hub\r\n\r\n", round % 3 == 0 ? 0 : 100);
    ask_and_vanish(hub.http_port(), "GET /api/display HTTP/1.1\r\nHost: hub\r\n\r\n", 10);
    const auto issued = admin.request("broken-pipe-" + std::to_string(round), "issue", {{"service", "A"}});
    REQUIRE_MESSAGE(issued.value("ok", false), issued.dump());
  }
  // Still the same process, answering on both its sockets.
  CHECK(::kill(hub.pid(), 0) == 0);
  CHECK(admin.request("broken-pipe-hello", "hello", nlohmann::json::object()).value("ok", false));
  httplib::Client http("127.0.0.1", hub.http_port());
  auto page = http.Get("/api/display");
  REQUIRE(page);
  CHECK(page->status == 200);
}
