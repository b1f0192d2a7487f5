// The web front against clients that cost a thread-per-connection server its life:
// sockets that drip a header line every second, and what /metrics says about the
// front's streams and connections.
#include <doctest/doctest.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <memory>
#include <string>
#include <vector>

#include "eventually.h"
#include "web/front_status.h"
#include "web_front.h"

using namespace antrian::test;
using namespace std::chrono;

namespace {

// A client that opens a request and sends one header line a second, never ending it.
class DripSocket {
 public:
  DripSocket(int port, const std::string& source_ip) {
    fd_ = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in src{};
    src.sin_family = AF_INET;
    ::inet_pton(AF_INET, source_ip.c_str(), &src.sin_addr);
    ::bind(fd_, reinterpret_cast<sockaddr*>(&src), sizeof src);
    sockaddr_in dst{};
    dst.sin_family = AF_INET;
    dst.sin_port = htons(uint16_t(port));
    dst.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    open_ = ::connect(fd_, reinterpret_cast<sockaddr*>(&dst), sizeof dst) == 0 && send("GET /healthz HTTP/1.1\r\n");
  }
  ~DripSocket() { ::close(fd_); }
  // One more header line; false once the front has closed the socket.
  bool drip(int n) {
    if (open_ && closed_by_peer()) open_ = false;
    if (open_) open_ = send("X-Drip-" + std::to_string(n) + ": 1\r\n");
    return open_;
  }
  bool open() const { return open_; }

 private:
  bool send(const std::string& s) { return ::send(fd_, s.data(), s.size(), MSG_NOSIGNAL) == ssize_t(s.size()); }
  bool closed_by_peer() {
    pollfd p{fd_, POLLIN, 0};
    if (::poll(&p, 1, 0) <= 0) return false;
    char buf[4096];
    return ::recv(fd_, buf, sizeof buf, MSG_DONTWAIT) <= 0 || (p.revents & (POLLHUP | POLLERR));
  }
  int fd_ = -1;
  bool open_ = false;
};

double metric(const std::string& text, const std::string& name) {
  const std::size_t at = text.find("\n" + name + " ");
  return at == std::string::npos ? -1 : std::atof(text.c_str() + at + name.size() + 2);
}

}  // namespace

TEST_CASE("front: the status pages' figures are read from nchan's and nginx's own words") {
  const std::string nchan =
      "total published messages: 7\nstored messages: 3\nshared memory used: 16K\nshared memory limit: 131072K\n"
      "channels: 3\nsubscribers: 12\nredis pending commands: 0\n";
  const std::string nginx = "Active connections: 15 \nserver accepts handled requests\n 40 40 90 \nReading: 2 Writing: 12 Waiting: 1 \n";
  const auto f = antrian::web::parse_nchan_status(nchan);
  REQUIRE(f);
  CHECK(f->subscribers == 12);
  CHECK(f->channels == 3);
  const auto g = antrian::web::parse_nginx_status(nginx, *f);
  REQUIRE(g);
  CHECK(g->subscribers == 12);  // kept from the first page
  CHECK(g->active == 15);
  CHECK(g->reading == 2);
  CHECK(g->writing == 12);
  CHECK(g->waiting == 1);
  // A page that is not what it should be gives nothing rather than zeros.
  CHECK_FALSE(antrian::web::parse_nchan_status("<html>502 Bad Gateway</html>"));
  CHECK_FALSE(antrian::web::parse_nginx_status("Active connections: 3\nReading: x Writing: 1 Waiting: 0"));
}

TEST_CASE("front: sockets dripping a header line a second stall nothing and are closed by the front") {
  FrontedHub f;
  const std::string token = f.issue("A");
  f.command("sign_in", {{"counter", 1}, {"staff", "demo1"}, {"pin", "1234"}});
  SseReader phone(f.front.port(), "/api/t/" + token + "/events", "127.0.0.2");
  REQUIRE(phone.status() == 200);
  // 200 drips from 20 addresses (the old web stalled with 40 next to its streams).
  std::vector<std::unique_ptr<DripSocket>> drips;
  for (int i = 0; i < 200; ++i)
    drips.push_back(std::make_unique<DripSocket>(f.front.port(), "127.0.3." + std::to_string(1 + i % 20)));
  for (auto& d : drips) REQUIRE(d->open());

  const auto start = steady_clock::now();
  double worst_healthz_ms = 0;
  bool call_seen = false;
  int round = 0;
  std::size_t still_open = drips.size();
  while (still_open > 0 && steady_clock::now() - start < 25s) {
    still_open = 0;
    for (auto& d : drips) still_open += d->drip(round) ? 1 : 0;
    ++round;
    const auto asked = steady_clock::now();
    auto r = f.http.Get("/healthz");
    REQUIRE(r);
    CHECK(r->status == 200);
    worst_healthz_ms = std::max(worst_healthz_ms, duration<double, std::milli>(steady_clock::now() - asked).count());
    if (round == 3) {  // a call while every drip is open reaches the phone at once
      f.command("call_next", {{"counter", 1}});
      call_seen = !phone.wait_for("ticket", "\"state\":\"called\"", 1000).empty();
    }
    std::this_thread::sleep_for(1s);
  }
  const double closed_after_s = duration<double>(steady_clock::now() - start).count();
  INFO("worst /healthz " << worst_healthz_ms << " ms; drips closed after " << closed_after_s << " s");
  CHECK(call_seen);
  CHECK(worst_healthz_ms < 500);
  // The front gives a request header 10 s in all (client_header_timeout), however slowly it drips.
  CHECK(still_open == 0);
  CHECK(closed_after_s < 16);
}

TEST_CASE("front: /metrics counts the streams the front holds and its connections by state") {
  FrontedHub f;
  const std::string token = f.issue("A");
  std::vector<std::unique_ptr<SseReader>> phones;
  for (int i = 0; i < 3; ++i) {
    phones.push_back(std::make_unique<SseReader>(f.front.port(), "/api/t/" + token + "/events", "127.0.4." + std::to_string(i + 1)));
    REQUIRE(phones.back()->status() == 200);
  }
  // The hub reads the front's figures with each clock ping (every 10 s).
  std::string text;
  CHECK(eventually(
      [&] {
        auto r = f.http.Get("/metrics");
        text = r && r->status == 200 ? "\n" + r->body : "";
        return metric(text, "antrian_web_front_streams") >= 3;
      },
      15s));
  INFO(text);
  CHECK(metric(text, "antrian_web_front_streams") == 3);
  CHECK(metric(text, "antrian_web_front_channels") >= 2);  // the ticket's and the clock's
  CHECK(metric(text, "antrian_web_front_connections_active") >= 3);
  CHECK(text.find("antrian_web_front_connections{state=\"writing\"}") != std::string::npos);
  // Streams that close are counted out by the next reading.
  phones.clear();
  CHECK(eventually(
      [&] {
        auto r = f.http.Get("/metrics");
        return r && metric("\n" + r->body, "antrian_web_front_streams") == 0;
      },
      15s));
}
