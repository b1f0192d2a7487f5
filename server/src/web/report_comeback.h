#pragma once
// The come-back list in the reports (issue 17): per service, how many joined (and how:
// at the kiosk, after a refusal, from a bulk move), were invited, came and expired in
// the period, from the events of the hub's log.
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "web/report_data.h"

namespace antrian::web {

struct ComebackRow {
  std::string service, name_id, name_en;  // service "" = the office's total
  int joined = 0, joined_kiosk = 0, joined_refusal = 0, joined_bulk_move = 0;
  int invited = 0, came = 0, expired = 0;
};

std::vector<ComebackRow> comeback_rows(const ReportInput& in);
nlohmann::json comeback_json(const std::vector<ComebackRow>& rows);
std::string comeback_csv(const std::vector<ComebackRow>& rows, const ReportRange& range);

}  // namespace antrian::web
