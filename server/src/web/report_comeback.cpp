#include "web/report_comeback.h"

#include <map>

#include "web/report_stats.h"  // csv_field

namespace antrian::web {
namespace {

void count(ComebackRow& r, const ComebackStep& s) {
  if (s.type == "joined") {
    ++r.joined;
    r.joined_kiosk += s.via == "kiosk";
    r.joined_refusal += s.via == "refusal";
    r.joined_bulk_move += s.via == "bulk_move";
  }
  r.invited += s.type == "invited";
  r.came += s.type == "came";
  r.expired += s.type == "expired";
}

}  // namespace

std::vector<ComebackRow> comeback_rows(const ReportInput& in) {
  ComebackRow total;
  total.name_id = in.office.short_name.empty() ? in.office.name : in.office.short_name;
  total.name_en = total.name_id;
  std::map<std::string, ComebackRow> by_service;
  for (const ComebackStep& s : in.comeback) {
    count(total, s);
    ComebackRow& r = by_service[s.service];
    if (r.service.empty()) {
      r.service = s.service;
      auto it = in.services.find(s.service);
      r.name_id = it != in.services.end() ? it->second.name_id : s.service;
      r.name_en = it != in.services.end() ? it->second.name_en : s.service;
    }
    count(r, s);
  }
  std::vector<ComebackRow> rows{total};
  for (auto& [_, r] : by_service) rows.push_back(r);
  return rows;
}

nlohmann::json comeback_json(const std::vector<ComebackRow>& rows) {
  nlohmann::json out = nlohmann::json::array();
  for (const ComebackRow& r : rows)
    out.push_back({{"service", r.service}, {"name_id", r.name_id}, {"name_en", r.name_en}, {"joined", r.joined},
                   {"joined_kiosk", r.joined_kiosk}, {"joined_refusal", r.joined_refusal},
                   {"joined_bulk_move", r.joined_bulk_move}, {"invited", r.invited}, {"came", r.came},
                   {"expired", r.expired}});
  return out;
}

std::string comeback_csv(const std::vector<ComebackRow>& rows, const ReportRange& range) {
  std::string out = "from,to,service,name_id,name_en,joined,joined_kiosk,joined_refusal,joined_bulk_move,invited,came,expired\r\n";
  for (const ComebackRow& r : rows)
    out += range.from + "," + range.to + "," + csv_field(r.service) + "," + csv_field(r.name_id) + "," +
           csv_field(r.name_en) + "," + std::to_string(r.joined) + "," + std::to_string(r.joined_kiosk) + "," +
           std::to_string(r.joined_refusal) + "," + std::to_string(r.joined_bulk_move) + "," +
           std::to_string(r.invited) + "," + std::to_string(r.came) + "," + std::to_string(r.expired) + "\r\n";
  return out;
}

}  // namespace antrian::web
