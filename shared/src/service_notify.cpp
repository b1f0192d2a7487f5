#include "antrian/service_notify.h"

#include <systemd/sd-daemon.h>

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <string>

namespace antrian::service {
namespace {

using Clock = std::chrono::steady_clock;

struct Env {
  bool notify = false;
  std::chrono::microseconds half{0};  // 0: no watchdog
};

const Env& env() {
  static const Env e = [] {
    Env r;
    const char* sock = std::getenv("NOTIFY_SOCKET");
    r.notify = sock && *sock;
    uint64_t usec = 0;
    // Checks WATCHDOG_PID too, so a child that inherited the variables stays quiet.
    if (r.notify && sd_watchdog_enabled(0, &usec) > 0 && usec > 0)
      r.half = std::chrono::microseconds(usec / 2);
    return r;
  }();
  return e;
}

// Time of the last WATCHDOG=1 (steady clock, ns); min() before the first one.
std::atomic<int64_t> g_last_ping{INT64_MIN};
std::atomic<bool> g_ready_sent{false};

void send(const char* msg) {
  if (!env().notify) return;
  // Failures (systemd gone during shutdown) are not worth dying for; nothing to do.
  (void)sd_notify(0, msg);
}

}  // namespace

bool under_systemd() { return env().notify; }

void ready() {
  if (!env().notify || g_ready_sent.exchange(true)) return;
  send("READY=1");
}

void stopping() { send("STOPPING=1"); }

void status(std::string_view text) {
  if (!env().notify) return;
  std::string msg = "STATUS=";
  // One line: a newline would start a new assignment in the notification.
  for (char c : text) msg += c == '\n' ? ' ' : c;
  send(msg.c_str());
}

std::optional<std::chrono::milliseconds> watchdog_interval() {
  if (env().half.count() == 0) return std::nullopt;
  return std::chrono::duration_cast<std::chrono::milliseconds>(env().half);
}

std::optional<std::chrono::milliseconds> watchdog_ping() {
  const auto half = env().half;
  if (half.count() == 0) return std::nullopt;
  const int64_t now = Clock::now().time_since_epoch().count();
  int64_t last = g_last_ping.load();
  const int64_t half_ns = std::chrono::duration_cast<Clock::duration>(half).count();
  if (last == INT64_MIN || now - last >= half_ns) {
    // One thread wins the right to ping for this period.
    if (g_last_ping.compare_exchange_strong(last, now)) send("WATCHDOG=1");
    last = g_last_ping.load();
  }
  const int64_t left_ns = std::max<int64_t>(0, last + half_ns - now);
  // Rounded up: waking a little late is fine (half the timeout is the margin),
  // waking early would only spin.
  return std::chrono::milliseconds((left_ns + 999'999) / 1'000'000);
}

}  // namespace antrian::service
