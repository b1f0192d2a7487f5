#include "report.h"

#include <algorithm>
#include <cstdio>
#include <map>
#include <optional>
#include <utility>
#include <vector>

namespace antrian::sim {
namespace {

double pct(std::vector<double> v, double p) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  return v[std::min(v.size() - 1, std::size_t(p * double(v.size() - 1) + 0.5))];
}

// Every estimator the simulator scores, by its name in the JSON.
const std::vector<std::pair<const char*, std::optional<double> Sample::*>> kEstimators = {
    {"ours", &Sample::ours_s}, {"blind", &Sample::blind_s}, {"oracle", &Sample::oracle_s}, {"forward", &Sample::forward_s}};

const char* label(const std::string& name) {
  if (name == "oracle") return "formula oracle";
  if (name == "forward") return "forward oracle";
  if (name == "ours") return "ours";
  return "blind";
}

nlohmann::json score_json(const Score& s) {
  return {{"n", s.n}, {"unknown", s.unknown}, {"mae_min", s.mae_min}, {"within_25pct_share", s.within_share}};
}

}  // namespace

nlohmann::json day_json(const DayResult& d) {
  nlohmann::json waits = nlohmann::json::object();
  for (const auto& [service, v] : d.waits_s)
    waits[service] = {{"called", v.size()}, {"p50_min", pct(v, 0.5) / 60}, {"p90_min", pct(v, 0.9) / 60},
                      {"max_min", pct(v, 1.0) / 60}};
  auto scores = [](const std::vector<Sample>& v) {
    nlohmann::json j;
    for (const auto& [name, which] : kEstimators) j[name] = score_json(score(v, which));
    return j;
  };
  std::map<std::string, std::vector<Sample>> by_service;
  std::vector<Sample> ektp;  // the services a disruption of the central server or the printers touches
  for (const Sample& x : d.samples) {
    by_service[x.service].push_back(x);
    if (x.service == "A" || x.service == "B") ektp.push_back(x);
  }
  nlohmann::json per_service = nlohmann::json::object();
  for (const auto& [service, v] : by_service) per_service[service] = scores(v);
  const nlohmann::json all = scores(d.samples), e = scores(ektp);
  auto ratio = [](const nlohmann::json& j, const char* of) {
    const double o = j[of]["within_25pct_share"].get<double>();
    return o > 0 ? j["ours"]["within_25pct_share"].get<double>() / o : 0.0;
  };
  return {{"day", d.name},
          {"arrived", d.arrived},
          {"issued", d.issued},
          {"refused", d.refused},
          {"served", d.served},
          {"no_show", d.no_show},
          {"not_called_by_closing", d.not_called},
          {"waits", waits},
          {"estimators", all},
          {"per_service", per_service},
          {"ours_vs_oracle_within_share", ratio(all, "oracle")},
          {"ours_vs_forward_within_share", ratio(all, "forward")},
          {"ektp_estimators", e},
          {"ektp_ours_vs_oracle_within_share", ratio(e, "oracle")},
          {"ektp_ours_vs_forward_within_share", ratio(e, "forward")}};
}

std::string samples_csv_header() { return "day,service,priority,issued_s,actual_s,ours_s,blind_s,formula_s,forward_s\n"; }

std::string samples_csv(const DayResult& d) {
  std::string out;
  auto field = [](const std::optional<double>& v) { return v ? std::to_string(int64_t(*v)) : std::string(); };
  for (const Sample& x : d.samples)
    out += d.name + "," + x.service + "," + (x.priority ? "1" : "0") + "," + std::to_string(x.issued_s) + "," +
           std::to_string(int64_t(x.actual_s)) + "," + field(x.ours_s) + "," + field(x.blind_s) + "," +
           field(x.oracle_s) + "," + field(x.forward_s) + "\n";
  return out;
}

std::string day_text(const DayResult& d) {
  const nlohmann::json j = day_json(d);
  std::string out;
  char line[256];
  std::snprintf(line, sizeof line, "== %s day: %d arrived, %d tickets, %d refused, %d served, %d no-show, %d not called by closing\n",
                d.name.c_str(), d.arrived, d.issued, d.refused, d.served, d.no_show, d.not_called);
  out += line;
  out += "   waits (minutes)  called    p50    p90    max\n";
  for (const auto& [service, w] : j["waits"].items()) {
    std::snprintf(line, sizeof line, "   service %-7s %7d %6.1f %6.1f %6.1f\n", service.c_str(), w["called"].get<int>(),
                  w["p50_min"].get<double>(), w["p90_min"].get<double>(), w["max_min"].get<double>());
    out += line;
  }
  auto table = [&](const nlohmann::json& scores) {
    for (const auto& [name, _] : kEstimators) {
      const auto& s = scores[name];
      std::snprintf(line, sizeof line, "   %-16s %9.1f %13.0f%% %8d\n", label(name), s["mae_min"].get<double>(),
                    100 * s["within_25pct_share"].get<double>(), s["unknown"].get<int>());
      out += line;
    }
  };
  out += "   estimator        MAE (min)  within +/-25%  unknown\n";
  table(j["estimators"]);
  out += "   within +/-25% per service: ours / blind / formula / forward oracle\n";
  for (const auto& [service, sc] : j["per_service"].items()) {
    std::snprintf(line, sizeof line, "   service %-3s n=%-4d %5.0f%% %6.0f%% %8.0f%% %8.0f%%\n", service.c_str(),
                  sc["ours"]["n"].get<int>(), 100 * sc["ours"]["within_25pct_share"].get<double>(),
                  100 * sc["blind"]["within_25pct_share"].get<double>(),
                  100 * sc["oracle"]["within_25pct_share"].get<double>(),
                  100 * sc["forward"]["within_25pct_share"].get<double>());
    out += line;
  }
  out += "   e-KTP services only (A, B: where the disruptions hit)\n";
  table(j["ektp_estimators"]);
  std::snprintf(line, sizeof line, "   %s day, A and B within +/-25%%: ours %.0f%%, forward oracle %.0f%%, blind %.0f%%: ours/forward oracle %.2fx\n",
                d.name.c_str(), 100 * j["ektp_estimators"]["ours"]["within_25pct_share"].get<double>(),
                100 * j["ektp_estimators"]["forward"]["within_25pct_share"].get<double>(),
                100 * j["ektp_estimators"]["blind"]["within_25pct_share"].get<double>(),
                j["ektp_ours_vs_forward_within_share"].get<double>());
  out += line;
  return out;
}

}  // namespace antrian::sim
