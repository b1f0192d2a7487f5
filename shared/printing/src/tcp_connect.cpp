#include "tcp_connect.h"

#include <fcntl.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>

#include <cerrno>
#include <condition_variable>
#include <cstring>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

namespace antrian::printing::detail {
namespace {

struct Address {
  sockaddr_storage addr{};
  socklen_t len = 0;
  int family = AF_INET;
};

struct Lookup {
  std::mutex m;
  std::condition_variable cv;
  bool done = false;
  int rc = 0;
  std::vector<Address> addrs;
};

int resolve_now(const std::string& host, std::uint16_t port, int flags, std::vector<Address>& out) {
  addrinfo hints{};
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = SOCK_STREAM;
  hints.ai_flags = flags;
  addrinfo* res = nullptr;
  const int rc = ::getaddrinfo(host.c_str(), std::to_string(port).c_str(), &hints, &res);
  if (rc != 0) return rc;
  for (addrinfo* a = res; a != nullptr; a = a->ai_next) {
    Address ad;
    std::memcpy(&ad.addr, a->ai_addr, a->ai_addrlen);
    ad.len = a->ai_addrlen;
    ad.family = a->ai_family;
    out.push_back(ad);
  }
  ::freeaddrinfo(res);
  return 0;
}

// Fills out or returns a reason; sets timed_out when DNS did not answer in time.
std::string resolve(const std::string& host, std::uint16_t port, const Deadline& deadline,
                    std::vector<Address>& out, bool& timed_out) {
  // Literal addresses need no DNS and no thread.
  int rc = resolve_now(host, port, AI_NUMERICHOST | AI_NUMERICSERV, out);
  if (rc == 0) return {};
  auto st = std::make_shared<Lookup>();
  std::thread([st, host, port] {
    std::vector<Address> found;
    const int r = resolve_now(host, port, AI_NUMERICSERV, found);
    std::lock_guard lock(st->m);
    st->rc = r;
    st->addrs = std::move(found);
    st->done = true;
    st->cv.notify_all();
  }).detach();
  std::unique_lock lock(st->m);
  if (!st->cv.wait_until(lock, deadline.at, [&] { return st->done; })) {
    timed_out = true;
    return "looking up printer host " + host + " took too long (DNS not answering?)";
  }
  if (st->rc != 0) return "cannot resolve printer host " + host + ": " + ::gai_strerror(st->rc);
  out = std::move(st->addrs);
  return {};
}

}  // namespace

Connection tcp_connect(const std::string& host, std::uint16_t port, const Deadline& deadline) {
  Connection c;
  const std::string where = host + ":" + std::to_string(port);
  std::vector<Address> addrs;
  c.reason = resolve(host, port, deadline, addrs, c.timed_out);
  if (!c.reason.empty()) return c;
  if (addrs.empty()) {
    c.reason = "printer host " + host + " has no address";
    return c;
  }
  std::string last;
  for (const Address& a : addrs) {
    Fd fd(::socket(a.family, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0));
    if (!fd.valid()) {
      last = std::string("cannot create socket: ") + std::strerror(errno);
      continue;
    }
    int err = 0;
    if (::connect(fd.get(), reinterpret_cast<const sockaddr*>(&a.addr), a.len) != 0) {
      if (errno != EINPROGRESS) {
        err = errno;
      } else {
        pollfd p{fd.get(), POLLOUT, 0};
        int n;
        do n = ::poll(&p, 1, deadline.poll_ms());
        while (n < 0 && errno == EINTR);
        if (n == 0) {
          c.timed_out = true;
          c.reason = "no answer from printer " + where +
                     " in time (is it switched on and on this network?)";
          return c;
        }
        socklen_t len = sizeof err;
        if (n < 0) err = errno;
        else ::getsockopt(fd.get(), SOL_SOCKET, SO_ERROR, &err, &len);
      }
    }
    if (err == 0) {
      const int one = 1;  // tickets are small; do not let Nagle delay the last bytes
      ::setsockopt(fd.get(), IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
      c.fd = std::move(fd);
      c.reason.clear();
      return c;
    }
    if (err == ECONNREFUSED)
      last = "connection refused by printer " + where + " (printer off, or wrong port?)";
    else
      last = "cannot connect to printer " + where + ": " + std::strerror(err);
  }
  c.reason = last;
  return c;
}

}  // namespace antrian::printing::detail
