#include "counter_process.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <stdexcept>

namespace antrian::counter::test {
namespace {

using Clock = std::chrono::steady_clock;

int left_ms(Clock::time_point deadline) {
  return static_cast<int>(std::max<int64_t>(
      0, std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count()));
}

}  // namespace

CounterProcess::CounterProcess(std::vector<std::string> args) {
  int in[2], out[2], err[2];
  // Close-on-exec: other children of the test (a restarted hub) must not inherit
  // the write end of this program's stdin, or it would never see end of input.
  if (::pipe2(in, O_CLOEXEC) != 0 || ::pipe2(out, O_CLOEXEC) != 0 || ::pipe2(err, O_CLOEXEC) != 0)
    throw std::runtime_error("pipe failed");
  args.insert(args.begin(), ANTRIAN_COUNTER_EXE);
  pid_ = ::fork();
  if (pid_ == 0) {
    ::dup2(in[0], 0);
    ::dup2(out[1], 1);
    ::dup2(err[1], 2);
    for (int fd : {in[0], in[1], out[0], out[1], err[0], err[1]}) ::close(fd);
    ::setenv("SDL_VIDEODRIVER", "offscreen", 1);
    ::setenv("SDL_AUDIODRIVER", "dummy", 1);
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    ::execv(argv[0], argv.data());
    ::_exit(127);
  }
  ::close(in[0]);
  ::close(out[1]);
  ::close(err[1]);
  in_ = in[1];
  out_ = out[0];
  err_ = err[0];
  ::signal(SIGPIPE, SIG_IGN);  // a counter that already exited must not kill the test
}

CounterProcess::~CounterProcess() {
  if (pid_ > 0) {
    ::kill(pid_, SIGKILL);
    ::waitpid(pid_, nullptr, 0);
  }
  for (int fd : {in_, out_, err_})
    if (fd >= 0) ::close(fd);
}

void CounterProcess::send(const std::string& line) {
  const std::string data = line + "\n";
  if (in_ >= 0) [[maybe_unused]] auto n = ::write(in_, data.data(), data.size());
}

void CounterProcess::close_stdin() {
  if (in_ >= 0) ::close(in_);
  in_ = -1;
}

bool CounterProcess::read_some(int timeout_ms) {
  pollfd p[2] = {{out_, POLLIN, 0}, {err_, POLLIN, 0}};
  if (::poll(p, 2, timeout_ms) <= 0) return false;
  char buf[4096];
  bool any = false;
  for (int i = 0; i < 2; ++i) {
    if (!(p[i].revents & (POLLIN | POLLHUP))) continue;
    const ssize_t n = ::read(p[i].fd, buf, sizeof buf);
    if (n <= 0 && i == 0) out_eof_ = true;
    if (n > 0) {
      (i == 0 ? out_buf_ : err_buf_).append(buf, static_cast<std::size_t>(n));
      any = true;
    }
  }
  return any;
}

std::optional<nlohmann::json> CounterProcess::next_report(int timeout_ms) {
  const auto deadline = Clock::now() + std::chrono::milliseconds(timeout_ms);
  while (true) {
    const auto nl = out_buf_.find('\n');
    if (nl != std::string::npos) {
      const std::string line = out_buf_.substr(0, nl);
      out_buf_.erase(0, nl + 1);
      auto j = nlohmann::json::parse(line, nullptr, false);
      if (j.is_object()) return j;
      continue;  // not a report line
    }
    if (out_eof_) return std::nullopt;  // the program has ended
    const int left = left_ms(deadline);
    if (left == 0) return std::nullopt;
    read_some(left);
  }
}

nlohmann::json CounterProcess::step(const std::string& line, int timeout_ms) {
  send(line);
  auto r = next_report(timeout_ms);
  if (!r) return nlohmann::json{{"ok", false}, {"error", "no report"}, {"step", line}, {"stderr", stderr_text()}};
  return *r;
}

int CounterProcess::wait(int timeout_ms) {
  const auto deadline = Clock::now() + std::chrono::milliseconds(timeout_ms);
  while (pid_ > 0) {
    int status = 0;
    const pid_t r = ::waitpid(pid_, &status, WNOHANG);
    if (r == pid_) {
      pid_ = -1;
      while (read_some(0)) {}
      return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    }
    if (left_ms(deadline) == 0) {
      ::kill(pid_, SIGKILL);
      ::waitpid(pid_, nullptr, 0);
      pid_ = -1;
      return -1;
    }
    read_some(20);
  }
  return -1;
}

const std::string& CounterProcess::stderr_text() {
  while (read_some(0)) {}
  return err_buf_;
}

}  // namespace antrian::counter::test
