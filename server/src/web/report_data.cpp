#include "web/report_data.h"

#include "antrian/booking.h"

#include <algorithm>
#include <cstdio>

#include <nlohmann/json.hpp>

#include "antrian/model_json.h"
#include "antrian/office_time.h"
#include "web/readonly_db.h"

namespace antrian::web {
namespace {

using json = nlohmann::json;

struct Ymd {
  int y = 0, m = 0, d = 0;
};

bool days_in_month_ok(const Ymd& x) {
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (x.m < 1 || x.m > 12 || x.d < 1) return false;
  const bool leap = (x.y % 4 == 0 && x.y % 100 != 0) || x.y % 400 == 0;
  return x.d <= kDays[x.m - 1] + (x.m == 2 && leap ? 1 : 0);
}

std::optional<Ymd> parse_ymd(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
  for (int i : {0, 1, 2, 3, 5, 6, 8, 9})
    if (s[i] < '0' || s[i] > '9') return std::nullopt;
  Ymd x{std::stoi(std::string(s.substr(0, 4))), std::stoi(std::string(s.substr(5, 2))),
        std::stoi(std::string(s.substr(8, 2)))};
  if (x.y < 2000 || x.y > 2200 || !days_in_month_ok(x)) return std::nullopt;
  return x;
}

int64_t midnight_utc_ms(const Ymd& x) { return local_midnight_ms(x.y, x.m, x.d, 0); }

// Why a ticket was refused: the event's "limited_by" ("quota", "blangko", "hours" or
// "numbers"); events logged before the hub gave that field are read from their reason
// text, only as a fallback.
std::string refusal_kind(const json& d) {
  if (d.contains("limited_by") && d["limited_by"].is_string()) return d["limited_by"].get<std::string>();
  const std::string text = d.value("reason", std::string());
  if (text.find("ticket numbers") != std::string::npos) return "numbers";
  if (text.find("quota") != std::string::npos) return "quota";
  if (text.find("blangko") != std::string::npos) return "blangko";
  if (text.find("closing time") != std::string::npos) return "hours";
  return "other";
}

}  // namespace

std::string shift_day(const std::string& day, int delta) {
  auto x = parse_ymd(day);
  if (!x) return day;
  return business_day(midnight_utc_ms(*x) + int64_t(delta) * 86'400'000 + 3'600'000, 0);
}

Result<ReportRange> parse_report_range(std::string_view from, std::string_view to) {
  auto f = parse_ymd(from);
  if (!f) return make_error("bad_request", "from: give a date as YYYY-MM-DD, e.g. 2026-03-02");
  auto t = to.empty() ? f : parse_ymd(to);
  if (!t) return make_error("bad_request", "to: give a date as YYYY-MM-DD, e.g. 2026-03-02");
  const int64_t days = (midnight_utc_ms(*t) - midnight_utc_ms(*f)) / 86'400'000 + 1;
  if (days < 1) return make_error("bad_request", "to must not be before from");
  if (days > kMaxReportDays)
    return make_error("bad_request", "a report covers at most " + std::to_string(kMaxReportDays) + " days");
  return ReportRange{std::string(from), std::string(to.empty() ? from : to), int(days)};
}

Result<ReportInput> load_report_input(const std::string& db_path, const ReportRange& range, int64_t now_ms,
                                      const std::string& today) {
  auto db = ReadonlyDb::open(db_path);
  if (!db) return db.error();
  ReportInput in;
  in.range = range;
  in.now_ms = now_ms;
  in.today = today;
  std::string bad;  // the first unreadable row, reported instead of silently skipped
  auto each = [&](const char* sql, const std::vector<ReadonlyDb::Value>& binds, auto&& f) {
    return db->query(sql, binds, [&](const ReadonlyDb::Row& row) {
      try {
        f(row);
      } catch (const std::exception& e) {
        if (bad.empty()) bad = e.what();
      }
    });
  };
  Result<Ok> r = each("SELECT kind, json FROM entities WHERE kind IN ('office','service','counter','staff','resource')",
                      {}, [&](const ReadonlyDb::Row& row) {
                        const std::string kind = row.text(0);
                        const json j = json::parse(row.text(1));
                        if (kind == "office") in.office = office_from_json(j);
                        else if (kind == "service") { Service s = service_from_json(j); in.services[s.code] = s; }
                        else if (kind == "counter") { Counter c = counter_from_json(j); in.counters[c.number] = c; }
                        else if (kind == "staff") in.staff_names[j.at("id").get<std::string>()] = j.value("name", "");
                        else if (kind == "resource") { Resource x = resource_from_json(j); in.resources[x.id] = x; }
                      });
  if (!r) return r.error();
  timezone_offset_hours(in.office.timezone, in.offset_h);
  auto f = parse_ymd(range.from);
  auto t = parse_ymd(range.to);
  in.start_ms = local_midnight_ms(f->y, f->m, f->d, in.offset_h);
  in.end_ms = local_midnight_ms(t->y, t->m, t->d, in.offset_h) + 86'400'000;

  r = each("SELECT json FROM entities WHERE kind = 'ticket' AND day >= ?1 AND day <= ?2",
           {range.from, range.to},
           [&](const ReadonlyDb::Row& row) { in.tickets.push_back(ticket_from_json(json::parse(row.text(0)))); });
  if (!r) return r.error();
  r = each("SELECT json FROM entities WHERE kind = 'disruption'", {}, [&](const ReadonlyDb::Row& row) {
    in.disruptions.push_back(disruption_from_json(json::parse(row.text(0))));
  });
  if (!r) return r.error();
  // One issue_refused event per ticket the office could not take (when the hub logs them).
  r = each("SELECT data FROM events WHERE type = 'issue_refused' AND at >= ?1 AND at < ?2",
           {in.start_ms, in.end_ms}, [&](const ReadonlyDb::Row& row) {
             const json d = json::parse(row.text(0));
             Refusal x;
             x.service = d.value("service", std::string());
             if (x.service.empty() && d.contains("refused") && d["refused"].is_object() && d["refused"].size() == 1)
               x.service = d["refused"].begin().key();
             x.reason = refusal_kind(d);
             in.refusals.push_back(x);
           });
  if (!r) return r.error();
  // Bookings: each one's latest state, kept in the entities table; those moved away
  // from a day of the range too (counted as moved there).
  r = each("SELECT json FROM entities WHERE kind = 'booking'", {}, [&](const ReadonlyDb::Row& row) {
    Booking b = booking_from_json(json::parse(row.text(0)));
    const std::string from_day = b.moved_from.substr(0, std::min<std::size_t>(10, b.moved_from.size()));
    if ((b.date >= range.from && b.date <= range.to) || (!from_day.empty() && from_day >= range.from && from_day <= range.to))
      in.bookings.push_back(std::move(b));
  });
  if (!r) return r.error();
  // One survey_answered event per ticket whose satisfaction survey was answered.
  r = each("SELECT data FROM events WHERE type = 'survey_answered' AND at >= ?1 AND at < ?2",
           {in.start_ms, in.end_ms}, [&](const ReadonlyDb::Row& row) {
             const json d = json::parse(row.text(0));
             auto answers = parse_survey_answers(d.value("answers", json()));
             if (!answers) {
               bad = "a survey_answered event with " + answers.error().reason;
               return;
             }
             in.surveys.push_back({d.value("service", std::string()), d.value("counter", 0), *answers});
           });
  if (!r) return r.error();
  // The come-back list's steps: each event lists the entries it changed.
  r = each("SELECT type, data FROM events WHERE type IN ('comeback_joined', 'comeback_invited', 'comeback_checked_in', "
           "'comeback_expired') AND at >= ?1 AND at < ?2",
           {in.start_ms, in.end_ms}, [&](const ReadonlyDb::Row& row) {
             const std::string type = row.text(0);
             const std::string kind = type == "comeback_joined"    ? "joined"
                                      : type == "comeback_invited" ? "invited"
                                      : type == "comeback_expired" ? "expired"
                                                                   : "came";
             const json d = json::parse(row.text(1));
             if (!d.contains("comeback") || !d["comeback"].is_array()) return;
             for (const json& e : d["comeback"])
               if (e.is_object()) in.comeback.push_back({kind, e.value("service", std::string()), e.value("via", std::string())});
           });
  if (!r) return r.error();
  if (!bad.empty()) return make_error("storage", "the database has a row this hub cannot read: " + bad);
  return in;
}

}  // namespace antrian::web
