// antrian-soak: compressed office days at N times the reported load against a real
// hub with real programs connected, sampling their resident memory all the while.
//
// The office is the default one scaled by --load: N times the applicants (the sim's
// normal day, 300 a day from the field reports, so 3,000 at 10x), N times the lokets
// (each of the 8 lokets copied N times, the same services) and N times the daily
// quotas and blangko stock, so the extra applicants are served and called as on a
// normal day instead of being refused. antrian-sim's day runner plays the day on the
// hub's manual clock; every call reaches the connected programs:
//   - antrian-display (one or more; calls shown and spoken: the speech is synthesised
//     with espeak-ng, there is no audio device), in a 1920x1080 window with --windowed
//     (bench/soak.sh runs it under xvfb-run), else --headless;
//   - antrian-counter --headless (its console mirrors the whole office, signed in nowhere);
//   - antrian-kiosk --automation (its home screen), in a window with --windowed, else
//     SDL's offscreen driver (see docs/BENCHMARKS.md, "Soak": that one grows).
// Several days are played one after the other on the same hub (the business day
// rolls over at midnight) to see whether anything outlives a day. VmRSS and VmHWM of
// the hub and of each program are read from /proc/PID/status every --sample-ms.
// See bench/soak.sh and docs/BENCHMARKS.md ("Soak").
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>
#include <mutex>
#include <sstream>
#include <thread>

#include <nlohmann/json.hpp>

#include "antrian/hub_client.h"
#include "antrian/office_config.h"
#include "antrian/office_time.h"
#include "day_runner.h"
#include "hub_process.h"

using json = nlohmann::json;
using SteadyClock = std::chrono::steady_clock;

namespace {

struct Mem {
  long rss_kb = -1, hwm_kb = -1;
};

Mem read_mem(pid_t pid) {
  Mem m;
  std::ifstream f("/proc/" + std::to_string(pid) + "/status");
  std::string line;
  while (std::getline(f, line)) {
    if (line.rfind("VmRSS:", 0) == 0) m.rss_kb = std::stol(line.substr(6));
    if (line.rfind("VmHWM:", 0) == 0) m.hwm_kb = std::stol(line.substr(6));
  }
  return m;
}

// A program started with its stdin on a pipe we hold (it must not see end of input)
// and its stdout read by a thread that counts a few kinds of lines and drops the rest.
class Child {
 public:
  Child(std::string name, std::vector<std::string> argv, std::vector<std::pair<std::string, std::string>> env)
      : name_(std::move(name)) {
    int in[2], out[2];
    if (::pipe2(in, O_CLOEXEC) != 0 || ::pipe2(out, O_CLOEXEC) != 0) throw std::runtime_error("pipe failed");
    pid_ = ::fork();
    if (pid_ == 0) {
      ::prctl(PR_SET_PDEATHSIG, SIGKILL);
      ::dup2(in[0], 0);
      ::dup2(out[1], 1);
      const int devnull = ::open("/dev/null", O_WRONLY);
      ::dup2(devnull, 2);
      for (const auto& [k, v] : env) ::setenv(k.c_str(), v.c_str(), 1);
      std::vector<char*> a;
      for (auto& s : argv) a.push_back(s.data());
      a.push_back(nullptr);
      ::execv(a[0], a.data());
      ::_exit(127);
    }
    ::close(in[0]);
    ::close(out[1]);
    in_ = in[1];
    out_ = out[0];
    reader_ = std::thread([this] { read(); });
  }
  ~Child() {
    if (pid_ > 0) {
      ::kill(pid_, SIGKILL);
      ::waitpid(pid_, nullptr, 0);
    }
    if (reader_.joinable()) reader_.join();
    ::close(in_);
    ::close(out_);
  }
  void send(const std::string& line) {
    const std::string l = line + "\n";
    [[maybe_unused]] auto n = ::write(in_, l.data(), l.size());
  }
  bool alive() const { return pid_ > 0 && ::kill(pid_, 0) == 0 && ::waitpid(pid_, nullptr, WNOHANG) == 0; }
  pid_t pid() const { return pid_; }
  const std::string& name() const { return name_; }
  long lines() const { return lines_; }
  long count(const std::string& what) {
    std::lock_guard l(mu_);
    return counts_[what];
  }
  bool saw(const std::string& needle) {
    std::lock_guard l(mu_);
    return counts_[needle] > 0;
  }
  void watch(std::string needle) {
    std::lock_guard l(mu_);
    counts_[needle] = 0;
  }

