#include "web/comeback_view.h"

#include "antrian/comeback.h"
#include "antrian/office_time.h"
#include "web/ticket_status.h"

namespace antrian::web {

using json = nlohmann::json;

json comeback_entry_json(const OfficeState& s, const ComebackEntry& e, int64_t now_ms) {
  json j = {{"state", e.state}, {"code", e.code}, {"window_from", e.window_from}, {"window_until", e.window_until},
            {"position", nullptr}, {"window_id", ""}, {"window_en", ""}};
  if (e.state == "waiting") j["position"] = comeback_position(s, e);
  if (e.state == "invited") {
    int offset = 7;
    timezone_offset_hours(s.office.timezone, offset);
    j["window_id"] = comeback_window_text(e, now_ms, offset, Lang::id);
    j["window_en"] = comeback_window_text(e, now_ms, offset, Lang::en);
  }
  return j;
}

const ComebackEntry* find_comeback_entry(const OfficeState& s, const std::string& code) {
  for (const auto& [_, e] : s.comeback)
    if (e.code == code) return &e;
  return nullptr;
}

json comeback_page_view(const OfficeState& s, const ComebackEntry& e, int64_t now_ms) {
  json j = comeback_entry_json(s, e, now_ms);
  auto svc = s.services.find(e.service);
  j["service"] = {{"code", e.service},
                  {"name_id", svc == s.services.end() ? e.service : svc->second.name_id},
                  {"name_en", svc == s.services.end() ? e.service : svc->second.name_en}};
  j["via"] = e.via;
  j["joined_at"] = e.joined_at;
  j["ticket"] = nullptr;  // the number it became at check-in (today's state only)
  if (auto t = s.tickets.find(e.ticket_id); e.ticket_id != 0 && t != s.tickets.end()) j["ticket"] = t->second.label();
  j["office"] = office_header(s);
  return j;
}

}  // namespace antrian::web
