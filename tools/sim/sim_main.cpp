// antrian-sim: plays a compressed office day against a real hub on a manual clock
// and scores the waiting-time estimators, against a forward oracle. See docs/BENCHMARKS.md.
#include <CLI/CLI.hpp>

#include <fstream>
#include <iostream>

#include "antrian/office_time.h"
#include "day_runner.h"
#include "hub_process.h"
#include "report.h"

int main(int argc, char** argv) {
  using namespace antrian;
  CLI::App app{
      "antrian-sim: office days (normal, disrupted, shared lokets, breaks) against a real hub on a manual clock.\n"
      "Scores four estimates of every applicant's wait against the wait they really had: ours (the hub's\n"
      "forecast), blind (people ahead x configured time / lokets), the formula oracle (that formula with the\n"
      "true times and the true end of a halt) and the forward oracle (the rest of the day played many times\n"
      "with the office's call rules and the true service-time distributions, median; the best anyone can do\n"
      "without seeing the future). Prints, per day, ours/forward oracle on A and B as e.g. 0.97x.\n"
      "Before the scored day the same hub plays --history-days ordinary past days (the week before), so it\n"
      "knows what a running office's hub knows: its learned service times and past days' arrivals, never\n"
      "the future of today."};
  int arrivals = 300;
  uint64_t seed = 2018;
  int runs = 41;
  int history_days = 4;
  uint64_t oracle_draw = 0;
  std::string days = "both", json_out, samples_out;
  app.add_option("--arrivals", arrivals, "Applications in the day")->check(CLI::Range(1, 20000));
  app.add_option("--seed", seed, "Random seed (same seed, same day)");
  app.add_option("--day", days, "normal, disrupted, shared, break, both (normal and disrupted) or all")
      ->check(CLI::IsMember({"normal", "disrupted", "shared", "break", "both", "all"}));
  app.add_option("--oracle-runs", runs, "Plays of the rest of the day per ticket for the forward oracle (0: none)")
      ->check(CLI::Range(0, 1001));
  app.add_option("--oracle-draw", oracle_draw,
                 "Which independent set of the forward oracle's plays to use (0: the default); the same seed's day with "
                 "another draw shows how much the oracle's own score moves")
      ->check(CLI::Range(uint64_t(0), uint64_t(1000)));
  app.add_option("--history-days", history_days,
                 "Ordinary days the hub plays before the scored day (Monday to Thursday of the week before; 0: a new hub)")
      ->check(CLI::Range(0, 4));
  app.add_option("--json", json_out, "Also write the figures as JSON to this file");
  app.add_option("--samples", samples_out,
                 "Also write every called applicant's estimates and real wait as CSV to this file (scored days only)");
  CLI11_PARSE(app, argc, argv);
  std::string samples = sim::samples_csv_header();
  // Opened before the days are played: a path that cannot be written fails now, not after a minute.
  std::ofstream samples_file;
  if (!samples_out.empty()) {
    samples_file.open(samples_out);
    if (!samples_file) {
      std::cerr << "antrian-sim: --samples " << samples_out << ": cannot write this file (does its folder exist?)\n";
      return 2;
    }
  }

  // Monday 23 November 2026, WIB: the day the simulated office works.
  const int64_t midnight = local_midnight_ms(2026, 11, 23, 7);
  nlohmann::json all = nlohmann::json::array();
  for (const std::string name : {"normal", "disrupted", "shared", "break"}) {
    const bool wanted = days == name || days == "all" || (days == "both" && (name == "normal" || name == "disrupted"));
    if (!wanted) continue;
    sim::DayPlan plan = sim::DayPlan::named(name);
    plan.arrivals = arrivals;
    test::TempDir dir;
    // A fresh hub per day: every day starts from the config's guesses.
    // The week before: Monday 16 to Thursday 19 November, the last ones closest.
    const int64_t first_midnight = history_days > 0 ? midnight - (7 - (4 - history_days)) * 86'400'000LL : midnight;
    test::HubProcess hub(dir.path(), {"--manual-clock", "--clock-start", std::to_string(first_midnight + 7 * 3'600'000)});
    HubClient client(hub.client_options("admin", "antrian-sim", false, 5000, 0));
    try {
      // Past days: ordinary days (no disruption), their own seeds, not scored. The
      // hub keeps what it learned, as a hub does from one day to the next.
      for (int k = 0; k < history_days; ++k) {
        sim::DayPlan past = sim::DayPlan::normal();
        past.arrivals = arrivals;
        sim::run_day("past", past, client, first_midnight + k * 86'400'000LL, seed * 7919 + uint64_t(k) + 1, 0);
      }
      const sim::DayResult r = sim::run_day(name, plan, client, midnight, seed, runs, oracle_draw);
      std::cout << sim::day_text(r) << "   the hub had played " << history_days
                << " ordinary past days before it (learned service times and arrival curve)\n"
                << std::endl;
      all.push_back(sim::day_json(r));
      samples += sim::samples_csv(r);
    } catch (const std::exception& e) {
      std::cerr << "antrian-sim: " << e.what() << "\n";
      return 1;
    }
  }
  if (!json_out.empty()) std::ofstream(json_out) << all.dump(2) << "\n";
  if (samples_file.is_open() && !(samples_file << samples).flush()) {
    std::cerr << "antrian-sim: --samples " << samples_out << ": writing failed\n";
    return 1;
  }
  return 0;
}
