// antrian-sim end to end: a short day against a real hub; every applicant is
// accounted for and all three estimators are scored.
#include <doctest/doctest.h>

#include <fstream>

#include <nlohmann/json.hpp>

#include "hub_process.h"

using namespace antrian::test;

TEST_CASE("antrian-sim plays a normal and a disrupted day and accounts for every applicant") {
  TempDir dir;
  const std::string out = dir.path() + "/sim.json";
  auto r = run_process({ANTRIAN_SIM_BIN, "--arrivals", "80", "--seed", "5", "--json", out}, 60000);
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(r.out.find("== disrupted day") != std::string::npos);
  auto days = nlohmann::json::parse(std::ifstream(out));
  REQUIRE(days.size() == 2);
  for (const auto& d : days) {
    CAPTURE(d.dump());
    CHECK(d["arrived"] == 80);
    CHECK(d["issued"].get<int>() + d["refused"].get<int>() == 80);
    CHECK(d["served"].get<int>() + d["no_show"].get<int>() + d["not_called_by_closing"].get<int>() == d["issued"]);
    for (const char* e : {"ours", "blind", "oracle"}) CHECK(d["estimators"][e]["n"].get<int>() > 0);
  }
}
