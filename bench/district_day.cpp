// antrian-district-day: plays office days at N x the reported load against a real hub
// on a manual clock (the simulator's day, tools/sim) and keeps the hub's data folder,
// so bench/district-*.sh can forward its log as one site or copy it as a hundred.
#include <CLI/CLI.hpp>

#include <filesystem>
#include <fstream>
#include <iostream>

#include "antrian/office_config.h"
#include "antrian/office_time.h"
#include "day_runner.h"
#include "hub_process.h"

using nlohmann::json;

int main(int argc, char** argv) {
  using namespace antrian;
  CLI::App app{"antrian-district-day: office days at N x load against a real hub; the hub's folder is kept"};
  int load = 10, days = 1;
  uint64_t seed = 2018;
  std::string out;
  app.add_option("--out", out, "Folder for the hub's data (made; must not hold a hub yet)")->required();
  app.add_option("--load", load, "Times the reported load (300 applicants a day)")->check(CLI::Range(1, 30));
  app.add_option("--days", days, "Office days, one after the other")->check(CLI::Range(1, 60));
  app.add_option("--seed", seed, "Random seed of the first day");
  CLI11_PARSE(app, argc, argv);
  std::filesystem::create_directories(out);
  // More lokets with more applicants (as bench/soak.cpp): the day is served, not only queued.
  json cfg = json::parse(default_office_json());
  const json counters = cfg["counters"];
  cfg["counters"] = json::array();
  for (int copy = 0; copy < load; ++copy)
    for (json c : counters) {
      const int n = c["number"].get<int>() + copy * int(counters.size());
      c["number"] = n;
      c["name"] = "Loket " + std::to_string(n);
      cfg["counters"].push_back(c);
    }
  for (json& s : cfg["services"])
    if (s.value("daily_quota", 0) > 0) s["daily_quota"] = s["daily_quota"].get<int>() * load;
  for (json& r : cfg["resources"])
    if (r.value("kind", "") == "blangko") r["stock"] = r.value("stock", 0) * load * days;
  const std::string config = out + "/office.json";
  std::ofstream(config) << cfg.dump(2);
  // Monday 23 November 2026, WIB; day N is N-1 days later (weekends included: the
  // simulated office works every day of the run).
  const int64_t first_midnight = local_midnight_ms(2026, 11, 23, 7);
  test::HubProcess hub(out + "/hub", {"--config", config, "--manual-clock", "--clock-start",
                                       std::to_string(first_midnight + 7 * 3'600'000)});
  HubClient client(hub.client_options("admin", "district-day", false, 5000, 0));
  int issued = 0;
  for (int d = 0; d < days; ++d) {
    sim::DayPlan plan = sim::DayPlan::normal();
    plan.arrivals = 300 * load;
    auto r = sim::run_day("day " + std::to_string(d + 1), plan, client, first_midnight + int64_t(d) * 86'400'000,
                          seed + uint64_t(d));
    issued += r.issued;
    std::cerr << "day " << d + 1 << ": " << r.issued << " tickets, " << r.served << " served" << std::endl;
  }
  hub.terminate();
  std::cout << "{\"hub_dir\":\"" << out << "/hub\",\"tickets\":" << issued << "}" << std::endl;
  return 0;
}
