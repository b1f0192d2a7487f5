#include "kiosk_process.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace kiosk_test {

using json = nlohmann::json;
using Clock = std::chrono::steady_clock;

KioskProcess::KioskProcess(std::vector<std::string> args, std::string stderr_file)
    : stderr_file_(std::move(stderr_file)) {
  int in[2], out[2];
  if (::pipe2(in, O_CLOEXEC) != 0 || ::pipe2(out, O_CLOEXEC) != 0) throw std::runtime_error("pipe failed");
  std::vector<std::string> argv = {ANTRIAN_KIOSK_BIN, "--automation"};
  argv.insert(argv.end(), args.begin(), args.end());
  pid_ = ::fork();
  if (pid_ == 0) {
    ::dup2(in[0], 0);
    ::dup2(out[1], 1);
    const int err = ::open(stderr_file_.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (err >= 0) ::dup2(err, 2);
    ::setenv("SDL_VIDEODRIVER", "offscreen", 1);
    ::setenv("SDL_AUDIODRIVER", "dummy", 1);
    std::vector<char*> c;
    for (auto& s : argv) c.push_back(s.data());
    c.push_back(nullptr);
    ::execv(c[0], c.data());
    ::_exit(127);
  }
  ::close(in[0]);
  ::close(out[1]);
  in_ = in[1];
  out_ = out[0];
  reader_ = std::thread([this] { read_lines(); });
}

KioskProcess::~KioskProcess() {
  if (pid_ > 0) {
    send("quit");
    if (wait_exit(3000) == -1 && pid_ > 0) {
      ::kill(pid_, SIGKILL);
      ::waitpid(pid_, nullptr, 0);
      pid_ = -1;
    }
  }
  stop_ = true;
  if (reader_.joinable()) reader_.join();
  if (in_ >= 0) ::close(in_);
  if (out_ >= 0) ::close(out_);
}

void KioskProcess::send(const std::string& line) {
  if (in_ < 0) return;
  const std::string l = line + "\n";
  ::signal(SIGPIPE, SIG_IGN);
  [[maybe_unused]] ssize_t n = ::write(in_, l.data(), l.size());
}

void KioskProcess::read_lines() {
  std::string buf;
  while (!stop_) {
    pollfd p{out_, POLLIN, 0};
    if (::poll(&p, 1, 100) <= 0) continue;
    char tmp[4096];
    const ssize_t n = ::read(out_, tmp, sizeof tmp);
    if (n <= 0) return;
    buf.append(tmp, size_t(n));
    for (size_t nl; (nl = buf.find('\n')) != std::string::npos; buf.erase(0, nl + 1)) {
      const std::string line = buf.substr(0, nl);
      std::lock_guard l(mu_);
      raw_ += line + "\n";
      auto j = json::parse(line, nullptr, false);
      if (!j.is_discarded()) lines_.push_back(std::move(j));
    }
  }
}

size_t KioskProcess::lines_seen() {
  std::lock_guard l(mu_);
  return lines_.size();
}

std::optional<json> KioskProcess::wait_for(const std::function<bool(const json&)>& pred, int timeout_ms, size_t from) {
  const auto deadline = Clock::now() + std::chrono::milliseconds(timeout_ms);
  size_t i = from;
  for (;;) {
    {
      std::lock_guard l(mu_);
      for (; i < lines_.size(); ++i)
        if (pred(lines_[i])) return lines_[i];
    }
    if (Clock::now() >= deadline) return std::nullopt;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
}

json KioskProcess::command(const std::string& line, int timeout_ms) {
  const size_t from = lines_seen();
  const std::string verb = line.substr(0, line.find(' '));
  send(line);
  auto r = wait_for([&](const json& j) { return j.value("ok", json()) == verb || j.value("error", json()) == verb; },
                    timeout_ms, from);
  if (!r) return {{"error", verb}, {"reason", "no answer within " + std::to_string(timeout_ms) + " ms"}};
  return *r;
}

std::string KioskProcess::transcript() {
  std::string err;
  std::ifstream f(stderr_file_);
  std::stringstream ss;
  ss << f.rdbuf();
  std::lock_guard l(mu_);
  return "--- stdout ---\n" + raw_ + "--- stderr ---\n" + ss.str();
}

int KioskProcess::wait_exit(int timeout_ms) {
  if (pid_ <= 0) return -1;
  const auto deadline = Clock::now() + std::chrono::milliseconds(timeout_ms);
  for (;;) {
    int status = 0;
    const pid_t r = ::waitpid(pid_, &status, WNOHANG);
    if (r == pid_) {
      pid_ = -1;
      return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    }
    if (Clock::now() >= deadline) return -1;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
}

// --- printer ---------------------------------------------------------------------

int healthy_printer(int) { return 0x12; }
int printer_without_paper(int n) { return n == 4 ? 0x12 | 0x60 : 0x12; }

PrinterListener::PrinterListener(std::function<int(int)> status) : status_(std::move(status)) {
  fd_ = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::bind(fd_, reinterpret_cast<sockaddr*>(&a), sizeof a) != 0 || ::listen(fd_, 8) != 0)
    throw std::runtime_error("printer listener: cannot listen on 127.0.0.1");
  socklen_t len = sizeof a;
  ::getsockname(fd_, reinterpret_cast<sockaddr*>(&a), &len);
  port_ = ntohs(a.sin_port);
  thread_ = std::thread([this] { serve(); });
}

PrinterListener::~PrinterListener() {
  stop_ = true;
  if (thread_.joinable()) thread_.join();
  ::close(fd_);
}

std::string PrinterListener::received() {
  std::lock_guard l(mu_);
  return data_;
}

int PrinterListener::connections() {
  std::lock_guard l(mu_);
  return connections_;
}

void PrinterListener::serve() {
  std::vector<pollfd> fds{{fd_, POLLIN, 0}};
  std::vector<std::string> pending(1);  // per connection: bytes not yet scanned for DLE EOT
  while (!stop_) {
    if (::poll(fds.data(), fds.size(), 50) <= 0) continue;
    if (fds[0].revents & POLLIN) {
      const int c = ::accept4(fd_, nullptr, nullptr, SOCK_CLOEXEC);
      if (c >= 0) {
        fds.push_back({c, POLLIN, 0});
        pending.emplace_back();
        std::lock_guard l(mu_);
        ++connections_;
      }
    }
    for (size_t i = 1; i < fds.size(); ++i) {
      if (!(fds[i].revents & (POLLIN | POLLHUP))) continue;
      char buf[65536];
      const ssize_t n = ::recv(fds[i].fd, buf, sizeof buf, 0);
      if (n <= 0) {
        ::close(fds[i].fd);
        fds.erase(fds.begin() + long(i));
        pending.erase(pending.begin() + long(i));
        --i;
        continue;
      }
      {
        std::lock_guard l(mu_);
        data_.append(buf, size_t(n));
      }
      // Real-time status queries are answered wherever they appear, as a printer does.
      std::string& p = pending[i];
      p.append(buf, size_t(n));
      size_t k = 0;
      for (; k + 2 < p.size(); ++k) {
        if (p[k] != 0x10 || p[k + 1] != 0x04) continue;
        const int reply = status_(static_cast<unsigned char>(p[k + 2]));
        if (reply >= 0) {
          const char b = static_cast<char>(reply);
          ::send(fds[i].fd, &b, 1, MSG_NOSIGNAL);
        }
        k += 2;
      }
      p.erase(0, k);
    }
  }
  for (size_t i = 1; i < fds.size(); ++i) ::close(fds[i].fd);
}

}  // namespace kiosk_test