 private:
  void read() {
    std::string buf;
    char tmp[65536];
    while (true) {
      const ssize_t n = ::read(out_, tmp, sizeof tmp);
      if (n <= 0) return;
      buf.append(tmp, size_t(n));
      for (size_t nl; (nl = buf.find('\n')) != std::string::npos; buf.erase(0, nl + 1)) {
        ++lines_;
        const std::string_view line(buf.data(), nl);
        std::lock_guard l(mu_);
        for (auto& [needle, c] : counts_) c += line.find(needle) != std::string_view::npos;
      }
    }
  }
  std::string name_;
  pid_t pid_ = -1;
  int in_ = -1, out_ = -1;
  std::atomic<long> lines_{0};
  std::mutex mu_;
  std::map<std::string, long> counts_;
  std::thread reader_;
};

// The default office scaled by `load`: lokets copied, quotas and blangko multiplied.
std::string scaled_config(const std::string& dir, int load, bool more_lokets) {
  json cfg = json::parse(antrian::default_office_json());
  const json counters = cfg["counters"];
  cfg["counters"] = json::array();
  for (int copy = 0; copy < (more_lokets ? load : 1); ++copy)
    for (json c : counters) {
      const int n = c["number"].get<int>() + copy * int(counters.size());
      c["number"] = n;
      if (c.contains("name")) c["name"] = "Loket " + std::to_string(n);
      cfg["counters"].push_back(c);
    }
  for (json& s : cfg["services"])
    if (s.value("daily_quota", 0) > 0) s["daily_quota"] = s["daily_quota"].get<int>() * load;
  for (json& r : cfg["resources"])
    if (r.value("kind", "") == "blangko") r["stock"] = r.value("stock", 0) * load * 10;  // several days
  const std::string path = dir + "/office-x" + std::to_string(load) + ".json";
  std::ofstream(path) << cfg.dump(2);
  return path;
}

}  // namespace

