#include "office_day.h"

#include <doctest/doctest.h>

#include <fstream>
#include <map>
#include <random>

#include <nlohmann/json.hpp>

#include "antrian/office_config.h"
#include "antrian/office_time.h"

namespace antrian::test {
namespace {

using json = nlohmann::json;

struct Desk {
  Desk(int n, std::string s, std::string p) : number(n), staff(std::move(s)), pin(std::move(p)) {}
  int number;
  std::string staff, pin;
  std::string state = "idle";  // idle, called, serving
  std::string service;         // of the ticket at the desk
  int64_t until = 0;           // serving ends at
};

void must(HubClient& admin, const std::string& cmd, json args) {
  auto r = admin.request(cmd, std::move(args));
  INFO(cmd << ": " << r.error.reason);
  REQUIRE(r.ok);
}

}  // namespace

int64_t wib(int days, int hour, int minute) {
  return local_midnight_ms(2026, 3, 2, 7) + int64_t(days) * 86'400'000 + (hour * 60 + minute) * 60'000LL;
}

std::vector<std::string> office_day_args(const std::string& dir, int64_t start_ms) {
  json cfg = json::parse(default_office_json());
  for (json& s : cfg["services"])
    if (s["code"] == "E") s["daily_quota"] = 6;
  cfg["staff"].push_back({{"id", "siti"}, {"name", "Siti Rahma"}, {"pin", "2222"}});
  cfg["staff"].push_back({{"id", "budi"}, {"name", "Budi Santoso"}, {"pin", "3333"}});
  const std::string file = dir + "/office.json";
  std::ofstream(file) << cfg.dump(2);
  return {"--config", file, "--manual-clock", "--clock-start", std::to_string(start_ms)};
}

void set_clock(HubClient& admin, int64_t now_ms) { must(admin, "clock_set", {{"now", now_ms}}); }

void simulate_office_day(HubClient& admin) {
  std::mt19937 rng(20260302);
  std::uniform_real_distribution<double> unit(0, 1);
  // Tickets per hour, 08:00 to 14:00: the morning rush of a deadline week.
  const std::map<int, double> per_hour = {{7, 6}, {8, 38}, {9, 52}, {10, 40}, {11, 30}, {12, 14}, {13, 22}, {14, 9}};
  const std::vector<std::pair<std::string, double>> mix = {{"A", 0.34}, {"B", 0.22}, {"C", 0.2},
                                                           {"D", 0.1},  {"E", 0.08}, {"F", 0.06}};
  std::map<std::string, double> service_min = {{"A", 7}, {"B", 4}, {"C", 6}, {"D", 6}, {"E", 8}, {"F", 3}};
  std::vector<Desk> desks = {{1, "demo1", "1234"}, {2, "demo2", "1234"}, {4, "siti", "2222"}, {5, "budi", "3333"},
                             {8, "admin", "admin1234"}};
  set_clock(admin, wib(0, 7, 45));
  for (Desk& d : desks) must(admin, "sign_in", {{"counter", d.number}, {"staff", d.staff}, {"pin", d.pin}});
  const int64_t step = 60'000;
  int64_t disruption = 0;
  auto busy = [&] {
    for (const Desk& d : desks)
      if (d.state != "idle") return true;
    return false;
  };
  for (int64_t t = wib(0, 7, 46); t <= wib(0, 15, 0) || busy(); t += step) {
    set_clock(admin, t);
    const int hour = to_local(t, 7).hour;
    if (t == wib(0, 10, 31)) {
      auto r = admin.request("disruption_set", {{"resource", "siak"}, {"level", "down"}, {"counter", 1},
                                                {"message_id", "Server pusat SIAK tidak dapat dihubungi"},
                                                {"message_en", "The central SIAK server cannot be reached"}});
      REQUIRE(r.ok);
      disruption = r.result["disruption"]["id"];
    }
    if (t == wib(0, 11, 16)) must(admin, "disruption_clear", {{"id", disruption}});
    // Arrivals this minute.
    auto rate = per_hour.find(hour);
    if (rate != per_hour.end() && hour < 15) {
      double expected = rate->second / 60.0;
      while (unit(rng) < expected) {
        expected -= 1;
        double pick = unit(rng), acc = 0;
        std::string service = "A";
        for (const auto& [code, share] : mix)
          if ((acc += share) >= pick) { service = code; break; }
        json args = {{"service", service}};
        if (unit(rng) < 0.12) args["priority"] = "lansia";
        admin.request("issue", args);  // refusals (quota, halted) are part of the day
      }
    }
    for (Desk& d : desks) {
      if (d.state == "serving" && t >= d.until) {
        must(admin, "finish", {{"counter", d.number}});
        d.state = "idle";
      } else if (d.state == "called") {
        if (unit(rng) < 0.07) {
          must(admin, "no_show", {{"counter", d.number}});
          d.state = "idle";
        } else {
          must(admin, "start", {{"counter", d.number}});
          d.state = "serving";
          const double minutes = service_min[d.service] * (0.6 + 0.9 * unit(rng));
          d.until = t + int64_t(minutes * 60'000);
        }
      }
      if (d.state == "idle" && t < wib(0, 15, 0)) {
        auto r = admin.request("call_next", {{"counter", d.number}});
        if (r.ok) {
          d.state = "called";
          d.service = r.result["ticket"]["service"];
        }
      }
    }
  }
  for (Desk& d : desks) {
    auto r = admin.request("sign_out", {{"counter", d.number}});
    // After closing the hub signs idle lokets out itself (the office calendar).
    INFO("sign_out: " << r.error.reason);
    CHECK((r.ok || r.error.reason.find("not signed in") != std::string::npos));
  }
}

}  // namespace antrian::test
