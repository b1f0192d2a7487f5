#include "web/report_survey.h"

#include <cstdio>
#include <map>

#include "antrian/strings.h"
#include "web/report_stats.h"  // csv_field

namespace antrian::web {
namespace {

std::string fixed2(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f", v);
  return buf;
}

}  // namespace

std::vector<IkmRow> ikm_rows(const ReportInput& in) {
  std::vector<SurveyAnswers> all;
  std::map<std::string, std::vector<SurveyAnswers>> by_service;
  std::map<int, std::vector<SurveyAnswers>> by_loket;
  for (const SurveyResponse& s : in.surveys) {
    all.push_back(s.answers);
    by_service[s.service].push_back(s.answers);
    if (s.counter > 0) by_loket[s.counter].push_back(s.answers);
  }
  std::vector<IkmRow> rows;
  rows.push_back({"total", "", in.office.short_name.empty() ? in.office.name : in.office.short_name, "",
                  compute_ikm(all)});
  for (const auto& [code, answers] : by_service) {
    auto it = in.services.find(code);
    rows.push_back({"service", code, it != in.services.end() ? it->second.name_id : code,
                    it != in.services.end() ? it->second.name_en : code, compute_ikm(answers)});
  }
  for (const auto& [number, answers] : by_loket) {
    auto it = in.counters.find(number);
    const std::string name = it != in.counters.end() ? it->second.name : "Loket " + std::to_string(number);
    rows.push_back({"loket", std::to_string(number), name, name, compute_ikm(answers)});
  }
  return rows;
}

nlohmann::json ikm_json(const std::vector<IkmRow>& rows) {
  nlohmann::json out = nlohmann::json::array();
  for (const IkmRow& r : rows) {
    nlohmann::json nrr = nlohmann::json::object();
    for (std::size_t i = 0; i < kSurveyElements; ++i)
      nrr[std::string(kSurveyElementKeys[i])] = r.ikm.responses ? nlohmann::json(r.ikm.nrr[i]) : nlohmann::json(nullptr);
    out.push_back({{"group", r.group},
                   {"key", r.key},
                   {"name_id", r.name_id},
                   {"name_en", r.name_en},
                   {"responses", r.ikm.responses},
                   {"nrr", nrr},
                   {"ikm", r.ikm.responses ? nlohmann::json(r.ikm.ikm) : nlohmann::json(nullptr)},
                   {"converted", r.ikm.responses ? nlohmann::json(r.ikm.converted) : nlohmann::json(nullptr)},
                   {"grade", std::string(1, r.ikm.grade)}});
  }
  return out;
}

std::string ikm_csv(const std::vector<IkmRow>& rows, const ReportRange& range) {
  std::string out = "from,to,group,key,name_id,name_en,responses";
  for (auto key : kSurveyElementKeys) out += ",nrr_" + std::string(key);
  out += ",ikm,ikm_converted,grade,grade_id\r\n";
  for (const IkmRow& r : rows) {
    out += range.from + "," + range.to + "," + r.group + "," + csv_field(r.key) + "," + csv_field(r.name_id) + "," +
           csv_field(r.name_en) + "," + std::to_string(r.ikm.responses);
    for (double n : r.ikm.nrr) out += "," + (r.ikm.responses ? fixed2(n) : std::string());
    out += "," + (r.ikm.responses ? fixed2(r.ikm.ikm) : std::string()) + "," +
           (r.ikm.responses ? fixed2(r.ikm.converted) : std::string()) + "," + std::string(1, r.ikm.grade) + "," +
           csv_field(tr(grade_key(r.ikm.grade), Lang::id)) + "\r\n";
  }
  return out;
}

}  // namespace antrian::web