int main(int argc, char** argv) {
  using namespace antrian;
  CLI::App app{"antrian-soak: office days at N x the reported load, memory of the hub and the programs sampled"};
  int load = 10, days = 2, displays = 1, sample_ms = 1000, idle_s = 10;
  uint64_t seed = 2018;
  bool counter = true, kiosk = true, more_lokets = true, windowed = false;
  std::string csv_out, json_out, bin_dir;
  app.add_option("--load", load, "Times the reported load (300 applicants, 8 lokets a day)")->check(CLI::Range(1, 30));
  app.add_option("--days", days, "Office days played one after the other on one hub")->check(CLI::Range(1, 30));
  app.add_option("--displays", displays, "Headless antrian-display programs connected")->check(CLI::Range(0, 8));
  app.add_flag("--windowed", windowed,
               "Displays (1920x1080) and the kiosk draw in windows on DISPLAY (e.g. under xvfb-run) instead of headless/offscreen");
  app.add_option("--counter", counter, "Connect a headless antrian-counter (true/false)");
  app.add_option("--kiosk", kiosk, "Connect an antrian-kiosk, offscreen (true/false)");
  app.add_option("--more-lokets", more_lokets,
                 "Scale the lokets with the load (true, default); false: the same 8 lokets face N x the applicants");
  app.add_option("--sample-ms", sample_ms, "Milliseconds between memory samples")->check(CLI::Range(100, 60000));
  app.add_option("--idle-s", idle_s, "Seconds of sampling after the last day (nothing happens)");
  app.add_option("--seed", seed, "Random seed of the first day (day N uses seed + N - 1)");
  app.add_option("--csv", csv_out, "Write every sample here");
  app.add_option("--json", json_out, "Write the summary here");
  app.add_option("--bin-dir", bin_dir, "Build folder holding display/, counter/, kiosk/ (default: this program's build)")
      ->required();
  CLI11_PARSE(app, argc, argv);

  const int64_t first_midnight = local_midnight_ms(2026, 11, 23, 7);
  test::TempDir dir;
  const std::string config = scaled_config(dir.path(), load, more_lokets);
  test::HubProcess hub(dir.path() + "/hub", {"--config", config, "--manual-clock", "--clock-start",
                                              std::to_string(first_midnight + 7 * 3'600'000)});

  std::vector<std::unique_ptr<Child>> children;
  const std::vector<std::pair<std::string, std::string>> headless_env = {
      {"SDL_VIDEODRIVER", "offscreen"}, {"SDL_AUDIODRIVER", "none-for-soak"}};
  for (int i = 1; i <= displays; ++i) {
    const std::string name = "display-soak-" + std::to_string(i);
    std::vector<std::string> a = {bin_dir + "/display/antrian-display", "--hub", hub.address(), "--name", name};
    if (windowed) a.insert(a.end(), {"--print-events", "--window", "1920x1080"});
    else a.push_back("--headless");
    for (const auto& k : hub.key_args("display", name)) a.push_back(k);
    std::vector<std::pair<std::string, std::string>> env = {{"SDL_AUDIODRIVER", "none-for-soak"}};
    if (!windowed) env = headless_env;
    children.push_back(std::make_unique<Child>(name, a, env));
    children.back()->watch("\"status\":\"spoken\"");
    children.back()->watch("\"status\":\"queued\"");
    children.back()->watch("\"status\":\"stale\"");
    children.back()->watch("\"link\":\"online\"");
  }
  if (counter) {
    std::vector<std::string> a = {bin_dir + "/counter/antrian-counter", "--hub", hub.address(), "--headless", "--script",
                                  "-", "--client", "counter-soak"};
    // A counter key is bound to a loket; this console only watches, from loket 1.
    for (const auto& k : hub.key_args("counter", "counter-soak", 1)) a.push_back(k);
    children.push_back(std::make_unique<Child>("counter", a, headless_env));
    children.back()->watch("\"ok\":true");
    children.back()->send("wait-online 30");
  }
  if (kiosk) {
    std::vector<std::string> a = {bin_dir + "/kiosk/antrian-kiosk", "--automation", "--hub", hub.address(), "--printer",
                                  "none", "--name", "kiosk-soak"};
    for (const auto& k : hub.key_args("kiosk", "kiosk-soak")) a.push_back(k);
    std::vector<std::pair<std::string, std::string>> env = headless_env;
    if (windowed) env = {{"SDL_AUDIODRIVER", "none-for-soak"}};  // its window on DISPLAY
    children.push_back(std::make_unique<Child>("kiosk", a, env));
    children.back()->watch("\"ok\":\"wait\"");
    children.back()->send("wait home 30");
  }
  // Everyone connected and in step before the day starts.
  const auto ready_by = SteadyClock::now() + std::chrono::seconds(30);
  auto connected = [&] {
    for (auto& c : children) {
      if (c->name().rfind("display", 0) == 0 && !c->saw("\"link\":\"online\"")) return false;
      if (c->name() == "counter" && !c->saw("\"ok\":true")) return false;
      if (c->name() == "kiosk" && !c->saw("\"ok\":\"wait\"")) return false;
    }
    return true;
  };
  while (!connected() && SteadyClock::now() < ready_by) std::this_thread::sleep_for(std::chrono::milliseconds(50));
  if (!connected()) {
    std::cerr << "antrian-soak: the programs did not connect within 30 s\n";
    return 1;
  }
  std::this_thread::sleep_for(std::chrono::seconds(2));  // settle after the first snapshot

  // Sampling.
  std::vector<std::pair<std::string, pid_t>> watched = {{"hub", hub.pid()}};
  for (auto& c : children) watched.push_back({c->name(), c->pid()});
  struct Row {
    double t_s;
    int day;
    std::string phase;
    std::vector<Mem> mem;
  };
  std::mutex rows_mu;
  std::vector<Row> rows;
  std::atomic<int> day_no{0};
  std::string phase = "start";
  std::atomic<bool> stop{false};
  const auto t0 = SteadyClock::now();
  auto sample = [&] {
    Row r{std::chrono::duration<double>(SteadyClock::now() - t0).count(), day_no.load(), "", {}};
    for (const auto& [_, pid] : watched) r.mem.push_back(read_mem(pid));
    std::lock_guard l(rows_mu);
    r.phase = phase;
    rows.push_back(std::move(r));
  };
  auto mark = [&](const std::string& p) {
    { std::lock_guard l(rows_mu); phase = p; }
    sample();
    { std::lock_guard l(rows_mu); phase = "day"; }
  };
  mark("start");
  std::thread sampler([&] {
    while (!stop) {
      const auto next = SteadyClock::now() + std::chrono::milliseconds(sample_ms);
      while (!stop && SteadyClock::now() < next) std::this_thread::sleep_for(std::chrono::milliseconds(20));
      if (!stop) sample();
    }
  });

  HubClient client(hub.client_options("admin", "antrian-soak", false, 5000, 0));
  std::vector<sim::DayResult> results;
  std::vector<double> day_seconds;
  int status = 0;
  try {
    for (int d = 0; d < days; ++d) {
      day_no = d + 1;
      if (d > 0) {
        // Yesterday's staff go home; the day runner signs everyone in again.
        for (int n = 1; n <= 8 * (more_lokets ? load : 1); ++n) client.request("sign_out", {{"counter", n}});
      }
      sim::DayPlan plan = sim::DayPlan::normal();
      plan.arrivals = 300 * load;
      const auto day_start = SteadyClock::now();
      results.push_back(sim::run_day("normal x" + std::to_string(load), plan, client,
                                     first_midnight + int64_t(d) * 86'400'000, seed + uint64_t(d)));
      day_seconds.push_back(std::chrono::duration<double>(SteadyClock::now() - day_start).count());
      std::this_thread::sleep_for(std::chrono::seconds(2));  // the programs catch up
      mark("end of day " + std::to_string(d + 1));
      const auto& r = results.back();
      std::cerr << "day " << d + 1 << ": " << r.issued << " tickets, " << r.refused << " refused, " << r.served
                << " served, " << r.no_show << " no-show, " << r.not_called << " not called, " << day_seconds.back()
                << " s\n";
    }
  } catch (const std::exception& e) {
    std::cerr << "antrian-soak: " << e.what() << "\n";
    status = 1;
  }
  day_no = days + 1;
  std::this_thread::sleep_for(std::chrono::seconds(idle_s));
  mark("end");
  stop = true;
  sampler.join();

  // Figures.
  int tickets = 0, served = 0, refused = 0, calls = 0;
  for (const auto& r : results) {
    tickets += r.issued;
    refused += r.refused;
    served += r.served;
    calls += r.served + r.no_show;
  }
  json summary;
  summary["load"] = load;
  summary["days"] = days;
  summary["tickets"] = tickets;
  summary["refused"] = refused;
  summary["served"] = served;
  summary["calls"] = calls;
  summary["day_seconds"] = day_seconds;
  summary["samples"] = rows.size();
  summary["wall_s"] = rows.back().t_s;
  const Row& first = rows.front();
  const Row& last = rows.back();
  std::vector<const Row*> day_ends;
  for (const Row& r : rows)
    if (r.phase.rfind("end of day", 0) == 0) day_ends.push_back(&r);
  std::printf("%-18s %9s %9s %9s %13s %s\n", "process (kB)", "start", "peak", "end", "per 1000 t.", "end of each day");
  for (std::size_t i = 0; i < watched.size(); ++i) {
    long peak = 0;
    for (const Row& r : rows) peak = std::max({peak, r.mem[i].rss_kb, r.mem[i].hwm_kb});
    const long start = first.mem[i].rss_kb, end = last.mem[i].rss_kb;
    const double per_1000 = tickets > 0 ? double(end - start) * 1000.0 / tickets : 0;
    json p = {{"start_kb", start}, {"peak_kb", peak}, {"end_kb", end}, {"growth_kb_per_1000_tickets", per_1000}};
    std::string ends;
    for (const Row* r : day_ends) {
      p["end_of_day_kb"].push_back(r->mem[i].rss_kb);
      ends += std::to_string(r->mem[i].rss_kb) + " ";
    }
    if (day_ends.size() >= 2 && tickets > 0) {
      // After the first day (allocator and caches warm): growth per 1000 tickets of the later days.
      int later = 0;
      for (std::size_t d = 1; d < results.size(); ++d) later += results[d].issued;
      const double g = later > 0 ? double(day_ends.back()->mem[i].rss_kb - day_ends.front()->mem[i].rss_kb) * 1000.0 / later : 0;
      p["growth_after_day1_kb_per_1000_tickets"] = g;
    }
    summary["memory"][watched[i].first] = p;
    std::printf("%-18s %9ld %9ld %9ld %13.1f %s\n", watched[i].first.c_str(), start, peak, end, per_1000, ends.c_str());
  }
  for (auto& c : children) {
    json p = {{"alive", c->alive()}, {"lines", c->lines()}};
    if (c->name().rfind("display", 0) == 0) {
      p["spoken"] = c->count("\"status\":\"spoken\"");
      p["queued"] = c->count("\"status\":\"queued\"");
      p["stale"] = c->count("\"status\":\"stale\"");
    }
    summary["programs"][c->name()] = p;
    if (!c->alive()) status = 1;
  }
  std::printf("%d days at %dx: %d tickets (%d refused), %d called, %d served; %.0f s of wall time, %zu samples\n", days, load,
              tickets, refused, calls, served, last.t_s, rows.size());
  std::cout << summary["programs"].dump() << std::endl;
  if (!csv_out.empty()) {
    std::ofstream f(csv_out);
    f << "t_s,day,phase";
    for (const auto& [name, _] : watched) f << "," << name << "_rss_kb," << name << "_hwm_kb";
    f << "\n";
    for (const Row& r : rows) {
      f << r.t_s << "," << r.day << "," << r.phase;
      for (const Mem& m : r.mem) f << "," << m.rss_kb << "," << m.hwm_kb;
      f << "\n";
    }
  }
  if (!json_out.empty()) std::ofstream(json_out) << summary.dump(2) << "\n";
  return status;
}
