#include "web/ticket_status.h"

#include "antrian/comeback.h"
#include "antrian/eta.h"
#include "antrian/forecast.h"
#include "antrian/model_json.h"
#include "antrian/office_time.h"
#include "antrian/office_view.h"
#include "antrian/queue_rules.h"
#include "antrian/ticket_moves.h"
#include "web/comeback_view.h"
#include "web/readonly_db.h"

namespace antrian::web {
namespace {

using json = nlohmann::json;

int offset_of(const OfficeState& s) {
  int h = 7;
  timezone_offset_hours(s.office.timezone, h);
  return h;
}

json service_json(const OfficeState& s, const std::string& code) {
  auto it = s.services.find(code);
  if (it == s.services.end()) return {{"code", code}, {"name_id", code}, {"name_en", code}};
  return {{"code", code}, {"name_id", it->second.name_id}, {"name_en", it->second.name_en}};
}

json loket_json(const OfficeState& s, int number) {
  if (number <= 0) return nullptr;
  auto it = s.counters.find(number);
  return {{"number", number}, {"name", it == s.counters.end() ? "Loket " + std::to_string(number) : it->second.name}};
}

// The notice of the service's active disruptions, with the route the office offers.
json service_notice(const OfficeState& s, const std::string& code, int64_t now_ms) {
  const ServiceSummary x = service_summary(s, code, now_ms);
  json notices = json::array();
  for (const Disruption* d : x.disruptions) {
    auto r = s.resources.find(d->resource);
    notices.push_back({{"level", to_string(d->level)},
                       {"resource", d->resource},
                       {"resource_id", r == s.resources.end() ? d->resource : r->second.name_id},
                       {"resource_en", r == s.resources.end() ? d->resource : r->second.name_en},
                       {"message_id", d->message_id},
                       {"message_en", d->message_en},
                       {"started_at", d->started_at},
                       {"expected_end", d->expected_end ? json(*d->expected_end) : json(nullptr)}});
  }
  json out = {{"status", to_string(x.status)},
              {"expected_end", x.expected_end ? json(*x.expected_end) : json(nullptr)},
              {"disruptions", notices}};
  auto svc = s.services.find(code);
  if (x.status == ServiceStatus::halted && svc != s.services.end()) {
    out["alternative_id"] = svc->second.alternative_id;
    out["alternative_en"] = svc->second.alternative_en;
  }
  return out;
}

bool was_transferred(const Ticket& t) { return t.transferred_from != 0; }

// The come-back entry a closed ticket became (its token proves it is the holder's, so
// the page may show the code), or whether it may still join; null otherwise.
json comeback_status(const OfficeState& s, const Ticket& t, int64_t now_ms) {
  for (const auto& [_, e] : s.comeback)
    if (e.from_ticket == t.id) return comeback_entry_json(s, e, now_ms);
  // comeback_join takes a closed ticket of today (a bulk move's, or a cancel's).
  if (t.state == TicketState::cancelled && t.day == s.day) return {{"state", "can_join"}};
  return nullptr;
}

}  // namespace

bool valid_token_format(std::string_view token) {
  if (token.size() != 32) return false;
  for (char c : token)
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;  // the hub makes lower case only
  return true;
}

json office_header(const OfficeState& s) {
  return {{"name", s.office.name},
          {"short_name", s.office.short_name},
          {"timezone", s.office.timezone},
          {"offset_h", offset_of(s)},
          {"day", s.day}};
}

std::optional<json> ticket_status_today(const OfficeState& s, const std::string& token, int64_t now_ms) {
  if (!valid_token_format(token)) return std::nullopt;
  const Ticket* found = nullptr;
  for (const auto& [_, t] : s.tickets)
    if (t.token == token && (!found || t.id > found->id)) found = &t;  // the newest copy after transfers
  if (!found) return std::nullopt;
  return ticket_status_of(s, *found, now_ms);
}

json ticket_notice(const OfficeState& s, const std::string& service, int64_t now_ms) {
  return service_notice(s, service, now_ms);
}

json ticket_status_of(const OfficeState& s, const Ticket& t, int64_t now_ms, const TicketFigures* known) {
  json j = {{"today", true},
            {"label", t.label()},
            {"day", t.day},
            {"service", service_json(s, t.service)},
            {"priority", to_string(t.priority)},
            {"state", to_string(t.state)},
            {"issued_at", t.issued_at},
            {"called_at", t.called_at},
            {"recalls", t.recalls},
            {"transferred", was_transferred(t)},
            {"office", office_header(s)},
            {"notice", known ? known->notice : service_notice(s, t.service, now_ms)},
            {"position", nullptr},
            {"ahead", nullptr},
            {"eta_s", nullptr},
            {"loket", nullptr},
            {"target_loket", loket_json(s, t.target_counter)}};
  // Why it was moved or waits longer (a bulk move, a transfer, its loket on a break):
  // the one rule in shared/ (ticket_moves.h), worded in both languages.
  j["move"] = nullptr;
  if (const TicketMove m = ticket_move(s, t); !m.kind.empty())
    j["move"] = {{"kind", m.kind}, {"text_id", m.text_id}, {"text_en", m.text_en}};
  if (t.state == TicketState::waiting) {
    const int ahead = known ? known->ahead : ahead_of(s, t);
    j["ahead"] = ahead;
    j["position"] = ahead + 1;
    // The hub's forecast, the same figure the counter list and the displays show.
    j["eta_low_s"] = nullptr;
    j["eta_high_s"] = nullptr;
    if (auto w = forecast_ticket_wait(s, t.id, now_ms)) {
      j["eta_s"] = w->eta_s;
      j["eta_low_s"] = w->low_s;
      j["eta_high_s"] = w->high_s;
    }
  }
  if (t.counter > 0 && t.state != TicketState::waiting) j["loket"] = loket_json(s, t.counter);
  j["comeback"] = comeback_status(s, t, now_ms);
  // The satisfaction survey, once a service is finished (today only: survey_submit).
  j["survey"] = nullptr;
  if (t.state == TicketState::done) {
    j["survey"] = "open";
    for (const TicketStep& st : t.history)
      if (st.what == "surveyed") j["survey"] = "answered";
  }
  return j;
}

std::optional<Ticket> find_past_ticket(const std::string& db_path, const OfficeState& s, const std::string& token,
                                       int64_t now_ms, int days_back) {
  if (!valid_token_format(token) || db_path.empty()) return std::nullopt;
  auto db = ReadonlyDb::open(db_path);
  if (!db) return std::nullopt;
  const std::string since = business_day(now_ms - int64_t(days_back) * 86'400'000, offset_of(s));
  std::optional<Ticket> found;
  // The cheap day test comes first so the JSON is only read for recent rows.
  auto r = db->query(
      "SELECT json FROM entities WHERE kind = 'ticket' AND day >= ?1 AND day < ?2 "
      "AND json_extract(json, '$.token') = ?3",
      {since, s.day, token}, [&](const ReadonlyDb::Row& row) {
        try {
          Ticket t = ticket_from_json(json::parse(row.text(0)));
          if (!found || t.id > found->id) found = std::move(t);
        } catch (const std::exception&) {
        }
      });
  if (!r) return std::nullopt;
  return found;
}

json past_ticket_view(const OfficeState& s, const Ticket& t, int64_t now_ms) {
  return json{{"today", false},
              {"label", t.label()},
              {"day", t.day},
              {"service", service_json(s, t.service)},
              {"priority", to_string(t.priority)},
              {"state", to_string(t.state)},
              {"issued_at", t.issued_at},
              {"called_at", t.called_at},
              {"recalls", t.recalls},
              {"transferred", was_transferred(t)},
              {"office", office_header(s)},
              {"notice", nullptr},
              {"position", nullptr},
              {"ahead", nullptr},
              {"eta_s", nullptr},
              {"loket", t.counter > 0 ? loket_json(s, t.counter) : json(nullptr)},
              {"target_loket", nullptr},
              {"comeback", comeback_status(s, t, now_ms)}};
}

bool comeback_open_for(const OfficeState& s, const Ticket& t) {
  for (const auto& [_, e] : s.comeback)
    if (e.from_ticket == t.id && e.is_open()) return true;
  return false;
}

std::optional<json> ticket_status_past(const std::string& db_path, const OfficeState& s, const std::string& token,
                                       int64_t now_ms, int days_back) {
  auto t = find_past_ticket(db_path, s, token, now_ms, days_back);
  if (!t) return std::nullopt;
  return past_ticket_view(s, *t, now_ms);
}

}  // namespace antrian::web
