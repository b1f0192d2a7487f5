#include "probe_runner.h"

#include <netdb.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>

#include <httplib.h>
#include <spdlog/spdlog.h>

#include "antrian/hub_client.h"
#include "hub.h"

namespace antrian {
namespace {

// A non-blocking connect bounded by the timeout (a dead link must not hang the probe).
bool tcp_connects(const std::string& host, int port, int timeout_ms) {
  addrinfo hints{};
  hints.ai_socktype = SOCK_STREAM;
  addrinfo* found = nullptr;
  if (::getaddrinfo(host.c_str(), std::to_string(port).c_str(), &hints, &found) != 0) return false;
  bool ok = false;
  for (addrinfo* a = found; a && !ok; a = a->ai_next) {
    const int fd = ::socket(a->ai_family, a->ai_socktype | SOCK_NONBLOCK | SOCK_CLOEXEC, a->ai_protocol);
    if (fd < 0) continue;
    if (::connect(fd, a->ai_addr, a->ai_addrlen) == 0) {
      ok = true;
    } else if (errno == EINPROGRESS) {
      pollfd pfd{fd, POLLOUT, 0};
      int err = 0;
      socklen_t len = sizeof err;
      ok = ::poll(&pfd, 1, timeout_ms) == 1 && ::getsockopt(fd, SOL_SOCKET, SO_ERROR, &err, &len) == 0 && err == 0;
    }
    ::close(fd);
  }
  ::freeaddrinfo(found);
  return ok;
}

}  // namespace

bool run_check(const ProbeSpec& p) {
  if (p.check.rfind("tcp://", 0) == 0) {
    std::string host, error;
    int port = 0;
    if (!parse_hub_address(p.check, host, port, error)) return false;
    return tcp_connects(host, port, p.timeout_ms);
  }
  // http://HOST:PORT/PATH
  const std::string rest = p.check.substr(7);
  const auto slash = rest.find('/');
  const std::string authority = rest.substr(0, slash);
  const std::string path = slash == std::string::npos ? "/" : rest.substr(slash);
  httplib::Client client("http://" + authority);
  client.set_connection_timeout(time_t(p.timeout_ms / 1000), time_t((p.timeout_ms % 1000) * 1000));
  client.set_read_timeout(time_t(p.timeout_ms / 1000), time_t((p.timeout_ms % 1000) * 1000));
  auto res = client.Get(path);
  return res && res->status >= 200 && res->status < 400;
}

ProbeRunner::ProbeRunner(Hub& hub, std::vector<ProbeSpec> probes)
    : hub_(hub), probes_(std::move(probes)), declared_(probes_.size()) {
  for (std::size_t i = 0; i < probes_.size(); ++i) threads_.emplace_back([this, i] { loop(i); });
}

ProbeRunner::~ProbeRunner() {
  {
    std::lock_guard l(mu_);
    stopping_ = true;
  }
  cv_.notify_all();
  for (auto& t : threads_) t.join();
}

void ProbeRunner::loop(std::size_t i) {
  const ProbeSpec& p = probes_[i];
  Hysteresis h(p.fail_after, p.recover_after);
  std::unique_lock lock(mu_);
  while (!stopping_) {
    lock.unlock();
    const bool ok = run_check(p);
    const auto change = h.observe(ok);
    if (change == Hysteresis::Change::went_down) went_down(i);
    if (change == Hysteresis::Change::came_back) came_back(i);
    lock.lock();
    cv_.wait_for(lock, std::chrono::milliseconds(p.interval_ms), [this] { return stopping_; });
  }
}

void ProbeRunner::went_down(std::size_t i) {
  const ProbeSpec& p = probes_[i];
  // Staff may have declared it already: one notice per resource is enough.
  const bool known = hub_.with_state([&](const OfficeState& s) {
    for (const auto& [_, d] : s.disruptions)
      if (d.active && d.resource == p.resource) return true;
    return false;
  });
  if (known) return;
  // Without a message in the config, say plainly what stopped answering.
  std::string msg_id = p.message_id, msg_en = p.message_en;
  if (msg_id.empty() || msg_en.empty()) {
    const auto names = hub_.with_state([&](const OfficeState& s) {
      auto r = s.resources.find(p.resource);
      return r == s.resources.end() ? std::pair{p.resource, p.resource} : std::pair{r->second.name_id, r->second.name_en};
    });
    if (msg_id.empty()) msg_id = names.first + " tidak dapat dihubungi";
    if (msg_en.empty()) msg_en = names.second + " cannot be reached";
  }
  spdlog::warn("probe: {} ({}) is not answering; declaring a disruption", p.resource, p.check);
  proto::Request r;
  r.id = "probe-" + p.resource + "-" + std::to_string(real_now_ms());
  r.cmd = std::string(proto::cmd::disruption_set);
  r.role = std::string(proto::role::admin);
  r.args = {{"resource", p.resource}, {"level", to_string(p.level)}, {"message_id", msg_id},
            {"message_en", msg_en}, {"client", "probe:" + p.resource}};
  hub_.post(r, [this, i](const proto::Reply& reply) {
    if (reply.ok) declared_[i] = reply.result["disruption"]["id"].get<int64_t>();
  });
}

void ProbeRunner::came_back(std::size_t i) {
  const ProbeSpec& p = probes_[i];
  const int64_t id = declared_[i].exchange(0);
  if (id == 0) return;  // declared by staff: they clear it
  spdlog::info("probe: {} answers again; clearing disruption {}", p.resource, id);
  proto::Request r;
  r.id = "probe-" + p.resource + "-clear-" + std::to_string(real_now_ms());
  r.cmd = std::string(proto::cmd::disruption_clear);
  r.role = std::string(proto::role::admin);
  r.args = {{"id", id}, {"client", "probe:" + p.resource}};
  hub_.post(r);
}

}  // namespace antrian
