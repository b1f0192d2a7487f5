// antrian-sim: plays a compressed office day against a real hub on a manual clock
// and scores three waiting-time estimators. See docs/BENCHMARKS.md.
#include <CLI/CLI.hpp>

#include <fstream>
#include <iostream>

#include "antrian/office_time.h"
#include "day_runner.h"
#include "hub_process.h"
#include "report.h"

int main(int argc, char** argv) {
  using namespace antrian;
  CLI::App app{"antrian-sim: an office day (normal and disrupted) against a real hub, with estimator scores"};
  int arrivals = 300;
  uint64_t seed = 2018;
  std::string days = "both", json_out;
  app.add_option("--arrivals", arrivals, "Applications in the day")->check(CLI::Range(1, 20000));
  app.add_option("--seed", seed, "Random seed (same seed, same day)");
  app.add_option("--day", days, "normal, disrupted or both")->check(CLI::IsMember({"normal", "disrupted", "both"}));
  app.add_option("--json", json_out, "Also write the figures as JSON to this file");
  CLI11_PARSE(app, argc, argv);

  // Monday 23 November 2026, WIB: the day the simulated office works.
  const int64_t midnight = local_midnight_ms(2026, 11, 23, 7);
  nlohmann::json all = nlohmann::json::array();
  for (const std::string name : {"normal", "disrupted"}) {
    if (days != "both" && days != name) continue;
    sim::DayPlan plan = name == "normal" ? sim::DayPlan::normal() : sim::DayPlan::disrupted();
    plan.arrivals = arrivals;
    test::TempDir dir;
    // A fresh hub per day: both days start from the config's guesses.
    test::HubProcess hub(dir.path(), {"--manual-clock", "--clock-start", std::to_string(midnight + 7 * 3'600'000)});
    HubClient client(hub.client_options("admin", "antrian-sim", false, 5000, 0));
    try {
      const sim::DayResult r = sim::run_day(name, plan, client, midnight, seed);
      std::cout << sim::day_text(r) << std::endl;
      all.push_back(sim::day_json(r));
    } catch (const std::exception& e) {
      std::cerr << "antrian-sim: " << e.what() << "\n";
      return 1;
    }
  }
  if (!json_out.empty()) std::ofstream(json_out) << all.dump(2) << "\n";
  return 0;
}
