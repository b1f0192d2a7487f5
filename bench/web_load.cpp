// antrian-bench-web: the load of a hall full of phones on the web front (nginx +
// nchan) and a hub publishing to it, all on loopback. Run by bench/web-load.sh,
// which starts the hub and the front; see docs/BENCHMARKS.md.
//
// Phones: --streams status-page streams (one ticket each, from many loopback
// addresses, as phones behind several NATs), TVs: --tv display streams, drip: --slow
// sockets that send a header line every 2 s and reconnect when dropped, for the whole
// run. While that holds, every --call-every-ms a loket calls the next ticket; the
// bench times, per stream, from the call request to the event that shows the
// stream's ticket one place further (TVs: the called label). Probes: /healthz and a
// fresh page load (page + its three files) on new connections, the hub's ZeroMQ
// request round trip, and requests/s on one keep-alive connection (front and hub).
// Bounded: stops after --seconds; every socket is closed at the end.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include <CLI/CLI.hpp>

#include "antrian/device_keys.h"
#include "antrian/hub_client.h"
#include "bench_stats.h"

using namespace antrian;
using Clock = std::chrono::steady_clock;

namespace {

double ms_since(Clock::time_point t) { return std::chrono::duration<double, std::milli>(Clock::now() - t).count(); }

// A loopback address of its own for client i (127.1.x.y): phones behind many NATs.
std::string addr_for(int group, int i) {
  return "127." + std::to_string(group) + "." + std::to_string(1 + i / 250) + "." + std::to_string(1 + i % 250);
}

int connect_from(const std::string& src, int port, bool nonblock) {
  const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC | (nonblock ? SOCK_NONBLOCK : 0), 0);
  if (fd < 0) return -1;
  int one = 1;
  ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
  sockaddr_in s{};
  s.sin_family = AF_INET;
  ::inet_pton(AF_INET, src.c_str(), &s.sin_addr);
  ::bind(fd, reinterpret_cast<sockaddr*>(&s), sizeof s);
  sockaddr_in d{};
  d.sin_family = AF_INET;
  d.sin_port = htons(uint16_t(port));
  d.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::connect(fd, reinterpret_cast<sockaddr*>(&d), sizeof d) != 0 && errno != EINPROGRESS) {
    ::close(fd);
    return -1;
  }
  return fd;
}

// Reads one whole HTTP answer (Content-Length) on a blocking socket.
bool read_answer(int fd, std::string& buf, int& status) {
  for (;;) {
    const std::size_t end = buf.find("\r\n\r\n");
    if (end != std::string::npos) {
      status = std::atoi(buf.c_str() + 9);
      std::size_t len = 0;
      const std::size_t cl = buf.find("Content-Length: ");
      if (cl != std::string::npos && cl < end) len = std::strtoul(buf.c_str() + cl + 16, nullptr, 10);
      if (buf.size() >= end + 4 + len) {
        buf.erase(0, end + 4 + len);
        return true;
      }
    }
    char b[65536];
    const ssize_t n = ::recv(fd, b, sizeof b, 0);
    if (n <= 0) return false;
    buf.append(b, std::size_t(n));
  }
}

// GETs on one connection; the time for all of them, or -1 when one failed.
double fetch(const std::string& src, int port, const std::vector<std::string>& paths) {
  const auto t0 = Clock::now();
  const int fd = connect_from(src, port, false);
  if (fd < 0) return -1;
  timeval tv{5, 0};
  ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
  std::string buf;
  for (const std::string& p : paths) {
    const std::string req = "GET " + p + " HTTP/1.1\r\nHost: bench\r\nAccept: text/html\r\n\r\n";
    int status = 0;
    if (::send(fd, req.data(), req.size(), MSG_NOSIGNAL) < 0 || !read_answer(fd, buf, status) || status != 200) {
      ::close(fd);
      return -1;
    }
  }
  ::close(fd);
  return ms_since(t0);
}

// Requests/s of /healthz on one keep-alive connection for `seconds`.
double keepalive_rps(int port, double seconds) {
  const int fd = connect_from("127.0.0.1", port, false);
  if (fd < 0) return 0;
  std::string buf;
  const std::string req = "GET /healthz HTTP/1.1\r\nHost: bench\r\n\r\n";
  const auto t0 = Clock::now();
  int n = 0, status = 0;
  while (ms_since(t0) < seconds * 1000) {
    if (::send(fd, req.data(), req.size(), MSG_NOSIGNAL) < 0 || !read_answer(fd, buf, status) || status != 200) break;
    ++n;
  }
  ::close(fd);
  return n / (ms_since(t0) / 1000.0);
}

