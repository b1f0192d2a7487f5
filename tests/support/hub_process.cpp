#include "hub_process.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/prctl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdlib>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <random>
#include <stdexcept>
#include <thread>

#include <nlohmann/json.hpp>

#include "antrian/office_config.h"

namespace antrian::test {
namespace {

std::vector<char*> c_args(std::vector<std::string>& v) {
  std::vector<char*> out;
  for (auto& s : v) out.push_back(s.data());
  out.push_back(nullptr);
  return out;
}

// Reads from fd until the predicate is satisfied, EOF or the deadline.
std::string read_until(int fd, int timeout_ms, bool (*done)(const std::string&)) {
  std::string buf;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
  while (!done(buf)) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now()).count();
    if (left <= 0) break;
    pollfd p{fd, POLLIN, 0};
    if (::poll(&p, 1, int(left)) <= 0) continue;
    char tmp[4096];
    const ssize_t n = ::read(fd, tmp, sizeof tmp);
    if (n <= 0) break;
    buf.append(tmp, size_t(n));
  }
  return buf;
}

int64_t steady_ms() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

bool sets_clock(const std::vector<std::string>& args) {
  for (const auto& a : args)
    if (a == "--clock-start" || a == "--manual-clock" || a == "--clock-speed") return true;
  return false;
}

// The low end of the kernel's ephemeral range (ports it hands to "--port 0" binds and
// to outgoing connections).
int ephemeral_low() {
  std::ifstream f("/proc/sys/net/ipv4/ip_local_port_range");
  int low = 32768;
  f >> low;
  return low;
}

bool port_free(int port) {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) return false;
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_port = htons(uint16_t(port));
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  const bool ok = ::bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0;
  ::close(fd);
  return ok;
}

// Three free ports below the ephemeral range. A hub killed for minutes must find its
// ports again on restart: an ephemeral port would be handed meanwhile to another
// test's "--port 0" hub or outgoing connection (CI saw a 125 s outage lose its port).
std::array<int, 3> ports_outside_ephemeral_range() {
  static std::mt19937 rng{std::random_device{}()};
  const int high = std::max(ephemeral_low() - 1, 12000);
  std::uniform_int_distribution<int> pick(10000, high);
  std::array<int, 3> out{};
  for (int i = 0; i < 3;) {
    const int p = pick(rng);
    if (std::find(out.begin(), out.begin() + i, p) != out.begin() + i || !port_free(p)) continue;
    out[size_t(i++)] = p;
  }
  return out;
}

}  // namespace

int64_t pinned_office_time_ms(int hh, int mm) {
  const int64_t midnight_wib = kPinnedMorningMs - 9 * 3'600'000LL;
  return midnight_wib + int64_t(hh) * 3'600'000 + int64_t(mm) * 60'000;
}

std::vector<std::string> clock_at(int64_t start_ms) { return {"--clock-start", std::to_string(start_ms)}; }

std::vector<std::string> all_day_office(const std::string& dir) {
  auto cfg = nlohmann::json::parse(antrian::default_office_json());
  cfg["office"]["opening_hour"] = 0;
  cfg["office"]["closing_hour"] = 24;
  cfg["office"]["quota_follows_capacity"] = false;  // nor about the lokets' remaining time
  // The office calendar: open every day round the clock, no breaks, no cutoff, no holidays.
  cfg["office"]["hours"] = nlohmann::json::object();
  for (const char* day : {"sun", "mon", "tue", "wed", "thu", "fri", "sat"}) cfg["office"]["hours"][day] = "00:00-24:00";
  cfg["office"]["breaks"] = nlohmann::json::array();
  cfg["office"]["last_ticket_minutes"] = 0;
  cfg["holidays"] = nlohmann::json::array();
  std::filesystem::create_directories(dir);
  const std::string file = dir + "/all-day-office.json";
  std::ofstream(file) << cfg.dump(2);
  return {"--config", file};
}

TempDir::TempDir() : TempDir(std::filesystem::temp_directory_path().string()) {}

