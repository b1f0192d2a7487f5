#include "phone_on_wifi.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <linux/capability.h>
#include <netinet/in.h>
#include <poll.h>
#include <sched.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>
#include <vector>

namespace antrian::test {
namespace {

constexpr const char* kIp = "/usr/sbin/ip";

// Runs iproute2's `ip` with these arguments; true when it succeeded.
bool ip(const std::vector<std::string>& args) {
  const pid_t pid = ::fork();
  if (pid == 0) {
    std::vector<char*> argv{const_cast<char*>(kIp)};
    for (const std::string& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    ::execv(kIp, argv.data());
    ::_exit(127);
  }
  int status = 0;
  ::waitpid(pid, &status, 0);
  return WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

bool write_file(const std::string& path, const std::string& text) {
  std::ofstream f(path);
  f << text;
  f.flush();
  return bool(f);
}

// Without root, the user namespace gives this process CAP_NET_ADMIN in its new network,
// but `ip` is a program of its own: keep the capability across exec as an ambient one.
bool keep_net_admin_across_exec() {
  __user_cap_header_struct head{_LINUX_CAPABILITY_VERSION_3, 0};
  __user_cap_data_struct data[2]{};
  if (::syscall(SYS_capget, &head, data) != 0) return false;
  data[CAP_NET_ADMIN / 32].inheritable |= 1u << (CAP_NET_ADMIN % 32);
  if (::syscall(SYS_capset, &head, data) != 0) return false;
  return ::prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_RAISE, CAP_NET_ADMIN, 0, 0) == 0;
}

std::string read_line(int fd, int timeout_ms) {
  std::string line;
  char c;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
  while (std::chrono::steady_clock::now() < deadline) {
    pollfd p{fd, POLLIN, 0};
    if (::poll(&p, 1, 100) <= 0) continue;
    if (::read(fd, &c, 1) != 1) break;
    if (c == '\n') return line;
    line += c;
  }
  return line.empty() ? "no answer" : line;
}

void say(int fd, const std::string& line) {
  const std::string s = line + "\n";
  (void)!::write(fd, s.data(), s.size());
}

// The phone: opens streams and keeps them; a line per command, a line per answer.
int open_stream_from_phone(int port, const std::string& path, std::vector<int>& open) {
  const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  sockaddr_in to{};
  to.sin_family = AF_INET;
  to.sin_port = htons(uint16_t(port));
  ::inet_pton(AF_INET, PhoneOnWifi::kFrontAddress, &to.sin_addr);
  if (::connect(fd, reinterpret_cast<sockaddr*>(&to), sizeof to) != 0) {
    ::close(fd);
    return 0;
  }
  const std::string req = "GET " + path + " HTTP/1.1\r\nHost: " + PhoneOnWifi::kFrontAddress +
                          "\r\nAccept: text/event-stream\r\n\r\n";
  (void)!::send(fd, req.data(), req.size(), MSG_NOSIGNAL);
  std::string got;
  int status = 0;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
  while (std::chrono::steady_clock::now() < deadline) {
    pollfd p{fd, POLLIN, 0};
    if (::poll(&p, 1, 100) <= 0) continue;
    char b[4096];
    const ssize_t n = ::recv(fd, b, sizeof b, 0);
    if (n <= 0) break;
    got.append(b, std::size_t(n));
    const std::size_t head_end = got.find("\r\n\r\n");
    if (head_end == std::string::npos) continue;
    status = got.size() > 12 ? std::atoi(got.c_str() + 9) : 0;
    if (status != 200) break;
    if (got.find("\n\n", head_end + 4) != std::string::npos) {  // the first event
      open.push_back(fd);
      return status;
    }
  }
  ::close(fd);
  return status;
}

[[noreturn]] void phone_main(int fd) {
  ::prctl(PR_SET_PDEATHSIG, SIGKILL);
  if (::unshare(CLONE_NEWNET) != 0) {
    say(fd, std::string("cannot make the phone's network: ") + std::strerror(errno));
    ::_exit(1);
  }
  say(fd, "ready");
  std::vector<int> streams;
  for (;;) {
    std::istringstream cmd(read_line(fd, 600000));
    std::string verb;
    cmd >> verb;
    if (verb == "setup") {
      const bool ok = ip({"link", "set", "lo", "up"}) &&
                      ip({"addr", "add", std::string(PhoneOnWifi::kPhoneAddress) + "/24", "dev", "vphone"}) &&
                      ip({"link", "set", "vphone", "up"});
      say(fd, ok ? "ok" : "ip could not set up the phone's link");
    } else if (verb == "open") {
      int port = 0;
      std::string path;
      cmd >> port >> path;
      say(fd, std::to_string(open_stream_from_phone(port, path, streams)));
    } else if (verb == "wifi") {
      std::string state;
      cmd >> state;
      say(fd, ip({"link", "set", "vphone", state == "up" ? "up" : "down"}) ? "ok" : "ip failed");
    } else {
      ::_exit(0);  // "quit", or the test went away
    }
  }
}

}  // namespace

std::string enter_private_network() {
  if (::access(kIp, X_OK) != 0) return std::string(kIp) + " is missing: apt-get install iproute2";
  if (::geteuid() != 0 || ::unshare(CLONE_NEWNET) != 0) {
    const uid_t uid = ::getuid();
    const gid_t gid = ::getgid();
    if (::unshare(CLONE_NEWUSER | CLONE_NEWNET) != 0)
      return std::string("cannot make a network of the test's own: ") + std::strerror(errno) +
             " (run as root, or allow user namespaces: sysctl user.max_user_namespaces; the process must not "
             "have started a thread yet)";
    if (!write_file("/proc/self/setgroups", "deny") ||
        !write_file("/proc/self/uid_map", std::to_string(uid) + " " + std::to_string(uid) + " 1") ||
        !write_file("/proc/self/gid_map", std::to_string(gid) + " " + std::to_string(gid) + " 1"))
      return "cannot map this user into its user namespace";
    if (!keep_net_admin_across_exec()) return std::string("cannot keep CAP_NET_ADMIN for ip: ") + std::strerror(errno);
  }
  return ip({"link", "set", "lo", "up"}) ? "" : "ip could not bring loopback up in the test's network";
}

PhoneOnWifi::PhoneOnWifi() {
  int pair[2];
  if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, pair) != 0) {
    error_ = std::string("socketpair: ") + std::strerror(errno);
    return;
  }
  pid_ = ::fork();
  if (pid_ == 0) {
    ::close(pair[0]);
    phone_main(pair[1]);
  }
  ::close(pair[1]);
  fd_ = pair[0];
  if (const std::string r = read_line(fd_, 5000); r != "ready") {
    error_ = r;
    return;
  }
  const bool linked = ip({"link", "add", "vfront", "type", "veth", "peer", "name", "vphone", "netns", std::to_string(pid_)}) &&
                      ip({"addr", "add", std::string(kFrontAddress) + "/24", "dev", "vfront"}) &&
                      ip({"link", "set", "vfront", "up"});
  if (!linked) {
    error_ = "ip could not make the veth pair between the front and the phone";
    return;
  }
  if (const std::string r = ask("setup"); r != "ok") error_ = r;
}

PhoneOnWifi::~PhoneOnWifi() {
  if (fd_ >= 0) {
    say(fd_, "quit");
    ::close(fd_);
  }
  if (pid_ > 0) {
    for (int i = 0; i < 50; ++i) {
      if (::waitpid(pid_, nullptr, WNOHANG) == pid_) return;
      ::usleep(20000);
    }
    ::kill(pid_, SIGKILL);
    ::waitpid(pid_, nullptr, 0);
  }
}

std::string PhoneOnWifi::ask(const std::string& line) {
  say(fd_, line);
  return read_line(fd_, 10000);
}

int PhoneOnWifi::open_stream(int port, const std::string& path) {
  return std::atoi(ask("open " + std::to_string(port) + " " + path).c_str());
}

bool PhoneOnWifi::wifi(bool up) { return ask(std::string("wifi ") + (up ? "up" : "down")) == "ok"; }

}  // namespace antrian::test
