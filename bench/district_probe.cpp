// antrian-district-probe: asks the district dashboard for its pages again and again
// (one request at a time, as an office monitor and a few people would) until the stop
// file appears, then prints the latency percentiles. bench/district-load.sh.
#include <httplib.h>

#include <CLI/CLI.hpp>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <iostream>
#include <map>
#include <regex>
#include <thread>
#include <vector>

int main(int argc, char** argv) {
  CLI::App app{"antrian-district-probe: dashboard latency until a stop file exists"};
  int port = 0, pause_ms = 100;
  std::string stop_file;
  std::vector<std::string> paths = {"/api/sites", "/", "/api/notices"};
  app.add_option("--port", port, "The dashboard's port")->required();
  app.add_option("--stop-file", stop_file, "Stop when this file exists")->required();
  app.add_option("--pause-ms", pause_ms, "Pause between requests");
  app.add_option("--paths", paths, "Pages to ask for, in turn");
  CLI11_PARSE(app, argc, argv);
  httplib::Client c("127.0.0.1", port);
  c.set_read_timeout(30, 0);
  std::vector<double> ms;
  std::map<std::string, std::vector<double>> by_path;  // the same per page, to say which is slow
  std::map<std::string, std::size_t> bytes;
  // How old the picture of every site was when it arrived (its generated_at, the
  // centre's clock, against this machine's): what a monitor shows is at most this late.
  std::vector<double> age_ms;
  const std::regex generated("\"generated_at\":(\\d+)");
  int errors = 0;
  for (std::size_t i = 0; !std::filesystem::exists(stop_file); ++i) {
    const auto t0 = std::chrono::steady_clock::now();
    auto r = c.Get(paths[i % paths.size()].c_str());
    const double took = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
    if (!r || r->status != 200) ++errors;
    else {
      ms.push_back(took);
      by_path[paths[i % paths.size()]].push_back(took);
      bytes[paths[i % paths.size()]] = r->body.size();
    }
    std::smatch m;
    if (r && r->status == 200 && std::regex_search(r->body, m, generated))
      age_ms.push_back(double(std::chrono::duration_cast<std::chrono::milliseconds>(
                                  std::chrono::system_clock::now().time_since_epoch()).count()) - std::stod(m[1]));
    std::this_thread::sleep_for(std::chrono::milliseconds(pause_ms));
  }
  std::sort(ms.begin(), ms.end());
  auto pct = [&](double p) { return ms.empty() ? 0.0 : ms[std::min(ms.size() - 1, std::size_t(p * double(ms.size())))]; };
  std::sort(age_ms.begin(), age_ms.end());
  for (auto& [path, v] : by_path) {  // on stderr: the last line of stdout is the figures line
    std::sort(v.begin(), v.end());
    std::fprintf(stderr, "  %-14s n=%zu p50 %.1f ms p99 %.1f ms max %.1f ms, %zu bytes\n", path.c_str(), v.size(),
                 v[v.size() / 2], v[std::min(v.size() - 1, std::size_t(0.99 * double(v.size())))], v.back(), bytes[path]);
  }
  std::printf("{\"requests\":%zu,\"errors\":%d,\"p50_ms\":%.1f,\"p99_ms\":%.1f,\"max_ms\":%.1f,"
              "\"sites_age_p50_ms\":%.0f,\"sites_age_max_ms\":%.0f}\n", ms.size(), errors,
              pct(0.50), pct(0.99), ms.empty() ? 0.0 : ms.back(),
              age_ms.empty() ? 0.0 : age_ms[age_ms.size() / 2], age_ms.empty() ? 0.0 : age_ms.back());
  return errors == 0 ? 0 : 1;
}
