// The hub and a GUI program under systemd's notification protocol, without systemd:
// the test binds the datagram socket systemd would (NOTIFY_SOCKET), starts the real
// program with WATCHDOG_USEC as systemd would set it, and reads what arrives.
//
// What systemd does with it (packaging/systemd/*.service): Type=notify starts the
// clients after READY=1; WatchdogSec= restarts a program whose WATCHDOG=1 stop for
// that long (a frozen hub or screen, simulated here by SIGSTOP); STOPPING=1 tells a
// clean stop from a crash.
#include <doctest/doctest.h>

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstring>
#include <optional>
#include <stdexcept>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "hub_process.h"

using antrian::test::TempDir;
using Clock = std::chrono::steady_clock;
using namespace std::chrono_literals;

namespace {

double seconds(Clock::duration d) { return std::chrono::duration<double>(d).count(); }

struct Notification {
  std::string text;
  Clock::time_point at;
};

// The socket systemd listens on for sd_notify(3) messages.
class NotifySocket {
 public:
  explicit NotifySocket(const std::string& path) : path_(path) {
    fd_ = ::socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    if (fd_ < 0) throw std::runtime_error(std::string("socket(AF_UNIX): ") + std::strerror(errno));
    sockaddr_un addr{};
    addr.sun_family = AF_UNIX;
    if (path.size() >= sizeof addr.sun_path) throw std::runtime_error("socket path too long: " + path);
    std::memcpy(addr.sun_path, path.c_str(), path.size() + 1);
    if (::bind(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0)
      throw std::runtime_error("bind " + path + ": " + std::strerror(errno));
  }
  ~NotifySocket() {
    ::close(fd_);
    ::unlink(path_.c_str());
  }
  int fd() const { return fd_; }
  const std::string& path() const { return path_; }

  // Every message that arrives within timeout; one datagram may carry several lines.
  std::vector<Notification> read_for(Clock::duration timeout) {
    std::vector<Notification> out;
    const auto end = Clock::now() + timeout;
    while (true) {
      const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(end - Clock::now()).count();
      if (left <= 0) break;
      auto n = next(int(left));
      if (n) out.push_back(*n);
    }
    return out;
  }
  // The next message within timeout_ms (nullopt if none).
  std::optional<Notification> next(int timeout_ms) {
    pollfd p{fd_, POLLIN, 0};
    if (::poll(&p, 1, timeout_ms) <= 0) return std::nullopt;
    char buf[4096];
    const ssize_t n = ::recv(fd_, buf, sizeof buf, 0);
    if (n <= 0) return std::nullopt;
    return Notification{std::string(buf, size_t(n)), Clock::now()};
  }

 private:
  std::string path_;
  int fd_ = -1;
};

bool has_line(const std::string& msg, const std::string& line) {
  size_t pos = 0;
  while (pos <= msg.size()) {
    const size_t nl = msg.find('\n', pos);
    if (msg.substr(pos, nl == std::string::npos ? std::string::npos : nl - pos) == line) return true;
    if (nl == std::string::npos) break;
    pos = nl + 1;
  }
  return false;
}

std::vector<Clock::time_point> times_of(const std::vector<Notification>& ns, const std::string& line) {
  std::vector<Clock::time_point> t;
  for (const auto& n : ns)
    if (has_line(n.text, line)) t.push_back(n.at);
  return t;
}

// A program started as systemd starts a Type=notify service: NOTIFY_SOCKET,
// WATCHDOG_USEC and WATCHDOG_PID (its own pid) in the environment.
class ServiceProcess {
 public:
  ServiceProcess(std::vector<std::string> argv, const std::string& notify_socket, long watchdog_usec,
                 std::vector<std::pair<std::string, std::string>> env = {}) {
    int out[2];
    if (::pipe(out) != 0) throw std::runtime_error("pipe failed");
    pid_ = ::fork();
    if (pid_ < 0) throw std::runtime_error(std::string("fork: ") + std::strerror(errno));
    if (pid_ == 0) {
      ::prctl(PR_SET_PDEATHSIG, SIGKILL);  // a crashed test leaves nothing running
      ::setpgid(0, 0);  // SIGSTOP below: alone in its group, as HubProcess says why
      ::setenv("NOTIFY_SOCKET", notify_socket.c_str(), 1);
      if (watchdog_usec > 0) {
        ::setenv("WATCHDOG_USEC", std::to_string(watchdog_usec).c_str(), 1);
        ::setenv("WATCHDOG_PID", std::to_string(::getpid()).c_str(), 1);
      }
      for (const auto& [k, v] : env) ::setenv(k.c_str(), v.c_str(), 1);
      const int devnull = ::open("/dev/null", O_RDWR);
      ::dup2(devnull, 0);
      ::dup2(out[1], 1);
      ::close(out[0]);
      ::close(out[1]);
      std::vector<char*> args;
      for (auto& a : argv) args.push_back(a.data());
      args.push_back(nullptr);
      ::execv(args[0], args.data());
      ::_exit(127);
    }
    ::close(out[1]);
    out_ = out[0];
    ::fcntl(out_, F_SETFL, ::fcntl(out_, F_GETFL) | O_NONBLOCK);
  }
  ~ServiceProcess() {
    if (pid_ > 0) {
      ::kill(pid_, SIGKILL);
      ::waitpid(pid_, nullptr, 0);
    }
    ::close(out_);
  }
  pid_t pid() const { return pid_; }
  // What the program has written to stdout so far (never blocks).
  const std::string& stdout_so_far() {
    char buf[4096];
    ssize_t n;
    while ((n = ::read(out_, buf, sizeof buf)) > 0) out_text_.append(buf, size_t(n));
    return out_text_;
  }
  void signal(int sig) { ::kill(pid_, sig); }
  // Waits for the exit; returns the exit code, or -1 if it had to be killed.
  int wait_exit(Clock::duration timeout) {
    const auto end = Clock::now() + timeout;
    while (Clock::now() < end) {
      int status = 0;
      if (::waitpid(pid_, &status, WNOHANG) == pid_) {
        pid_ = -1;
        return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
      }
      std::this_thread::sleep_for(20ms);
    }
    return -1;
  }