TempDir::TempDir(const std::string& base) {
  std::string tmpl = (std::filesystem::path(base) / "antrian-test-XXXXXX").string();
  if (!::mkdtemp(tmpl.data())) throw std::runtime_error("cannot make a folder under " + base + ": " + std::strerror(errno));
  path_ = tmpl;
}

TempDir::~TempDir() {
  std::error_code ec;
  std::filesystem::remove_all(path_, ec);
}

HubProcess::HubProcess(std::string data_dir, std::vector<std::string> extra_args, int req_port)
    : data_dir_(std::move(data_dir)), extra_(std::move(extra_args)) {
  if (!sets_clock(extra_)) clock_start_ms_ = kPinnedMorningMs;
  steady_start_ms_ = steady_ms();
  if (req_port != 0) {
    start(req_port, 0, 0);
    return;
  }
  // Another test may take a chosen port between the check and the hub's bind: choose again.
  for (int attempt = 0;; ++attempt) {
    const auto ports = ports_outside_ephemeral_range();
    try {
      start(ports[0], ports[1], ports[2]);
      return;
    } catch (const std::exception&) {
      if (attempt >= 5) throw;
    }
  }
}

std::vector<std::string> HubProcess::clock_args() const {
  if (clock_start_ms_ == 0) return {};
  return clock_at(clock_start_ms_ + (steady_ms() - steady_start_ms_));
}

HubProcess::~HubProcess() { kill9(); }

void HubProcess::start(int req, int pub, int http) {
  int out[2];
  if (::pipe(out) != 0) throw std::runtime_error("pipe failed");
  // ANTRIAN_SERVER_BIN in the environment runs another build's hub (a bench's "before").
  const char* other = std::getenv("ANTRIAN_SERVER_BIN");
  std::vector<std::string> argv = {other && *other ? other : ANTRIAN_SERVER_BIN, "--data-dir", data_dir_, "--port", std::to_string(req),
                                   "--pub-port", std::to_string(pub), "--http-port", std::to_string(http),
                                   "--log-level", "warn"};
  argv.insert(argv.end(), extra_.begin(), extra_.end());
  const auto clock = clock_args();
  argv.insert(argv.end(), clock.begin(), clock.end());
  pid_ = ::fork();
  if (pid_ == 0) {
    // A crashed test must not leave its hub running (and holding the output pipe).
    ::prctl(PR_SET_PDEATHSIG, SIGKILL);
    // A group of its own: tests stop it with SIGSTOP, and a stopped member in the test's
    // group gets SIGHUP from the kernel when that group is orphaned (the shell that
    // started ctest in the background exits): seen as a hub ended by signal 1 mid-test.
    ::setpgid(0, 0);
    // As from a terminal: a test run (ctest under a shell or CI) may ignore SIGPIPE, and
    // an ignored signal stays ignored across exec; the hub must ignore it by itself.
    ::signal(SIGPIPE, SIG_DFL);
    ::dup2(out[1], 1);
    ::close(out[0]);
    ::close(out[1]);
    auto args = c_args(argv);
    ::execv(args[0], args.data());
    ::_exit(127);
  }
  ::close(out[1]);
  const std::string line = read_until(out[0], 15000, [](const std::string& b) { return b.find('\n') != std::string::npos; });
  ::close(out[0]);
  auto j = nlohmann::json::parse(line.substr(0, line.find('\n')), nullptr, false);
  if (!j.is_object() || !j.contains("req")) {
    kill9();
    throw std::runtime_error("antrian-server did not start (printed: \"" + line + "\")");
  }
  req_port_ = j["req"];
  pub_port_ = j["pub"];
  http_port_ = j["http"];
}