struct Stream {
  int fd = -1;
  int ticket = -1;  // index into tickets; -1 for a TV
  bool open = false;
  std::string buf;
  int status = 0;
};

struct PhoneTicket {
  std::string token, label;
};

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"antrian-bench-web: a hall of phones on the web front (run by bench/web-load.sh)"};
  int front_port = 0, hub_http = 0, streams_n = 2000, tv_n = 10, slow_n = 500, seconds = 60, call_every_ms = 3000;
  std::string hub, key, hub_key;
  app.add_option("--front-port", front_port)->required();
  app.add_option("--hub-http-port", hub_http)->required();
  app.add_option("--hub", hub, "tcp://127.0.0.1:PORT")->required();
  app.add_option("--key", key)->required();
  app.add_option("--hub-key", hub_key)->required();
  app.add_option("--streams", streams_n)->check(CLI::Range(1, 5000));
  app.add_option("--tv", tv_n)->check(CLI::Range(1, 100));
  app.add_option("--slow", slow_n)->check(CLI::Range(0, 2000));
  app.add_option("--seconds", seconds)->check(CLI::Range(5, 600));
  app.add_option("--call-every-ms", call_every_ms)->check(CLI::Range(500, 60000));
  CLI11_PARSE(app, argc, argv);

  auto keys = load_client_keys(key, hub_key);
  if (!keys) {
    std::cerr << "error: " << keys.error().reason << "\n";
    return 2;
  }
  HubClientOptions opt(hub, "admin", "bench-web", /*mirror=*/false, 5000, 2);
  opt.keys = *keys;
  HubClient admin(opt);

  // One ticket per phone, all in service A: every call moves every phone's place.
  std::vector<PhoneTicket> tickets;
  std::vector<double> rtt_idle;  // the hub's request socket before the web's load
  const auto t_issue = Clock::now();
  for (int i = 0; i < streams_n; ++i) {
    const auto t0 = Clock::now();
    auto r = admin.request("issue", {{"service", "A"}});
    rtt_idle.push_back(ms_since(t0));
    if (!r.ok) {
      std::cerr << "error: issue " << i << ": " << r.error.reason << "\n";
      return 3;
    }
    tickets.push_back({r.result["ticket"]["token"].get<std::string>(), r.result["ticket"]["label"].get<std::string>()});
  }
  std::printf("issued %d tickets in %.1f s\n", streams_n, ms_since(t_issue) / 1000);
  if (auto r = admin.request("sign_in", {{"counter", 1}, {"staff", "demo1"}, {"pin", "1234"}}); !r.ok) {
    std::cerr << "error: sign_in: " << r.error.reason << "\n";
    return 3;
  }
  const double rps_front_idle = keepalive_rps(front_port, 3), rps_hub = keepalive_rps(hub_http, 3);
  std::printf("keepalive_rps front=%.0f hub=%.0f (one connection, /healthz, 3 s each, idle)\n", rps_front_idle, rps_hub);

  const int ep = ::epoll_create1(EPOLL_CLOEXEC);
  std::vector<Stream> streams(std::size_t(streams_n + tv_n));
  auto open_stream = [&](std::size_t i) {
    Stream& s = streams[i];
    const bool tv = int(i) >= streams_n;
    s.ticket = tv ? -1 : int(i);
    // 20 phones per address (NATs), TVs 2 per address.
    s.fd = connect_from(tv ? addr_for(3, int(i - streams_n) / 2) : addr_for(1, int(i) / 20), front_port, false);
    if (s.fd < 0) return;
    const std::string path = tv ? "/api/display/events?services=A" : "/api/t/" + tickets[i].token + "/events";
    const std::string req = "GET " + path + " HTTP/1.1\r\nHost: bench\r\nAccept: text/event-stream\r\n\r\n";
    ::send(s.fd, req.data(), req.size(), MSG_NOSIGNAL);
    epoll_event ev{};
    ev.events = EPOLLIN;
    ev.data.u64 = i;
    ::epoll_ctl(ep, EPOLL_CTL_ADD, s.fd, &ev);
  };
  const auto t_open = Clock::now();
  for (std::size_t i = 0; i < streams.size(); ++i) {
    open_stream(i);
    if (i % 100 == 99) std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }

  // Per call: when it was asked for, what each phone now waits for.
  struct Call {
    Clock::time_point at;
    int k = 0;  // calls made so far, this one included
    std::string label;
  };
  std::mutex mu;
  std::vector<Call> calls;
  std::vector<double> call_ms, tv_ms;
  std::vector<int> seen_call(streams.size(), 0);  // per stream: the last call it has seen
  int calls_missed = 0;

  auto on_event = [&](std::size_t i, const std::string& event, const std::string& data) {
    std::lock_guard l(mu);
    Stream& s = streams[i];
    for (const Call& c : calls) {
      if (seen_call[i] >= c.k) continue;
      bool shows = false;
      if (s.ticket < 0) shows = event == "display" && data.find("\"label\":\"" + c.label + "\"") != std::string::npos;
      else if (event == "ticket") {
        const int position = s.ticket + 1 - c.k;  // ticket i was at place i+1 before any call
        shows = position <= 0 ? data.find("\"state\":\"waiting\"") == std::string::npos
                              : data.find("\"position\":" + std::to_string(position) + ",") != std::string::npos;
      }
      if (!shows) continue;
      seen_call[i] = c.k;
      (s.ticket < 0 ? tv_ms : call_ms).push_back(std::chrono::duration<double, std::milli>(Clock::now() - c.at).count());
    }
  };

  std::atomic<bool> stop{false};
  std::thread reader([&] {
    epoll_event evs[256];
    char b[65536];
    while (!stop) {
      const int n = ::epoll_wait(ep, evs, 256, 100);
      for (int e = 0; e < n; ++e) {
        const std::size_t i = evs[e].data.u64;
        Stream& s = streams[i];
        const ssize_t got = ::recv(s.fd, b, sizeof b, 0);
        if (got <= 0) {
          ::epoll_ctl(ep, EPOLL_CTL_DEL, s.fd, nullptr);
          ::close(s.fd);
          s.fd = -1;
          s.open = false;
          continue;
        }
        s.buf.append(b, std::size_t(got));
        if (!s.open) {
          const std::size_t end = s.buf.find("\r\n\r\n");
          if (end == std::string::npos) continue;
          s.status = std::atoi(s.buf.c_str() + 9);
          s.open = s.status == 200;
          static bool told = false;
          if (!s.open && !told) {
            told = true;
            std::printf("first refused stream: %s\n", s.buf.substr(end + 4, 200).c_str());
          }
          s.buf.erase(0, end + 4);
        }
        std::size_t end;
        while ((end = s.buf.find("\n\n")) != std::string::npos) {
          const std::string ev = s.buf.substr(0, end);
          s.buf.erase(0, end + 2);
          const std::size_t en = ev.find("event: "), d = ev.find("data: ");
          if (en == std::string::npos || d == std::string::npos) continue;
          on_event(i, ev.substr(en + 7, ev.find('\n', en) - en - 7), ev.substr(d + 6));
        }
      }
    }
  });

  // Slow-drip sockets: a header line every 2 s, reconnected when the front drops them.
  std::atomic<int> slow_open{0}, slow_dropped{0};
  std::thread drip([&] {
    std::vector<int> fds(std::size_t(slow_n), -1);
    while (!stop) {
      int open = 0;
      for (int i = 0; i < slow_n && !stop; ++i) {
        int& fd = fds[std::size_t(i)];
        if (fd >= 0) {
          const std::string line = "X-Drip-" + std::to_string(i) + ": 1\r\n";
          if (::send(fd, line.data(), line.size(), MSG_NOSIGNAL) < 0) {
            ::close(fd);
            fd = -1;
            ++slow_dropped;
          }
        }
        if (fd < 0) {
          fd = connect_from(addr_for(4, i), front_port, false);
          const std::string start = "GET /healthz HTTP/1.1\r\nHost: bench\r\n";
          if (fd >= 0) ::send(fd, start.data(), start.size(), MSG_NOSIGNAL);
        }
        open += fd >= 0;
      }
      slow_open = open;
      for (int w = 0; w < 20 && !stop; ++w) std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    for (int fd : fds)
      if (fd >= 0) ::close(fd);
  });

  // Wait until the streams are open (or 30 s).
  auto count_open = [&] {
    int phones = 0, tvs = 0;
    for (std::size_t i = 0; i < streams.size(); ++i) (int(i) < streams_n ? phones : tvs) += streams[i].open;
    return std::pair{phones, tvs};
  };
  while (ms_since(t_open) < 30000 && count_open().first + count_open().second < int(streams.size()))
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  auto [phones_open, tvs_open] = count_open();
  {
    std::map<int, int> by_status;
    for (const Stream& s : streams) by_status[s.status]++;
    std::printf("stream answers:");
    for (auto [status, n] : by_status) std::printf(" %d x%d", status, n);
    std::printf(" (0 = none yet)\n");
  }
  std::printf("streams open: %d phones, %d TVs after %.1f s\n", phones_open, tvs_open, ms_since(t_open) / 1000);
  std::this_thread::sleep_for(std::chrono::seconds(3));  // let the drip sockets pile up

  // Probes on fresh connections while the load runs.
  std::vector<double> healthz_ms, page_ms, rtt_load;
  int probe_fail = 0;
  std::thread probes([&] {
    int n = 0;
    while (!stop) {
      const double h = fetch("127.0.0.2", front_port, {"/healthz"});
      const std::string token = tickets[std::size_t(n) % tickets.size()].token;
      const double p = n % 4 == 0 ? fetch("127.0.0.3", front_port,
                                          {"/t/" + token, "/static/style.css", "/static/common.js", "/static/status.js"})
                                  : 0;
      {
        std::lock_guard l(mu);
        if (h < 0) ++probe_fail;
        else healthz_ms.push_back(h);
        if (p < 0) ++probe_fail;
        else if (n % 4 == 0) page_ms.push_back(p);
      }
      ++n;
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
  });

  const auto t_load = Clock::now();
  int k = 0;
  int min_phones = phones_open, min_tvs = tvs_open;
  while (ms_since(t_load) < seconds * 1000.0 && k < streams_n - 1) {
    const auto t0 = Clock::now();
    {
      std::lock_guard l(mu);
      calls.push_back({t0, k + 1, tickets[std::size_t(k)].label});
    }
    auto r = admin.request("call_next", {{"counter", 1}});
    rtt_load.push_back(ms_since(t0));
    // The loket is free again for the next call (the applicant did not come).
    if (r.ok) r = admin.request("no_show", {{"counter", 1}});
    if (!r.ok) {
      std::cerr << "call_next: " << r.error.reason << "\n";
      break;
    }
    ++k;
    std::this_thread::sleep_for(std::chrono::milliseconds(call_every_ms) - (Clock::now() - t0));
    auto [p, t] = count_open();
    min_phones = std::min(min_phones, p);
    min_tvs = std::min(min_tvs, t);
  }
  std::this_thread::sleep_for(std::chrono::seconds(2));  // the last call's stragglers
  const double rps_front_load = keepalive_rps(front_port, 3);
  stop = true;
  reader.join();
  drip.join();
  probes.join();
  for (Stream& s : streams)
    if (s.fd >= 0) ::close(s.fd);
  ::close(ep);

  // Calls that never arrived count as lost, i.e. as over every limit.
  std::lock_guard l(mu);
  for (std::size_t i = 0; i < streams.size(); ++i)
    for (const Call& c : calls)
      if (seen_call[i] < c.k && (int(i) >= streams_n || int(i) >= c.k)) {
        (int(i) >= streams_n ? tv_ms : call_ms).push_back(1e9);
        ++calls_missed;
      }
  auto sum = [](std::vector<double> v) { return bench::summarize(std::move(v)); };
  const auto hz = sum(healthz_ms), pg = sum(page_ms), cl = sum(call_ms), tv = sum(tv_ms), ri = sum(rtt_idle),
             rl = sum(rtt_load);
  std::cout << bench::describe("healthz (fresh connection, through the front)", hz) << "\n"
            << bench::describe("page load (/t/<token> + 3 files, fresh connection)", pg) << "\n"
            << bench::describe("call to phone stream", cl) << "\n"
            << bench::describe("call to TV stream", tv) << "\n"
            << bench::describe("hub request round trip, no web load (issue)", ri) << "\n"
            << bench::describe("hub request round trip under load (call_next)", rl) << "\n";
  std::printf("calls=%d missed_deliveries=%d probe_failures=%d min_open phones=%d tvs=%d slow_dropped_by_front=%d\n",
              k, calls_missed, probe_fail, min_phones, min_tvs, slow_dropped.load());
  std::printf("keepalive_rps front_idle=%.0f front_under_load=%.0f hub=%.0f\n", rps_front_idle, rps_front_load, rps_hub);
  std::printf("streams=%d tv=%d healthz_p99_ms=%.1f page_p99_ms=%.1f call_p99_ms=%.1f tv_call_p99_ms=%.1f slow=%d\n",
              min_phones, min_tvs, hz.p99_ms, pg.p99_ms, cl.p99_ms, tv.p99_ms, slow_open.load());
  return 0;
}
