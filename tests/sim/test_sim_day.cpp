// antrian-sim end to end: a short day against a real hub; every applicant is
// accounted for and all three estimators are scored.
#include <doctest/doctest.h>

#include <fstream>
#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "hub_process.h"

using namespace antrian::test;

TEST_CASE("antrian-sim plays a normal and a disrupted day and accounts for every applicant") {
  TempDir dir;
  const std::string out = dir.path() + "/sim.json", csv = dir.path() + "/samples.csv";
  auto r = run_process({ANTRIAN_SIM_BIN, "--arrivals", "80", "--seed", "5", "--history-days", "1", "--json", out,
                        "--samples", csv}, 90000);
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(r.out.find("== disrupted day") != std::string::npos);
  CHECK(r.out.find("the hub had played 1 ordinary past days before it") != std::string::npos);
  auto days = nlohmann::json::parse(std::ifstream(out));
  REQUIRE(days.size() == 2);
  for (const auto& d : days) {
    CAPTURE(d.dump());
    CHECK(d["arrived"] == 80);
    CHECK(d["issued"].get<int>() + d["refused"].get<int>() == 80);
    CHECK(d["served"].get<int>() + d["no_show"].get<int>() + d["not_called_by_closing"].get<int>() == d["issued"]);
    for (const char* e : {"ours", "blind", "oracle", "forward"}) CHECK(d["estimators"][e]["n"].get<int>() > 0);
    CHECK(d["estimators"]["forward"]["unknown"].get<int>() < d["estimators"]["forward"]["n"].get<int>());
  }
  // --samples: one line per scored applicant (not the past days'), each estimate and the real wait.
  std::ifstream in(csv);
  std::string line;
  REQUIRE(std::getline(in, line));
  CHECK(line == "day,service,priority,issued_s,actual_s,ours_s,blind_s,formula_s,forward_s");
  std::map<std::string, int> rows;
  while (std::getline(in, line)) {
    CAPTURE(line);
    std::vector<std::string> f;
    for (std::size_t from = 0;;) {
      const auto comma = line.find(',', from);
      f.push_back(line.substr(from, comma == std::string::npos ? std::string::npos : comma - from));
      if (comma == std::string::npos) break;
      from = comma + 1;
    }
    REQUIRE(f.size() == 9);
    ++rows[f[0]];
    CHECK((f[2] == "0" || f[2] == "1"));
    CHECK(std::stoll(f[3]) >= 8 * 3600);   // taken while the office was open
    CHECK(std::stoll(f[3]) <= 15 * 3600);
    CHECK(std::stoll(f[4]) >= 0);          // called after it was taken
    CHECK(!f[6].empty());                  // the blind estimate always has a figure
  }
  for (const auto& d : days) CHECK(rows[d["day"].get<std::string>()] == d["estimators"]["ours"]["n"].get<int>());
  CHECK(rows.size() == 2);
  // The ratio line: ours against the forward oracle on A and B, written like 0.97x.
  const auto at = r.out.find("disrupted day, A and B within");
  REQUIRE(at != std::string::npos);
  const std::string ratio = r.out.substr(at, r.out.find('\n', at) - at);
  CHECK(ratio.find("forward oracle") != std::string::npos);
  CHECK(ratio.back() == 'x');
}

TEST_CASE("antrian-sim --help names the forward oracle, and a loket on a break and shared lokets are days of their own") {
  auto help = run_process({ANTRIAN_SIM_BIN, "--help"}, 10000);
  CHECK(help.exit_code == 0);
  CHECK(help.out.find("forward oracle") != std::string::npos);
  TempDir dir;
  const std::string out = dir.path() + "/sim.json";
  auto r = run_process({ANTRIAN_SIM_BIN, "--arrivals", "60", "--seed", "3", "--day", "break", "--oracle-runs", "9", "--history-days", "0",
                        "--json", out}, 60000);
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  auto days = nlohmann::json::parse(std::ifstream(out));
  REQUIRE(days.size() == 1);
  CHECK(days[0]["day"] == "break");
  CHECK(days[0]["served"].get<int>() > 0);
  auto bad = run_process({ANTRIAN_SIM_BIN, "--day", "sunday"}, 10000);
  CHECK(bad.exit_code != 0);
  auto unwritable = run_process({ANTRIAN_SIM_BIN, "--samples", dir.path() + "/no-such-folder/s.csv"}, 10000);
  CHECK(unwritable.exit_code == 2);
  CHECK(unwritable.err.find("--samples") != std::string::npos);
  CHECK(unwritable.err.find("cannot write") != std::string::npos);
}

TEST_CASE("antrian-sim --oracle-draw: the same day and the same estimates of ours, other plays of the forward oracle") {
  TempDir dir;
  auto samples = [&](const std::string& draw) {
    const std::string csv = dir.path() + "/draw-" + draw + ".csv";
    auto r = run_process({ANTRIAN_SIM_BIN, "--arrivals", "50", "--seed", "7", "--day", "disrupted", "--history-days", "0",
                          "--oracle-runs", "9", "--oracle-draw", draw, "--samples", csv}, 60000);
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    std::vector<std::pair<std::string, std::string>> rows;  // (the line without its last field, the forward oracle's)
    std::ifstream in(csv);
    for (std::string line; std::getline(in, line);) {
      const auto last = line.rfind(',');
      rows.emplace_back(line.substr(0, last), line.substr(last + 1));
    }
    return rows;
  };
  const auto first = samples("0"), second = samples("1");
  REQUIRE(first.size() == second.size());
  REQUIRE(first.size() > 10);
  int differ = 0;
  for (std::size_t i = 0; i < first.size(); ++i) {
    CHECK(first[i].first == second[i].first);  // the day, its real waits, ours, blind, formula
    differ += first[i].second != second[i].second;
  }
  CHECK(differ > 0);  // the oracle's plays are others
  auto bad = run_process({ANTRIAN_SIM_BIN, "--oracle-draw", "5000"}, 10000);
  CHECK(bad.exit_code != 0);
  CHECK(bad.err.find("--oracle-draw") != std::string::npos);
}