 private:
  pid_t pid_ = -1;
  int out_ = -1;
  std::string out_text_;
};

// The first bytes a ZeroMQ socket sends on a new TCP connection (the ZMTP greeting's
// signature, 0xFF ... 0x7F), read with a plain socket: proof that a ZeroMQ socket
// listens on the port and answers, whatever security mechanism it later asks for.
bool zmtp_greets(int port) {
  const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_port = htons(uint16_t(port));
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  bool ok = false;
  if (::connect(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0) {
    unsigned char sig[10];
    size_t got = 0;
    while (got < sizeof sig) {
      pollfd p{fd, POLLIN, 0};
      if (::poll(&p, 1, 1000) <= 0) break;
      const ssize_t n = ::recv(fd, sig + got, sizeof sig - got, 0);
      if (n <= 0) break;
      got += size_t(n);
    }
    ok = got == sizeof sig && sig[0] == 0xFF && sig[9] == 0x7F;
  }
  ::close(fd);
  return ok;
}

// True when an HTTP GET of path on the port gets a status line back.
bool http_answers(int port, const std::string& path) {
  const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_port = htons(uint16_t(port));
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  std::string reply;
  if (::connect(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0) {
    const std::string req = "GET " + path + " HTTP/1.0\r\nHost: localhost\r\n\r\n";
    if (::send(fd, req.data(), req.size(), MSG_NOSIGNAL) == ssize_t(req.size())) {
      pollfd p{fd, POLLIN, 0};
      char buf[256];
      if (::poll(&p, 1, 2000) > 0) {
        const ssize_t n = ::recv(fd, buf, sizeof buf, 0);
        if (n > 0) reply.assign(buf, size_t(n));
      }
    }
  }
  ::close(fd);
  return reply.rfind("HTTP/1.", 0) == 0;
}

// Every gap between consecutive times, in seconds.
std::vector<double> gaps(const std::vector<Clock::time_point>& t) {
  std::vector<double> g;
  for (size_t i = 1; i < t.size(); ++i) g.push_back(seconds(t[i] - t[i - 1]));
  return g;
}

std::string join(const std::vector<double>& v) {
  std::string s;
  for (double x : v) s += (s.empty() ? "" : ", ") + std::to_string(x);
  return s;
}

// The checks both programs must pass once running: pings every WATCHDOG_USEC/2,
// none while frozen (SIGSTOP), again after SIGCONT, STOPPING=1 and exit 0 on SIGTERM.
void check_watchdog_and_stop(ServiceProcess& p, NotifySocket& sock, double half_s, double slack_s) {
  // Running: WATCHDOG=1 about every half of WATCHDOG_USEC, never a full one apart.
  const auto running = sock.read_for(std::chrono::duration_cast<Clock::duration>(
      std::chrono::duration<double>(half_s * 3.6)));
  const auto pings = times_of(running, "WATCHDOG=1");
  const auto g = gaps(pings);
  INFO("pings while running: ", pings.size(), ", gaps (s): ", join(g));
  REQUIRE(pings.size() >= 3);
  for (double x : g) {
    CHECK(x >= half_s * 0.9);           // rate-limited to half the timeout
    CHECK(x <= half_s + slack_s);       // and never late enough for systemd to fire
  }
  CHECK(times_of(running, "READY=1").empty());  // READY is sent once, not per loop

  // Frozen: SIGSTOP stops the pings; for longer than WATCHDOG_USEC systemd would
  // now kill and restart the program.
  p.signal(SIGSTOP);
  (void)sock.read_for(100ms);  // a ping sent just before the stop may still be queued
  const auto frozen = sock.read_for(std::chrono::duration_cast<Clock::duration>(
      std::chrono::duration<double>(half_s * 2.5)));
  CHECK(times_of(frozen, "WATCHDOG=1").empty());

  // Thawed: pings again, promptly.
  p.signal(SIGCONT);
  const auto thawed = sock.read_for(std::chrono::duration_cast<Clock::duration>(
      std::chrono::duration<double>(half_s + slack_s + 0.5)));
  CHECK(!times_of(thawed, "WATCHDOG=1").empty());

  // SIGTERM (systemctl stop): STOPPING=1, then a clean exit.
  p.signal(SIGTERM);
  bool stopping = false;
  const auto end = Clock::now() + 10s;
  while (!stopping && Clock::now() < end) {
    auto n = sock.next(200);
    if (n && has_line(n->text, "STOPPING=1")) stopping = true;
  }
  CHECK(stopping);
  CHECK(p.wait_exit(10s) == 0);
}

}  // namespace

TEST_CASE("hub: READY=1 once its ports answer, WATCHDOG=1 every WATCHDOG_USEC/2, silent when frozen, STOPPING=1") {
  TempDir dir;
  NotifySocket sock(dir.path() + "/notify");
  // 4 s: pings every 2 s, so the rate limit (not the 1 s heartbeat) sets the pace.
  const long watchdog_usec = 4'000'000;
  ServiceProcess hub({ANTRIAN_SERVER_BIN, "--data-dir", dir.path() + "/data", "--port", "0", "--pub-port", "0",
                      "--http-port", "0", "--log-level", "warn", "--clock-start", std::to_string(antrian::test::kPinnedMorningMs)},
                     sock.path(), watchdog_usec);

  // Wait for READY=1, and at that very moment check what a client would find.
  std::vector<Notification> before;
  std::optional<Notification> ready;
  const auto end = Clock::now() + 20s;
  while (!ready && Clock::now() < end) {
    auto n = sock.next(100);
    if (!n) continue;
    if (has_line(n->text, "READY=1")) ready = n;
    else before.push_back(*n);
  }
  REQUIRE_MESSAGE(ready, "no READY=1 within 20 s (stdout: ", hub.stdout_so_far(), ")");
  // The ports line is printed after binding and before READY: it must be there now.
  const std::string out = hub.stdout_so_far();
  INFO("hub stdout at READY: ", out);
  REQUIRE(out.find('\n') != std::string::npos);
  const auto ports = nlohmann::json::parse(out.substr(0, out.find('\n')));
  const int req = ports.at("req"), pub = ports.at("pub"), http = ports.at("http");
  CHECK(zmtp_greets(req));
  CHECK(zmtp_greets(pub));
  CHECK(http_answers(http, "/api/state"));
  // No watchdog ping before READY (systemd ignores them, but it would mean the loop
  // ran before the hub said it was ready).
  CHECK(times_of(before, "WATCHDOG=1").empty());
  // The status line names the ports (systemctl status).
  bool status_seen = false;
  for (const auto& n : before)
    if (n.text.find("STATUS=") != std::string::npos && n.text.find(std::to_string(req)) != std::string::npos)
      status_seen = true;
  if (!status_seen && has_line(ready->text, "STATUS=")) status_seen = true;
  CHECK(status_seen);

  // The heartbeat comes every 1 s, so a ping can be up to 1 s later than the half.
  check_watchdog_and_stop(hub, sock, watchdog_usec / 2e6, 1.2);
}

TEST_CASE("hub: without WATCHDOG_USEC, or with another process's WATCHDOG_PID, no pings") {
  TempDir dir;
  NotifySocket sock(dir.path() + "/notify");
  // WATCHDOG_PID of another process: the variables were inherited, not meant for us.
  ServiceProcess hub({ANTRIAN_SERVER_BIN, "--data-dir", dir.path() + "/data", "--port", "0", "--pub-port", "0",
                      "--http-port", "0", "--log-level", "warn", "--clock-start", std::to_string(antrian::test::kPinnedMorningMs)},
                     sock.path(), 0, {{"WATCHDOG_USEC", "1000000"}, {"WATCHDOG_PID", std::to_string(::getpid())}});
  const auto got = sock.read_for(3500ms);
  CHECK(times_of(got, "READY=1").size() == 1);
  CHECK(times_of(got, "WATCHDOG=1").empty());
}

#ifdef ANTRIAN_DISPLAY_BIN
TEST_CASE("display (offscreen): READY=1 after the first frame, WATCHDOG=1 while idle, silent when frozen, STOPPING=1") {
  TempDir dir;
  antrian::test::HubProcess hub(dir.path() + "/data");
  NotifySocket sock(dir.path() + "/notify");
  // 2 s: pings every 1 s. The display draws almost nothing while idle (a page of
  // running text every few seconds), so the pings come from the loop waking for them.
  const long watchdog_usec = 2'000'000;
  std::vector<std::string> argv = {ANTRIAN_DISPLAY_BIN, "--hub", hub.address(), "--window", "640x360", "--mute"};
  for (const auto& a : hub.key_args("display", "tv-systemd")) argv.push_back(a);
  ServiceProcess display(argv, sock.path(), watchdog_usec,
                         {{"SDL_VIDEODRIVER", "offscreen"}, {"SDL_AUDIODRIVER", "dummy"}});
  std::optional<Notification> ready;
  const auto end = Clock::now() + 20s;
  while (!ready && Clock::now() < end) {
    auto n = sock.next(100);
    if (n && has_line(n->text, "READY=1")) ready = n;
  }
  REQUIRE_MESSAGE(ready, "the display sent no READY=1 within 20 s");
  // Pings come from the loop, not from frames: about 1 s apart, some ms of slack
  // for a busy machine.
  check_watchdog_and_stop(display, sock, watchdog_usec / 2e6, 0.5);
}
#endif
