#include "report.h"

#include <algorithm>
#include <cstdio>

namespace antrian::sim {
namespace {

double pct(std::vector<double> v, double p) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  return v[std::min(v.size() - 1, std::size_t(p * double(v.size() - 1) + 0.5))];
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
  const Score ours = score(d.samples, &Sample::ours_s), blind = score(d.samples, &Sample::blind_s),
              oracle = score(d.samples, &Sample::oracle_s);
  // The services a disruption of the central server or the printers touches.
  std::vector<Sample> ektp;
  for (const Sample& x : d.samples)
    if (x.service == "A" || x.service == "B") ektp.push_back(x);
  const Score ours_e = score(ektp, &Sample::ours_s), blind_e = score(ektp, &Sample::blind_s),
              oracle_e = score(ektp, &Sample::oracle_s);
  return {{"day", d.name},
          {"arrived", d.arrived},
          {"issued", d.issued},
          {"refused", d.refused},
          {"served", d.served},
          {"no_show", d.no_show},
          {"not_called_by_closing", d.not_called},
          {"waits", waits},
          {"estimators", {{"ours", score_json(ours)}, {"blind", score_json(blind)}, {"oracle", score_json(oracle)}}},
          {"ours_vs_oracle_within_share", oracle.within_share > 0 ? ours.within_share / oracle.within_share : 0},
          {"ektp_estimators", {{"ours", score_json(ours_e)}, {"blind", score_json(blind_e)}, {"oracle", score_json(oracle_e)}}},
          {"ektp_ours_vs_oracle_within_share", oracle_e.within_share > 0 ? ours_e.within_share / oracle_e.within_share : 0}};
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
  out += "   estimator        MAE (min)  within +/-25%  unknown\n";
  for (const char* name : {"ours", "blind", "oracle"}) {
    const auto& s = j["estimators"][name];
    std::snprintf(line, sizeof line, "   %-16s %9.1f %13.0f%% %8d\n", name, s["mae_min"].get<double>(),
                  100 * s["within_25pct_share"].get<double>(), s["unknown"].get<int>());
    out += line;
  }
  std::snprintf(line, sizeof line, "   ours reaches %.0f%% of the oracle's share within +/-25%%\n",
                100 * j["ours_vs_oracle_within_share"].get<double>());
  out += line;
  out += "   e-KTP services only (A, B: where the disruptions hit)\n";
  for (const char* name : {"ours", "blind", "oracle"}) {
    const auto& s = j["ektp_estimators"][name];
    std::snprintf(line, sizeof line, "   %-16s %9.1f %13.0f%% %8d\n", name, s["mae_min"].get<double>(),
                  100 * s["within_25pct_share"].get<double>(), s["unknown"].get<int>());
    out += line;
  }
  return out;
}

}  // namespace antrian::sim
