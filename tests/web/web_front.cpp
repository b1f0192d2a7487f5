#include "web_front.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstring>
#include <stdexcept>
#include <thread>

#include <doctest/doctest.h>

namespace antrian::test {
namespace {

using Clock = std::chrono::steady_clock;
// A Monday 09:00 WIB: every fronted hub runs on this pinned clock.
constexpr const char* kOfficeMorningMs = "1772416800000";

}  // namespace

int free_loopback_port() {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ::bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof a);
  socklen_t len = sizeof a;
  ::getsockname(fd, reinterpret_cast<sockaddr*>(&a), &len);
  ::close(fd);
  return ntohs(a.sin_port);
}

FrontProcess::FrontProcess(std::string run_dir, int hub_http_port, std::vector<std::string> env,
                           const std::string& listen_host)
    : run_dir_(std::move(run_dir)) {
  // The program that opens the front's socket (the script finds it through this).
  env.insert(env.begin(), "ANTRIAN_FRONT_LISTEN=" ANTRIAN_FRONT_LISTEN);
  for (int attempt = 0; attempt < 3 && pid_ < 0; ++attempt) {
    port_ = free_loopback_port();
    const std::string listen = listen_host + ":" + std::to_string(port_);
    const std::string hub = "127.0.0.1:" + std::to_string(hub_http_port);
    const std::string log = run_dir_ + "/../" + std::string(::basename(run_dir_.c_str())) + ".log";
    pid_t pid = ::fork();
    if (pid == 0) {
      ::prctl(PR_SET_PDEATHSIG, SIGTERM);
      for (const std::string& e : env) ::putenv(const_cast<char*>(e.c_str()));
      const int out = ::open(log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
      if (out >= 0) {
        ::dup2(out, 1);
        ::dup2(out, 2);
      }
      ::execl(ANTRIAN_WEB_FRONT, ANTRIAN_WEB_FRONT, "--run-dir", run_dir_.c_str(), "--listen", listen.c_str(), "--hub",
              hub.c_str(), "--web-root", ANTRIAN_WEB_ROOT, static_cast<char*>(nullptr));
      ::_exit(127);
    }
    // Ready when /healthz answers through the front.
    httplib::Client probe("127.0.0.1", port_);
    probe.set_connection_timeout(0, 200000);
    const auto deadline = Clock::now() + std::chrono::seconds(10);
    bool up = false;
    while (Clock::now() < deadline) {
      int status = 0;
      if (::waitpid(pid, &status, WNOHANG) == pid) break;  // exited (port taken?)
      if (auto r = probe.Get("/healthz"); r && r->status == 200) {
        up = true;
        break;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    if (up) {
      pid_ = pid;
    } else {
      ::kill(pid, SIGKILL);
      ::waitpid(pid, nullptr, 0);
    }
  }
  if (pid_ < 0) throw std::runtime_error("the web front (" ANTRIAN_WEB_FRONT ") did not start; see " + run_dir_ + ".log");
}

FrontProcess::~FrontProcess() { stop(); }

void FrontProcess::stop() {
  if (pid_ <= 0) return;
  ::kill(pid_, SIGTERM);  // nginx: fast shutdown
  for (int i = 0; i < 100; ++i) {
    if (::waitpid(pid_, nullptr, WNOHANG) == pid_) {
      pid_ = -1;
      return;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  ::kill(pid_, SIGKILL);
  ::waitpid(pid_, nullptr, 0);
  pid_ = -1;
}

namespace {
std::vector<std::string> fronted_hub_args(const std::string& socket, const std::vector<std::string>& more) {
  std::vector<std::string> args = {"--clock-start", kOfficeMorningMs, "--web-publish", socket};
  args.insert(args.end(), more.begin(), more.end());
  return args;
}
}  // namespace

FrontedHub::FrontedHub(std::vector<std::string> front_env, const std::string& listen_host,
                       const std::vector<std::string>& hub_args)
    : hub(dir.path(), fronted_hub_args(front_dir.path() + "/publish.sock", hub_args)),
      front(front_dir.path(), hub.http_port(), std::move(front_env), listen_host),
      http("127.0.0.1", front.port()),
      admin(hub.client_options("admin", "front-test", /*mirror=*/false)) {
  http.set_read_timeout(10, 0);
}

std::string FrontedHub::issue(const std::string& service) {
  auto r = admin.request("issue", {{"service", service}});
  REQUIRE(r.ok);
  return r.result["ticket"]["token"].get<std::string>();
}

void FrontedHub::command(const std::string& cmd, nlohmann::json args) {
  auto r = admin.request(cmd, std::move(args));
  INFO(cmd << ": " << r.error.reason);
  REQUIRE(r.ok);
}

RawAnswer raw_request(int port, const std::string& source_ip, const std::string& method, const std::string& path,
                      const std::string& headers, const std::string& body) {
  RawAnswer a;
  const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  sockaddr_in src{};
  src.sin_family = AF_INET;
  ::inet_pton(AF_INET, source_ip.c_str(), &src.sin_addr);
  ::bind(fd, reinterpret_cast<sockaddr*>(&src), sizeof src);
  sockaddr_in dst{};
  dst.sin_family = AF_INET;
  dst.sin_port = htons(uint16_t(port));
  dst.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::connect(fd, reinterpret_cast<sockaddr*>(&dst), sizeof dst) != 0) {
    ::close(fd);
    return a;
  }
  std::string req = method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + std::to_string(port) +
                    "\r\nConnection: close\r\n" + headers;
  if (!body.empty() || method == "POST") req += "Content-Length: " + std::to_string(body.size()) + "\r\n";
  req += "\r\n" + body;
  ::send(fd, req.data(), req.size(), MSG_NOSIGNAL);
  std::string all;
  char b[8192];
  for (;;) {
    pollfd p{fd, POLLIN, 0};
    if (::poll(&p, 1, 10000) <= 0) break;
    const ssize_t n = ::recv(fd, b, sizeof b, 0);
    if (n <= 0) break;
    all.append(b, std::size_t(n));
  }
  ::close(fd);
  const std::size_t end = all.find("\r\n\r\n");
  if (end == std::string::npos) return a;
  a.head = all.substr(0, end);
  a.body = all.substr(end + 4);
  a.status = a.head.size() > 12 ? std::atoi(a.head.c_str() + 9) : 0;
  return a;
}

SseReader::SseReader(int port, const std::string& path, const std::string& source_ip, const std::string& cookie) {
  fd_ = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  sockaddr_in src{};
  src.sin_family = AF_INET;
  ::inet_pton(AF_INET, source_ip.c_str(), &src.sin_addr);
  ::bind(fd_, reinterpret_cast<sockaddr*>(&src), sizeof src);  // a phone of its own address
  sockaddr_in dst{};
  dst.sin_family = AF_INET;
  dst.sin_port = htons(uint16_t(port));
  dst.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::connect(fd_, reinterpret_cast<sockaddr*>(&dst), sizeof dst) != 0) throw std::runtime_error("connect failed");
  std::string req = "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + std::to_string(port) +
                    "\r\nAccept: text/event-stream\r\n";
  if (!cookie.empty()) req += "Cookie: " + cookie + "\r\n";
  req += "\r\n";
  ::send(fd_, req.data(), req.size(), MSG_NOSIGNAL);
}

SseReader::~SseReader() {
  if (fd_ >= 0) ::close(fd_);
}

bool SseReader::read_some(int timeout_ms) {
  pollfd p{fd_, POLLIN, 0};
  if (::poll(&p, 1, timeout_ms) <= 0) return false;
  char b[8192];
  const ssize_t n = ::recv(fd_, b, sizeof b, 0);
  if (n <= 0) return false;
  buf_.append(b, std::size_t(n));
  if (!got_head_) {
    const std::size_t end = buf_.find("\r\n\r\n");
    if (end != std::string::npos) {
      head_ = buf_.substr(0, end);
      buf_.erase(0, end + 4);
      got_head_ = true;
    }
  }
  return true;
}

int SseReader::status(int timeout_ms) {
  const auto deadline = Clock::now() + std::chrono::milliseconds(timeout_ms);
  while (!got_head_ && Clock::now() < deadline) {
    const int left = int(std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count());
    if (!read_some(std::max(1, left))) break;
  }
  return got_head_ && head_.size() > 12 ? std::atoi(head_.c_str() + 9) : 0;
}

std::string SseReader::wait_for(const std::string& event, const std::string& needle, int timeout_ms) {
  const auto deadline = Clock::now() + std::chrono::milliseconds(timeout_ms);
  for (;;) {
    // Whole events only ("...\n\n"); the body may be chunked, so look for the lines.
    std::size_t end;
    while (got_head_ && (end = buf_.find("\n\n")) != std::string::npos) {
      std::string ev = buf_.substr(0, end);
      buf_.erase(0, end + 2);
      const std::size_t e = ev.find("event: " + event + "\n");
      const std::size_t d = ev.find("data: ");
      if (e != std::string::npos && d != std::string::npos) {
        std::string data = ev.substr(d + 6);
        data = data.substr(0, data.find('\n'));
        if (data.find(needle) != std::string::npos) return data;
      }
    }
    const int left = int(std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count());
    if (left <= 0 || !read_some(left)) return {};
  }
}

}  // namespace antrian::test
