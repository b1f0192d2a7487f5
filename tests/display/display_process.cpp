#include "display_process.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <stdexcept>

namespace antrian::display::test {

DisplayProcess::DisplayProcess(std::vector<std::string> args, std::vector<std::pair<std::string, std::string>> env) {
  int out[2];
  if (::pipe(out) != 0) throw std::runtime_error("pipe failed");
  args.insert(args.begin(), ANTRIAN_DISPLAY_BIN);
  pid_ = ::fork();
  if (pid_ < 0) throw std::runtime_error("fork failed");
  if (pid_ == 0) {
    ::prctl(PR_SET_PDEATHSIG, SIGKILL);  // a crashed test leaves no display behind
    // A group of its own: tests stop it with SIGSTOP, and a stopped member in the test's
    // group gets SIGHUP from the kernel when that group is orphaned (the shell that
    // started ctest in the background exits): seen as a hub (there) ended by signal 1 mid-test.
    ::setpgid(0, 0);
    for (const auto& [k, v] : env) ::setenv(k.c_str(), v.c_str(), 1);
    ::dup2(out[1], 1);
    ::close(out[0]);
    ::close(out[1]);
    const int devnull = ::open("/dev/null", O_RDONLY);
    ::dup2(devnull, 0);
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    ::execv(argv[0], argv.data());
    ::_exit(127);
  }
  ::close(out[1]);
  out_ = out[0];
  ::fcntl(out_, F_SETFL, O_NONBLOCK);
}

DisplayProcess::~DisplayProcess() {
  if (pid_ > 0) {
    ::kill(pid_, SIGCONT);
    ::kill(pid_, SIGKILL);
    ::waitpid(pid_, nullptr, 0);
  }
  if (out_ >= 0) ::close(out_);
}

void DisplayProcess::read_available() {
  char buf[65536];
  while (true) {
    const ssize_t n = ::read(out_, buf, sizeof buf);
    if (n == 0) { eof_ = true; break; }
    if (n < 0) break;
    partial_.append(buf, static_cast<std::size_t>(n));
  }
  std::size_t nl;
  while ((nl = partial_.find('\n')) != std::string::npos) {
    const std::string line = partial_.substr(0, nl);
    partial_.erase(0, nl + 1);
    auto j = nlohmann::json::parse(line, nullptr, false);
    if (j.is_discarded()) j = {{"type", "unparsed"}, {"text", line}};
    lines_.push_back({std::move(j), std::chrono::steady_clock::now()});
  }
}

void DisplayProcess::pump(int timeout_ms) {
  const auto until = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
  while (!eof_) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(until - std::chrono::steady_clock::now()).count();
    if (left <= 0) break;
    pollfd p{out_, POLLIN, 0};
    if (::poll(&p, 1, static_cast<int>(left)) > 0) read_available();
  }
  read_available();
}

std::optional<std::size_t> DisplayProcess::wait_for(const std::function<bool(const nlohmann::json&)>& pred,
                                                    int timeout_ms, std::size_t from) {
  const auto until = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
  std::size_t i = from;
  while (true) {
    for (; i < lines_.size(); ++i)
      if (pred(lines_[i].json)) return i;
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(until - std::chrono::steady_clock::now()).count();
    if (left <= 0 || eof_) {
      read_available();
      for (; i < lines_.size(); ++i)
        if (pred(lines_[i].json)) return i;
      return std::nullopt;
    }
    pollfd p{out_, POLLIN, 0};
    if (::poll(&p, 1, static_cast<int>(std::min<long long>(left, 200))) > 0) read_available();
  }
}

std::vector<nlohmann::json> DisplayProcess::all(const std::function<bool(const nlohmann::json&)>& pred) const {
  std::vector<nlohmann::json> out;
  for (const Line& l : lines_)
    if (pred(l.json)) out.push_back(l.json);
  return out;
}

void DisplayProcess::pause() { ::kill(pid_, SIGSTOP); }
void DisplayProcess::resume() { ::kill(pid_, SIGCONT); }

int DisplayProcess::wait_exit(int timeout_ms) {
  const auto until = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
  while (std::chrono::steady_clock::now() < until) {
    read_available();
    int status = 0;
    const pid_t r = ::waitpid(pid_, &status, WNOHANG);
    if (r == pid_) {
      pid_ = -1;
      pump(100);
      return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    }
    ::usleep(20'000);
  }
  return -1;
}

int DisplayProcess::stop(int timeout_ms) {
  if (pid_ <= 0) return -1;
  ::kill(pid_, SIGCONT);
  ::kill(pid_, SIGTERM);
  const int code = wait_exit(timeout_ms);
  if (code == -1 && pid_ > 0) {
    ::kill(pid_, SIGKILL);
    ::waitpid(pid_, nullptr, 0);
    pid_ = -1;
  }
  return code;
}

std::function<bool(const nlohmann::json&)> is_view_where(std::function<bool(const nlohmann::json&)> f) {
  // Predicates use .at(): a view without the field (still connecting) is no match.
  return [f = std::move(f)](const nlohmann::json& j) {
    try {
      return j.value("type", "") == "view" && f(j);
    } catch (const nlohmann::json::exception&) {
      return false;
    }
  };
}

std::function<bool(const nlohmann::json&)> is_speech(const std::string& status, const std::string& ticket, int recall) {
  return [=](const nlohmann::json& j) {
    return j.value("type", "") == "speech" && j.value("status", "") == status &&
           (ticket.empty() || j.value("ticket", "") == ticket) && (recall < 0 || j.value("recall", -1) == recall);
  };
}

}  // namespace antrian::display::test
