#pragma once
// The satisfaction survey's part of a report: the index (IKM, survey.h) of the
// range's answers for the whole office, per service and per loket, as JSON and CSV.
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "antrian/survey.h"
#include "web/report_data.h"

namespace antrian::web {

struct IkmRow {
  std::string group;  // "total", "service" or "loket"
  std::string key;    // "", the service code, the loket number
  std::string name_id, name_en;
  IkmResult ikm;
};

// The office's row first, then every service and loket that has answers.
std::vector<IkmRow> ikm_rows(const ReportInput& in);
nlohmann::json ikm_json(const std::vector<IkmRow>& rows);
// CSV rows (without header) and the header, for the "ikm" table.
std::string ikm_csv(const std::vector<IkmRow>& rows, const ReportRange& range);

}  // namespace antrian::web