void HubProcess::restart() {
  kill9();
  // The ports were just released; retry briefly if the kernel still holds them.
  for (int attempt = 0;; ++attempt) {
    try {
      start(req_port_, pub_port_, http_port_);
      return;
    } catch (const std::exception&) {
      if (attempt >= 20) throw;
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
  }
}

void HubProcess::kill9() {
  if (pid_ <= 0) return;
  ::kill(pid_, SIGKILL);
  int status = 0;
  ::waitpid(pid_, &status, 0);
  pid_ = -1;
}

void HubProcess::terminate() {
  if (pid_ <= 0) return;
  ::kill(pid_, SIGTERM);
  int status = 0;
  ::waitpid(pid_, &status, 0);
  pid_ = -1;
}

ProcessResult run_process(const std::vector<std::string>& argv_in, int timeout_ms) {
  std::vector<std::string> argv = argv_in;
  int out[2], err[2];
  if (::pipe(out) != 0 || ::pipe(err) != 0) throw std::runtime_error("pipe failed");
  const pid_t pid = ::fork();
  if (pid == 0) {
    const int devnull = ::open("/dev/null", O_RDONLY);
    ::dup2(devnull, 0);
    ::dup2(out[1], 1);
    ::dup2(err[1], 2);
    ::close(out[0]);
    ::close(err[0]);
    auto args = c_args(argv);
    ::execv(args[0], args.data());
    ::_exit(127);
  }
  ::close(out[1]);
  ::close(err[1]);
  ProcessResult r;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
  bool out_open = true, err_open = true;
  while ((out_open || err_open) && std::chrono::steady_clock::now() < deadline) {
    pollfd p[2] = {{out_open ? out[0] : -1, POLLIN, 0}, {err_open ? err[0] : -1, POLLIN, 0}};
    if (::poll(p, 2, 100) <= 0) continue;
    char tmp[4096];
    for (int i = 0; i < 2; ++i) {
      if (!(p[i].revents & (POLLIN | POLLHUP))) continue;
      const ssize_t n = ::read(p[i].fd, tmp, sizeof tmp);
      if (n <= 0) (i == 0 ? out_open : err_open) = false;
      else (i == 0 ? r.out : r.err).append(tmp, size_t(n));
    }
  }
  if (out_open || err_open) ::kill(pid, SIGKILL);
  int status = 0;
  ::waitpid(pid, &status, 0);
  ::close(out[0]);
  ::close(err[0]);
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return r;
}

std::string HubProcess::key_file(const std::string& role, const std::string& name, int counter) const {
  // Tests register keys from several threads at once; one registration at a time.
  static std::mutex mu;
  std::lock_guard lock(mu);
  const std::string file = data_dir_ + "/keys/" + name + ".key";
  if (std::filesystem::exists(file)) return file;
  std::vector<std::string> argv = {ANTRIAN_CTL_BIN, "--hub", address(), "--key", admin_key_file(), "--hub-key",
                                   hub_key_file(), "key-add", name, "--role", role, "--out", file};
  if (counter > 0) argv.insert(argv.end(), {"--counter", std::to_string(counter)});
  const ProcessResult r = run_process(argv);
  if (r.exit_code != 0) throw std::runtime_error("could not register a " + role + " key for " + name + ": " + r.out + r.err);
  return file;
}

std::vector<std::string> HubProcess::key_args(const std::string& role, const std::string& name, int counter) const {
  return {"--key", key_file(role, name, counter), "--hub-key", hub_key_file()};
}

HubClientOptions HubProcess::client_options(const std::string& role, const std::string& name, bool mirror,
                                            int timeout_ms, int retries, int counter) const {
  HubClientOptions opt(address(), role, name, mirror, timeout_ms, retries);
  auto keys = load_client_keys(key_file(role, name, counter), hub_key_file());
  if (!keys) throw std::runtime_error(keys.error().reason);
  opt.keys = *keys;
  return opt;
}

ProcessResult run_ctl(const HubProcess& hub, std::vector<std::string> args) {
  std::vector<std::string> argv = {ANTRIAN_CTL_BIN, "--hub", hub.address(), "--key", hub.admin_key_file(),
                                   "--hub-key", hub.hub_key_file()};
  argv.insert(argv.end(), args.begin(), args.end());
  return run_process(argv);
}

}  // namespace antrian::test
